import { CadreRecordSchema, computeIdNumberCheckDigit, type CadreInput, type Role } from '@cadre/shared-models';
import { AuditModel } from '../audit/audit.model.js';
import { ProjectionChangeModel } from '../projections/change-feed.js';
import { createTestApp } from '../test/test-app.js';
import { anAccount, signedInAs, type TestClient } from '../test/test-client.js';
import { aCadre, aCadreInput, aUnit } from '../test/factories.js';
import { collectionCounts } from '../security/security-helpers.js';
import { CadreModel, CadrePhotoModel } from './cadre.model.js';
import { sealIdNumber } from './id-number-storage.js';
import { MAX_PHOTO_BYTES } from './cadre.routes.js';

const SOME_ID = '0123456789abcdef01234567';
/** Valid resident ID numbers: the 17th digit is odd for a man, even for a woman. */
const MALE_ID = withCheckDigit('50010519800512123');
const OTHER_MALE_ID = withCheckDigit('50010519800512155');
const FEMALE_ID = withCheckDigit('50010519800512124');

function withCheckDigit(first17: string): string {
  return first17 + computeIdNumberCheckDigit(first17);
}

function errorPaths(body: { errors?: Array<{ path: string }> }): string[] {
  return (body.errors ?? []).map((e) => e.path);
}

/** The whole audit log as text, to show an ID number never reaches it in clear. */
async function auditText(): Promise<string> {
  return JSON.stringify(await AuditModel.collection.find().toArray());
}

async function auditOf(action: string, objectId?: string) {
  return AuditModel.find({ action, ...(objectId ? { objectId } : {}) }).sort({ seq: 1 }).lean();
}

function xsrfOf(client: TestClient): string {
  return (client as unknown as { xsrf: string }).xsrf;
}

function putPhoto(client: TestClient, id: string, bytes: Buffer, type = 'image/jpeg') {
  return client.agent.put(`/api/cadres/${id}/photo`).set('X-XSRF-TOKEN', xsrfOf(client)).set('Content-Type', type).send(bytes);
}

/** A JPEG as far as the first bytes tell (SOI and an APP0 marker), padded to `size`. */
function aJpeg(size = 2048): Buffer {
  const bytes = Buffer.alloc(size, 0x20);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]).copy(bytes);
  return bytes;
}

/**
 * 区委 ─┬─ 甲街道 ── 甲社区
 *       └─ 乙街道
 * with one cadre in each.
 */
async function aDistrict() {
  const root = await aUnit({ name: '区委', type: 'party_committee' });
  const streetA = await aUnit({ name: '甲街道', type: 'street', parent: root });
  const communityA = await aUnit({ name: '甲社区', type: 'street', parent: streetA });
  const streetB = await aUnit({ name: '乙街道', type: 'street', parent: root });
  const inA = await aCadre(streetA, { name: '甲街道干部' });
  const inCommunityA = await aCadre(communityA, { name: '甲社区干部' });
  const inB = await aCadre(streetB, { name: '乙街道干部' });
  return { root, streetA, communityA, streetB, inA, inCommunityA, inB };
}

type District = Awaited<ReturnType<typeof aDistrict>>;

describe('cadre records: /api/cadres', () => {
  const app = createTestApp({ AUTH_RATE_LIMIT_MAX: '1000' });

  describe('create and read', () => {
    it('creates a full record, derives 最高学历, the unit path and the form texts, and reads it back', async () => {
      const { streetA } = await aDistrict();
      const { client } = await signedInAs(app, ['org_admin']);
      const input = aCadreInput(streetA, {
        name: '王 小 明',
        idNumber: MALE_ID.toLowerCase(),
        fullTimeEducation: { education: '大学本科', degree: '学士', educationSchool: '西南大学', degreeSchool: '西南大学' },
        inServiceEducation: { education: '研究生', degree: '硕士', educationSchool: '中共重庆市委党校', degreeSchool: '' },
        manualTags: ['后备干部', '后备干部'],
      });
      const res = await client.post('/api/cadres', input).expect(201);
      expect(res.body).toEqual(
        jasmine.objectContaining({
          name: '王小明',
          version: 0,
          unitId: String(streetA._id),
          unitName: '甲街道',
          education: '研究生',
          degree: '硕士',
          school: '中共重庆市委党校',
          idNumberMasked: `${MALE_ID.slice(0, 6)}********${MALE_ID.slice(-4)}`,
          hasPhoto: false,
          resumeText: `1998.09--2002.07  西南大学汉语言文学专业学习\n2002.07--${' '.repeat(9)}重庆市江北区某街道办事处科员`,
          commendationsText: '2019.12 嘉奖',
          annualAssessmentsText: '2022年度称职；2023年度优秀',
          manualTags: ['后备干部'],
        }),
      );
      expect(res.body.idNumber).toBeUndefined();
      expect(res.body.idNumberSealed).toBeUndefined();
      expect(res.body.idNumberHash).toBeUndefined();
      expect(res.body.derivedTags).toContain({ tag: '基层经历', evidence: '2002.07—至今 重庆市江北区某街道办事处科员' });
      expect(res.body.derivedTags.map((t: { tag: string }) => t.tag)).toContain('研究生学历');

      const stored = await CadreModel.findById(res.body.id).lean();
      expect(stored!.unitPath.map(String)).toEqual([String(streetA.ancestorIds[0]), String(streetA._id)]);
      expect(stored!.unitType).toBe('street');
      expect(JSON.stringify(stored)).not.toContain(MALE_ID);

      const read = await client.get(`/api/cadres/${res.body.id}`).expect(200);
      expect(read.body).toEqual(res.body);
      // The client parses every record with the shared schema.
      expect(CadreRecordSchema.safeParse(read.body).error).toBeUndefined();
    });

    it('notes every write in the ledger change sequence', async () => {
      const { streetA } = await aDistrict();
      const { client } = await signedInAs(app, ['org_admin']);
      const created = await client.post('/api/cadres', aCadreInput(streetA)).expect(201);
      const changes = await ProjectionChangeModel.find({ feed: 'ledger' }).lean();
      expect(changes.map((c) => c.ids)).toEqual([[created.body.id]]);
      await client.put(`/api/cadres/${created.body.id}`, { ...aCadreInput(streetA), version: 0, post: '副主任' }).expect(200);
      await client.delete(`/api/cadres/${created.body.id}?version=1`).expect(204);
      expect(await ProjectionChangeModel.countDocuments({ feed: 'ledger' })).toBe(3);
    });

    const invalid: Array<[string, Partial<CadreInput> | Record<string, unknown>, string, RegExp]> = [
      ['an ID number with a wrong check digit', { idNumber: `${MALE_ID.slice(0, 17)}${MALE_ID[17] === '0' ? '1' : '0'}` }, 'body.idNumber', /校验码/],
      ['an ID number of 17 characters', { idNumber: MALE_ID.slice(0, 17) }, 'body.idNumber', /18 位/],
      ['a month 13', { birthMonth: '1980-13' }, 'body.birthMonth', /yyyy-MM/],
      ['a month written with a dot', { postStartMonth: '2015.03' }, 'body.postStartMonth', /yyyy-MM/],
      ['a one-character name', { name: '王' }, 'body.name', /至少 2 个字/],
      ['an empty post', { post: ' ' }, 'body.post', /不能为空/],
      ['an unknown rank', { rank: '科长' }, 'body.rank', /./],
      ['a malformed unit id', { unitId: 'street-a' }, 'body.unitId', /24 位/],
      ['a manual tag with punctuation', { manualTags: ['好!'] }, 'body.manualTags.0', /标签/],
      ['work starting before birth', { workStartMonth: '1979-01' }, 'body.workStartMonth', /不能早于出生年月/],
      ['a party join month before birth', { partyJoinMonth: '1970-01' }, 'body.partyJoinMonth', /不能早于出生年月/],
      ['the current post starting before work', { postStartMonth: '2001-01' }, 'body.postStartMonth', /不能早于参加工作时间/],
      ['a birth month in the future', { birthMonth: '2099-01', workStartMonth: '2099-02', postStartMonth: '2099-03', partyJoinMonth: null }, 'body.birthMonth', /不能晚于本月/],
      ['an ID number of a woman for a man', { idNumber: FEMALE_ID }, 'body.idNumber', /性别为女/],
      ['an ID number born in another month', { idNumber: withCheckDigit('50010519800612123') }, 'body.idNumber', /出生年月为 1980\.06，与所填出生年月 1980\.05 不一致/],
      ['任现职时间 2030.01', { postStartMonth: '2030-01' }, 'body.postStartMonth', /任现职时间不能晚于本月/],
      ['a 简历 entry ending in the future', { positions: [{ start: '2010-01', end: '2099-12', text: '某单位科员' }] }, 'body.positions.0.end', /晚于本月/],
      ['an assessment of a year to come', { annualAssessments: [{ year: 2099, grade: '优秀' }] }, 'body.annualAssessments.0.year', /不能晚于今年/],
      ['a family member born in the future', { family: [{ title: '儿子', name: '张某', birthMonth: '2099-01', politicalStatus: '', workUnitAndPost: '', extras: [] }] }, 'body.family.0.birthMonth', /晚于本月/],
      ['a 无党派人士 with a party join month', { otherParty: '无党派人士' }, 'body.partyJoinMonth', /无党派人士/],
      ['a position ending before it starts', { positions: [{ start: '2010-01', end: '2009-12', text: '某单位科员' }] }, 'body.positions.0.end', /结束年月早于开始年月/],
    ];
    for (const [what, override, path, message] of invalid) {
      it(`refuses ${what} with 400 naming ${path}, and writes nothing`, async () => {
        const { streetA } = await aDistrict();
        const { client } = await signedInAs(app, ['org_admin']);
        const before = await collectionCounts();
        const res = await client.post('/api/cadres', { ...aCadreInput(streetA), ...override }).expect(400);
        expect(res.body.code).toBe('validation_failed');
        const error = (res.body.errors as Array<{ path: string; message: string }>).find((e) => e.path === path);
        expect(error).withContext(JSON.stringify(res.body.errors)).toBeDefined();
        expect(error!.message).toMatch(message);
        expect(await collectionCounts()).toEqual(before);
        expect(await CadreModel.countDocuments()).toBe(3);
      });
    }

    it('refuses an unknown unit with 400 naming body.unitId', async () => {
      await aDistrict();
      const { client } = await signedInAs(app, ['org_admin']);
      const res = await client.post('/api/cadres', aCadreInput({ _id: SOME_ID as never })).expect(400);
      expect(errorPaths(res.body)).toEqual(['body.unitId']);
      expect(res.body.errors[0].message).toContain('单位不存在');
      expect(await CadreModel.countDocuments()).toBe(3);
    });

    it('refuses a second record with the same ID number (409), naming the holder only to whom may read them', async () => {
      const { streetA, inB } = await aDistrict();
      await CadreModel.updateOne({ _id: inB._id }, { $set: sealIdNumber(MALE_ID) });
      const org = await signedInAs(app, ['org_admin']);
      const dup = await org.client.post('/api/cadres', aCadreInput(streetA, { idNumber: MALE_ID })).expect(409);
      expect(dup.body.code).toBe('id_number_taken');
      expect(dup.body.detail).toContain('乙街道干部');
      expect(errorPaths(dup.body)).toEqual(['body.idNumber']);

      const manager = await signedInAs(app, ['unit_manager'], { unitId: String(streetA._id) });
      const hidden = await manager.client.post('/api/cadres', aCadreInput(streetA, { idNumber: MALE_ID })).expect(409);
      expect(hidden.body.detail).not.toContain('乙街道干部');
      expect(hidden.body.detail).toContain('其他单位');
      expect(await CadreModel.countDocuments()).toBe(3);
    });
  });

  describe('update', () => {
    async function created(client: TestClient, unit: { _id: unknown }, overrides: Partial<CadreInput> = {}) {
      const res = await client.post('/api/cadres', aCadreInput(unit as never, overrides)).expect(201);
      return res.body as { id: string; version: number } & Record<string, unknown>;
    }

    it('saves at the current version, moves the version on, and audits the changed fields before and after', async () => {
      const { streetA } = await aDistrict();
      const { client } = await signedInAs(app, ['org_admin']);
      const record = await created(client, streetA, { idNumber: MALE_ID });
      const res = await client.put(`/api/cadres/${record.id}`, { ...aCadreInput(streetA), name: record['name'] as string, version: 0, post: '副主任', rank: '四级主任科员' }).expect(200);
      expect(res.body.version).toBe(1);
      expect(res.body.post).toBe('副主任');
      // No ID number in the update keeps the stored one: clients only ever see it masked.
      expect(res.body.idNumberMasked).toBe(record['idNumberMasked']);

      const [audit] = await auditOf('cadre.update', record.id);
      expect(audit!.result).toBe('success');
      expect(audit!.detail!['changes']).toEqual({
        post: { before: '科员', after: '副主任' },
        rank: { before: '一级科员', after: '四级主任科员' },
      });
      expect(audit!.detail!['version']).toEqual({ before: 0, after: 1 });
    });

    it('refuses a birth month that disagrees with the stored ID number, naming body.birthMonth, and changes nothing', async () => {
      const { streetA } = await aDistrict();
      const { client } = await signedInAs(app, ['org_admin']);
      const record = await created(client, streetA, { idNumber: MALE_ID });
      const body = { ...aCadreInput(streetA), name: record['name'] as string, version: 0 };
      const res = await client.put(`/api/cadres/${record.id}`, { ...body, birthMonth: '1980-06' }).expect(400);
      expect(errorPaths(res.body)).toEqual(['body.birthMonth']);
      expect(res.body.errors[0].message).toContain('已登记的身份证号中的出生年月为 1980.05');
      expect((await CadreModel.findById(record.id).lean())!.birthMonth).toBe('1980-05');
      // A new number that agrees with the new month is checked instead of the stored one.
      const moved = withCheckDigit('50010519800612123');
      await client.put(`/api/cadres/${record.id}`, { ...body, birthMonth: '1980-06', idNumber: moved }).expect(200);
    });

    it('replaces the ID number when one is sent, audits it masked, and never stores or logs it in clear', async () => {
      const { streetA } = await aDistrict();
      const { client } = await signedInAs(app, ['org_admin']);
      const record = await created(client, streetA, { idNumber: MALE_ID });
      const res = await client.put(`/api/cadres/${record.id}`, { ...aCadreInput(streetA), name: record['name'] as string, idNumber: OTHER_MALE_ID, version: 0 }).expect(200);
      expect(res.body.idNumberMasked).toBe(`${OTHER_MALE_ID.slice(0, 6)}********${OTHER_MALE_ID.slice(-4)}`);
      const [audit] = await auditOf('cadre.update', record.id);
      expect(Object.keys(audit!.detail!['changes'] as object)).toEqual(['idNumber']);
      const log = await auditText();
      for (const id of [MALE_ID, OTHER_MALE_ID]) {
        expect(log).not.toContain(id);
        expect(JSON.stringify(await CadreModel.collection.find().toArray())).not.toContain(id);
      }
    });

    it('answers a stale version with 409 carrying the record as it stands, and writes nothing', async () => {
      const { streetA } = await aDistrict();
      const { client } = await signedInAs(app, ['org_admin']);
      const record = await created(client, streetA);
      const base = { ...aCadreInput(streetA), name: record['name'] as string };
      await client.put(`/api/cadres/${record.id}`, { ...base, post: '第一次保存', version: 0 }).expect(200);
      const auditsBefore = await AuditModel.countDocuments({ action: 'cadre.update' });

      const stale = await client.put(`/api/cadres/${record.id}`, { ...base, post: '第二次保存', version: 0 }).expect(409);
      expect(stale.body.code).toBe('version_conflict');
      expect(stale.body.current).toEqual(jasmine.objectContaining({ id: record.id, version: 1, post: '第一次保存', unitName: '甲街道' }));
      expect(stale.body.current.derivedTags).toEqual(jasmine.any(Array));
      const stored = await CadreModel.findById(record.id).lean();
      expect(stored!.post).toBe('第一次保存');
      expect(stored!.__v).toBe(1);
      expect(await AuditModel.countDocuments({ action: 'cadre.update' })).toBe(auditsBefore);

      const staleDelete = await client.delete(`/api/cadres/${record.id}?version=0`).expect(409);
      expect(staleDelete.body.current.version).toBe(1);
      expect(await CadreModel.exists({ _id: record.id })).not.toBeNull();
    });

    it('writes nothing and keeps the version when a save changes nothing', async () => {
      const { streetA } = await aDistrict();
      const { client } = await signedInAs(app, ['org_admin']);
      const record = await created(client, streetA);
      const res = await client.put(`/api/cadres/${record.id}`, { ...record, version: 0 }).expect(200);
      expect(res.body.version).toBe(0);
      expect(await auditOf('cadre.update', record.id)).toEqual([]);
    });

    it('keeps an imported 简历 text verbatim while the positions are unchanged, and regenerates it once they are edited', async () => {
      const { inA } = await aDistrict();
      const verbatim = '1998.09-2002.07 西南大学学习<br>2002.07- 某街道科员（原文格式）';
      await CadreModel.updateOne({ _id: inA._id }, { $set: { resumeText: verbatim } });
      const { client } = await signedInAs(app, ['org_admin']);
      const current = (await client.get(`/api/cadres/${inA._id}`).expect(200)).body;
      const kept = await client.put(`/api/cadres/${inA._id}`, { ...current, post: '副主任' }).expect(200);
      expect(kept.body.resumeText).toBe(verbatim);
      const positions = [...current.positions, { start: '2024-01', end: null, text: '甲街道副主任' }];
      const edited = await client.put(`/api/cadres/${inA._id}`, { ...kept.body, positions }).expect(200);
      expect(edited.body.resumeText).toContain(`2024.01--${' '.repeat(9)}甲街道副主任`);
      expect(edited.body.resumeText).not.toContain('原文格式');
    });

    it('refuses an update to another cadre’s ID number with 409', async () => {
      const { streetA, inB } = await aDistrict();
      await CadreModel.updateOne({ _id: inB._id }, { $set: sealIdNumber(MALE_ID) });
      const { client } = await signedInAs(app, ['org_admin']);
      const record = await created(client, streetA);
      const res = await client.put(`/api/cadres/${record.id}`, { ...record, idNumber: MALE_ID, version: 0 }).expect(409);
      expect(res.body.code).toBe('id_number_taken');
      expect((await CadreModel.findById(record.id).lean())!.idNumberHash).toBeNull();
    });
  });

  describe('delete', () => {
    it('deletes at the version seen, with the photo, and audits the record as it was', async () => {
      const { inA } = await aDistrict();
      await CadreModel.updateOne({ _id: inA._id }, { $set: { ...sealIdNumber(MALE_ID), hasPhoto: true } });
      await CadrePhotoModel.create({ _id: inA._id, jpeg: aJpeg() });
      const { client } = await signedInAs(app, ['org_admin']);
      expect((await client.delete(`/api/cadres/${inA._id}`)).body.errors.map((e: { path: string }) => e.path)).toEqual(['query.version']);
      await client.delete(`/api/cadres/${inA._id}?version=0`).expect(204);
      expect(await CadreModel.exists({ _id: inA._id })).toBeNull();
      expect(await CadrePhotoModel.exists({ _id: inA._id })).toBeNull();
      const [audit] = await auditOf('cadre.delete', String(inA._id));
      const changes = audit!.detail!['changes'] as Record<string, { before: unknown; after?: unknown }>;
      expect(changes['name']).toEqual({ before: '甲街道干部' });
      expect(changes['idNumber']).toEqual({ before: `${MALE_ID.slice(0, 6)}********${MALE_ID.slice(-4)}` });
      expect(audit!.detail!['photoDeleted']).toBeTrue();
      expect(await auditText()).not.toContain(MALE_ID);
      await client.delete(`/api/cadres/${inA._id}?version=0`).expect(404);
    });

    it('refuses to delete a record a sign-in account is linked to (409)', async () => {
      const { inA } = await aDistrict();
      await anAccount({ roles: ['cadre'], cadreId: String(inA._id), username: 'linked.cadre' });
      const { client } = await signedInAs(app, ['org_admin']);
      const res = await client.delete(`/api/cadres/${inA._id}?version=0`).expect(409);
      expect(res.body.code).toBe('cadre_has_account');
      expect(res.body.detail).toContain('linked.cadre');
      expect(await CadreModel.exists({ _id: inA._id })).not.toBeNull();
    });
  });

  describe('scope: org_admin and assessor everywhere, a unit manager in their subtree, a cadre their own record read-only', () => {
    type Who = 'org_admin' | 'assessor' | 'manager of 甲街道' | 'manager of 甲社区' | 'cadre of 甲街道';
    type Target = keyof Pick<District, 'inA' | 'inCommunityA' | 'inB'>;

    async function as(who: Who, district: District) {
      const roles: Role[] = who.startsWith('manager') ? ['unit_manager'] : who.startsWith('cadre') ? ['cadre'] : [who as Role];
      const unitId = who === 'manager of 甲街道' ? district.streetA._id : who === 'manager of 甲社区' ? district.communityA._id : null;
      const cadreId = who === 'cadre of 甲街道' ? district.inA._id : null;
      return (await signedInAs(app, roles, { unitId: unitId && String(unitId), cadreId: cadreId && String(cadreId) })).client;
    }

    const reads: Array<[Who, Target, number]> = [
      ['org_admin', 'inB', 200],
      ['assessor', 'inB', 200],
      ['manager of 甲街道', 'inA', 200],
      ['manager of 甲街道', 'inCommunityA', 200],
      ['manager of 甲街道', 'inB', 403],
      ['manager of 甲社区', 'inCommunityA', 200],
      ['manager of 甲社区', 'inA', 403],
      ['cadre of 甲街道', 'inA', 200],
      ['cadre of 甲街道', 'inCommunityA', 403],
    ];
    for (const [who, target, status] of reads) {
      it(`GET: ${who} reading ${target} → ${status}${status === 403 ? ' out_of_scope, denial audited, nothing of the record told' : ''}`, async () => {
        const district = await aDistrict();
        const client = await as(who, district);
        const id = String(district[target]._id);
        const res = await client.get(`/api/cadres/${id}`).expect(status);
        const [audit] = await auditOf('cadre.read', id);
        expect(audit!.result).toBe(status === 200 ? 'success' : 'denied');
        if (status === 403) {
          expect(res.body.code).toBe('out_of_scope');
          expect(JSON.stringify(res.body)).not.toContain(district[target].name);
        }
      });
    }

    it('GET of a well-formed id that names no record → 404 not_found 档案不存在, audited as failed', async () => {
      const district = await aDistrict();
      const client = await as('manager of 甲街道', district);
      const missing = '0123456789abcdef01234567';
      const res = await client.get(`/api/cadres/${missing}`).expect(404);
      expect(res.body).toEqual(jasmine.objectContaining({ code: 'not_found', detail: '档案不存在' }));
      expect((await auditOf('cadre.read', missing)).map((a) => a.result)).toEqual(['failure']);
    });

    const writes: Array<[Who, Target, number, string?]> = [
      ['org_admin', 'inB', 200],
      ['manager of 甲街道', 'inA', 200],
      ['manager of 甲街道', 'inCommunityA', 200],
      ['manager of 甲街道', 'inB', 403, 'out_of_scope'],
      ['manager of 甲社区', 'inA', 403, 'out_of_scope'],
      ['assessor', 'inA', 403, 'forbidden'],
      ['cadre of 甲街道', 'inA', 403, 'forbidden'],
    ];
    for (const [who, target, status, code] of writes) {
      it(`PUT and DELETE: ${who} on ${target} → ${status}; nothing written unless allowed`, async () => {
        const district = await aDistrict();
        const client = await as(who, district);
        const doc = district[target];
        const id = String(doc._id);
        const body = { ...aCadreInput({ _id: doc.unitId } as never), name: doc.name, post: '改后职务', version: 0 };
        const put = await client.put(`/api/cadres/${id}`, body);
        expect(put.status).toBe(status);
        expect((await CadreModel.findById(id).lean())!.post).toBe(status === 200 ? '改后职务' : '科员');
        const del = await client.delete(`/api/cadres/${id}?version=${status === 200 ? 1 : 0}`);
        expect(del.status).toBe(status === 200 ? 204 : status);
        expect(await CadreModel.exists({ _id: id })).toEqual(status === 200 ? null : jasmine.anything());
        if (code === 'out_of_scope') {
          expect((await auditOf('cadre.update', id)).map((a) => a.result)).toEqual(['denied']);
          expect((await auditOf('cadre.delete', id)).map((a) => a.result)).toEqual(['denied']);
        }
        if (code) expect(put.body.code).toBe(code);
      });
    }

    it('a unit manager moves a cadre within the subtree but not out of it (403 naming body.unitId, audited, nothing written)', async () => {
      const district = await aDistrict();
      const client = await as('manager of 甲街道', district);
      const id = String(district.inA._id);
      const body = (unitId: unknown) => ({ ...aCadreInput({ _id: unitId } as never), name: district.inA.name, version: 0 });

      const out = await client.put(`/api/cadres/${id}`, body(district.streetB._id)).expect(403);
      expect(out.body.code).toBe('unit_out_of_scope');
      expect(errorPaths(out.body)).toEqual(['body.unitId']);
      expect(String((await CadreModel.findById(id).lean())!.unitId)).toBe(String(district.streetA._id));
      expect((await auditOf('cadre.update')).map((a) => [a.result, a.objectId])).toEqual([['denied', String(district.streetB._id)]]);

      const moved = await client.put(`/api/cadres/${id}`, body(district.communityA._id)).expect(200);
      expect(moved.body.unitName).toBe('甲社区');
      const stored = await CadreModel.findById(id).lean();
      expect(stored!.unitPath.map(String)).toEqual([district.root._id, district.streetA._id, district.communityA._id].map(String));
    });

    it('a unit manager creates records in the subtree only', async () => {
      const district = await aDistrict();
      const client = await as('manager of 甲街道', district);
      await client.post('/api/cadres', aCadreInput(district.communityA)).expect(201);
      const res = await client.post('/api/cadres', aCadreInput(district.streetB)).expect(403);
      expect(errorPaths(res.body)).toEqual(['body.unitId']);
      expect(await CadreModel.countDocuments()).toBe(4);
    });

    it('an assessor who also manages a unit reads everywhere but writes only in that unit’s subtree', async () => {
      const district = await aDistrict();
      const { client } = await signedInAs(app, ['assessor', 'unit_manager'], { unitId: String(district.streetA._id) });
      await client.get(`/api/cadres/${district.inB._id}`).expect(200);
      await client.put(`/api/cadres/${district.inB._id}`, { ...aCadreInput(district.streetB), name: district.inB.name, version: 0 }).expect(403);
      await client.put(`/api/cadres/${district.inA._id}`, { ...aCadreInput(district.streetA), name: district.inA.name, post: '改后职务', version: 0 }).expect(200);
    });
  });

  describe('photo', () => {
    it('stores a JPEG, serves it as an attachment with nosniff, and removes it; each write audited', async () => {
      const { inA } = await aDistrict();
      const { client } = await signedInAs(app, ['org_admin']);
      const jpeg = aJpeg();
      await putPhoto(client, String(inA._id), jpeg).expect(204);
      expect((await client.get(`/api/cadres/${inA._id}`)).body.hasPhoto).toBeTrue();

      const res = await client.get(`/api/cadres/${inA._id}/photo`).buffer(true).expect(200);
      expect(res.headers['content-type']).toBe('image/jpeg');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="cadre-${inA._id}.jpg"; filename*=UTF-8''${encodeURIComponent('甲街道干部-照片.jpg')}`,
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toContain('no-store');
      expect(Buffer.compare(res.body as Buffer, jpeg)).toBe(0);

      await client.delete(`/api/cadres/${inA._id}/photo`).expect(204);
      await client.get(`/api/cadres/${inA._id}/photo`).expect(404);
      expect((await client.get(`/api/cadres/${inA._id}`)).body.hasPhoto).toBeFalse();
      expect((await AuditModel.find({ objectId: String(inA._id), action: /^cadre\.photo/ }).sort({ seq: 1 }).lean()).map((a) => a.action)).toEqual([
        'cadre.photo_update',
        'cadre.photo_read',
        'cadre.photo_delete',
      ]);
    });

    it('does not move the record’s version, so an open edit form stays current', async () => {
      const { inA } = await aDistrict();
      const { client } = await signedInAs(app, ['org_admin']);
      await putPhoto(client, String(inA._id), aJpeg()).expect(204);
      expect((await client.get(`/api/cadres/${inA._id}`)).body.version).toBe(0);
    });

    const refused: Array<[string, Buffer, string]> = [
      ['a PNG', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]), 'image/jpeg'],
      ['a GIF', Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(100)]), 'image/jpeg'],
      ['text', Buffer.from('this is not a picture'), 'image/jpeg'],
      ['a PNG declared as image/png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]), 'image/png'],
    ];
    for (const [what, bytes, type] of refused) {
      it(`refuses ${what} with 400 and stores nothing`, async () => {
        const { inA } = await aDistrict();
        const { client } = await signedInAs(app, ['org_admin']);
        const res = await putPhoto(client, String(inA._id), bytes, type).expect(400);
        expect(res.body.code).toBe('unsupported_file_type');
        expect(res.body.detail).toContain('JPEG');
        expect(await CadrePhotoModel.countDocuments()).toBe(0);
      });
    }

    it('takes a photo of exactly 2 MB and refuses one byte more with 413', async () => {
      const { inA } = await aDistrict();
      const { client } = await signedInAs(app, ['org_admin']);
      await putPhoto(client, String(inA._id), aJpeg(MAX_PHOTO_BYTES)).expect(204);
      await client.delete(`/api/cadres/${inA._id}/photo`).expect(204);
      const res = await putPhoto(client, String(inA._id), aJpeg(MAX_PHOTO_BYTES + 1)).expect(413);
      expect(res.body.code).toBe('payload_too_large');
      expect(await CadrePhotoModel.countDocuments()).toBe(0);
    });

    it('follows the record’s scope: a unit manager outside the subtree gets 403, a cadre reads their own but cannot change it', async () => {
      const district = await aDistrict();
      const org = await signedInAs(app, ['org_admin']);
      await putPhoto(org.client, String(district.inB._id), aJpeg()).expect(204);
      await putPhoto(org.client, String(district.inA._id), aJpeg()).expect(204);

      const manager = await signedInAs(app, ['unit_manager'], { unitId: String(district.streetA._id) });
      await manager.client.get(`/api/cadres/${district.inB._id}/photo`).expect(403);
      await putPhoto(manager.client, String(district.inB._id), aJpeg()).expect(403);
      await manager.client.delete(`/api/cadres/${district.inB._id}/photo`).expect(403);
      expect(await CadrePhotoModel.exists({ _id: district.inB._id })).not.toBeNull();

      const cadre = await signedInAs(app, ['cadre'], { cadreId: String(district.inA._id) });
      await cadre.client.get(`/api/cadres/${district.inA._id}/photo`).expect(200);
      await cadre.client.get(`/api/cadres/${district.inB._id}/photo`).expect(403);
      await putPhoto(cadre.client, String(district.inA._id), aJpeg()).expect(403);
      await cadre.client.delete(`/api/cadres/${district.inA._id}/photo`).expect(403);
    });
  });
});
