import ExcelJS from 'exceljs';
import type { Role } from '@cadre/shared-models';
import { createTestApp } from '../test/test-app.js';
import { signedInAs, type TestClient } from '../test/test-client.js';
import { aCadre, aCadreInput, aUnit } from '../test/factories.js';
import { CadrePhotoModel } from '../cadres/cadre.model.js';
import { CorrectionModel } from '../corrections/correction.model.js';
import { downloadFile, postForFile, uploadFile } from '../imports/import-spec-helpers.js';

/*
 * Every personnel operation against scopeFor: the caller reaches the record its granting roles
 * reach and gets 404 (or an empty list, a smaller count) for one just outside. The district has
 * two streets, 甲 and 乙; unit managers manage 甲, and a cadre's own record lies in 乙, so a
 * unit manager who is also that cadre reaches it only through the cadre role's actions.
 */

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

async function aDistrict() {
  const root = await aUnit({ name: '江北区委', type: 'party_committee' });
  const streetA = await aUnit({ name: '甲街道', type: 'street', parent: root });
  const streetB = await aUnit({ name: '乙街道', type: 'street', parent: root });
  const inA = await aCadre(streetA, { name: '甲干部', hasPhoto: true });
  const inB = await aCadre(streetB, { name: '乙干部', hasPhoto: true });
  const own = await aCadre(streetB, { name: '本人', hasPhoto: true });
  for (const cadre of [inA, inB, own]) await CadrePhotoModel.create({ _id: cadre._id, jpeg: JPEG });
  return { root, streetA, streetB, inA, inB, own };
}
type District = Awaited<ReturnType<typeof aDistrict>>;

/** Who calls: unit manager of 甲 (UM), also assessor (A+UM), also the cadre of 本人 (UM+C), or that cadre alone (C). */
const CALLERS = {
  UM: ['unit_manager'],
  'A+UM': ['assessor', 'unit_manager'],
  'UM+C': ['unit_manager', 'cadre'],
  C: ['cadre'],
} as const satisfies Record<string, Role[]>;
type Caller = keyof typeof CALLERS;

async function signIn(app: ReturnType<typeof createTestApp>, d: District, caller: Caller): Promise<TestClient> {
  const roles: Role[] = [...CALLERS[caller]];
  const { client } = await signedInAs(app, roles, {
    unitId: roles.includes('unit_manager') ? String(d.streetA._id) : null,
    cadreId: roles.includes('cadre') ? String(d.own._id) : null,
  });
  return client;
}

function aCorrectionOn(cadre: District['inA'], unitName: string) {
  return CorrectionModel.create({
    cadreId: cadre._id,
    cadreName: cadre.name,
    unitId: cadre.unitId,
    unitName,
    unitPath: cadre.unitPath,
    field: 'nativePlace',
    proposedValue: '重庆渝北',
    reason: '籍贯登记有误',
    submittedBy: '0123456789abcdef01234567',
  });
}

type Target = 'inA' | 'inB' | 'own';

/** The problem's code, also from a download request whose body was kept as bytes. */
function codeOf(body: unknown): string | undefined {
  const problem = Buffer.isBuffer(body) ? (JSON.parse(body.toString('utf8')) as { code?: string }) : (body as { code?: string });
  return problem.code;
}

interface RecordCase {
  operation: string;
  caller: Caller;
  inScope: Target;
  outOfScope: Target;
  ok: number;
  call(client: TestClient, d: District, target: District[Target]): Promise<{ status: number; body: unknown }>;
}

/**
 * How an out-of-scope call is refused: one record addressed by its id answers 403 out_of_scope
 * (decision 0018); a selection or a correction request answers 404 as for a missing one.
 */
const REFUSED_AS_NOT_FOUND = new Set(['exportCadresLrmxZip', 'decideCorrection']);
function refusalOf(operation: string): { status: number; code: string } {
  return REFUSED_AS_NOT_FOUND.has(operation) ? { status: 404, code: 'not_found' } : { status: 403, code: 'out_of_scope' };
}

const jsonPut = (client: TestClient, path: string, body: object) => client.put(path, body);

const RECORD_CASES: RecordCase[] = [
  { operation: 'getCadre', caller: 'UM', inScope: 'inA', outOfScope: 'inB', ok: 200, call: (c, _d, t) => c.get(`/api/cadres/${t._id}`) },
  { operation: 'getCadre', caller: 'UM+C', inScope: 'own', outOfScope: 'inB', ok: 200, call: (c, _d, t) => c.get(`/api/cadres/${t._id}`) },
  { operation: 'getCadre', caller: 'C', inScope: 'own', outOfScope: 'inA', ok: 200, call: (c, _d, t) => c.get(`/api/cadres/${t._id}`) },
  { operation: 'getCadrePhoto', caller: 'UM+C', inScope: 'own', outOfScope: 'inB', ok: 200, call: (c, _d, t) => c.get(`/api/cadres/${t._id}/photo`) },
  { operation: 'getCadrePhoto', caller: 'C', inScope: 'own', outOfScope: 'inA', ok: 200, call: (c, _d, t) => c.get(`/api/cadres/${t._id}/photo`) },
  {
    operation: 'updateCadre', caller: 'A+UM', inScope: 'inA', outOfScope: 'inB', ok: 200,
    call: (c, d, t) => jsonPut(c, `/api/cadres/${t._id}`, { ...aCadreInput(d.streetA, { name: t.name }), version: t.__v }),
  },
  {
    operation: 'updateCadre', caller: 'UM+C', inScope: 'inA', outOfScope: 'own', ok: 200,
    call: (c, d, t) => jsonPut(c, `/api/cadres/${t._id}`, { ...aCadreInput(d.streetA, { name: t.name }), version: t.__v }),
  },
  { operation: 'deleteCadre', caller: 'A+UM', inScope: 'inA', outOfScope: 'inB', ok: 204, call: (c, _d, t) => c.delete(`/api/cadres/${t._id}?version=${t.__v}`) },
  {
    operation: 'putCadrePhoto', caller: 'A+UM', inScope: 'inA', outOfScope: 'inB', ok: 204,
    call: (c, _d, t) => c.agent.put(`/api/cadres/${t._id}/photo`).set('X-XSRF-TOKEN', (c as unknown as { xsrf: string }).xsrf).set('Content-Type', 'image/jpeg').send(JPEG),
  },
  { operation: 'deleteCadrePhoto', caller: 'A+UM', inScope: 'inA', outOfScope: 'inB', ok: 204, call: (c, _d, t) => c.delete(`/api/cadres/${t._id}/photo`) },
  { operation: 'deleteCadrePhoto', caller: 'UM+C', inScope: 'inA', outOfScope: 'own', ok: 204, call: (c, _d, t) => c.delete(`/api/cadres/${t._id}/photo`) },
  { operation: 'exportCadreLrmx', caller: 'A+UM', inScope: 'inA', outOfScope: 'inB', ok: 200, call: (c, _d, t) => downloadFile(c, `/api/cadres/${t._id}/lrmx`) },
  { operation: 'exportCadreLrmx', caller: 'UM+C', inScope: 'inA', outOfScope: 'own', ok: 200, call: (c, _d, t) => downloadFile(c, `/api/cadres/${t._id}/lrmx`) },
  {
    operation: 'exportCadresLrmxZip', caller: 'A+UM', inScope: 'inA', outOfScope: 'inB', ok: 200,
    call: (c, _d, t) => postForFile(c, '/api/cadres/lrmx-export', { cadreIds: [String(t._id)] }),
  },
  {
    operation: 'submitCorrection', caller: 'UM+C', inScope: 'own', outOfScope: 'inA', ok: 201,
    call: (c, _d, t) => c.post(`/api/cadres/${t._id}/corrections`, { field: 'nativePlace', proposedValue: '重庆渝北', reason: '籍贯登记有误' }),
  },
  {
    operation: 'decideCorrection', caller: 'UM', inScope: 'inA', outOfScope: 'inB', ok: 200,
    call: async (c, _d, t) => c.post(`/api/corrections/${(await aCorrectionOn(t, '街道'))._id}/decision`, { decision: 'rejected', reason: '经核实无误' }),
  },
  {
    operation: 'decideCorrection', caller: 'UM+C', inScope: 'inA', outOfScope: 'own', ok: 200,
    call: async (c, _d, t) => c.post(`/api/corrections/${(await aCorrectionOn(t, '街道'))._id}/decision`, { decision: 'rejected', reason: '经核实无误' }),
  },
];

describe('data scope: each personnel operation reaches its scope and nothing beyond', () => {
  const app = createTestApp({ AUTH_RATE_LIMIT_MAX: '1000' });

  for (const { operation, caller, inScope, outOfScope, ok, call } of RECORD_CASES) {
    const refusal = refusalOf(operation);
    it(`${operation} as ${caller}: ${inScope} in scope (${ok}), ${outOfScope} out of scope (${refusal.status})`, async () => {
      const d = await aDistrict();
      const client = await signIn(app, d, caller);
      const outside = await call(client, d, d[outOfScope]);
      expect(outside.status).withContext(`${outOfScope}: ${JSON.stringify(outside.body)}`).toBe(refusal.status);
      expect(codeOf(outside.body)).toBe(refusal.code);
      const inside = await call(client, d, d[inScope]);
      expect(inside.status).withContext(`${inScope}: ${JSON.stringify(inside.body)}`).toBe(ok);
    });
  }

  // revealCadreIdNumber is granted to org_admin alone, who reaches the whole district: it has no out of scope.

  it('createCadre as A+UM: a record in 甲 is created, one in 乙 is refused', async () => {
    const d = await aDistrict();
    const client = await signIn(app, d, 'A+UM');
    const refused = await client.post('/api/cadres', aCadreInput(d.streetB));
    expect([refused.status, refused.body.code]).toEqual([403, 'unit_out_of_scope']);
    await client.post('/api/cadres', aCadreInput(d.streetA)).expect(201);
  });

  it('uploadLrmxImport as A+UM: new people may be aimed at 甲, not at 乙', async () => {
    const d = await aDistrict();
    const client = await signIn(app, d, 'A+UM');
    const form = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Person></Person>');
    const refused = await uploadFile(client, `/api/imports/lrmx?unitId=${d.streetB._id}`, form, 'application/xml');
    expect([refused.status, refused.body.code]).toEqual([403, 'unit_out_of_scope']);
    await uploadFile(client, `/api/imports/lrmx?unitId=${d.streetA._id}`, form, 'application/xml').expect(201);
  });

  it('downloadExcelImportTemplate as A+UM: lists the unit codes of 甲 only', async () => {
    const d = await aDistrict();
    const client = await signIn(app, d, 'A+UM');
    const res = await downloadFile(client, '/api/imports/excel-template.xlsx').expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ExcelJS.Buffer);
    const names: unknown[] = [];
    workbook.getWorksheet('单位编码')!.eachRow((row, n) => n > 1 && names.push(row.getCell(2).value));
    expect(names).toEqual(['甲街道']);
  });

  async function namesOf(client: TestClient, path: string): Promise<string[]> {
    const res = await client.get(path).expect(200);
    return (res.body.items as Array<{ name?: string; cadreName?: string }>).map((item) => item.name ?? item.cadreName!).sort();
  }

  it('listCadres: UM+C lists 甲 and the own record, C only the own record', async () => {
    const d = await aDistrict();
    expect(await namesOf(await signIn(app, d, 'UM+C'), '/api/cadres')).toEqual(['本人', '甲干部'].sort());
    expect(await namesOf(await signIn(app, d, 'C'), '/api/cadres')).toEqual(['本人']);
  });

  it('getLedger: A+UM reads the district; UM+C only 甲, as only the unit manager role grants the ledger', async () => {
    const d = await aDistrict();
    const district = (await (await signIn(app, d, 'A+UM')).get('/api/ledger?size=100').expect(200)).body;
    expect(district.total).toBe(3);
    const subtree = (await (await signIn(app, d, 'UM+C')).get('/api/ledger?size=100').expect(200)).body;
    expect([subtree.total, subtree.items.map((row: { name: string }) => row.name)]).toEqual([1, ['甲干部']]);
  });

  it('getCadreDistribution: A+UM counts the district, UM and UM+C count 甲', async () => {
    const d = await aDistrict();
    expect((await (await signIn(app, d, 'A+UM')).get('/api/stats/cadre-distribution').expect(200)).body.total).toBe(3);
    expect((await (await signIn(app, d, 'UM')).get('/api/stats/cadre-distribution').expect(200)).body.total).toBe(1);
    expect((await (await signIn(app, d, 'UM+C')).get('/api/stats/cadre-distribution').expect(200)).body.total).toBe(1);
  });

  it('exportLedger: A+UM exports 甲 only, as only the unit manager role grants export', async () => {
    const d = await aDistrict();
    const res = await downloadFile(await signIn(app, d, 'A+UM'), '/api/ledger/export.xlsx?columns=name').expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ExcelJS.Buffer);
    const names: unknown[] = [];
    workbook.worksheets[0]!.eachRow((row, n) => n > 1 && names.push(row.getCell(1).value));
    expect(names).toEqual(['甲干部']);
  });

  it('listCorrections: UM+C lists requests on 甲 and on the own record, not on others in 乙', async () => {
    const d = await aDistrict();
    for (const cadre of [d.inA, d.inB, d.own]) await aCorrectionOn(cadre, '街道');
    expect(await namesOf(await signIn(app, d, 'UM+C'), '/api/corrections')).toEqual(['本人', '甲干部'].sort());
    expect(await namesOf(await signIn(app, d, 'UM'), '/api/corrections')).toEqual(['甲干部']);
  });

  it('getImportReport, applyImport and discardImport: another account’s upload is not found', async () => {
    const d = await aDistrict();
    const form = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Person></Person>');
    const owner = await signIn(app, d, 'A+UM');
    const batch = (await uploadFile(owner, '/api/imports/lrmx', form, 'application/xml').expect(201)).body as { id: string };
    const other = await signIn(app, d, 'A+UM');
    await other.get(`/api/imports/${batch.id}`).expect(404);
    await other.post(`/api/imports/${batch.id}/apply`).expect(404);
    await other.delete(`/api/imports/${batch.id}`).expect(404);
    await owner.get(`/api/imports/${batch.id}`).expect(200);
  });
});
