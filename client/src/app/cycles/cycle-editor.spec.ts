import type { HttpTestingController } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter } from '@angular/router';
import type { Cycle, UnitWithVersion } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { CYCLE_ID, FRAMEWORK_VERSION_ID, UNIT_ID, aCycle, aPublishedFramework } from './cycle.fixture';
import { CycleEditor } from './cycle-editor';

const CHILD_UNIT_ID = '65d000000000000000000002';

function aUnit(id: string, name: string, parentId: string | null): UnitWithVersion {
  return { id, name, code: `U-${id.slice(-2)}`, type: 'street', parentId, ancestorIds: parentId ? [parentId] : [], sortOrder: 0, version: 1 };
}

describe('CycleEditor', () => {
  let fixture: ComponentFixture<CycleEditor>;
  let loader: HarnessLoader;
  let backend: HttpTestingController;
  let navigate: jasmine.Spy;

  beforeEach(() => {
    backend = configureApiTestBed(provideRouter([]), provideNoopAnimations());
    navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
  });
  afterEach(() => backend.verify());

  async function open(cycle?: Cycle): Promise<void> {
    signIn(aMe({ roles: ['assessor'] }));
    fixture = TestBed.createComponent(CycleEditor);
    if (cycle) fixture.componentRef.setInput('id', cycle.id);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    backend.expectOne('/api/frameworks').flush({
      items: [aPublishedFramework(), aPublishedFramework({ id: '65e100000000000000000002', version: 3, status: 'draft' })],
    });
    backend.expectOne('/api/units').flush({ items: [aUnit(UNIT_ID, '江北区', null), aUnit(CHILD_UNIT_ID, '观音桥街道', UNIT_ID)] });
    if (cycle) backend.expectOne(`/api/cycles/${cycle.id}`).flush(cycle);
    await fixture.whenStable();
  }

  async function field(label: string): Promise<MatFormFieldHarness> {
    return loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  }

  async function type(label: string, value: string): Promise<void> {
    const input = (await (await field(label)).getControl(MatInputHarness))!;
    await input.setValue(value);
    await input.blur();
  }

  async function weightOf(group: string): Promise<MatInputHarness> {
    return loader.getHarness(MatInputHarness.with({ selector: `[aria-label="${group}权重"]` }));
  }

  function sumText(): string {
    return (fixture.nativeElement as HTMLElement).querySelector('.sum')?.textContent?.trim() ?? '';
  }

  async function save(): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: '保存' }))).click();
  }

  it('starts a new cycle with the default rater groups, whose weights add up to 100', async () => {
    await open();

    expect(await (await (await field('考核名称')).getControl(MatInputHarness))!.getValue()).toMatch(/^\d{4}年度考核$/);
    expect(sumText()).toBe('合计 100 ✓');
    const framework = (await (await field('评价体系')).getControl(MatSelectHarness))!;
    await framework.open();
    // Only published versions can be chosen.
    expect(await Promise.all((await framework.getOptions()).map((option) => option.getText()))).toEqual(['干部能力评价体系（第 2 版）']);
  });

  it('keeps a running total of the rater weights and refuses to save until it is 100', async () => {
    await open();
    await (await weightOf('同级')).setValue('40');
    await fixture.whenStable();
    expect(sumText()).toBe('合计 110，应为 100');

    const framework = (await (await field('评价体系')).getControl(MatSelectHarness))!;
    await framework.open();
    await framework.clickOptions({ text: '干部能力评价体系（第 2 版）' });
    await save();

    expect((fixture.nativeElement as HTMLElement).querySelector('.card .error')?.textContent).toBe('评价主体权重合计应为 100，当前为 110');
    backend.expectNone({ method: 'POST' });
  });

  it('checks each field with the shared schema', async () => {
    await open();
    await type('考核名称', '');
    await type('考核年度', '');
    expect(await (await field('考核年度')).getTextErrors()).toEqual(['请填写考核年度']);
    await type('考核年度', '1999');
    expect(await (await field('考核年度')).getTextErrors()).toEqual(['不能小于 2000']);
    await type('考核年度', '2025');
    await type('最少回收份数', '0');
    await save();

    expect(await (await field('考核名称')).getTextErrors()).toEqual(['请填写考核名称']);
    expect(await (await loader.getAllHarnesses(MatFormFieldHarness.with({ floatingLabelText: '最少回收份数' })))[0]!.getTextErrors()).toEqual([
      '最少回收份数至少为 1',
    ]);
    expect(await (await field('评价体系')).getTextErrors()).toEqual(['请选择评价体系']);
    expect((fixture.nativeElement as HTMLElement).querySelector('.invalid')?.textContent).toBe('还有 3 处需要修改');
  });

  it('creates a cycle with the chosen framework, units and settings', async () => {
    await open();
    await type('考核名称', '2025年度考核');
    const framework = (await (await field('评价体系')).getControl(MatSelectHarness))!;
    await framework.open();
    await framework.clickOptions({ text: '干部能力评价体系（第 2 版）' });
    const units = await loader.getHarness(MatAutocompleteHarness.with({ selector: '.unit-input' }));
    await units.enterText('观音');
    await units.selectOption({ text: '观音桥街道' });
    const tiers = (await (await field('层级')).getControl(MatSelectHarness))!;
    await tiers.open();
    await tiers.clickOptions({ text: '街镇' });
    await type('优秀比例上限（%）', '15');
    await save();

    const request = backend.expectOne({ method: 'POST', url: '/api/cycles' });
    const body = request.request.body as Cycle;
    expect(body.name).toBe('2025年度考核');
    expect(body.frameworkVersionId).toBe(FRAMEWORK_VERSION_ID);
    expect(body.population).toEqual({ unitIds: [CHILD_UNIT_ID], tiers: ['街镇'], categories: [] });
    expect(body.raterGroups.map((group) => group.weight)).toEqual([30, 30, 20, 10, 10]);
    expect(body.settings).toEqual({ trimExtremes: true, excellentQuotaPercent: 15, excellentQuotaRaised: false });
    request.flush(aCycle());
    await fixture.whenStable();

    expect(navigate).toHaveBeenCalledWith(['/cycles', CYCLE_ID]);
  });

  it('updates a draft with its revision and shows the server’s field messages where they belong', async () => {
    await open(aCycle());
    await type('测评截止日期', '2026-02-01');
    await save();

    const request = backend.expectOne({ method: 'PUT', url: `/api/cycles/${CYCLE_ID}` });
    expect((request.request.body as { revision: number }).revision).toBe(3);
    expect((request.request.body as { input: Cycle }).input.dueDate).toBe('2026-02-01');
    request.flush(
      aProblem(400, 'validation_failed', { title: '输入有误', errors: [{ path: 'body.input.dueDate', message: '截止日期不能早于今天' }] }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    expect(await (await field('测评截止日期')).getTextErrors()).toEqual(['截止日期不能早于今天']);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('asks to reload when someone else saved the cycle first', async () => {
    await open(aCycle());
    await save();

    backend.expectOne({ method: 'PUT', url: `/api/cycles/${CYCLE_ID}` }).flush(aProblem(409, 'stale_revision'), { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('其他人已修改，请刷新');

    await (await loader.getHarness(MatButtonHarness.with({ text: '刷新' }))).click();
    backend.expectOne(`/api/cycles/${CYCLE_ID}`).flush(aCycle({ name: '2025年度考核（修订）', revision: 4 }));
    await fixture.whenStable();
    expect(await (await (await field('考核名称')).getControl(MatInputHarness))!.getValue()).toBe('2025年度考核（修订）');
  });

  it('does not offer to edit a cycle that has started', async () => {
    await open(aCycle({ status: 'open' }));

    expect((fixture.nativeElement as HTMLElement).textContent).toContain('考核已启动，设置不能再修改。');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: '保存' }))).toEqual([]);
  });
});
