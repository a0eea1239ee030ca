import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { AdjustmentProposal, Role } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { CYCLE_ID, aCycle } from '../calibration/calibration.fixture';
import { aProposal } from './proposal.fixture';
import { Proposals } from './proposals';

const PROPOSAL_ID = `${CYCLE_ID}:65c000000000000000000004:basic_twice`;
const DECISION_URL = `/api/adjustment-proposals/${encodeURIComponent(PROPOSAL_ID)}/decision`;

describe('Proposals', () => {
  let fixture: ComponentFixture<Proposals>;
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

  function expectList(status: string | null, cycleId: string | null = null, page = '0'): TestRequest {
    return backend.expectOne(
      (r) =>
        r.url === '/api/adjustment-proposals' && r.params.get('status') === status && r.params.get('cycleId') === cycleId && r.params.get('page') === page,
    );
  }

  async function render(roles: Role[] = ['org_admin'], items: AdjustmentProposal[] = [aProposal()], total = items.length): Promise<void> {
    signIn(aMe({ roles }));
    fixture = TestBed.createComponent(Proposals);
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    backend
      .expectOne((r) => r.url === '/api/cycles' && r.params.get('status') === 'locked')
      .flush({ items: [aCycle({ status: 'locked' }), aCycle({ id: '66a000000000000000000000', name: '2025年度考核', status: 'locked' })], total: 2 });
    expectList('pending').flush({ items, total });
    await fixture.whenStable();
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  function proposalTexts(): string[] {
    return Array.from(page().querySelectorAll('.proposal'), (node) => node.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  async function reasonInput(dialog: MatDialogHarness): Promise<MatInputHarness> {
    return (await (await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: '研判意见' }))).getControl(MatInputHarness))!;
  }

  it('lists pending proposals with the cadre, the proposed action, the rule and the results behind it', async () => {
    await render();

    const [text] = proposalTexts();
    for (const part of ['赵磊', '观音桥街道', '待研判', '研判是否不适宜担任现职', '连续两年基本称职', '2025 基本称职；2026 基本称职']) {
      expect(text).toContain(part);
    }
    expect(page().querySelector('.proposal a.cadre')?.getAttribute('href')).toBe('/cadres/65c000000000000000000004');
    const report = page().querySelector('.proposal a.report');
    expect(report?.textContent).toBe('2026年度考核考核报告');
    expect(report?.getAttribute('href')).toBe(`/cycles/${CYCLE_ID}/results/65c000000000000000000004`);
  });

  it('filters by status and by cycle, starting again at the first page', async () => {
    await render(['org_admin'], [aProposal()], 45);

    await (await loader.getHarness(MatPaginatorHarness)).goToNextPage();
    expectList('pending', null, '1').flush({ items: [aProposal()], total: 45 });
    await fixture.whenStable();

    await (await loader.getHarness(MatButtonToggleHarness.with({ text: '已采纳' }))).toggle();
    expectList('accepted').flush({ items: [], total: 0 });
    await fixture.whenStable();
    expect(page().querySelector('.empty')?.textContent).toBe('没有符合条件的调整建议');

    const cycle = await loader.getHarness(MatSelectHarness);
    await cycle.open();
    await cycle.clickOptions({ text: '2025年度考核' });
    expectList('accepted', '66a000000000000000000000').flush({ items: [], total: 0 });
    await fixture.whenStable();
  });

  it('requires a reason of at least five characters, then posts the decision and reloads', async () => {
    await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: '不采纳' }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getText()).toContain('赵磊：研判是否不适宜担任现职');

    await (await reasonInput(dialog)).setValue('已调岗');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '不采纳' }))).click();
    expect(await (await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: '研判意见' }))).getTextErrors()).toEqual([
      '请填写决定理由（至少 5 个字）',
    ]);
    backend.expectNone({ method: 'POST' });

    await (await reasonInput(dialog)).setValue('已于年初调整岗位');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '不采纳' }))).click();
    const request = backend.expectOne({ method: 'POST', url: DECISION_URL });
    expect(request.request.body).toEqual({ decision: 'rejected', reason: '已于年初调整岗位' });
    request.flush(aProposal({ status: 'rejected', decisionReason: '已于年初调整岗位', decidedBy: 'demo.org', decidedAt: '2027-02-01T08:00:00.000Z' }));
    await settle();

    expectList('pending').flush({ items: [], total: 0 });
    await fixture.whenStable();
    expect(await (await root.getHarness(MatSnackBarHarness)).getMessage()).toBe('已记录不采纳对 赵磊 的调整建议');
    expect(page().querySelector('.empty')?.textContent).toBe('没有待研判的调整建议');
  });

  it('keeps the dialog open with the server’s reason when the proposal was already decided', async () => {
    await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: '采纳' }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    await (await reasonInput(dialog)).setValue('按程序启动研判');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '采纳' }))).click();

    backend.expectOne({ method: 'POST', url: DECISION_URL }).flush(aProblem(409, 'not_pending', { title: '该建议已被处理' }), { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(await dialog.getText()).toContain('该建议已被处理');
  });

  it('shows a decided proposal with its reason and who decided', async () => {
    await render(['org_admin'], [aProposal({ status: 'accepted', decisionReason: '按程序启动研判', decidedBy: 'demo.org', decidedAt: '2027-02-01T08:00:00.000Z' })]);

    expect(proposalTexts()[0]).toContain('按程序启动研判');
    expect(proposalTexts()[0]).toContain('demo.org 研判于');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: '采纳' }))).toEqual([]);
  });

  it('is read-only for an assessor', async () => {
    await render(['assessor']);

    expect(page().querySelector('.hint')?.textContent).toContain('此处仅供查看');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: '采纳' }))).toEqual([]);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: '调整规则' }))).toEqual([]);
  });

  it('links org_admin to the rules', async () => {
    await render();

    const rules = await loader.getHarness(MatButtonHarness.with({ text: '调整规则' }));
    expect(await (await rules.host()).getAttribute('href')).toBe('/proposals/rules');
  });

  it('shows the problem of a failed load, with a retry', async () => {
    signIn(aMe({ roles: ['org_admin'] }));
    fixture = TestBed.createComponent(Proposals);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    backend.expectOne((r) => r.url === '/api/cycles').flush({ items: [], total: 0 });
    expectList('pending').flush(aProblem(503, 'database_unavailable', { title: '服务暂不可用' }), { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();

    expect(page().textContent).toContain('服务暂不可用');
    await (await loader.getHarness(MatButtonHarness.with({ text: '重试' }))).click();
    expectList('pending').flush({ items: [aProposal()], total: 1 });
    await fixture.whenStable();
    expect(proposalTexts().length).toBe(1);
  });
});
