import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { CorrectionRequest } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { RECORD_ID, aCadreRecord } from '../cadres/cadre-record.fixture';
import { aCorrection } from './correction.fixture';
import { Corrections } from './corrections';
import { dotted } from '../cadres/record-format';

describe('Corrections', () => {
  let fixture: ComponentFixture<Corrections>;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let backend: HttpTestingController;

  beforeEach(() => {
    backend = configureApiTestBed(provideRouter([]), provideNoopAnimations());
  });
  afterEach(() => backend.verify());

  function expectList(status: string | null): TestRequest {
    return backend.expectOne((r) => r.url === '/api/corrections' && r.params.get('status') === status);
  }

  async function render(items: CorrectionRequest[] = [aCorrection()]): Promise<void> {
    signIn(aMe({ roles: ['unit_manager'] }));
    fixture = TestBed.createComponent(Corrections);
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    expectList('pending').flush({ items, total: items.length });
    await fixture.whenStable();
  }

  /** Dialogs report their result after closing, a task later; the reload follows from that. */
  async function settle(): Promise<void> {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  function requestTexts(): string[] {
    return Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('.request'), (node) => node.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  async function decide(action: '同意' | '驳回'): Promise<MatDialogHarness> {
    await (await loader.getHarness(MatButtonHarness.with({ text: action }))).click();
    return root.getHarness(MatDialogHarness);
  }

  async function reasonField(dialog: MatDialogHarness): Promise<MatFormFieldHarness> {
    return dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: '审核意见' }));
  }

  it('lists pending requests with the cadre, the field, the record’s text beside the proposed one, and the reason', async () => {
    await render();

    const [text] = requestTexts();
    for (const part of ['陈静', '观音桥街道', '待审核', '出生地', '重庆石柱', '重庆石柱县南宾镇', '以户口簿为准']) expect(text).toContain(part);
    expect((fixture.nativeElement as HTMLElement).querySelector('.request a.cadre')?.getAttribute('href')).toBe(`/cadres/${RECORD_ID}`);
  });

  it('filters by status, and shows every request under 全部', async () => {
    await render();

    await (await loader.getHarness(MatButtonToggleHarness.with({ text: '已驳回' }))).toggle();
    expectList('rejected').flush({ items: [aCorrection({ status: 'rejected', decisionReason: '无证明材料', decidedByName: '王科长', decidedAt: '2025-03-03T08:00:00.000Z' })], total: 1 });
    await fixture.whenStable();
    expect(requestTexts()[0]).toContain('无证明材料');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: '同意' }))).toEqual([]);

    await (await loader.getHarness(MatButtonToggleHarness.with({ text: '全部' }))).toggle();
    expectList(null).flush({ items: [], total: 0 });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('.empty')?.textContent).toBe('没有符合条件的更正申请');
  });

  it('requires a reason to reject, then posts the decision and reloads', async () => {
    await render();
    const dialog = await decide('驳回');

    await (await dialog.getHarness(MatButtonHarness.with({ text: '驳回' }))).click();
    expect(await (await reasonField(dialog)).getTextErrors()).toEqual(['请填写审核意见']);
    backend.expectNone({ method: 'POST' });

    await (await (await reasonField(dialog)).getControl(MatInputHarness))!.setValue('无证明材料');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '驳回' }))).click();
    const request = backend.expectOne({ method: 'POST', url: '/api/corrections/65e000000000000000000001/decision' });
    expect(request.request.body).toEqual({ decision: 'rejected', reason: '无证明材料' });
    request.flush(aCorrection({ status: 'rejected', decisionReason: '无证明材料' }));
    await settle();

    expectList('pending').flush({ items: [], total: 0 });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('.empty')?.textContent).toBe('没有待审核的更正申请');
  });

  async function approve(): Promise<MatDialogHarness> {
    await (await loader.getHarness(MatButtonHarness.with({ text: '同意' }))).click();
    backend.expectOne({ method: 'GET', url: `/api/cadres/${RECORD_ID}` }).flush(aCadreRecord());
    await fixture.whenStable();
    return root.getHarness(MatDialogHarness);
  }

  async function valueField(dialog: MatDialogHarness, label: string): Promise<MatInputHarness> {
    return (await (await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }))).getControl(MatInputHarness))!;
  }

  it('approves with the proposed value filled in from the record’s current one, and shows who decided', async () => {
    await render();
    const dialog = await approve();
    const text = await dialog.getText();
    for (const part of ['陈静 申请更正“出生地”', '重庆石柱', '重庆石柱县南宾镇', '以户口簿为准', '更正后的档案内容']) expect(text).toContain(part);
    expect(await (await valueField(dialog, '出生地')).getValue()).toBe('重庆石柱县南宾镇');

    await (await (await reasonField(dialog)).getControl(MatInputHarness))!.setValue('与户口簿一致');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '同意' }))).click();
    const request = backend.expectOne({ method: 'POST', url: '/api/corrections/65e000000000000000000001/decision' });
    expect(request.request.body).toEqual({ decision: 'approved', reason: '与户口簿一致', version: 4, change: { birthPlace: '重庆石柱县南宾镇' } });
    request.flush(aCorrection({ status: 'approved', appliedVersion: 5 }));
    await settle();
    expectList('pending').flush({ items: [], total: 0 });

    expect(await (await root.getHarness(MatSnackBarHarness)).getMessage()).toBe('已同意 陈静 的更正申请，档案已更正');
  });

  it('sends the value as the approver adjusted it, and puts a refusal on the field', async () => {
    await render();
    const dialog = await approve();
    await (await valueField(dialog, '出生地')).setValue('重庆市石柱县南宾街道');
    await (await (await reasonField(dialog)).getControl(MatInputHarness))!.setValue('按户口簿写全');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '同意' }))).click();

    const request = backend.expectOne({ method: 'POST', url: '/api/corrections/65e000000000000000000001/decision' });
    expect(request.request.body.change).toEqual({ birthPlace: '重庆市石柱县南宾街道' });
    request.flush(
      aProblem(400, 'validation_failed', { errors: [{ path: 'body.change.birthPlace', message: '不超过 30 个字' }] }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(await (await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: '出生地' }))).getTextErrors()).toEqual(['不超过 30 个字']);
  });

  it('fills a month the cadre wrote as the record writes months, and keeps the record’s value when the text is no month', async () => {
    await render([aCorrection({ field: 'workStartMonth', currentValue: '2003.07', proposedValue: '2003年8月' })]);
    const dialog = await approve();
    expect(await (await valueField(dialog, '参加工作时间')).getValue()).toBe('2003.08');
    await dialog.close();

    await (await loader.getHarness(MatButtonToggleHarness.with({ text: '全部' }))).toggle();
    expectList(null).flush({ items: [aCorrection({ field: 'workStartMonth', proposedValue: '毕业当年' })], total: 1 });
    await fixture.whenStable();
    const second = await approve();
    expect(await (await valueField(second, '参加工作时间')).getValue()).toBe(dotted(aCadreRecord().workStartMonth));
  });

  it('under 其他, lets the approver choose the record item to change, or change nothing', async () => {
    await render([aCorrection({ field: 'other', currentValue: '', proposedValue: '专长应为财务管理', reason: '填写有误' })]);
    const dialog = await approve();
    const target = (await (await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: '要修改的档案项目' }))).getControl(MatSelectHarness))!;
    await target.open();
    await target.clickOptions({ text: '熟悉专业有何专长' });
    await (await valueField(dialog, '熟悉专业有何专长')).setValue('财务管理');
    await (await (await reasonField(dialog)).getControl(MatInputHarness))!.setValue('属实');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '同意' }))).click();

    const request = backend.expectOne({ method: 'POST', url: '/api/corrections/65e000000000000000000001/decision' });
    expect(request.request.body.change).toEqual({ expertise: '财务管理' });
    request.flush(aCorrection({ status: 'approved' }));
    await settle();
    expectList('pending').flush({ items: [], total: 0 });
  });

  it('shows who decided by display name', async () => {
    signIn(aMe({ roles: ['org_admin'] }));
    fixture = TestBed.createComponent(Corrections);
    await fixture.whenStable();
    expectList('pending').flush({ items: [aCorrection({ status: 'approved', decisionReason: '属实', decidedByName: '王科长', decidedAt: '2025-03-03T08:00:00.000Z' })], total: 1 });
    await fixture.whenStable();

    expect(requestTexts()[0]).toContain('王科长 审核于');
  });

  it('keeps the dialog open with the server’s reason when the request was already decided', async () => {
    await render();
    const dialog = await approve();
    await (await (await reasonField(dialog)).getControl(MatInputHarness))!.setValue('与户口簿一致');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '同意' }))).click();

    backend
      .expectOne({ method: 'POST', url: '/api/corrections/65e000000000000000000001/decision' })
      .flush(aProblem(409, 'not_pending', { title: '该申请已被处理' }), { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(await dialog.getText()).toContain('该申请已被处理');
  });
});
