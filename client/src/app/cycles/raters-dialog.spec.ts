import type { HttpTestingController } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { eventually } from '../../testing/eventually';
import { aProblem } from '../../testing/me';
import { CYCLE_ID, RATEE_ID, aLedgerRow, anAssignment } from './cycle.fixture';
import { RatersDialog, type RatersDialogData } from './raters-dialog';

const DATA: RatersDialogData = { cycleId: CYCLE_ID, cadreId: RATEE_ID, cadreName: '李强', groups: ['superior', 'peer', 'self'] };
const URL = `/api/cycles/${CYCLE_ID}/assignments/${RATEE_ID}`;

describe('RatersDialog', () => {
  let fixture: ComponentFixture<RatersDialog>;
  let loader: HarnessLoader;
  let backend: HttpTestingController;
  let close: jasmine.Spy;

  beforeEach(() => {
    close = jasmine.createSpy('close');
    backend = configureApiTestBed(provideNoopAnimations(), { provide: MAT_DIALOG_DATA, useValue: DATA }, { provide: MatDialogRef, useValue: { close } });
  });
  afterEach(() => backend.verify());

  async function open(): Promise<void> {
    fixture = TestBed.createComponent(RatersDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  function text(): string {
    return (fixture.nativeElement as HTMLElement).textContent?.replace(/\s+/g, ' ') ?? '';
  }

  async function save(): Promise<MatButtonHarness> {
    return loader.getHarness(MatButtonHarness.with({ text: '保存' }));
  }

  it('shows why the raters could not be loaded', async () => {
    await open();
    backend.expectOne(URL).flush(aProblem(404, 'not_found', { title: '没有这个被评价人' }), { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();

    expect(text()).toContain('没有这个被评价人');
    expect(await (await save()).isDisabled()).toBeTrue();
  });

  it('offers only the cycle’s groups other than self, and saves nothing until something changes', async () => {
    await open();
    backend.expectOne(URL).flush(anAssignment({ raters: [] }));
    await fixture.whenStable();

    expect(text()).toContain('还没有评价人');
    const group = (await (await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: '评价身份' }))).getControl(MatSelectHarness))!;
    await group.open();
    expect(await Promise.all((await group.getOptions()).map((option) => option.getText()))).toEqual(['上级', '同级']);
    expect(await (await save()).isDisabled()).toBeTrue();
  });

  it('takes back a removal with 撤销', async () => {
    await open();
    backend.expectOne(URL).flush(anAssignment());
    await fixture.whenStable();

    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="移除 张伟"]' }))).click();
    expect(text()).toContain('待移除');
    expect(await (await save()).isDisabled()).toBeFalse();
    await (await loader.getHarness(MatButtonHarness.with({ text: '撤销' }))).click();

    expect(text()).not.toContain('待移除');
    expect(await (await save()).isDisabled()).toBeTrue();
  });

  it('refuses to add someone already rating in that group', async () => {
    await open();
    backend.expectOne(URL).flush(anAssignment());
    await fixture.whenStable();

    const rater = await loader.getHarness(MatAutocompleteHarness.with({ selector: '.rater-input' }));
    await rater.enterText('张');
    const search = await eventually(fixture, () => backend.match((r) => r.url === '/api/ledger')[0], 'the ledger search');
    search.flush({ items: [aLedgerRow('65c000000000000000000021', '张伟')], total: 1, asOf: '2025-12-01' });
    await fixture.whenStable();
    await rater.selectOption({ text: /张伟/ });

    expect(text()).toContain('该干部已是这一身份的评价人');
    expect(text()).not.toContain('待添加');
  });
});
