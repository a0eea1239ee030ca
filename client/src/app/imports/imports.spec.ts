import { HttpEventType, HttpHeaders } from '@angular/common/http';
import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { MatTabGroupHarness } from '@angular/material/tabs/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { MAX_IMPORT_BYTES, type ImportItem, type ImportProblem, type ImportReport } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { eventually } from '../../testing/eventually';
import { provideViewport } from '../../testing/viewport';
import type { UnitWithVersion } from '../admin/units/units-api';
import { FileSaver } from '../ledger/file-download';
import { Imports } from './imports';

const BATCH = '66a000000000000000000001';
const NEXT_BATCH = '66a000000000000000000002';
const CADRE = '65c000000000000000000042';
const DISTRICT = '65d000000000000000000001';
const STREET = '65d000000000000000000003';
const STREET_OFFICE = '65d000000000000000000004';
const OTHER_STREET = '65d000000000000000000005';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const units: UnitWithVersion[] = [
  { id: DISTRICT, name: '江北区委', code: 'JB', type: 'party_committee', parentId: null, ancestorIds: [], sortOrder: 0, version: 1 },
  { id: STREET, name: '观音桥街道', code: 'JB-GYQ', type: 'street', parentId: DISTRICT, ancestorIds: [DISTRICT], sortOrder: 2, version: 1 },
  { id: STREET_OFFICE, name: '观音桥街道综合办', code: 'JB-GYQ-01', type: 'street', parentId: STREET, ancestorIds: [DISTRICT, STREET], sortOrder: 0, version: 1 },
  { id: OTHER_STREET, name: '寸滩街道', code: 'JB-CT', type: 'street', parentId: DISTRICT, ancestorIds: [DISTRICT], sortOrder: 3, version: 1 },
];

function anItem(overrides: Partial<ImportItem> = {}): ImportItem {
  return { row: 3, file: null, name: '张伟', action: 'create', cadreId: null, changes: [], ...overrides };
}

function aProblemAt(row: number | null, column: string | null, message: string, file: string | null = null, name?: string): ImportProblem {
  return { row, file, column, message, ...(name ? { name } : {}) };
}

/** A report as the API sends it; counts follow the items unless given. */
function aReport(overrides: Partial<ImportReport> = {}): ImportReport {
  const items = overrides.items ?? [anItem(), anItem({ row: 4, name: '李娜' })];
  const count = (action: ImportItem['action']) => items.filter((item) => item.action === action).length;
  const problems = overrides.problems ?? [];
  return {
    id: BATCH,
    kind: 'excel',
    fileName: '干部名册.xlsx',
    status: 'validated',
    items,
    problems,
    counts: {
      total: items.length,
      create: count('create'),
      update: count('update'),
      unchanged: count('unchanged'),
      error: count('error'),
    },
    canApply: problems.length === 0 && count('create') + count('update') > 0,
    expiresAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

function aFile(name: string, content: BlobPart = 'PK\u0003\u0004 workbook bytes', size?: number): File {
  if (size === undefined) return new File([content], name);
  // A sparse stand-in: only `size` matters to the client-side check, and no bytes are read.
  const file = new File(['x'], name);
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

describe('Imports', () => {
  let fixture: ComponentFixture<Imports>;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let backend: HttpTestingController;

  let handset = false;

  beforeEach(() => {
    handset = false;
  });
  afterEach(() => backend.verify());

  async function render(): Promise<void> {
    backend = configureApiTestBed(provideRouter([]), provideNoopAnimations(), provideViewport(handset));
    tab = 'cadre-excel-import';
    signIn(aMe({ roles: ['unit_manager'], unitId: STREET }));
    fixture = TestBed.createComponent(Imports);
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
  }

  /** Dialogs report their result after closing, a task later. */
  async function settle(): Promise<void> {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function text(selector: string): string {
    return page().querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  function texts(selector: string): string[] {
    return Array.from(page().querySelectorAll(selector), (node) => node.textContent?.trim() ?? '');
  }

  /** Chooses a file as the browser's file dialog would, in the tab whose component is given. */
  async function choose(file: File): Promise<void> {
    const input = page().querySelector<HTMLInputElement>(`${tab} input[type=file]`)!;
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  /** The Excel tab stays in the page after the .lrmx tab is opened, so buttons are looked up in one tab. */
  let tab = 'cadre-excel-import';

  async function button(label: string | RegExp): Promise<MatButtonHarness> {
    return (await loader.getChildLoader(tab)).getHarness(MatButtonHarness.with({ text: label }));
  }

  async function buttonTexts(): Promise<string[]> {
    const buttons = await (await loader.getChildLoader(tab)).getAllHarnesses(MatButtonHarness);
    return Promise.all(buttons.map((each) => each.getText()));
  }

  function expectExcelUpload(): TestRequest {
    return backend.expectOne((request) => request.method === 'POST' && request.url === '/api/imports/excel');
  }

  /** Chooses and uploads an Excel file and answers with the report. */
  async function uploadExcel(report: ImportReport, file = aFile('干部名册.xlsx')): Promise<void> {
    await choose(file);
    await (await button('上传并检查')).click();
    expectExcelUpload().flush(report, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
  }

  async function columnTexts(table: string): Promise<Record<string, string[]>> {
    const harness = await loader.getHarness(MatTableHarness.with({ selector: table }));
    const byColumn = await harness.getCellTextByColumnName();
    return Object.fromEntries(Object.entries(byColumn).map(([column, { text }]) => [column, text]));
  }

  it('offers the Excel and the .lrmx import as two tabs, Excel first', async () => {
    await render();

    const tabs = await loader.getHarness(MatTabGroupHarness);
    const labels = await Promise.all((await tabs.getTabs()).map((tab) => tab.getLabel()));
    expect(labels).toEqual(['Excel 表格', '任免审批表（.lrmx）']);
    expect(await (await tabs.getSelectedTab()).getLabel()).toBe('Excel 表格');
  });

  it('downloads the template under the name the server gives it', async () => {
    await render();
    const save = spyOn(TestBed.inject(FileSaver), 'save');

    await (await button('下载导入模板')).click();
    const request = backend.expectOne('/api/imports/excel-template.xlsx');
    expect(request.request.responseType).toBe('blob');
    const blob = new Blob(['PK'], { type: XLSX });
    request.flush(blob, {
      headers: new HttpHeaders({
        'Content-Disposition': "attachment; filename*=UTF-8''%E5%B9%B2%E9%83%A8%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx",
      }),
    });
    await fixture.whenStable();

    expect(save).toHaveBeenCalledOnceWith({ blob, fileName: '干部导入模板.xlsx' });
  });

  it("shows why the template could not be downloaded, from the problem in the refused download's body", async () => {
    await render();
    const save = spyOn(TestBed.inject(FileSaver), 'save');

    await (await button('下载导入模板')).click();
    const problem = aProblem(503, 'database_unavailable', { title: '服务暂不可用', detail: '数据库暂时无法连接，请稍后重试' });
    backend
      .expectOne('/api/imports/excel-template.xlsx')
      .flush(new Blob([JSON.stringify(problem)], { type: 'application/problem+json' }), {
        status: 503,
        statusText: 'Service Unavailable',
      });
    // The body is read from the blob asynchronously, outside what whenStable() waits for.
    await eventually(fixture, () => page().querySelector('cadre-excel-import .step [role=alert]'), 'the download failure notice');

    expect(text('cadre-excel-import .step [role=alert] h2')).toBe('服务暂不可用');
    expect(text('cadre-excel-import .step [role=alert] p')).toBe('数据库暂时无法连接，请稍后重试');
    expect(save).not.toHaveBeenCalled();
    expect(await (await button('下载导入模板')).isDisabled()).toBeFalse();
  });

  it('uploads the workbook as raw bytes with its name, showing the progress', async () => {
    await render();
    const file = aFile('干部名册.xlsx');
    await choose(file);
    expect(text('cadre-import-file-picker .chosen')).toBe('已选择：干部名册.xlsx（19 B）');

    await (await button('上传并检查')).click();
    const upload = expectExcelUpload();
    expect(upload.request.body).toBe(file);
    expect(upload.request.params.get('fileName')).toBe('干部名册.xlsx');
    expect(upload.request.headers.get('Content-Type')).toBe(XLSX);
    expect(upload.request.reportProgress).toBeTrue();

    upload.event({ type: HttpEventType.UploadProgress, loaded: 10, total: 19 });
    await fixture.whenStable();
    expect(text('cadre-import-file-picker [role=status]')).toBe('正在上传 53%');
    expect(await (await button('上传并检查')).isDisabled()).toBeTrue();

    upload.event({ type: HttpEventType.UploadProgress, loaded: 19, total: 19 });
    await fixture.whenStable();
    expect(text('cadre-import-file-picker [role=status]')).toBe('正在检查文件…');

    upload.flush(aReport(), { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(text('cadre-import-report h2')).toBe('检查结果：干部名册.xlsx');
  });

  it('refuses a file over the size limit before sending anything', async () => {
    await render();

    await choose(aFile('太大.xlsx', undefined, MAX_IMPORT_BYTES + 1));

    expect(text('cadre-import-file-picker [role=alert]')).toBe('文件超过 10 MB 的上限，请拆分成几个文件分批导入。');
    expect(text('cadre-import-file-picker .chosen')).toBe('尚未选择文件');
    expect(await (await button('上传并检查')).isDisabled()).toBeTrue();
  });

  it('refuses a file that is not a workbook by its name', async () => {
    await render();

    await choose(aFile('旧格式.xls'));

    expect(text('cadre-import-file-picker [role=alert]')).toBe('请选择 .xlsx 文件。');
  });

  it('lists every problem by spreadsheet row, says nothing was imported, and offers no apply', async () => {
    await render();

    await uploadExcel(
      aReport({
        items: [anItem(), anItem({ row: 4, name: '李娜', action: 'error' }), anItem({ row: 5, name: '王强', action: 'error' })],
        problems: [
          aProblemAt(5, '身份证号', '身份证号校验码不正确', null, '王强'),
          aProblemAt(4, '单位编码', '没有编码为 JB-X99 的单位', null, '李娜'),
          aProblemAt(4, '出生年月', '应为 1985.03 这样的年月', null, '李娜'),
          aProblemAt(null, null, '第 2 行是填写说明，不要删除'),
        ],
      }),
    );

    expect(texts('cadre-import-report .blocked > *')).toEqual([
      '未导入任何数据。',
      '文件中有 4 处问题。请按下表逐项修改文件，保存后重新上传；全部无误后才能导入。',
    ]);
    expect(page().querySelector('cadre-import-report .blocked')?.getAttribute('role')).toBe('alert');
    expect(await columnTexts('.problems')).toEqual({
      // Each row names its person as well as its number; the file as a whole has no person.
      row: ['整个文件', '第 4 行（李娜）', '第 4 行（李娜）', '第 5 行（王强）'],
      column: ['', '单位编码', '出生年月', '身份证号'],
      message: ['第 2 行是填写说明，不要删除', '没有编码为 JB-X99 的单位', '应为 1985.03 这样的年月', '身份证号校验码不正确'],
    });
    expect(texts('cadre-import-report .counts li')).toEqual(['共 3 行', '新增 1', '错误 2']);
    expect(page().querySelector('cadre-import-report .items')).toBeNull();
    expect((await buttonTexts()).filter((label) => label.startsWith('确认导入'))).toEqual([]);
  });

  it('previews a clean file and imports it only after confirmation', async () => {
    await render();
    await uploadExcel(aReport());

    expect(page().querySelector('cadre-import-report [role=alert]')).toBeNull();
    expect(text('cadre-import-report h3')).toBe('将新增以下 2 人');
    expect(await columnTexts('.items')).toEqual(jasmine.objectContaining({ row: ['3', '4'], name: ['张伟', '李娜'] }));

    await (await button('确认导入 2 人')).click();
    let dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getContentText()).toBe('将新增 2 人、更新 0 人。全部写入或全部不写入，每一项都记入审计日志。确定导入吗？');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '取消' }))).click();
    await settle();
    backend.expectNone(`/api/imports/${BATCH}/apply`);

    await (await button('确认导入 2 人')).click();
    dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: '导入' }))).click();
    await settle();
    const apply = backend.expectOne({ method: 'POST', url: `/api/imports/${BATCH}/apply` });
    apply.flush({ id: BATCH, created: 2, updated: 0 });
    await fixture.whenStable();

    expect(text('cadre-import-report [role=status] h2')).toBe('导入完成：新增 2 人，更新 0 人。');
    expect(text('cadre-import-file-picker .chosen')).toBe('尚未选择文件');
    expect(await (await button('上传并检查')).isDisabled()).toBeTrue();
    const ledger = page().querySelector<HTMLAnchorElement>('cadre-import-report a[href="/ledger"]');
    expect(ledger?.textContent?.trim()).toBe('查看干部台账');

    await (await button('继续导入')).click();
    expect(page().querySelector('cadre-import-report section')).toBeNull();
    expect(text('cadre-import-file-picker .chosen')).toBe('尚未选择文件');
  });

  async function confirmApply(): Promise<TestRequest> {
    await (await button(/^确认导入/)).click();
    const dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: '导入' }))).click();
    await settle();
    return backend.expectOne({ method: 'POST', url: `/api/imports/${BATCH}/apply` });
  }

  it('asks for a new upload when the records changed after the preview (409), and uploads the same file again', async () => {
    await render();
    const file = aFile('干部名册.xlsx');
    await uploadExcel(aReport(), file);

    const detail = '第 3 行的身份证号在预览之后已被登记，本批次未导入任何数据；请重新上传';
    (await confirmApply()).flush(aProblem(409, 'import_stale', { title: '数据已被他人修改', detail }), {
      status: 409,
      statusText: 'Conflict',
    });
    await fixture.whenStable();

    expect(text('cadre-import-report [role=alert] h2')).toBe('未导入任何数据。');
    expect(text('cadre-import-report [role=alert] p')).toBe(detail);
    expect((await buttonTexts()).filter((label) => label.startsWith('确认导入'))).toEqual([]);

    await (await button('重新上传')).click();
    const again = expectExcelUpload();
    expect(again.request.body).toBe(file);
    again.flush(aReport({ id: NEXT_BATCH }), { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(await (await button('确认导入 2 人')).isDisabled()).toBeFalse();
  });

  it('keeps the report for another try when the apply fails for another reason', async () => {
    await render();
    await uploadExcel(aReport());

    (await confirmApply()).flush(aProblem(503, 'database_unavailable', { title: '数据库暂不可用' }), {
      status: 503,
      statusText: 'Service Unavailable',
    });
    await fixture.whenStable();

    expect(text('cadre-import-report [role=alert]')).toContain('数据库暂不可用');
    expect(await (await button('确认导入 2 人')).isDisabled()).toBeFalse();
  });

  it('explains a file the server refused as too large (413)', async () => {
    await render();
    await choose(aFile('干部名册.xlsx'));
    await (await button('上传并检查')).click();

    expectExcelUpload().flush(aProblem(413, 'payload_too_large', { title: 'Payload Too Large' }), {
      status: 413,
      statusText: 'Payload Too Large',
    });
    await fixture.whenStable();

    expect(text('cadre-import-report [role=alert] h2')).toBe('文件超过 10 MB 的上限，请拆分成几个文件分批导入。');
    expect((await buttonTexts()).includes('重新上传')).toBeFalse();
  });

  it("shows the server's reason when it refuses the file's content (400)", async () => {
    await render();
    await choose(aFile('伪装.xlsx', 'just text'));
    await (await button('上传并检查')).click();

    expectExcelUpload().flush(
      aProblem(400, 'invalid_workbook', { title: '请求参数有误', detail: '文件已损坏，不是可以读取的 Excel 工作簿（.xlsx）' }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    expect(text('cadre-import-report [role=alert] h2')).toBe('请求参数有误');
    expect(text('cadre-import-report [role=alert] p')).toBe('文件已损坏，不是可以读取的 Excel 工作簿（.xlsx）');
    expect((await buttonTexts()).includes('重新上传')).toBeFalse();
  });

  it('discards the batch on request, writing nothing', async () => {
    await render();
    await uploadExcel(aReport());

    await (await button('放弃本次导入')).click();
    backend.expectOne({ method: 'DELETE', url: `/api/imports/${BATCH}` }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(await (await root.getHarness(MatSnackBarHarness)).getMessage()).toBe('已放弃本次导入，没有写入任何数据。');
    expect(page().querySelector('cadre-import-report section')).toBeNull();
  });

  it('discards the batch of a bad file when the fixed file is uploaded', async () => {
    await render();
    await uploadExcel(aReport({ problems: [aProblemAt(4, '出生年月', '应为 1985.03 这样的年月')] }));

    await choose(aFile('干部名册.xlsx', 'PK\u0003\u0004 fixed'));
    await (await button('上传并检查')).click();

    backend.expectOne({ method: 'DELETE', url: `/api/imports/${BATCH}` }).flush(null, { status: 204, statusText: 'No Content' });
    expectExcelUpload().flush(aReport({ id: NEXT_BATCH }), { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(await (await button('确认导入 2 人')).isDisabled()).toBeFalse();
  });

  describe('.lrmx tab', () => {
    async function openLrmxTab(): Promise<void> {
      await render();
      await (await loader.getHarness(MatTabGroupHarness)).selectTab({ label: '任免审批表（.lrmx）' });
      await fixture.whenStable();
      tab = 'cadre-lrmx-import';
      backend.expectOne('/api/units').flush({ items: units });
      await fixture.whenStable();
    }

    const lrmxReport = (overrides: Partial<ImportReport> = {}): ImportReport =>
      aReport({
        kind: 'lrmx',
        fileName: '第一批.zip',
        items: [
          anItem({
            row: null,
            file: '张伟.lrmx',
            name: '张伟',
            action: 'update',
            cadreId: CADRE,
            changes: [
              { field: '现任职务', before: '办公室副主任', after: '办公室主任' },
              { field: '专业技术职务', before: '', after: '经济师' },
            ],
          }),
          anItem({ row: null, file: '李娜.lrmx', name: '李娜', action: 'create' }),
          anItem({ row: null, file: '王强.lrmx', name: '王强', action: 'unchanged', cadreId: '65c000000000000000000043' }),
        ],
        ...overrides,
      });

    it('sends the chosen unit and defaults with the file', async () => {
      await openLrmxTab();
      const file = aFile('第一批.zip');
      await choose(file);

      const unit = await loader.getHarness(MatSelectHarness.with({ selector: '[formControlName=unitId]' }));
      await unit.open();
      // The unit manager's own subtree only: the server would refuse any other unit.
      expect(await Promise.all((await unit.getOptions()).map((option) => option.getText()))).toEqual([
        '不指定',
        '观音桥街道',
        '观音桥街道综合办',
      ]);
      await unit.clickOptions({ text: '观音桥街道' });
      await (await loader.getHarness(MatSelectHarness.with({ selector: '[formControlName=rank]' }))).clickOptions({
        text: '一级主任科员',
      });
      await (await button('上传并检查')).click();

      const upload = backend.expectOne((request) => request.method === 'POST' && request.url === '/api/imports/lrmx');
      expect(upload.request.body).toBe(file);
      expect(upload.request.headers.get('Content-Type')).toBe('application/zip');
      expect(upload.request.params.keys().sort()).toEqual(['fileName', 'rank', 'unitId']);
      expect(upload.request.params.get('fileName')).toBe('第一批.zip');
      expect(upload.request.params.get('unitId')).toBe(STREET);
      expect(upload.request.params.get('rank')).toBe('一级主任科员');
      upload.flush(lrmxReport(), { status: 201, statusText: 'Created' });
      await fixture.whenStable();

      expect(texts('cadre-import-report .counts li')).toEqual(['共 3 份', '新增 1', '更新 1', '无变化 1', '错误 0']);
      expect(await (await button('确认导入 2 人')).isDisabled()).toBeFalse();
    });

    async function uploadLrmx(report: ImportReport): Promise<void> {
      await choose(aFile('第一批.zip'));
      await (await button('上传并检查')).click();
      backend
        .expectOne((request) => request.method === 'POST' && request.url === '/api/imports/lrmx')
        .flush(report, { status: 201, statusText: 'Created' });
      await fixture.whenStable();
    }

    it("shows each file's action and, on request, an update's changes field by field", async () => {
      await openLrmxTab();
      await uploadLrmx(lrmxReport());

      const columns = await columnTexts('.items');
      expect(columns['file']).toEqual(['张伟.lrmx', '李娜.lrmx', '王强.lrmx']);
      expect(columns['action']).toEqual(['更新', '新增', '无变化']);
      expect(page().querySelector('.diff')).toBeNull();

      const toggle = await (await loader.getChildLoader(tab)).getHarness(
        MatButtonHarness.with({ selector: '[aria-label="张伟 的 2 项变更"]' }),
      );
      expect(await toggle.getText()).toContain('2 项变更');
      expect(await (await toggle.host()).getAttribute('aria-expanded')).toBe('false');
      await toggle.click();

      expect(await (await toggle.host()).getAttribute('aria-expanded')).toBe('true');
      const diff = Array.from(page().querySelectorAll('.diff tbody tr'), (row) =>
        Array.from(row.children, (cell) => cell.textContent?.trim()),
      );
      expect(diff).toEqual([
        ['现任职务', '办公室副主任', '办公室主任'],
        ['专业技术职务', '（空）', '经济师'],
      ]);
      expect(page().querySelector('.diff caption')?.textContent).toBe('张伟 的变更');
      const portrait = page().querySelector<HTMLAnchorElement>(`a[href="/cadres/${CADRE}"]`);
      expect(portrait?.textContent?.trim()).toBe('张伟');
    });

    it('lists problems per file and offers no apply while any file has one', async () => {
      await openLrmxTab();
      await uploadLrmx(
        lrmxReport({
          items: [anItem({ row: null, file: '赵敏.lrmx', name: '赵敏', action: 'error' }), anItem({ row: null, file: '李娜.lrmx', name: '李娜' })],
          problems: [aProblemAt(null, 'ShenFenZheng', '身份证号校验码不正确', '赵敏.lrmx', '赵敏'), aProblemAt(null, null, '新增人员需要选择单位', 'x.lrmx', '李娜')],
          canApply: false,
        }),
      );

      expect(await columnTexts('.problems')).toEqual({
        // A file name that does not say who is in it gets the person's name.
        file: ['赵敏.lrmx', 'x.lrmx（李娜）'],
        // The element is shown by the label the printed form gives it.
        column: ['身份证号', ''],
        message: ['身份证号校验码不正确', '新增人员需要选择单位'],
      });
      expect(text('cadre-import-report .problems th:nth-child(2)')).toBe('项目');
      expect((await columnTexts('.items'))['action']).toEqual(['错误', '新增']);
      expect((await buttonTexts()).filter((label) => label.startsWith('确认导入'))).toEqual([]);
    });

    it("passes on the server's own size limit, which the contract does not fix for appointment forms (413)", async () => {
      await openLrmxTab();
      await choose(aFile('全区.zip', undefined, MAX_IMPORT_BYTES * 3));
      await (await button('上传并检查')).click();

      backend
        .expectOne((request) => request.method === 'POST' && request.url === '/api/imports/lrmx')
        .flush(aProblem(413, 'payload_too_large', { title: '上传内容过大', detail: '上传内容超过大小上限' }), {
          status: 413,
          statusText: 'Payload Too Large',
        });
      await fixture.whenStable();

      expect(text('cadre-import-report [role=alert] h2')).toBe('上传内容过大');
      expect(text('cadre-import-report [role=alert] p')).toBe('上传内容超过大小上限');
    });

    it('fits a phone: where and what share a column in both tables', async () => {
      handset = true;
      await openLrmxTab();
      await uploadLrmx(
        lrmxReport({ problems: [aProblemAt(null, 'ShenFenZheng', '身份证号校验码不正确', '赵敏.lrmx')], canApply: false }),
      );

      expect(await columnTexts('.problems')).toEqual({ where: ['赵敏.lrmx身份证号'], message: ['身份证号校验码不正确'] });
      const items = await columnTexts('.items');
      // Name and file are two lines of one cell; the harness joins them.
      expect(items['person']!.map((cell) => cell.replace(/\s/g, ''))).toEqual(['张伟张伟.lrmx', '李娜李娜.lrmx', '王强王强.lrmx']);
      expect(items['file']).toBeUndefined();
    });

    it('says there is nothing to import when every file matches its record', async () => {
      await openLrmxTab();
      await uploadLrmx(
        lrmxReport({ items: [anItem({ row: null, file: '王强.lrmx', name: '王强', action: 'unchanged', cadreId: CADRE })] }),
      );

      expect(text('cadre-import-report .nothing')).toBe('文件中的人员与现有记录完全一致，无需导入。');
      expect((await buttonTexts()).filter((label) => label.startsWith('确认导入'))).toEqual([]);
    });
  });
});
