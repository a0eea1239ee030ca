import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { Cycle, UnitWithVersion } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { eventually } from '../../testing/eventually';
import { aMe, aProblem, signIn } from '../../testing/me';
import { CYCLE_ID, RATEE_ID, UNIT_ID, aCycle, aLedgerRow, anAssignment, anAssignmentRow } from './cycle.fixture';
import { CycleAssignments } from './cycle-assignments';

const NEW_RATER_ID = '65c000000000000000000031';

function aUnit(id: string, name: string, parentId: string | null): UnitWithVersion {
  return { id, name, code: `U-${id.slice(-2)}`, type: 'street', parentId, ancestorIds: parentId ? [parentId] : [], sortOrder: 0, version: 1 };
}

describe('CycleAssignments', () => {
  let fixture: ComponentFixture<CycleAssignments>;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let backend: HttpTestingController;

  beforeEach(() => {
    backend = configureApiTestBed(provideRouter([]), provideNoopAnimations());
  });
  afterEach(() => backend.verify());

  function expectList(match: (params: URLSearchParams) => boolean = () => true): TestRequest {
    return backend.expectOne((r) => r.url === `/api/cycles/${CYCLE_ID}/assignments` && match(new URLSearchParams(r.params.toString())));
  }

  async function open(cycle: Cycle = aCycle()): Promise<void> {
    signIn(aMe({ roles: ['assessor'] }));
    fixture = TestBed.createComponent(CycleAssignments);
    fixture.componentRef.setInput('id', CYCLE_ID);
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    backend.expectOne(`/api/cycles/${CYCLE_ID}`).flush(cycle);
    backend.expectOne('/api/units').flush({ items: [aUnit(UNIT_ID, '观音桥街道', null)] });
  }

  function rows(): string[] {
    return Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('.ratee'), (node) => node.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  it('lists ratees with their raters per group', async () => {
    await open();
    expectList((p) => p.get('page') === '0' && !p.has('unitId') && !p.has('q')).flush({ items: [anAssignmentRow()], total: 1 });
    await fixture.whenStable();

    expect(rows()[0]).toContain('李强');
    expect(rows()[0]).toContain('观音桥街道 · 党工委副书记');
    expect(rows()[0]).toContain('上级 1 · 同级 5 · 本人 1');
    expect((fixture.nativeElement as HTMLElement).querySelector('h1')?.textContent).toBe('测评分工：2025年度考核');
  });

  it('filters by unit and by name', async () => {
    await open();
    expectList().flush({ items: [anAssignmentRow()], total: 1 });
    await fixture.whenStable();

    const unit = (await (await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: '单位' }))).getControl(MatSelectHarness))!;
    await unit.open();
    await unit.clickOptions({ text: '观音桥街道' });
    expectList((p) => p.get('unitId') === UNIT_ID).flush({ items: [anAssignmentRow()], total: 1 });

    const search = (await (await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: '按姓名搜索' }))).getControl(MatInputHarness))!;
    await search.setValue('王');
    const request = await eventually(fixture, () => backend.match((r) => r.url.endsWith('/assignments') && r.params.get('q') === '王')[0], 'the search');
    request.flush({ items: [], total: 0 });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('.empty')?.textContent).toBe('没有符合条件的被评价人');
  });

  it('shows why the list failed', async () => {
    await open();
    expectList().flush(aProblem(403, 'forbidden', { title: '无权查看' }), { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();

    expect((fixture.nativeElement as HTMLElement).textContent).toContain('无权查看');
  });

  it('removes and adds raters in one request, finding new raters in the ledger', async () => {
    await open();
    expectList().flush({ items: [anAssignmentRow()], total: 1 });
    await fixture.whenStable();

    await (await loader.getHarness(MatButtonHarness.with({ text: '调整评价人' }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    backend.expectOne(`/api/cycles/${CYCLE_ID}/assignments/${RATEE_ID}`).flush(anAssignment());
    await fixture.whenStable();
    expect(await dialog.getText()).toContain('王芳');
    // A rater who already submitted stays.
    expect(await dialog.getAllHarnesses(MatButtonHarness.with({ selector: '[aria-label="移除 王芳"]' }))).toEqual([]);

    await (await dialog.getHarness(MatButtonHarness.with({ selector: '[aria-label="移除 刘洋"]' }))).click();
    const rater = await dialog.getHarness(MatAutocompleteHarness.with({ selector: '.rater-input' }));
    await rater.enterText('陈');
    const search = await eventually(fixture, () => backend.match((r) => r.url === '/api/ledger' && r.params.get('q') === '陈')[0], 'the ledger search');
    expect(search.request.params.get('size')).toBe('10');
    search.flush({ items: [aLedgerRow(NEW_RATER_ID, '陈静')], total: 1, asOf: '2025-12-01' });
    await fixture.whenStable();
    await rater.selectOption({ text: /陈静/ });
    expect(await dialog.getText()).toContain('待添加');
    expect(await dialog.getText()).toContain('待移除');

    await (await dialog.getHarness(MatButtonHarness.with({ text: '保存' }))).click();
    const request = backend.expectOne({ method: 'PATCH', url: `/api/cycles/${CYCLE_ID}/assignments/${RATEE_ID}` });
    expect(request.request.body).toEqual({
      revision: 4,
      add: [{ raterId: NEW_RATER_ID, group: 'superior' }],
      remove: [{ raterId: '65c000000000000000000023', group: 'peer' }],
    });
    request.flush(anAssignment());
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    expectList().flush({ items: [anAssignmentRow()], total: 1 });
  });

  it('keeps the dialog open with a conflict message when the assignment changed meanwhile', async () => {
    await open();
    expectList().flush({ items: [anAssignmentRow()], total: 1 });
    await fixture.whenStable();
    await (await loader.getHarness(MatButtonHarness.with({ text: '调整评价人' }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    backend.expectOne(`/api/cycles/${CYCLE_ID}/assignments/${RATEE_ID}`).flush(anAssignment());
    await fixture.whenStable();

    await (await dialog.getHarness(MatButtonHarness.with({ selector: '[aria-label="移除 张伟"]' }))).click();
    await (await dialog.getHarness(MatButtonHarness.with({ text: '保存' }))).click();
    backend.expectOne({ method: 'PATCH' }).flush(aProblem(409, 'stale_revision'), { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(await dialog.getText()).toContain('其他人已修改，请刷新');
  });

  it('offers no editing once the cycle is closed', async () => {
    await open(aCycle({ status: 'closed' }));
    expectList().flush({ items: [anAssignmentRow()], total: 1 });
    await fixture.whenStable();

    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: '调整评价人' }))).toEqual([]);
    expect((fixture.nativeElement as HTMLElement).querySelector('.notice')?.textContent?.trim()).toBe('考核已结束，评价人不能再调整。');
  });
});
