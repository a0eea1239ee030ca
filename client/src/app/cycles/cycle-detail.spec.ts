import type { HttpTestingController } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { Action, Cycle } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { CYCLE_ID, aCycle } from './cycle.fixture';
import { CycleDetail } from './cycle-detail';

describe('CycleDetail', () => {
  let fixture: ComponentFixture<CycleDetail>;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let backend: HttpTestingController;

  beforeEach(() => {
    backend = configureApiTestBed(provideRouter([]), provideNoopAnimations());
  });
  afterEach(() => backend.verify());

  async function open(cycle: Cycle, permissions?: Action[]): Promise<void> {
    signIn(aMe({ roles: ['assessor'], ...(permissions ? { permissions } : {}) }));
    fixture = TestBed.createComponent(CycleDetail);
    fixture.componentRef.setInput('id', CYCLE_ID);
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    backend.expectOne(`/api/cycles/${CYCLE_ID}`).flush(cycle);
    await fixture.whenStable();
  }

  function text(): string {
    return (fixture.nativeElement as HTMLElement).textContent?.replace(/\s+/g, ' ') ?? '';
  }

  async function buttons(): Promise<string[]> {
    return Promise.all((await loader.getAllHarnesses(MatButtonHarness.with({ selector: '.actions [matButton]' }))).map((b) => b.getText()));
  }

  async function confirm(action: string): Promise<MatDialogHarness> {
    await (await loader.getHarness(MatButtonHarness.with({ text: action }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: action }))).click();
    return dialog;
  }

  it('shows the setup, the counts and the progress of a draft, with edit and launch', async () => {
    await open(aCycle());

    for (const part of ['2025年度考核', '筹备中', '年度考核 · 2025', '干部能力评价体系（第 2 版）', '2025-01-01 – 2025-12-31', '2026-01-15', '120考核对象', '300评价人', '960测评表', '240已提交', '已提交 240/960']) {
      expect(text()).toContain(part);
    }
    expect(await buttons()).toEqual(['测评分工', '编辑', '启动测评']);
  });

  it('launches after confirmation, sending the revision it was shown', async () => {
    await open(aCycle());

    await (await loader.getHarness(MatButtonHarness.with({ text: '启动测评' }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getText()).toContain('考核设置不能再修改');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '启动测评' }))).click();
    const request = backend.expectOne({ method: 'POST', url: `/api/cycles/${CYCLE_ID}/launch` });
    expect(request.request.body).toEqual({ revision: 3 });
    request.flush(aCycle({ status: 'open', revision: 4, launchedAt: '2025-12-02T00:00:00.000Z' }));
    await fixture.whenStable();

    expect(text()).toContain('测评中');
    expect(await buttons()).toEqual(['测评分工', '发送提醒', '结束测评']);
    expect(await (await root.getHarness(MatSnackBarHarness)).getMessage()).toBe('测评已启动');
  });

  it('sends nothing when the confirmation is cancelled', async () => {
    await open(aCycle({ status: 'open' }));

    await (await loader.getHarness(MatButtonHarness.with({ text: '结束测评' }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getText()).toContain('评价人不能再提交');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '取消' }))).click();
    await fixture.whenStable();

    backend.expectNone({ method: 'POST' });
  });

  it('reminds raters of an open cycle and shows when it did', async () => {
    await open(aCycle({ status: 'open' }));

    await confirm('发送提醒');
    backend
      .expectOne({ method: 'POST', url: `/api/cycles/${CYCLE_ID}/reminders` })
      .flush(aCycle({ status: 'open', revision: 4, remindedAt: ['2025-12-20T02:00:00.000Z'] }));
    await fixture.whenStable();

    expect(text()).toContain('已提醒 1 次，最近一次 2025-12-20');
  });

  it('closes an open cycle', async () => {
    await open(aCycle({ status: 'open' }));

    await confirm('结束测评');
    backend.expectOne({ method: 'POST', url: `/api/cycles/${CYCLE_ID}/close` }).flush(aCycle({ status: 'closed', revision: 4 }));
    await fixture.whenStable();

    expect(text()).toContain('校准中');
    expect(await buttons()).toEqual(['测评分工', '校准等次', '等次分布']);
  });

  it('asks to reload when someone else changed the cycle first', async () => {
    await open(aCycle());

    await confirm('启动测评');
    backend.expectOne({ method: 'POST', url: `/api/cycles/${CYCLE_ID}/launch` }).flush(aProblem(409, 'stale_revision', { title: '数据已被他人修改' }), {
      status: 409,
      statusText: 'Conflict',
    });
    await fixture.whenStable();
    expect(text()).toContain('其他人已修改，请刷新');

    await (await loader.getHarness(MatButtonHarness.with({ text: '刷新' }))).click();
    backend.expectOne(`/api/cycles/${CYCLE_ID}`).flush(aCycle({ status: 'open', revision: 5 }));
    await fixture.whenStable();
    expect(text()).toContain('测评中');
    expect(text()).not.toContain('其他人已修改');
  });

  it('gives the server’s reason when the cycle is no longer in the state the action needs', async () => {
    await open(aCycle());

    await confirm('启动测评');
    backend
      .expectOne({ method: 'POST', url: `/api/cycles/${CYCLE_ID}/launch` })
      .flush(aProblem(409, 'wrong_status', { title: '数据已被他人修改', detail: '考核测评中，只有筹备中的考核才能启动' }), { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(text()).toContain('考核测评中，只有筹备中的考核才能启动');
    expect(text()).not.toContain('其他人已修改');
  });

  it('offers no actions to someone who may only read', async () => {
    await open(aCycle(), ['cycle:read']);

    expect(await buttons()).toEqual(['测评分工']);
  });

  it('leads a reader of a scored cycle to its distribution but not to calibration', async () => {
    await open(aCycle({ status: 'locked' }), ['cycle:read', 'result:read']);

    expect(await buttons()).toEqual(['测评分工', '等次分布']);
  });

  it('shows why the cycle could not be loaded', async () => {
    signIn(aMe({ roles: ['assessor'] }));
    fixture = TestBed.createComponent(CycleDetail);
    fixture.componentRef.setInput('id', CYCLE_ID);
    await fixture.whenStable();
    backend.expectOne(`/api/cycles/${CYCLE_ID}`).flush(aProblem(404, 'not_found', { title: '没有这个考核' }), { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();

    expect(text()).toContain('没有这个考核');
  });
});
