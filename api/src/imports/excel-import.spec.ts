import ExcelJS from 'exceljs';
import {
  CadreInputSchema,
  EXCEL_TEMPLATE_COLUMNS,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  formatResume,
  type CadreInput,
  type ImportReport,
} from '@cadre/shared-models';
import { AuditModel } from '../audit/audit.model.js';
import { ProjectionChangeModel } from '../projections/change-feed.js';
import { CadreModel } from '../cadres/cadre.model.js';
import { sealIdNumber } from '../cadres/id-number-storage.js';
import { toCadreRecord, type StoredCadre } from '../cadres/cadre-writer.js';
import { createTestApp } from '../test/test-app.js';
import { signedInAs, type TestClient } from '../test/test-client.js';
import { aCadre, aUnit } from '../test/factories.js';
import { buildExcelTemplate, EXCEL_DATA_SHEET, EXCEL_UNITS_SHEET, type ExcelTemplateRow } from './excel-template.js';
import { ImportBatchItemModel, ImportBatchModel } from './import-batch.model.js';
import { anIdNumber, aRow, cadreSnapshot, downloadFile, uploadFile } from './import-spec-helpers.js';

/** Uploads parse whole workbooks and archives: well within this, but above Jasmine's 5 s on a busy machine. */
const SLOW_SPEC_MS = 30_000;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = EXCEL_TEMPLATE_COLUMNS.map(([header]) => header);

type Units = Awaited<ReturnType<typeof setUpUnits>>;

async function setUpUnits() {
  const district = await aUnit({ name: '某某区委', type: 'party_committee' });
  const street = await aUnit({ name: '某某街道', type: 'street', parent: district });
  const community = await aUnit({ name: '某某社区', type: 'street', parent: street });
  const bureau = await aUnit({ name: '某某局', type: 'department', parent: district });
  return { district, street, community, bureau };
}

function upload(client: TestClient, bytes: Buffer, fileName = '干部名单.xlsx') {
  return uploadFile(client, `/api/imports/excel?fileName=${encodeURIComponent(fileName)}`, bytes, XLSX);
}

function problemsOf(report: ImportReport) {
  return report.problems.map(({ row, column, message }) => ({ row, column, message }));
}

/** A workbook laid out as the template, written cell by cell, for values the template would never hold. */
async function handMadeWorkbook(fill: (sheet: ExcelJS.Worksheet, column: (field: string) => number) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(EXCEL_DATA_SHEET);
  sheet.addRow(HEADERS);
  const column = (field: string) => EXCEL_TEMPLATE_COLUMNS.findIndex(([, f]) => f === field) + 1;
  fill(sheet, column);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('Excel import', () => {
  const app = createTestApp();
  let units: Units;
  let admin: TestClient;

  beforeEach(async () => {
    units = await setUpUnits();
    ({ client: admin } = await signedInAs(app, ['org_admin'], { unitId: String(units.district._id) }));
  });

  describe('the template', () => {
    it('has the header row, a notes row, drop-down lists, an example marked 示例 and the units in scope', async () => {
      const { client } = await signedInAs(app, ['unit_manager'], { unitId: String(units.street._id) });
      const res = await downloadFile(client, '/api/imports/excel-template.xlsx').expect(200);
      expect(res.headers['content-type']).toContain(XLSX);
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('干部信息导入模板.xlsx')}`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as ExcelJS.Buffer);
      const sheet = workbook.getWorksheet(EXCEL_DATA_SHEET)!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
      expect((sheet.getRow(2).values as unknown[]).slice(1, 4)).toEqual(EXCEL_TEMPLATE_COLUMNS.slice(0, 3).map(([, , note]) => note));
      expect(String(sheet.getCell('A3').value)).toMatch(/^示例/);
      expect(sheet.getCell('B4').dataValidation).toEqual(jasmine.objectContaining({ type: 'list', formulae: ['"男,女"'] }));
      const unitColumn = sheet.getColumn(EXCEL_TEMPLATE_COLUMNS.findIndex(([, field]) => field === 'unitCode') + 1).letter;
      expect(sheet.getCell(`${unitColumn}4`).dataValidation?.formulae).toEqual([`'${EXCEL_UNITS_SHEET}'!$A$2:$A$3`]);

      const unitRows = workbook.getWorksheet(EXCEL_UNITS_SHEET)!.getSheetValues().slice(2) as unknown[][];
      expect(unitRows.map((row) => row.slice(1))).toEqual([
        [units.street.code, '某某街道'],
        [units.community.code, '某某社区'],
      ]);
    }, SLOW_SPEC_MS);

    it('imports nothing from the untouched template: the notes row and the 示例 row are skipped', async () => {
      const template = (await downloadFile(admin, '/api/imports/excel-template.xlsx').expect(200)).body as Buffer;
      const report = (await upload(admin, template).expect(201)).body as ImportReport;
      expect(report.counts.total).toBe(0);
      expect(report.canApply).toBeFalse();
      expect(problemsOf(report)).toEqual([{ row: null, column: null, message: '文件中没有数据行（说明行和“示例”行不导入）' }]);
    }, SLOW_SPEC_MS);
  });

  it('checks a good file, writes nothing until applied, then creates every row once, audited', async () => {
    const rows = [
      aRow(units.street.code),
      aRow(units.community.code, { name: '李红', sex: '女', idNumber: anIdNumber('19900115', '022'), birthMonth: '199001' }),
    ];
    const before = await cadreSnapshot();
    const report = (await upload(admin, await buildExcelTemplate([], rows)).expect(201)).body as ImportReport;
    expect(report).toEqual(
      jasmine.objectContaining({ kind: 'excel', fileName: '干部名单.xlsx', status: 'validated', canApply: true, problems: [] }),
    );
    expect(report.counts).toEqual({ total: 2, create: 2, update: 0, unchanged: 0, error: 0 });
    expect(report.items.map((item) => [item.row, item.name, item.action])).toEqual([
      [4, '王小明', 'create'],
      [5, '李红', 'create'],
    ]);
    expect(await cadreSnapshot()).toBe(before);
    const stored = await ImportBatchItemModel.find().lean();
    expect(stored.every((item) => item.idNumberSealed?.startsWith('v1:') && (item.input as { idNumber: unknown }).idNumber === null)).toBeTrue();

    const seqBefore = await ProjectionChangeModel.countDocuments({ feed: 'ledger' });
    const applied = await admin.post(`/api/imports/${report.id}/apply`).expect(200);
    expect(applied.body).toEqual({ id: report.id, created: 2, updated: 0 });
    const cadres = await CadreModel.find().sort({ birthMonth: 1 }).lean<StoredCadre[]>();
    expect(cadres.map((c) => [c.name, c.birthMonth, String(c.importBatchId)])).toEqual([
      ['王小明', '1985-03', report.id],
      ['李红', '1990-01', report.id],
    ]);
    expect(await AuditModel.countDocuments({ action: 'cadre.create', 'detail.importId': report.id })).toBe(2);
    const applyAudit = await AuditModel.findOne({ action: 'import.apply', objectId: report.id }).lean();
    expect(applyAudit?.detail).toEqual(jasmine.objectContaining({ created: 2, updated: 0 }));
    expect(await ProjectionChangeModel.countDocuments({ feed: 'ledger' })).toBe(seqBefore + 1);
    expect(await ImportBatchItemModel.countDocuments()).toBe(0);

    const again = await admin.post(`/api/imports/${report.id}/apply`).expect(409);
    expect(again.body.code).toBe('import_applied');
    expect(await CadreModel.countDocuments()).toBe(2);
    expect((await admin.get(`/api/imports/${report.id}`).expect(200)).body.status).toBe('applied');
  }, SLOW_SPEC_MS);

  it('reports every problem of a bad file by row and column, and applies nothing', async () => {
    const rows = [
      aRow(units.street.code, {
        name: '',
        sex: '未知',
        birthMonth: '1985年3月',
        idNumber: '500105198503120110',
        otherParty: '某某党',
        'fullTimeEducation.education': '大学肄业',
        unitCode: 'NO-SUCH',
        rank: '科长',
      }),
      aRow(units.street.code, { name: '赵六', workStartMonth: `${new Date().getUTCFullYear() + 1}.01`, postStartMonth: '2007.01' }),
    ];
    const before = await cadreSnapshot();
    const report = (await upload(admin, await buildExcelTemplate([], rows)).expect(201)).body as ImportReport;
    expect(report.canApply).toBeFalse();
    expect(report.counts).toEqual({ total: 2, create: 0, update: 0, unchanged: 0, error: 2 });
    expect(problemsOf(report)).toEqual(
      jasmine.arrayWithExactContents([
        { row: 4, column: '性别', message: '应为 男、女 之一' },
        { row: 4, column: '出生年月', message: '“1985年3月”无法识别，应为 1985.03、198503、1985-03 或日期' },
        { row: 4, column: '身份证号', message: '身份证号校验码错误，应为 1' },
        { row: 4, column: '民主党派', message: '“某某党”不是民主党派名称或 无党派人士，请从下拉列表中选择' },
        { row: 4, column: '全日制学历', message: '“大学肄业”无法识别，请从下拉列表中选择' },
        { row: 4, column: '单位编码', message: '单位编码“NO-SUCH”不存在，请从“单位编码”工作表中选择' },
        { row: 4, column: '姓名', message: '不能为空' },
        { row: 4, column: '职级', message: jasmine.stringContaining('应为 一级调研员、') as unknown as string },
        { row: 5, column: '参加工作时间', message: `参加工作时间不能晚于本月（所填为 ${new Date().getUTCFullYear() + 1}.01）` },
        { row: 5, column: '任现职时间', message: '任现职时间不能早于参加工作时间' },
      ]),
    );
    const refused = await admin.post(`/api/imports/${report.id}/apply`).expect(409);
    expect(refused.body.code).toBe('import_has_problems');
    expect(await cadreSnapshot()).toBe(before);
  }, SLOW_SPEC_MS);

  it('applies nothing from a mixed file with bad rows among good ones, naming each bad row’s person', async () => {
    const rows = [
      aRow(units.street.code),
      aRow(units.street.code, { name: '钱七', idNumber: anIdNumber('19870101', '033'), birthMonth: '1987.01', sex: '女' }),
      aRow(units.street.code, { name: '孙八', idNumber: anIdNumber('19880101', '055'), birthMonth: '1988.01' }),
      aRow(units.street.code, { name: '李九', idNumber: anIdNumber('19890101', '077'), birthMonth: '1989.02' }),
    ];
    const before = await cadreSnapshot();
    const report = (await upload(admin, await buildExcelTemplate([], rows)).expect(201)).body as ImportReport;
    expect(report.items.map((item) => item.action)).toEqual(['create', 'error', 'create', 'error']);
    expect(report.problems).toEqual([
      { row: 5, file: null, column: '身份证号', message: '身份证号显示性别为男，与所填性别不一致', name: '钱七' },
      { row: 7, file: null, column: '身份证号', message: '身份证号中的出生年月为 1989.01，与所填出生年月 1989.02 不一致', name: '李九' },
    ]);
    expect(JSON.stringify(report.problems)).not.toContain(anIdNumber('19890101', '077'));
    expect(report.canApply).toBeFalse();
    await admin.post(`/api/imports/${report.id}/apply`).expect(409);
    expect(await cadreSnapshot()).toBe(before);
  }, SLOW_SPEC_MS);

  it('reads cells as Excel stores them: numbers, dates, rich text and formulas', async () => {
    const id = anIdNumber('19850312', '011');
    const bytes = await handMadeWorkbook((sheet, column) => {
      const row = sheet.getRow(2);
      for (const [field, text] of Object.entries(aRow(units.street.code))) row.getCell(column(field)).value = text ?? null;
      row.getCell(column('name')).value = { richText: [{ text: '王', font: { bold: true } }, { text: '小明' }] };
      row.getCell(column('birthMonth')).value = 1985.03;
      row.getCell(column('partyJoinMonth')).value = 2008.6;
      row.getCell(column('workStartMonth')).value = new Date(Date.UTC(2008, 6, 1));
      row.getCell(column('postStartMonth')).value = 2015.1;
      row.getCell(column('postStartMonth')).numFmt = '0.00';
      row.getCell(column('ethnicity')).value = { formula: '"汉"&"族"', result: '汉族' };
      row.getCell(column('idNumber')).value = { text: id, hyperlink: 'mailto:x@example.invalid' };
    });
    const report = (await upload(admin, bytes).expect(201)).body as ImportReport;
    expect(report.problems).toEqual([]);
    await admin.post(`/api/imports/${report.id}/apply`).expect(200);
    const cadre = await CadreModel.findOne().lean<StoredCadre>();
    expect(cadre).toEqual(
      jasmine.objectContaining({
        name: '王小明',
        birthMonth: '1985-03',
        partyJoinMonth: '2008-06',
        workStartMonth: '2008-07',
        postStartMonth: '2015-10',
        ethnicity: '汉族',
        idNumberHash: sealIdNumber(id).idNumberHash,
      }),
    );
  }, SLOW_SPEC_MS);

  it('refuses an ID number Excel turned into 1.23E+17 and a month typed as 1985.1, saying why', async () => {
    const bytes = await handMadeWorkbook((sheet, column) => {
      const row = sheet.getRow(2);
      for (const [field, text] of Object.entries(aRow(units.street.code))) row.getCell(column(field)).value = text ?? null;
      row.getCell(column('idNumber')).value = 500105198503120110;
      row.getCell(column('birthMonth')).value = 1985.1;
    });
    const report = (await upload(admin, bytes).expect(201)).body as ImportReport;
    expect(problemsOf(report)).toEqual([
      { row: 2, column: '出生年月', message: '“1985.1”是数字，分不清是 1985 年 1 月还是 10 月；请输入 1985.01 或 1985.10，并把该列设为“文本”格式' },
      {
        row: 2,
        column: '身份证号',
        message: '身份证号被 Excel 存成了数字（显示为 5.00E+17），后几位已经丢失；请把该列设为“文本”格式后重新输入完整号码',
      },
    ]);
  }, SLOW_SPEC_MS);

  it('flags an ID number repeated within the file on both rows, and one already registered', async () => {
    const registered = anIdNumber('19700101', '099');
    await aCadre(units.bureau, sealIdNumber(registered));
    const repeated = anIdNumber('19850312', '011');
    const rows = [
      aRow(units.street.code, { idNumber: repeated }),
      aRow(units.street.code, { name: '周九', idNumber: anIdNumber('19750505', '077'), birthMonth: '1975.05' }),
      aRow(units.street.code, { name: '王小明二', idNumber: repeated.toLowerCase() }),
      aRow(units.street.code, { name: '吴十', idNumber: registered, birthMonth: '1970.01' }),
    ];
    const report = (await upload(admin, await buildExcelTemplate([], rows)).expect(201)).body as ImportReport;
    expect(problemsOf(report)).toEqual([
      { row: 4, column: '身份证号', message: '与第 6 行的身份证号重复' },
      { row: 6, column: '身份证号', message: '与第 4 行的身份证号重复' },
      {
        row: 7,
        column: '身份证号',
        message: '该身份证号已登记在册。Excel 导入只新建档案；修改已有档案请在档案页编辑，或导入其 .lrmx 任免审批表',
      },
    ]);
    expect(report.items.map((item) => item.action)).toEqual(['error', 'create', 'error', 'error']);
  }, SLOW_SPEC_MS);

  it('lets a unit manager import into their subtree only', async () => {
    const { client } = await signedInAs(app, ['unit_manager'], { unitId: String(units.street._id) });
    const rows = [
      aRow(units.community.code),
      aRow(units.bureau.code, { name: '郑十一', idNumber: anIdNumber('19800101', '111') }),
    ];
    const report = (await upload(client, await buildExcelTemplate([], rows)).expect(201)).body as ImportReport;
    expect(problemsOf(report)).toEqual([
      { row: 5, column: '单位编码', message: `单位“某某局”（${units.bureau.code}）不在您管理的范围内，只能导入本单位及下级单位的干部` },
    ]);
  }, SLOW_SPEC_MS);

  it('keeps a batch to its uploader and lets them discard it', async () => {
    const report = (await upload(admin, await buildExcelTemplate([], [aRow(units.street.code)])).expect(201)).body as ImportReport;
    const { client: other } = await signedInAs(app, ['org_admin'], { unitId: String(units.district._id) });
    await other.get(`/api/imports/${report.id}`).expect(404);
    await other.post(`/api/imports/${report.id}/apply`).expect(404);
    await other.delete(`/api/imports/${report.id}`).expect(404);

    await admin.delete(`/api/imports/${report.id}`).expect(204);
    expect(await ImportBatchItemModel.countDocuments()).toBe(0);
    expect((await admin.post(`/api/imports/${report.id}/apply`).expect(409)).body.code).toBe('import_discarded');
    expect(await CadreModel.countDocuments()).toBe(0);
  }, SLOW_SPEC_MS);

  it('treats an expired batch as gone and sweeps it at the next upload', async () => {
    const report = (await upload(admin, await buildExcelTemplate([], [aRow(units.street.code)])).expect(201)).body as ImportReport;
    await ImportBatchModel.updateOne({ _id: report.id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    await admin.post(`/api/imports/${report.id}/apply`).expect(404);
    await upload(admin, await buildExcelTemplate([], [aRow(units.street.code)])).expect(201);
    expect(await ImportBatchModel.exists({ _id: report.id })).toBeNull();
    expect(await ImportBatchItemModel.countDocuments()).toBe(1);
  }, SLOW_SPEC_MS);

  describe('limits', () => {
    it('answers 413 to a file over MAX_IMPORT_BYTES', async () => {
      const res = await upload(admin, Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x50)).expect(413);
      expect(await ImportBatchModel.countDocuments()).toBe(0);
      expect(res.body.status).toBe(413);
    }, SLOW_SPEC_MS);

    it('answers 400 to anything but an xlsx workbook, whatever its name or content type', async () => {
      const { zipSync } = await import('fflate');
      const notWorkbooks = [
        Buffer.from('%PDF-1.4 not a workbook'),
        Buffer.from('<?xml version="1.0"?><Person></Person>'),
        Buffer.from(zipSync({ 'word/document.xml': Buffer.from('<w/>') })),
      ];
      for (const bytes of notWorkbooks) {
        const res = await upload(admin, bytes, '干部.xlsx').expect(400);
        expect(res.body.code).toBe('unsupported_file_type');
      }
      expect(await ImportBatchModel.countDocuments()).toBe(0);
    }, SLOW_SPEC_MS);

    /** The template with its parts changed: compresses to a few kilobytes whatever it declares. */
    async function templateWith(change: (parts: Record<string, Uint8Array>) => void): Promise<Buffer> {
      const { unzipSync, zipSync } = await import('fflate');
      const parts = unzipSync(await buildExcelTemplate([], [aRow(units.street.code)]));
      change(parts);
      return Buffer.from(zipSync(parts, { level: 9 }));
    }

    /** Sets the uncompressed size the zip's central directory declares for one part, leaving its data alone. */
    function declareSize(zip: Buffer, name: string, size: number): Buffer {
      const patched = Buffer.from(zip);
      for (let offset = patched.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), patched.length); offset >= 0; offset = patched.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), offset - 1)) {
        const nameLength = patched.readUInt16LE(offset + 28);
        if (patched.toString('utf8', offset + 46, offset + 46 + nameLength) === name) {
          patched.writeUInt32LE(size, offset + 24);
          return patched;
        }
      }
      throw new Error(`no central directory entry ${name}`);
    }

    const sheetName = 'xl/worksheets/sheet1.xml';
    const tooLarge = (res: { body: { code: string; detail: string } }, detail: RegExp) => {
      expect(res.body.code).toBe('import_too_large');
      expect(res.body.detail).toMatch(detail);
    };

    it('answers 413, before the workbook is parsed, to sheet XML that unpacks to more than 12 MB', async () => {
      const bytes = await templateWith((parts) => {
        const xml = Buffer.from(parts[sheetName]!).toString('utf8');
        parts[sheetName] = Buffer.from(xml.replace('</worksheet>', `${' '.repeat(13 * 1024 * 1024)}</worksheet>`));
      });
      expect(bytes.length).toBeLessThan(200 * 1024);
      const res = await upload(admin, bytes).expect(413);
      tooLarge(res, /^Excel 文件过大：工作表 xl\/worksheets\/sheet1\.xml 解压后为 13 MB，超过 12 MB 上限/);
      expect(await ImportBatchModel.countDocuments()).toBe(0);
    }, SLOW_SPEC_MS);

    it('answers 413 to a small zip whose directory declares 20 MB of sheet XML, without unpacking it', async () => {
      const bytes = declareSize(await templateWith(() => undefined), sheetName, 20 * 1024 * 1024);
      const res = await upload(admin, bytes).expect(413);
      tooLarge(res, /工作表 xl\/worksheets\/sheet1\.xml 解压后为 20 MB，超过 12 MB 上限/);
    }, SLOW_SPEC_MS);

    it('answers 413 to a workbook of more than 200 parts', async () => {
      const bytes = await templateWith((parts) => {
        for (let i = 0; i < 200; i++) parts[`customXml/item${i}.xml`] = Buffer.from('<a/>');
      });
      const res = await upload(admin, bytes).expect(413);
      tooLarge(res, /^Excel 文件过大：压缩包中的文件超过 200 个$/);
    }, SLOW_SPEC_MS);

    it(`answers 400 to more than ${MAX_IMPORT_ROWS} data rows`, async () => {
      const bytes = await handMadeWorkbook((sheet) => {
        for (let i = 0; i <= MAX_IMPORT_ROWS; i++) sheet.addRow([`干部${i}`]);
      });
      const res = await upload(admin, bytes).expect(400);
      expect(res.body).toEqual(jasmine.objectContaining({ code: 'too_many_rows', detail: `文件的数据行超过 ${MAX_IMPORT_ROWS} 行的上限，请拆分为多个文件分批导入` }));
    }, SLOW_SPEC_MS);

    it('reports a workbook whose columns are not the template’s', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet(EXCEL_DATA_SHEET).addRow([...HEADERS.filter((header) => header !== '职级'), '备注']);
      const report = (await upload(admin, Buffer.from(await workbook.xlsx.writeBuffer())).expect(201)).body as ImportReport;
      expect(problemsOf(report)).toEqual([
        { row: 1, column: '备注', message: '模板中没有“备注”列，请删除该列或使用导入模板' },
        { row: 1, column: '职级', message: '缺少“职级”列，请使用导入模板' },
      ]);
    }, SLOW_SPEC_MS);
  });

  describe('at apply time', () => {
    it('refuses the whole batch when an ID number was registered after the preview', async () => {
      const late = anIdNumber('19880808', '013');
      const rows = [aRow(units.street.code), aRow(units.street.code, { name: '冯十二', idNumber: late, birthMonth: '1988.08' })];
      const report = (await upload(admin, await buildExcelTemplate([], rows)).expect(201)).body as ImportReport;
      await aCadre(units.bureau, sealIdNumber(late));
      const before = await cadreSnapshot();
      const res = await admin.post(`/api/imports/${report.id}/apply`).expect(409);
      expect(res.body).toEqual(jasmine.objectContaining({ code: 'import_stale', detail: '第 5 行的身份证号在预览之后已被登记，本批次未导入任何数据；请重新上传' }));
      expect(await cadreSnapshot()).toBe(before);
    }, SLOW_SPEC_MS);

    it('undoes the rows written when the database fails part-way, then applies on a retry', async () => {
      const rows = [
        aRow(units.street.code),
        aRow(units.street.code, { name: '陈十三', idNumber: anIdNumber('19860606', '015'), birthMonth: '1986.06' }),
        aRow(units.street.code, { name: '褚十四', idNumber: anIdNumber('19870707', '017'), birthMonth: '1987.07' }),
      ];
      const report = (await upload(admin, await buildExcelTemplate([], rows)).expect(201)).body as ImportReport;
      const before = await cadreSnapshot();
      const create = CadreModel.create.bind(CadreModel);
      let calls = 0;
      spyOn(CadreModel, 'create').and.callFake(((...args: Parameters<typeof create>) => {
        calls += 1;
        if (calls === 3) return Promise.reject(new Error('disk full'));
        return create(...args);
      }) as never);

      const res = await admin.post(`/api/imports/${report.id}/apply`).expect(500);
      expect(res.body).toEqual(jasmine.objectContaining({ code: 'import_failed', detail: '导入第 6 行时失败。已撤销本批次写入的 2 条记录，未导入任何数据' }));
      expect(await cadreSnapshot()).toBe(before);
      expect(await AuditModel.countDocuments({ action: 'cadre.delete', 'detail.reason': 'undo_creation' })).toBe(2);
      expect(await AuditModel.countDocuments({ action: 'import.apply', result: 'failure', objectId: report.id })).toBe(1);

      (CadreModel.create as jasmine.Spy).and.callThrough();
      expect((await admin.post(`/api/imports/${report.id}/apply`).expect(200)).body.created).toBe(3);
    }, SLOW_SPEC_MS);
  });

  it('round-trips: rows written into the template import as records equal to the input', async () => {
    const inputs: CadreInput[] = [
      {
        name: '蒋十五',
        sex: '女',
        birthMonth: '1990-11',
        ethnicity: '土家族',
        nativePlace: '重庆石柱',
        birthPlace: '重庆石柱',
        partyJoinMonth: '2012-05',
        otherParty: null,
        workStartMonth: '2013-07',
        health: '一般',
        professionalTitle: '经济师',
        expertise: '基层治理',
        fullTimeEducation: { education: '研究生', degree: '硕士', educationSchool: '重庆大学公共管理学院', degreeSchool: '' },
        inServiceEducation: { education: null, degree: null, educationSchool: '', degreeSchool: '' },
        unitId: String(units.community._id),
        post: '某某社区党委书记',
        postLevel: '乡科级正职',
        rank: '二级主任科员',
        postStartMonth: '2021-09',
        category: '综合管理类',
        appointmentType: '委任',
        idNumber: anIdNumber('19901105', '024'),
        positions: [
          { start: '2010-09', end: '2013-07', text: '重庆大学公共管理学院学习' },
          { start: '2013-07', end: '2021-09', text: '某某街道科员', subEntries: [{ start: '2016-09', end: '2019-07', text: '在职研究生学习' }] },
          { start: '2021-09', end: null, text: '某某社区党委书记' },
        ],
      },
      {
        name: '沈十六',
        sex: '男',
        birthMonth: '1978-02',
        ethnicity: '汉族',
        nativePlace: '四川成都',
        birthPlace: '',
        partyJoinMonth: null,
        otherParty: '民盟',
        workStartMonth: '2000-07',
        health: '健康',
        fullTimeEducation: { education: '大学专科', degree: '无', educationSchool: '某某师专', degreeSchool: '' },
        inServiceEducation: { education: '大学本科', degree: '学士', educationSchool: '某某大学（函授）', degreeSchool: '' },
        unitId: String(units.street._id),
        post: '某某街道办事处副主任',
        postLevel: '乡科级副职',
        rank: '一级主任科员',
        postStartMonth: '2018-01',
        category: '行政执法类',
        appointmentType: '聘任制',
        idNumber: null,
        positions: [],
      },
    ];
    const codeOf = new Map([units.community, units.street].map((unit) => [String(unit._id), unit.code]));
    const dotted = (month: string | null | undefined) => (month ? month.replace('-', '.') : '');
    const rows = inputs.map((input): ExcelTemplateRow => ({
      name: input.name,
      sex: input.sex,
      birthMonth: dotted(input.birthMonth),
      ethnicity: input.ethnicity,
      nativePlace: input.nativePlace,
      birthPlace: input.birthPlace,
      idNumber: input.idNumber ?? '',
      partyJoinMonth: dotted(input.partyJoinMonth),
      otherParty: input.otherParty ?? '',
      workStartMonth: dotted(input.workStartMonth),
      health: input.health,
      professionalTitle: input.professionalTitle,
      expertise: input.expertise,
      'fullTimeEducation.education': input.fullTimeEducation.education ?? '',
      'fullTimeEducation.degree': input.fullTimeEducation.degree ?? '',
      'fullTimeEducation.educationSchool': input.fullTimeEducation.educationSchool,
      'inServiceEducation.education': input.inServiceEducation.education ?? '',
      'inServiceEducation.degree': input.inServiceEducation.degree ?? '',
      'inServiceEducation.educationSchool': input.inServiceEducation.educationSchool,
      unitCode: codeOf.get(input.unitId),
      post: input.post,
      postLevel: input.postLevel,
      rank: input.rank,
      postStartMonth: dotted(input.postStartMonth),
      category: input.category,
      appointmentType: input.appointmentType,
      resume: formatResume(input.positions ?? []),
    }));
    const report = (await upload(admin, await buildExcelTemplate([], rows)).expect(201)).body as ImportReport;
    expect(report.problems).toEqual([]);
    await admin.post(`/api/imports/${report.id}/apply`).expect(200);

    for (const input of inputs) {
      const doc = await CadreModel.findOne({ name: input.name }).lean<StoredCadre>();
      const record = toCadreRecord(doc!, '');
      const { idNumber, ...expected } = CadreInputSchema.parse(input);
      const actual = Object.fromEntries(Object.keys(expected).map((key) => [key, record[key as keyof typeof record]]));
      expect(actual).withContext(input.name).toEqual(expected);
      expect(doc!.idNumberHash ?? null).toBe(idNumber === null ? null : sealIdNumber(idNumber).idNumberHash);
    }
  }, SLOW_SPEC_MS);
});
