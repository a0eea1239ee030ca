import type { Response } from 'express';
import ExcelJS from 'exceljs';
import { LedgerExportQuerySchema, LEDGER_COLUMN_LABELS, DEFAULT_LEDGER_COLUMNS } from '@cadre/shared-models';
import { AuditModel } from '../audit/audit.model.js';
import { createTestApp } from '../test/test-app.js';
import { signedInAs, type TestClient } from '../test/test-client.js';
import { aSmallDistrict, bornAged } from './ledger-fixtures.js';
import { anActor } from '../test/factories.js';
import { streamLedgerExport } from './ledger.service.js';

type Parser = (res: NodeJS.ReadableStream, callback: (err: Error | null, body: Buffer) => void) => void;
const binary: Parser = (res, callback) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

async function exportOf(client: TestClient, query: string) {
  const res = await client.get(`/api/ledger/export.xlsx?${encodeURI(query)}`).buffer(true).parse(binary as never).expect(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.body as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  const lines: unknown[][] = [];
  sheet.eachRow((row) => lines.push((row.values as unknown[]).slice(1)));
  return { res, sheet, lines };
}

describe('GET /api/ledger/export.xlsx', () => {
  const app = createTestApp();

  it('writes the filtered rows in the chosen columns and order, under a frozen header', async () => {
    await aSmallDistrict();
    const { client } = await signedInAs(app, ['org_admin']);
    const { res, sheet, lines } = await exportOf(client, 'sex=女&sort=age&direction=desc&columns=name&columns=age&columns=unitName&columns=tags');

    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`干部台账-${day}.xlsx`)}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(sheet.views[0]).toEqual(jasmine.objectContaining({ state: 'frozen', ySplit: 1 }));
    expect(lines).toEqual([
      ['姓名', '年龄', '单位', '标签'],
      ['赵敏', 57, '观音桥街道', '女干部、研究生学历、基层经历'],
      ['王芳', 52, '区城市管理局', '女干部'],
      ['李娜', 42, '观音桥社区服务中心', '女干部'],
      ['阿依古丽', 29, '观音桥社区服务中心', '年轻干部、女干部、少数民族干部'],
    ]);
  });

  it('uses the default columns when none are chosen, with every value the ledger shows', async () => {
    await aSmallDistrict();
    const { client } = await signedInAs(app, ['org_admin']);
    const { lines } = await exportOf(client, 'q=张伟');
    expect(lines[0]).toEqual(DEFAULT_LEDGER_COLUMNS.map((c) => LEDGER_COLUMN_LABELS[c]));
    expect(lines[1]).toEqual(['张伟', '男', 30, '研究生', '观音桥街道', '党政办公室主任', '乡科级副职', '四级主任科员', '综合管理类', '年轻干部、研究生学历、基层经历、信访']);
    const all = await exportOf(client, 'columns=birthMonth&columns=politicalStatus&q=张伟');
    expect(all.lines[1]).toEqual([bornAged(30), '中共党员']);
  });

  it('exports only the caller’s scope', async () => {
    const { street } = await aSmallDistrict();
    const { client } = await signedInAs(app, ['unit_manager'], { unitId: String(street._id) });
    const { lines } = await exportOf(client, 'columns=name');
    expect(lines.slice(1)).toEqual([['阿依古丽'], ['李娜'], ['张伟'], ['赵敏']]);
  });

  it('exports only the subtree to an assessor who is also a unit manager: only the unit manager role grants export', async () => {
    const { street } = await aSmallDistrict();
    const { client } = await signedInAs(app, ['assessor', 'unit_manager'], { unitId: String(street._id) });
    const { lines } = await exportOf(client, 'columns=name');
    expect(lines.slice(1)).toEqual([['阿依古丽'], ['李娜'], ['张伟'], ['赵敏']]);
    const page = await client.get('/api/ledger?size=100').expect(200);
    expect(page.body.total).withContext('reading the ledger, the assessor role still reaches the district').toBe(6);
  });

  it('audits the export with its filter, columns and row count', async () => {
    await aSmallDistrict();
    const { client, account } = await signedInAs(app, ['org_admin']);
    await exportOf(client, 'education=研究生&columns=name');
    const record = await AuditModel.findOne({ action: 'ledger.export' }).lean();
    expect(record).toEqual(jasmine.objectContaining({ userId: account.id, result: 'success', objectType: 'ledger' }));
    expect(record!.detail).toEqual(
      jasmine.objectContaining({ rows: 2, columns: ['name'], sort: 'name', direction: 'asc', filter: jasmine.objectContaining({ education: ['研究生'] }) }),
    );
  });

  it('is refused to roles without the export permission', async () => {
    const { client } = await signedInAs(app, ['assessor']);
    await client.get('/api/ledger/export.xlsx').expect(403);
  });

  it('refuses a repeated column', async () => {
    const { client } = await signedInAs(app, ['org_admin']);
    const res = await client.get('/api/ledger/export.xlsx?columns=name&columns=name').expect(400);
    expect(res.body.errors).toEqual([{ path: 'query.columns', message: '列不能重复' }]);
  });

  it('refuses a view larger than the cap before writing anything, asking to narrow it', async () => {
    await aSmallDistrict();
    const res = { headersSent: false } as Response;
    const query = LedgerExportQuerySchema.parse({ sex: '女' });
    await expectAsync(streamLedgerExport(anActor(), res, { kind: 'all' }, query, { maxRows: 3 })).toBeRejectedWith(
      jasmine.objectContaining({ status: 400, code: 'export_too_large', message: '当前筛选共 4 人，超过单次导出上限 3 人，请缩小筛选范围后再导出' }),
    );
  });
});
