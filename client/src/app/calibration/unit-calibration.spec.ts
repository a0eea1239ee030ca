import type { HttpTestingController } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { Role, UnitCalibration } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { waitForLayout } from '../../testing/wait-for-layout';
import { CYCLE_ID, UNIT_ID, aRow, aUnitCalibration } from './calibration.fixture';
import { UnitCalibrationPage } from './unit-calibration';

const UNIT_URL = `/api/cycles/${CYCLE_ID}/calibration/${UNIT_ID}`;

describe('UnitCalibrationPage', () => {
  let fixture: ComponentFixture<UnitCalibrationPage>;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let backend: HttpTestingController;

  beforeEach(() => {
    backend = configureApiTestBed(provideRouter([]), provideNoopAnimations());
  });
  afterEach(() => backend.verify());

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function textsOf(selector: string): string[] {
    return Array.from(page().querySelectorAll(selector), (node) => node.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  /** Each matching element as the texts of its children, so cells stay apart. */
  function partsOf(selector: string): string[][] {
    return Array.from(page().querySelectorAll(selector), (node) =>
      Array.from(node.children, (child) => child.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
    );
  }

  async function render(calibration: UnitCalibration = aUnitCalibration(), roles: Role[] = ['assessor'], width?: number): Promise<void> {
    signIn(aMe({ roles }));
    fixture = TestBed.createComponent(UnitCalibrationPage);
    if (width) page().style.width = `${width}px`;
    page().style.display = 'block';
    fixture.componentRef.setInput('id', CYCLE_ID);
    fixture.componentRef.setInput('unitId', UNIT_ID);
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    backend.expectOne(UNIT_URL).flush(calibration);
    await waitForLayout(fixture);
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function openChange(name: string): Promise<MatDialogHarness> {
    await (await loader.getHarness(MatButtonHarness.with({ selector: `[aria-label="调整 ${name} 的等次"]` }))).click();
    return root.getHarness(MatDialogHarness);
  }

  async function reasonInput(dialog: MatDialogHarness): Promise<MatInputHarness> {
    const field = await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: '调整理由' }));
    return (await field.getControl(MatInputHarness))!;
  }

  it('shows the ranked list with totals, the three grades and the veto and change markers', async () => {
    await render();

    expect(partsOf('table.ranking tbody tr').map((cells) => cells.slice(0, 8))).toEqual([
      ['1', '陈静', '观音桥街道办事处副主任', '91.25', '优秀', '优秀', '优秀', ''],
      ['2', '王强', '党工委委员', '88.50', '优秀', '称职', '称职', ''],
      ['3', '李娜', '科员', '80.00', '称职', '称职', '称职', ''],
      ['4', '赵磊', '科员', '79.00', '称职', '称职', '基本称职', '已调整'],
      ['5', '孙敏', '科员', '70.00', '称职', '不称职', '不称职', '否决'],
    ]);
    expect(page().querySelector('table.ranking tbody a')?.getAttribute('href')).toBe(`/cycles/${CYCLE_ID}/results/65c000000000000000000001`);
  });

  it('draws the grade distribution with the 优秀 cap, and lists the counts as text', async () => {
    await render();

    expect(page().querySelector('cadre-grade-chart ngx-charts-bar-vertical svg')).not.toBeNull();
    expect(textsOf('cadre-grade-chart .ref-line text, cadre-grade-chart .ref-line .refLabel')).toContain('优秀名额 1');
    expect(textsOf('.grade-counts li')).toEqual(['优秀 1 （优秀名额 1）', '称职 2', '基本称职 1', '不称职 1']);
  });

  it('fits a 360 px phone, the ranked list scrolling inside its card', async () => {
    await render(aUnitCalibration(), ['assessor'], 360);

    expect(page().querySelector('cadre-grade-chart svg')!.getBoundingClientRect().width).toBeLessThanOrEqual(360);
    expect(page().scrollWidth).toBeLessThanOrEqual(360);
    const scroller = page().querySelector<HTMLElement>('.table-scroller')!;
    expect(scroller.clientWidth).toBeLessThanOrEqual(360);
  });

  it('shows each pattern flag with its detail', async () => {
    await render();

    expect(textsOf('.flag')).toEqual(['疑似“优秀轮流当” 近三年优秀依次为 王强、陈静、王强']);
  });

  it('requires a reason of at least five characters before a change is sent', async () => {
    await render();
    const dialog = await openChange('李娜');
    await (await dialog.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: '基本称职' });
    await (await reasonInput(dialog)).setValue('不足');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '确认调整' }))).click();

    const field = await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: '调整理由' }));
    expect(await field.getTextErrors()).toEqual(['请说明调整理由（至少 5 个字）']);
    backend.expectNone({ method: 'POST' });
  });

  it('checks the 优秀 quota while the grade is chosen, and sends nothing over it', async () => {
    await render();
    const dialog = await openChange('王强');
    const save = await dialog.getHarness(MatButtonHarness.with({ text: '确认调整' }));
    expect(await save.isDisabled()).toBeTrue();

    await (await dialog.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: '优秀' });
    expect(await dialog.getText()).toContain('本单位优秀名额已满（1/1）');
    expect(await save.isDisabled()).toBeTrue();

    await (await dialog.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: '基本称职' });
    expect(await dialog.getText()).not.toContain('“优秀”名额');
    expect(await save.isDisabled()).toBeFalse();
  });

  it('posts the change with the unit’s revision and shows the answer', async () => {
    await render();
    const dialog = await openChange('陈静');
    await (await dialog.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: '称职' });
    await (await reasonInput(dialog)).setValue('年内发生安全生产责任事故');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '确认调整' }))).click();

    const request = backend.expectOne({ method: 'POST', url: UNIT_URL });
    expect(request.request.body).toEqual({ revision: 7, cadreId: '65c000000000000000000001', grade: '称职', reason: '年内发生安全生产责任事故' });
    const updated = aUnitCalibration({ revision: 8, distribution: { 优秀: 0, 称职: 3, 基本称职: 1, 不称职: 1 } });
    updated.rows[0] = aRow({ finalGrade: '称职', changed: true });
    request.flush(updated);
    await settle();

    expect(partsOf('table.ranking tbody tr')[0]?.slice(6, 8)).toEqual(['称职', '已调整']);
    expect(await (await root.getHarness(MatSnackBarHarness)).getMessage()).toBe('已将 陈静 调整为“称职”');
  });

  it('keeps the dialog open with the server’s message when the unit changed meanwhile', async () => {
    await render();
    const dialog = await openChange('李娜');
    await (await dialog.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: '基本称职' });
    await (await reasonInput(dialog)).setValue('群众满意度较低');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '确认调整' }))).click();

    backend
      .expectOne({ method: 'POST', url: UNIT_URL })
      .flush(aProblem(409, 'version_conflict', { title: '他人已修改本单位的等次，请刷新后重试' }), { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(await dialog.getText()).toContain('他人已修改本单位的等次，请刷新后重试');
  });

  it('puts the server’s field message of a 400 under the reason', async () => {
    await render();
    const dialog = await openChange('李娜');
    await (await dialog.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: '基本称职' });
    await (await reasonInput(dialog)).setValue('群众满意度较低');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '确认调整' }))).click();

    backend
      .expectOne({ method: 'POST', url: UNIT_URL })
      .flush(aProblem(400, 'validation_failed', { title: '输入有误', errors: [{ path: 'body.reason', message: '理由不能只有标点' }] }), {
        status: 400,
        statusText: 'Bad Request',
      });
    await fixture.whenStable();

    const field = await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: '调整理由' }));
    expect(await field.getTextErrors()).toEqual(['理由不能只有标点']);
  });

  it('shows a locked unit read-only with the lock notice', async () => {
    await render(aUnitCalibration({ locked: true }));

    expect(textsOf('.lock-notice')).toEqual(['本周期已锁定，等次不能再修改。']);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: '调整' }))).toEqual([]);
  });

  it('offers no change to a reader without calibration:write', async () => {
    await render(aUnitCalibration(), ['unit_manager']);

    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: '调整' }))).toEqual([]);
  });

  it('says so when the unit has nobody to rank', async () => {
    await render(aUnitCalibration({ rows: [], flags: [], distribution: { 优秀: 0, 称职: 0, 基本称职: 0, 不称职: 0 } }));

    expect(textsOf('.none')).toEqual(['本单位没有参评干部']);
    expect(page().querySelector('.flags')).toBeNull();
  });

  it('shows the problem of a failed load, with a retry', async () => {
    signIn(aMe({ roles: ['assessor'] }));
    fixture = TestBed.createComponent(UnitCalibrationPage);
    fixture.componentRef.setInput('id', CYCLE_ID);
    fixture.componentRef.setInput('unitId', UNIT_ID);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    backend.expectOne(UNIT_URL).flush(aProblem(409, 'cycle_not_closed', { title: '本周期尚未结束测评' }), { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(page().textContent).toContain('本周期尚未结束测评');
    await (await loader.getHarness(MatButtonHarness.with({ text: '重试' }))).click();
    backend.expectOne(UNIT_URL).flush(aUnitCalibration());
    await fixture.whenStable();
    expect(textsOf('.subtitle')).toEqual(['观音桥街道']);
  });
});
