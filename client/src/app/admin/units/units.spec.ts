import type { HttpTestingController } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatTreeHarness } from '@angular/material/tree/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { Role } from '@cadre/shared-models';
import { configureApiTestBed } from '../../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../../testing/me';
import type { UnitWithVersion } from './units-api';
import { Units } from './units';

const DISTRICT = '65d000000000000000000001';
const ORG = '65d000000000000000000002';
const STREET = '65d000000000000000000003';

const units: UnitWithVersion[] = [
  { id: DISTRICT, name: '江北区委', code: 'JB', type: 'party_committee', parentId: null, ancestorIds: [], sortOrder: 0, version: 1 },
  { id: ORG, name: '区委组织部', code: 'JB-ORG', type: 'org_department', parentId: DISTRICT, ancestorIds: [DISTRICT], sortOrder: 1, version: 1 },
  { id: STREET, name: '观音桥街道', code: 'JB-GYQ', type: 'street', parentId: DISTRICT, ancestorIds: [DISTRICT], sortOrder: 2, version: 4 },
];

describe('Units', () => {
  let fixture: ComponentFixture<Units>;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let backend: HttpTestingController;

  beforeEach(() => {
    backend = configureApiTestBed(provideNoopAnimations());
  });
  afterEach(() => backend.verify());

  async function render(roles: Role[]): Promise<void> {
    signIn(aMe({ roles }));
    fixture = TestBed.createComponent(Units);
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    backend.expectOne('/api/units').flush({ items: units });
    await fixture.whenStable();
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function unitMenu(name: string): Promise<MatMenuHarness> {
    return loader.getHarness(MatMenuHarness.with({ selector: `[aria-label="${name} 的操作"]` }));
  }

  it('arranges the flat list as a tree with the top level open', async () => {
    await render(['org_admin']);

    const tree = await loader.getHarness(MatTreeHarness);
    const nodes = await tree.getNodes();
    expect(await Promise.all(nodes.map((node) => node.getText()))).toEqual([
      jasmine.stringContaining('江北区委'),
      jasmine.stringContaining('区委组织部'),
      jasmine.stringContaining('观音桥街道'),
    ]);
    expect(await nodes[0]!.isExpanded()).toBeTrue();
    expect(await nodes[2]!.getText()).toContain('街道 · JB-GYQ');
  });

  it('is read-only for roles without unit:write', async () => {
    await render(['unit_manager']);

    expect((fixture.nativeElement as HTMLElement).textContent).toContain('您可以查看组织机构');
    expect(await loader.getAllHarnesses(MatMenuHarness)).toHaveSize(0);
  });

  it('adds a sub-unit under the chosen parent', async () => {
    await render(['org_admin']);

    await (await unitMenu('观音桥街道')).clickItem({ text: '添加下级单位' });
    const dialog = await root.getHarness(MatDialogHarness.with({ selector: ':has(cadre-unit-form-dialog)' }));
    expect(await dialog.getTitleText()).toBe('在“观音桥街道”下添加单位');
    for (const [label, value] of [['单位名称', '北城社区'], ['单位代码', 'JB-GYQ-BC']]) {
      const field = await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
      await (await field.getControl(MatInputHarness))!.setValue(value!);
    }
    await (await dialog.getHarness(MatButtonHarness.with({ text: '保存' }))).click();

    const create = backend.expectOne({ method: 'POST', url: '/api/units' });
    expect(create.request.body).toEqual({ name: '北城社区', code: 'JB-GYQ-BC', type: 'street', parentId: STREET, sortOrder: 0 });
    create.flush({ ...units[2], id: '65d000000000000000000009', name: '北城社区', code: 'JB-GYQ-BC', parentId: STREET, version: 1 });
    await settle();
    backend.expectOne('/api/units').flush({ items: units });
  });

  it('moves a unit under a parent that is neither itself, its descendant nor its current parent', async () => {
    await render(['org_admin']);

    await (await unitMenu('观音桥街道')).clickItem({ text: '移动到其他上级' });
    const dialog = await root.getHarness(MatDialogHarness.with({ selector: ':has(cadre-unit-move-dialog)' }));
    const parent = await dialog.getHarness(MatSelectHarness);
    await parent.open();
    expect(await Promise.all((await parent.getOptions()).map((option) => option.getText()))).toEqual(['区委组织部']);
    await parent.clickOptions({ text: '区委组织部' });
    await (await dialog.getHarness(MatButtonHarness.with({ text: '移动到其他上级' }))).click();

    const update = backend.expectOne({ method: 'PATCH', url: `/api/units/${STREET}` });
    expect(update.request.body).toEqual({ version: 4, parentId: ORG });
    update.flush({ ...units[2], parentId: ORG, version: 5 });
    await settle();
    backend.expectOne('/api/units').flush({ items: units });
  });

  it('explains why a unit with members cannot be deleted', async () => {
    await render(['org_admin']);

    await (await unitMenu('观音桥街道')).clickItem({ text: '删除' });
    const confirm = await root.getHarness(MatDialogHarness.with({ selector: ':has(cadre-confirm-dialog)' }));
    await (await confirm.getHarness(MatButtonHarness.with({ text: '删除' }))).click();
    backend
      .expectOne({ method: 'DELETE', url: `/api/units/${STREET}` })
      .flush(aProblem(409, 'unit_not_empty'), { status: 409, statusText: 'Conflict' });
    await settle();

    const snackBar = await root.getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('该单位下仍有下级单位或干部，不能删除');
  });
});
