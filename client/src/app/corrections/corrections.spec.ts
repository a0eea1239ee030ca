import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { CorrectionRequest } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { RECORD_ID } from '../cadres/cadre-record.fixture';
import { aCorrection } from './correction.fixture';
import { Corrections } from './corrections';

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
    expectList('rejected').flush({ items: [aCorrection({ status: 'rejected', decisionReason: '无证明材料', decidedBy: 'demo.unit', decidedAt: '2025-03-03T08:00:00.000Z' })], total: 1 });
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

  it('approves with a reason and then offers to edit the record', async () => {
    await render();
    const dialog = await decide('同意');
    expect(await dialog.getText()).toContain('同意后请修改该干部的档案');

    await (await (await reasonField(dialog)).getControl(MatInputHarness))!.setValue('与户口簿一致');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '同意' }))).click();
    backend.expectOne({ method: 'POST', url: '/api/corrections/65e000000000000000000001/decision' }).flush(aCorrection({ status: 'approved' }));
    await settle();
    expectList('pending').flush({ items: [], total: 0 });

    const snackBar = await root.getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('已同意 陈静 的更正申请，请修改档案');
    expect(await snackBar.getActionDescription()).toBe('修改档案');
  });

  it('links an approved request to the record’s edit page', async () => {
    signIn(aMe({ roles: ['org_admin'] }));
    fixture = TestBed.createComponent(Corrections);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    expectList('pending').flush({ items: [aCorrection({ status: 'approved', decisionReason: '属实', decidedBy: 'demo.org', decidedAt: '2025-03-03T08:00:00.000Z' })], total: 1 });
    await fixture.whenStable();

    const edit = await loader.getHarness(MatButtonHarness.with({ text: '修改档案' }));
    expect(await (await edit.host()).getAttribute('href')).toBe(`/cadres/${RECORD_ID}/edit`);
  });

  it('keeps the dialog open with the server’s reason when the request was already decided', async () => {
    await render();
    const dialog = await decide('同意');
    await (await (await reasonField(dialog)).getControl(MatInputHarness))!.setValue('与户口簿一致');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '同意' }))).click();

    backend
      .expectOne({ method: 'POST', url: '/api/corrections/65e000000000000000000001/decision' })
      .flush(aProblem(409, 'not_pending', { title: '该申请已被处理' }), { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(await dialog.getText()).toContain('该申请已被处理');
  });
});
