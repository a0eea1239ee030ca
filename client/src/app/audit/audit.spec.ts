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
import type { Action, AuditPage, AuditRecord, AuditVerification } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { provideViewport } from '../../testing/viewport';
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

const NAMES: AuditPage['names'] = {
  '65b000000000000000000007': { name: '王芳', context: 'wangfang', deleted: false },
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
    backend = configureApiTestBed(provideNoopAnimations(), provideViewport(false));
  });
  afterEach(() => backend.verify());

  async function render(permissions?: Action[]): Promise<void> {
    signIn(aMe({ roles: ['audit_admin'], ...(permissions ? { permissions } : {}) }));
    fixture = TestBed.createComponent(Audit);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    expectPage().flush({ items: [record], total: 1, names: NAMES });
    await fixture.whenStable();
  }

  function expectPage(): TestRequest {
    return backend.expectOne((request) => request.url === '/api/audit');
  }

  async function fillIn(label: string, value: string): Promise<void> {
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    await (await field.getControl(MatInputHarness))!.setValue(value);
  }

  async function choose(label: string, option: string): Promise<void> {
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    const control = (await field.getControl(MatSelectHarness))!;
    await control.open();
    await control.clickOptions({ text: option });
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
    first.flush({ items: [record], total: 1, names: NAMES });
    await fixture.whenStable();

    const table = await loader.getHarness(MatTableHarness);
    const [row, detail] = await table.getCellTextByIndex();
    expect(row).toEqual(['41', jasmine.stringMatching(/^2026-11-20 \d\d:15:00$/), 'wangfang10.8.1.23', '停用账户', '账户：王芳wangfang', '拒绝', '详情 ▼']);
    expect(detail).toEqual(['']);
    expect(text()).not.toContain('65b000000000000000000007');
  });

  it('builds the query from every filter, and the export link from the same filters', async () => {
    await render();

    await fillIn('用户名', ' wangfang ');
    await choose('操作', '停用账户');
    await choose('对象类型', '账户');
    await fillIn('对象编号', '65b000000000000000000007');
    await choose('结果', '拒绝');
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
    filtered.flush({ items: [], total: 0, names: {} });
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

  describe('records in Chinese', () => {
    const CADRE = '65b0000000000000000000c1';
    const STREET = '65b0000000000000000000a2';
    const BUREAU = '65b0000000000000000000a3';
    const update: AuditRecord = {
      ...record,
      seq: 42,
      action: 'cadre.update',
      objectType: 'cadre',
      objectId: CADRE,
      result: 'success',
      detail: {
        changes: {
          post: { before: '副主任', after: '主任' },
          unitId: { before: STREET, after: BUREAU },
          idNumber: { before: '500105********123X', after: '500105********456X' },
          partyJoinMonth: { before: null, after: '2001-07' },
        },
        version: { before: 3, after: 4 },
      },
    };
    const deletion: AuditRecord = {
      ...record,
      seq: 43,
      action: 'unit.delete',
      objectType: 'unit',
      objectId: '65b0000000000000000000dd',
      result: 'success',
      detail: { reason: 'unit_out_of_scope' },
    };
    const names: AuditPage['names'] = {
      [CADRE]: { name: '张晓明', context: '观音桥街道', deleted: false },
      [STREET]: { name: '观音桥街道', context: null, deleted: false },
      [BUREAU]: { name: '区城市管理局', context: null, deleted: false },
      '65b0000000000000000000dd': { name: '已删除', context: '#0000dd', deleted: true },
    };

    async function renderRecords(): Promise<void> {
      signIn(aMe({ roles: ['audit_admin'] }));
      fixture = TestBed.createComponent(Audit);
      loader = TestbedHarnessEnvironment.loader(fixture);
      await fixture.whenStable();
      expectPage().flush({ items: [update, deletion], total: 2, names });
      await fixture.whenStable();
    }

    it('names the action and the object, and a deleted object as 已删除 with a short id', async () => {
      await renderRecords();
      const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByIndex();
      expect(rows[0]!.slice(3, 5)).toEqual(['修改干部档案', '干部档案：张晓明观音桥街道']);
      expect(rows[2]!.slice(3, 5)).toEqual(['删除单位', '单位：已删除#0000dd']);
      expect(text()).not.toMatch(/[0-9a-f]{24}/);
    });

    it('opens a record to its changes: Chinese field labels, before → after, names for ids, ID numbers masked', async () => {
      await renderRecords();
      expect((fixture.nativeElement as HTMLElement).querySelector('cadre-audit-record-detail')).toBeNull();

      await (await loader.getHarness(MatButtonHarness.with({ text: /详情/, selector: '[aria-label="展开或收起第 42 条的详情"]' }))).click();

      const lines = [...(fixture.nativeElement as HTMLElement).querySelectorAll('cadre-audit-record-detail .changes tbody tr')].map((tr) =>
        [...tr.children].map((cell) => cell.textContent?.trim()),
      );
      expect(lines).toEqual([
        ['现任职务', '副主任', '→', '主任'],
        ['单位', '观音桥街道', '→', '区城市管理局'],
        ['身份证号', '500105********123X', '→', '500105********456X'],
        ['入党时间', '（空）', '→', '2001-07'],
        ['版本', '3', '→', '4'],
      ]);
      const facts = (fixture.nativeElement as HTMLElement).querySelector('cadre-audit-record-detail .facts')!.textContent ?? '';
      expect(facts).toContain('请求编号req-1');

      await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="展开或收起第 42 条的详情"]' }))).click();
      expect((fixture.nativeElement as HTMLElement).querySelector('cadre-audit-record-detail')).toBeNull();
    });

    it('tells the recorded reasons in words', async () => {
      await renderRecords();
      await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="展开或收起第 43 条的详情"]' }))).click();
      const facts = (fixture.nativeElement as HTMLElement).querySelector('cadre-audit-record-detail .facts')!.textContent ?? '';
      expect(facts).toContain('原因单位不在管辖范围内');
      expect(facts).not.toContain('unit_out_of_scope');
    });
  });

  it('on a phone tells each record in one column and folds the filters away until asked', async () => {
    TestBed.resetTestingModule();
    backend = configureApiTestBed(provideNoopAnimations(), provideViewport(true));
    await render();
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('form.filters')!.classList).toContain('collapsed');
    const [row] = await (await loader.getHarness(MatTableHarness)).getCellTextByIndex();
    expect(row![0]).toContain('停用账户');
    expect(row![0]).toContain('账户：王芳');

    await (await loader.getHarness(MatButtonHarness.with({ text: /筛选条件/ }))).click();
    expect(page.querySelector('form.filters')!.classList).not.toContain('collapsed');
  });

  describe('chain verification', () => {
    it('comes first on the page and is not run on opening', async () => {
      await render();
      backend.expectNone('/api/audit/verification');
      const page = fixture.nativeElement as HTMLElement;
      const card = page.querySelector('cadre-audit-verification-card')!;
      const table = page.querySelector('table')!;
      expect(card.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(card.compareDocumentPosition(page.querySelector('form')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(card.textContent).toContain('校验逐条读取全部审计记录');
    });

    it('keeps the last result, with its time, when the auditor comes back to the page', async () => {
      await render();
      await (await loader.getHarness(MatButtonHarness.with({ text: '校验' }))).click();
      backend.expectOne('/api/audit/verification').flush(aVerification({ ok: true, checked: 9 }));
      await fixture.whenStable();
      fixture.destroy();

      await render();
      backend.expectNone('/api/audit/verification');
      const card = await (await loader.getHarness(MatCardHarness.with({ title: '审计链校验' }))).getText();
      expect(card).toContain('审计链完整');
      expect(card).toMatch(/上次校验：\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
    });
  });
});
