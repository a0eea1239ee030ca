import { provideLocationMocks } from '@angular/common/testing';
import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatChipHarness } from '@angular/material/chips/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatExpansionPanelHarness } from '@angular/material/expansion/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { LedgerPage, Me } from '@cadre/shared-models';
import type { UnitWithVersion } from '../admin/units/units-api';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, signIn } from '../../testing/me';
import { provideViewport } from '../../testing/viewport';
import { Ledger } from './ledger';

const ROOT = '65b000000000000000000001';
const STREET = '65b000000000000000000003';
const COMMUNITY = '65b000000000000000000004';
const UNITS: UnitWithVersion[] = [
  { id: ROOT, name: '江北区委', code: 'JB', type: 'party_committee', parentId: null, ancestorIds: [], sortOrder: 0, version: 1 },
  { id: '65b000000000000000000002', name: '组织部', code: 'JB-ZZB', type: 'org_department', parentId: ROOT, ancestorIds: [ROOT], sortOrder: 1, version: 1 },
  { id: STREET, name: '城关街道', code: 'JB-CG', type: 'street', parentId: ROOT, ancestorIds: [ROOT], sortOrder: 2, version: 1 },
  { id: COMMUNITY, name: '东门社区', code: 'JB-CG-DM', type: 'street', parentId: STREET, ancestorIds: [ROOT, STREET], sortOrder: 0, version: 1 },
];
const EMPTY_PAGE: LedgerPage = { items: [], total: 0, asOf: '2026-11-26' };
const PREFERENCE_KEY = 'cadre.ledger.filtersOpen.65a000000000000000000001';

describe('Ledger filter panel: chips, folding and the unit tree', () => {
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let overlays: HarnessLoader;
  let backend: HttpTestingController;

  beforeEach(() => localStorage.removeItem(PREFERENCE_KEY));
  afterEach(() => {
    backend.verify();
    localStorage.removeItem(PREFERENCE_KEY);
  });

  async function open(url: string, options: { me?: Me; handset?: boolean } = {}): Promise<void> {
    backend = configureApiTestBed(
      provideNoopAnimations(),
      provideRouter([{ path: 'ledger', component: Ledger }]),
      provideLocationMocks(),
      provideViewport(options.handset ?? false),
    );
    signIn(options.me ?? aMe({ roles: ['org_admin'] }));
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, Ledger);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    overlays = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    await settle();
    backend.expectOne('/api/units').flush({ items: UNITS });
    backend.expectOne('/api/ledger/views').flush([]);
    await settle();
    expectLedger().flush(EMPTY_PAGE);
    await settle();
  }

  async function settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await harness.fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
    await harness.fixture.whenStable();
  }

  function expectLedger(): TestRequest {
    return backend.expectOne((request) => request.url === '/api/ledger');
  }

  function url(): string {
    return decodeURIComponent(TestBed.inject(Router).url);
  }

  async function chipTexts(): Promise<string[]> {
    const chips = await loader.getAllHarnesses(MatChipHarness.with({ ancestor: '.chips' }));
    return Promise.all(chips.map((chip) => chip.getText()));
  }

  it('folds the panel when the page opens with filters set, and names each filter in a chip', async () => {
    await open(`/ledger?q=科长&unitId=${STREET}&sex=女&tag=基层经历&tag=女干部`);

    expect(await (await loader.getHarness(MatExpansionPanelHarness)).isExpanded()).toBeFalse();
    expect(await chipTexts()).toEqual(['姓名或职务：科长', '单位：城关街道', '性别：女', '标签：基层经历', '标签：女干部']);
  });

  it('takes one filter off with its chip, leaving the others', async () => {
    await open(`/ledger?unitId=${STREET}&sex=女&tag=基层经历&tag=女干部`);

    const chip = await loader.getHarness(MatChipHarness.with({ ancestor: '.chips', text: '标签：基层经历' }));
    await chip.remove();
    await settle();
    expectLedger().flush(EMPTY_PAGE);
    await settle();

    expect(url()).toContain('tag=女干部');
    expect(url()).not.toContain('基层经历');
    expect(await chipTexts()).toEqual(['单位：城关街道', '性别：女', '标签：女干部']);

    await (await loader.getHarness(MatChipHarness.with({ ancestor: '.chips', text: '单位：城关街道' }))).remove();
    await settle();
    expectLedger().flush(EMPTY_PAGE);
    await settle();
    expect(url()).not.toContain('unitId');
  });

  it('starts folded with no chips when no filter is set, and remembers when the user opens it', async () => {
    await open('/ledger');
    const panel = await loader.getHarness(MatExpansionPanelHarness);
    expect(await panel.isExpanded()).toBeFalse();
    expect(await chipTexts()).toEqual([]);

    await panel.expand();
    await settle();
    expect(localStorage.getItem(PREFERENCE_KEY)).toBe('true');
    await panel.collapse();
    await settle();
    expect(localStorage.getItem(PREFERENCE_KEY)).toBe('false');
  });

  it('opens the panel as the user last left it, filters set or not', async () => {
    localStorage.setItem(PREFERENCE_KEY, 'true');
    await open('/ledger?sex=女');
    expect(await (await loader.getHarness(MatExpansionPanelHarness)).isExpanded()).toBeTrue();
  });

  it('picks a unit from the organization tree, filtering by its subtree as the type-ahead does', async () => {
    await open('/ledger');

    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="从组织树选择单位"]' }))).click();
    await settle();
    const dialog = await overlays.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('选择单位');
    const names = async () => (await dialog.getAllHarnesses(MatButtonHarness.with({ selector: '.pick' }))).map((button) => button.getText());
    // The top level is open; a street's communities wait until it is expanded.
    expect(await Promise.all(await names())).toEqual(['江北区委', '组织部', '城关街道']);
    await (await dialog.getHarness(MatButtonHarness.with({ selector: '[aria-label="展开“城关街道”的下级单位"]' }))).click();
    expect(await Promise.all(await names())).toEqual(['江北区委', '组织部', '城关街道', '东门社区']);

    await (await dialog.getHarness(MatButtonHarness.with({ selector: '[aria-label="按“东门社区”筛选"]' }))).click();
    await settle();
    expectLedger().flush(EMPTY_PAGE);
    await settle();

    expect(url()).toContain(`unitId=${COMMUNITY}`);
    expect(await chipTexts()).toEqual(['单位：东门社区']);
  });

  it('shows a unit manager only their own subtree in the tree', async () => {
    await open('/ledger', { me: aMe({ roles: ['unit_manager'], unitId: STREET }) });

    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="从组织树选择单位"]' }))).click();
    await settle();
    const dialog = await overlays.getHarness(MatDialogHarness);
    const buttons = await dialog.getAllHarnesses(MatButtonHarness.with({ selector: '.pick' }));
    expect(await Promise.all(buttons.map((button) => button.getText()))).toEqual(['城关街道', '东门社区']);
    await dialog.close();
  });
});
