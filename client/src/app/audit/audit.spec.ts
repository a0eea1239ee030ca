import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCardHarness } from '@angular/material/card/testing';
import { MatDateRangeInputHarness } from '@angular/material/datepicker/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { Action, AuditRecord, AuditVerification } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, signIn } from '../../testing/me';
import { Audit } from './audit';

const record: AuditRecord = {
  seq: 41,
  time: '2026-11-20T02:15:00.000Z',
  userId: '65b000000000000000000001',
  username: 'wangfang',
  ip: '10.8.1.23',
  action: 'user.disable',
  objectType: 'user',
  objectId: '65b000000000000000000007',
  result: 'denied',
  detail: null,
  requestId: 'req-1',
  hash: 'h41',
  prevHash: 'h40',
};

function aVerification(overrides: Partial<AuditVerification>): AuditVerification {
  return {
    ok: true,
    checked: 0,
    headSeq: null,
    headHash: null,
    firstBrokenSeq: null,
    breakCount: 0,
    breaks: [],
    unkeyed: 0,
    anchor: null,
    checkpoint: null,
    ...overrides,
  };
}

describe('Audit', () => {
  let fixture: ComponentFixture<Audit>;
  let loader: HarnessLoader;
  let backend: HttpTestingController;

  beforeEach(() => {
    backend = configureApiTestBed(provideNoopAnimations());
  });
  afterEach(() => backend.verify());

  async function render(permissions?: Action[]): Promise<void> {
    signIn(aMe({ roles: ['audit_admin'], ...(permissions ? { permissions } : {}) }));
    fixture = TestBed.createComponent(Audit);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    expectPage().flush({ items: [record], total: 1 });
    await fixture.whenStable();
  }

  function expectPage(): TestRequest {
    return backend.expectOne((request) => request.url === '/api/audit');
  }

  async function fillIn(label: string, value: string): Promise<void> {
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    await (await field.getControl(MatInputHarness))!.setValue(value);
  }

  function text(): string {
    return (fixture.nativeElement as HTMLElement).textContent ?? '';
  }

  it('shows the newest page of records without filters', async () => {
    signIn(aMe({ roles: ['audit_admin'] }));
    fixture = TestBed.createComponent(Audit);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();

    const first = expectPage();
    expect(first.request.params.keys().sort()).toEqual(['page', 'size']);
    expect(first.request.params.get('size')).toBe('50');
    first.flush({ items: [record], total: 1 });
    await fixture.whenStable();

    const table = await loader.getHarness(MatTableHarness);
    const [row] = await table.getCellTextByIndex();
    expect(row).toEqual(['41', jasmine.stringMatching(/^2026-11-20 \d\d:15:00$/), 'wangfang10.8.1.23', 'user.disable', 'user65b000000000000000000007', '拒绝']);
  });

  it('builds the query from every filter, and the export link from the same filters', async () => {
    await render();

    await fillIn('用户名', ' wangfang ');
    await fillIn('操作', 'user.disable');
    await fillIn('对象类型', 'user');
    await fillIn('对象编号', '65b000000000000000000007');
    const result = await loader.getHarness(MatSelectHarness);
    await result.open();
    await result.clickOptions({ text: '拒绝' });
    const range = await loader.getHarness(MatDateRangeInputHarness);
    await (await range.getStartInput()).setValue('2026/11/1');
    await (await range.getEndInput()).setValue('2026/11/20');
    await (await loader.getHarness(MatButtonHarness.with({ text: '查询' }))).click();

    const filtered = expectPage();
    const params = filtered.request.params;
    const expected = {
      username: 'wangfang',
      action: 'user.disable',
      objectType: 'user',
      objectId: '65b000000000000000000007',
      result: 'denied',
      from: new Date(2026, 10, 1).toISOString(),
      to: new Date(2026, 10, 20, 23, 59, 59, 999).toISOString(),
    };
    for (const [key, value] of Object.entries(expected)) expect(params.get(key)).withContext(key).toBe(value);
    expect(params.get('page')).toBe('0');
    filtered.flush({ items: [], total: 0 });
    await fixture.whenStable();

    expect(text()).toContain('没有符合条件的审计记录');
    const link = (fixture.nativeElement as HTMLElement).querySelector<HTMLAnchorElement>('a[download]')!;
    expect(link.textContent?.trim()).toBe('导出 CSV');
    const exported = new URL(link.href);
    expect(exported.pathname).toBe('/api/audit/export');
    expect(Object.fromEntries(exported.searchParams)).toEqual(expected);
  });

  it('reports the chain intact, with how many records were checked', async () => {
    await render();

    await (await loader.getHarness(MatButtonHarness.with({ text: '校验' }))).click();
    backend.expectOne('/api/audit/verification').flush(aVerification({ ok: true, checked: 1234, headSeq: 1234, headHash: 'ab12' }));
    await fixture.whenStable();

    const card = await loader.getHarness(MatCardHarness.with({ title: '审计链校验' }));
    expect(await card.getText()).toContain('审计链完整');
    expect(await card.getText()).toContain('已校验 1234 条记录');
  });

  it('lists every break the server reports, in Chinese, and how many more were not listed', async () => {
    await render();

    await (await loader.getHarness(MatButtonHarness.with({ text: '校验' }))).click();
    backend.expectOne('/api/audit/verification').flush(
      aVerification({
        ok: false,
        checked: 57,
        headSeq: 2,
        firstBrokenSeq: 3,
        breakCount: 7,
        breaks: [
          { kind: 'edited', seq: 3, lastSeq: null },
          { kind: 'removed', seq: 10, lastSeq: 12 },
          { kind: 'anchor_too_young', seq: 2, lastSeq: null },
          { kind: 'tail_missing', seq: 58, lastSeq: 60 },
        ],
        checkpoint: { seq: 60, time: '2026-12-01T00:00:00.000Z' },
      }),
    );
    await fixture.whenStable();

    const text = await (await loader.getHarness(MatCardHarness.with({ title: '审计链校验' }))).getText();
    expect(text).toContain('审计链发现 7 处问题');
    expect(text).toContain('第 3 条：内容与哈希不符');
    expect(text).toContain('第 10–12 条：记录缺失（被删除）');
    expect(text).toContain('保留期锚点（第 2 条）：记录在保留期满之前被清理');
    expect(text).toContain('第 58–60 条：最新的记录被删除（签名检查点记录到第 60 条）');
    expect(text).toContain('另有 3 处未列出');
    expect(text).not.toContain('审计链完整');
    const items = (fixture.nativeElement as HTMLElement).querySelectorAll('.breaks li');
    expect(items.length).toBe(4);
  });

  it('offers export and verification only with their own permissions', async () => {
    await render(['audit:read']);

    expect((fixture.nativeElement as HTMLElement).querySelector('a[download]')).toBeNull();
    expect(await loader.getAllHarnesses(MatCardHarness.with({ title: '审计链校验' }))).toHaveSize(0);
  });
});
