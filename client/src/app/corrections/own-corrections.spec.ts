import type { HttpTestingController } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { CorrectionRequest } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, signIn } from '../../testing/me';
import { RECORD_ID, aCadreRecord } from '../cadres/cadre-record.fixture';
import { aCorrection } from './correction.fixture';
import { OwnCorrections } from './own-corrections';

describe('OwnCorrections', () => {
  let fixture: ComponentFixture<OwnCorrections>;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let backend: HttpTestingController;

  beforeEach(async () => {
    backend = configureApiTestBed(provideNoopAnimations());
    signIn(aMe({ roles: ['cadre'], cadreId: RECORD_ID }));
    fixture = TestBed.createComponent(OwnCorrections);
    fixture.componentRef.setInput('record', aCadreRecord());
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
  });
  afterEach(() => backend.verify());

  function respondToList(items: CorrectionRequest[]): void {
    backend
      .expectOne((r) => r.url === '/api/corrections' && r.params.get('cadreId') === RECORD_ID)
      .flush({ items, total: items.length });
  }

  async function dialogField(dialog: MatDialogHarness, label: string): Promise<MatFormFieldHarness> {
    return dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  }

  it('lists the cadre’s requests with their state and the reviewer’s reason', async () => {
    respondToList([
      aCorrection(),
      aCorrection({ id: '65e000000000000000000002', field: 'health', status: 'rejected', decisionReason: '体检结论为健康' }),
    ]);
    await fixture.whenStable();

    const items = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('.requests li'), (li) => li.textContent?.replace(/\s+/g, ' '));
    expect(items.length).toBe(2);
    expect(items[0]).toContain('出生地');
    expect(items[0]).toContain('待审核');
    expect(items[1]).toContain('已驳回');
    expect(items[1]).toContain('体检结论为健康');
  });

  it('shows an approved request’s outcome with who decided by display name, and that the record was corrected', async () => {
    respondToList([
      aCorrection({
        status: 'approved',
        decisionReason: '与户口簿一致',
        decidedByName: '王科长',
        decidedAt: '2025-03-03T08:00:00.000Z',
        appliedVersion: 5,
        appliedValue: '重庆市石柱县南宾街道',
      }),
    ]);
    await fixture.whenStable();

    const item = (fixture.nativeElement as HTMLElement).querySelector('.requests li')?.textContent?.replace(/\s+/g, ' ') ?? '';
    for (const part of ['已同意', '与户口簿一致', '王科长于', '审核', '档案已更正为重庆市石柱县南宾街道']) expect(item).toContain(part);
  });

  it('posts a request for the chosen field, starting from what the record says now', async () => {
    respondToList([]);
    await fixture.whenStable();

    await (await loader.getHarness(MatButtonHarness.with({ text: '申请更正' }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    const select = (await (await dialogField(dialog, '更正项目')).getControl(MatSelectHarness))!;
    await select.open();
    await select.clickOptions({ text: '出生地' });

    expect(await dialog.getText()).toContain('档案现在的内容');
    const proposed = (await (await dialogField(dialog, '正确内容')).getControl(MatInputHarness))!;
    expect(await proposed.getValue()).toBe('重庆石柱');

    await proposed.setValue('重庆石柱县南宾镇');
    const reason = (await (await dialogField(dialog, '理由')).getControl(MatInputHarness))!;
    await reason.setValue('以户口簿为准');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '提交申请' }))).click();

    const request = backend.expectOne({ method: 'POST', url: `/api/cadres/${RECORD_ID}/corrections` });
    expect(request.request.body).toEqual({ field: 'birthPlace', proposedValue: '重庆石柱县南宾镇', reason: '以户口簿为准' });
    request.flush(aCorrection());
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();

    respondToList([aCorrection()]);
    expect(await root.getAllHarnesses(MatDialogHarness)).toEqual([]);
  });

  it('refuses a request without a reason, or one that repeats the record', async () => {
    respondToList([]);
    await fixture.whenStable();

    await (await loader.getHarness(MatButtonHarness.with({ text: '申请更正' }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    const select = (await (await dialogField(dialog, '更正项目')).getControl(MatSelectHarness))!;
    await select.open();
    await select.clickOptions({ text: '民族' });
    await (await dialog.getHarness(MatButtonHarness.with({ text: '提交申请' }))).click();

    expect(await (await dialogField(dialog, '正确内容')).getTextErrors()).toEqual(['正确内容与档案现在的内容相同']);
    expect(await (await dialogField(dialog, '理由')).getTextErrors()).toEqual(['请说明理由']);
    backend.expectNone({ method: 'POST', url: `/api/cadres/${RECORD_ID}/corrections` });
  });
});
