import type { HttpTestingController } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { CalibrationUnitList, Cycle } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { Calibration } from './calibration';
import { CYCLE_ID, UNIT_ID, aCycle, aUnitList } from './calibration.fixture';

describe('Calibration', () => {
  let fixture: ComponentFixture<Calibration>;
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

  function answer(cycle: Cycle, units: CalibrationUnitList): void {
    backend.expectOne(`/api/cycles/${CYCLE_ID}`).flush(cycle);
    backend.expectOne(`/api/cycles/${CYCLE_ID}/calibration-units`).flush(units);
  }

  async function render(cycle: Cycle = aCycle(), units: CalibrationUnitList = aUnitList()): Promise<void> {
    signIn(aMe({ roles: ['assessor'] }));
    fixture = TestBed.createComponent(Calibration);
    fixture.componentRef.setInput('id', CYCLE_ID);
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    answer(cycle, units);
    await fixture.whenStable();
  }

  /** Dialogs report their result after closing, a task later. */
  async function settle(): Promise<void> {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  it('lists each unit with its size, 优秀 used against the cap, how many were changed, and a flag', async () => {
    await render();

    expect(textsOf('.subtitle')).toEqual(['2026年度考核 · 校准中']);
    expect(textsOf('.unit .facts')).toEqual(['10 人 优秀 2/2 已调整 1 人', '5 人 优秀 0/1']);
    expect(page().querySelector('.unit a')?.getAttribute('href')).toBe(`/cycles/${CYCLE_ID}/calibration/${UNIT_ID}`);
    const flags = page().querySelectorAll('.unit cadre-flag-icon svg');
    expect(flags.length).toBe(1);
    expect(flags[0]?.getAttribute('aria-label')).toBe('疑似“优秀轮流当”，请查看单位详情');
  });

  it('marks a unit whose 优秀 exceed the cap', async () => {
    await render(aCycle(), aUnitList({ excellent: 3, excellentCap: 2 }));

    expect(textsOf('.facts .over')).toEqual(['优秀 3/2']);
  });

  it('says so when the cycle has no unit to calibrate', async () => {
    await render(aCycle(), { items: [] });

    expect(textsOf('.units .none')).toEqual(['本周期没有需要校准的单位']);
  });

  it('locks the cycle only after confirming that grades can no longer change, then shows it locked', async () => {
    await render();

    await (await loader.getHarness(MatButtonHarness.with({ text: '锁定等次' }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getText()).toContain('锁定后等次不能再修改');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '锁定' }))).click();
    await settle();

    const lock = backend.expectOne({ method: 'POST', url: `/api/cycles/${CYCLE_ID}/lock` });
    expect(lock.request.body).toEqual({ revision: 4 });
    lock.flush(aCycle({ status: 'locked', revision: 5 }));
    await fixture.whenStable();
    answer(aCycle({ status: 'locked', revision: 5 }), aUnitList());
    await fixture.whenStable();

    expect(await (await root.getHarness(MatSnackBarHarness)).getMessage()).toBe('等次已锁定');
    expect(textsOf('.notice')).toEqual(['本周期已锁定，等次不能再修改。']);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: '锁定等次' }))).toEqual([]);
  });

  it('sends nothing when the lock is cancelled', async () => {
    await render();

    await (await loader.getHarness(MatButtonHarness.with({ text: '锁定等次' }))).click();
    await (await (await root.getHarness(MatDialogHarness)).getHarness(MatButtonHarness.with({ text: '取消' }))).click();
    await settle();

    backend.expectNone({ method: 'POST' });
  });

  it('shows why the server refused the lock', async () => {
    await render();

    await (await loader.getHarness(MatButtonHarness.with({ text: '锁定等次' }))).click();
    await (await (await root.getHarness(MatDialogHarness)).getHarness(MatButtonHarness.with({ text: '锁定' }))).click();
    await settle();
    backend
      .expectOne({ method: 'POST', url: `/api/cycles/${CYCLE_ID}/lock` })
      .flush(aProblem(409, 'quota_exceeded', { title: '无法锁定', detail: '观音桥街道的“优秀”超出名额' }), { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(await (await root.getHarness(MatSnackBarHarness)).getMessage()).toBe('观音桥街道的“优秀”超出名额');
  });

  it('tells that calibration waits for the cycle to close', async () => {
    await render(aCycle({ status: 'open' }), { items: [] });

    expect(textsOf('.notice')).toEqual(['测评结束（关闭周期）后才能校准等次。']);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: '锁定等次' }))).toEqual([]);
  });

  it('shows the problem of a failed load, with a retry', async () => {
    signIn(aMe({ roles: ['org_admin'] }));
    fixture = TestBed.createComponent(Calibration);
    fixture.componentRef.setInput('id', CYCLE_ID);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    backend.expectOne(`/api/cycles/${CYCLE_ID}`).flush(aCycle());
    backend
      .expectOne(`/api/cycles/${CYCLE_ID}/calibration-units`)
      .flush(aProblem(503, 'database_unavailable', { title: '服务暂不可用' }), { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();

    expect(page().textContent).toContain('服务暂不可用');
    await (await loader.getHarness(MatButtonHarness.with({ text: '重试' }))).click();
    answer(aCycle(), aUnitList());
    await fixture.whenStable();
    expect(textsOf('.unit-name')).toEqual(['观音桥街道', '区发展改革委']);
  });
});
