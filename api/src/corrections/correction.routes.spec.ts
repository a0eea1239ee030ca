import type { Role } from '@cadre/shared-models';
import { AuditModel } from '../audit/audit.model.js';
import { createTestApp } from '../test/test-app.js';
import { signedInAs, type TestClient } from '../test/test-client.js';
import { aCadre, aCadreInput, aUnit } from '../test/factories.js';
import { UserModel } from '../users/user.model.js';
import { CorrectionModel } from './correction.model.js';
import { noteCorrectionsChanged } from './correction-list.js';
import { MAX_PENDING_CORRECTIONS } from './correction.service.js';

const SOME_ID = '0123456789abcdef01234567';

const A_REQUEST = { field: 'fullTimeEducation', proposedValue: '大学本科 学士 重庆大学', reason: '毕业院校填错了' };
/** An approval of A_REQUEST based on the record's first version. */
const approval = (reason: string) => ({
  decision: 'approved',
  reason,
  version: 0,
  change: { fullTimeEducation: { education: '大学本科', degree: '学士', educationSchool: '重庆大学', degreeSchool: '重庆大学' } },
});

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

describe('correction requests', () => {
  const app = createTestApp({ AUTH_RATE_LIMIT_MAX: '1000' });

  async function cadreOf(cadre: { _id: unknown }) {
    return signedInAs(app, ['cadre'], { cadreId: String(cadre._id) });
  }
  async function managerOf(unit: { _id: unknown }, roles: Role[] = ['unit_manager']) {
    return signedInAs(app, roles, { unitId: String(unit._id) });
  }
  async function submitted(client: TestClient, cadre: { _id: unknown }, body: object = A_REQUEST) {
    return (await client.post(`/api/cadres/${cadre._id}/corrections`, body).expect(201)).body as { id: string };
  }

  describe('submitting', () => {
    it('a cadre asks for a correction of their own record; the current value is captured by the server and the request audited', async () => {
      const { inA } = await aDistrict();
      const { client, account } = await cadreOf(inA);
      const res = await client.post(`/api/cadres/${inA._id}/corrections`, { ...A_REQUEST, currentValue: '客户端伪造的当前值' }).expect(201);
      expect(res.body).toEqual(
        jasmine.objectContaining({
          cadreId: String(inA._id),
          cadreName: '甲街道干部',
          unitName: '甲街道',
          field: 'fullTimeEducation',
          currentValue: '大学本科 学士 西南大学汉语言文学专业 西南大学',
          proposedValue: '大学本科 学士 重庆大学',
          reason: '毕业院校填错了',
          status: 'pending',
          decidedAt: null,
          decidedByName: null,
          decisionReason: null,
          appliedVersion: null,
          appliedValue: null,
        }),
      );
      const [audit] = await AuditModel.find({ action: 'correction.submit' }).lean();
      expect(audit).toEqual(jasmine.objectContaining({ userId: account.id, objectType: 'correction', objectId: res.body.id, result: 'success' }));
      expect(audit!.detail!['changes']).toEqual({ fullTimeEducation: { before: '大学本科 学士 西南大学汉语言文学专业 西南大学', after: '大学本科 学士 重庆大学' } });
    });

    it('gives 403 for another cadre’s record and 404 for a missing one, audits the denial and stores nothing', async () => {
      const { inA, inCommunityA } = await aDistrict();
      const { client } = await cadreOf(inA);
      const other = await client.post(`/api/cadres/${inCommunityA._id}/corrections`, A_REQUEST).expect(403);
      const missing = await client.post(`/api/cadres/${SOME_ID}/corrections`, A_REQUEST).expect(404);
      expect([other.body.code, missing.body.code]).toEqual(['out_of_scope', 'not_found']);
      expect(JSON.stringify(other.body)).not.toContain('甲社区干部');
      const audits = await AuditModel.find({ action: 'correction.submit' }).sort({ seq: 1 }).lean();
      expect(audits.map((a) => [a.objectId, a.result])).toEqual([
        [String(inCommunityA._id), 'denied'],
        [SOME_ID, 'failure'],
      ]);
      expect(await CorrectionModel.countDocuments()).toBe(0);
    });

    it('is for cadres only: managers and the organization department edit the record instead (403)', async () => {
      const { streetA, inA } = await aDistrict();
      for (const { client } of [await managerOf(streetA), await signedInAs(app, ['org_admin'])]) {
        await client.post(`/api/cadres/${inA._id}/corrections`, A_REQUEST).expect(403);
      }
    });

    const invalid: Array<[string, object, string]> = [
      ['an unknown field', { ...A_REQUEST, field: 'rank' }, 'body.field'],
      ['an empty proposal', { ...A_REQUEST, proposedValue: '   ' }, 'body.proposedValue'],
      ['a one-character reason', { ...A_REQUEST, reason: '错' }, 'body.reason'],
      ['a proposal over 1000 characters', { ...A_REQUEST, proposedValue: '字'.repeat(1001) }, 'body.proposedValue'],
    ];
    for (const [what, body, path] of invalid) {
      it(`refuses ${what} with 400 naming ${path}`, async () => {
        const { inA } = await aDistrict();
        const { client } = await cadreOf(inA);
        const res = await client.post(`/api/cadres/${inA._id}/corrections`, body).expect(400);
        expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
        expect(await CorrectionModel.countDocuments()).toBe(0);
      });
    }

    it(`allows at most ${MAX_PENDING_CORRECTIONS} pending requests per cadre (409), and more once some are decided`, async () => {
      const { streetA, inA } = await aDistrict();
      const { client } = await cadreOf(inA);
      const ids: string[] = [];
      for (let i = 0; i < MAX_PENDING_CORRECTIONS; i += 1) ids.push((await submitted(client, inA)).id);
      const refused = await client.post(`/api/cadres/${inA._id}/corrections`, A_REQUEST).expect(409);
      expect(refused.body.code).toBe('too_many_pending_corrections');
      expect(refused.body.detail).toContain(String(MAX_PENDING_CORRECTIONS));
      expect(await CorrectionModel.countDocuments()).toBe(MAX_PENDING_CORRECTIONS);

      const manager = await managerOf(streetA);
      await manager.client.post(`/api/corrections/${ids[0]}/decision`, { decision: 'rejected', reason: '材料不全' }).expect(200);
      await submitted(client, inA);
    });
  });

  describe('listing', () => {
    /**
     * A pending request for each cadre: inA's through the API (its client is returned), the
     * others stored directly, as each sign-in costs a password hash.
     */
    async function aRequestEach(district: District) {
      const own = await cadreOf(district.inA);
      await submitted(own.client, district.inA);
      for (const [cadre, unit] of [[district.inCommunityA, district.communityA], [district.inB, district.streetB]] as const) {
        const stored = await CorrectionModel.create({
          cadreId: cadre._id,
          cadreName: cadre.name,
          unitId: unit._id,
          unitName: unit.name,
          unitPath: cadre.unitPath,
          field: 'name',
          currentValue: cadre.name,
          proposedValue: `${cadre.name}（更正）`,
          reason: '姓名有误',
          submittedBy: 'another-cadre',
        });
        // As the service would after its write: lists are answered from the correction list projection.
        await noteCorrectionsChanged([String(stored._id)]);
      }
      return own.client;
    }
    const names = (res: { body: { items: Array<{ cadreName: string }> } }) => res.body.items.map((i) => i.cadreName).sort();

    it('shows a cadre their own requests, a unit manager their subtree’s, org_admin all', async () => {
      const district = await aDistrict();
      const cadre = await aRequestEach(district);
      const own = await cadre.get('/api/corrections').expect(200);
      expect(names(own)).toEqual(['甲街道干部']);
      const forged = await cadre.get(`/api/corrections?cadreId=${district.inB._id}`).expect(200);
      expect(forged.body).toEqual({ items: [], total: 0 });

      const managerA = await (await managerOf(district.streetA)).client.get('/api/corrections').expect(200);
      expect(names(managerA)).toEqual(['甲社区干部', '甲街道干部']);
      expect(managerA.body.total).toBe(2);
      const managerCommunity = await (await managerOf(district.communityA)).client.get('/api/corrections').expect(200);
      expect(names(managerCommunity)).toEqual(['甲社区干部']);
      const org = await (await signedInAs(app, ['org_admin'])).client.get('/api/corrections').expect(200);
      expect(org.body.total).toBe(3);
    });

    it('filters by status and cadre, pages, and refuses roles without the permission', async () => {
      const district = await aDistrict();
      await aRequestEach(district);
      const org = (await signedInAs(app, ['org_admin'])).client;
      const [first] = (await org.get(`/api/corrections?cadreId=${district.inB._id}`).expect(200)).body.items;
      expect(first.cadreName).toBe('乙街道干部');
      await org.post(`/api/corrections/${first.id}/decision`, { decision: 'approved', reason: '已核实', version: 0, change: { name: '乙街道干部' } }).expect(200);
      expect((await org.get('/api/corrections?status=pending').expect(200)).body.total).toBe(2);
      expect(names(await org.get('/api/corrections?status=approved').expect(200))).toEqual(['乙街道干部']);
      const page = await org.get('/api/corrections?size=2&page=1').expect(200);
      expect([page.body.items.length, page.body.total]).toEqual([1, 3]);
      const bad = await org.get('/api/corrections?status=done&size=500').expect(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['query.size', 'query.status']);
      await (await signedInAs(app, ['assessor'])).client.get('/api/corrections').expect(403);
    });

    it('follows the cadre when the record moves to another unit', async () => {
      const district = await aDistrict();
      await submitted((await cadreOf(district.inA)).client, district.inA);
      const org = (await signedInAs(app, ['org_admin'])).client;
      const body = { ...aCadreInput(district.streetB), name: district.inA.name, version: 0 };
      await org.put(`/api/cadres/${district.inA._id}`, body).expect(200);
      const managerB = await (await managerOf(district.streetB)).client.get('/api/corrections').expect(200);
      expect(managerB.body.items.map((i: { unitName: string; cadreName: string }) => [i.cadreName, i.unitName])).toEqual([['甲街道干部', '乙街道']]);
      expect((await (await managerOf(district.streetA)).client.get('/api/corrections').expect(200)).body.total).toBe(0);
    });

    it('goes with the record when the record is deleted', async () => {
      const district = await aDistrict();
      await submitted((await cadreOf(district.inB)).client, district.inB);
      // The cadre's account is unlinked first: a record with a linked account is not deleted.
      await UserModel.updateMany({ cadreId: district.inB._id }, { $set: { cadreId: null } });
      const org = (await signedInAs(app, ['org_admin'])).client;
      await org.delete(`/api/cadres/${district.inB._id}?version=0`).expect(204);
      expect(await CorrectionModel.countDocuments()).toBe(0);
    });
  });

  describe('deciding', () => {
    it('the cadre’s unit manager (any unit above) approves a pending request with a reason; audited; a second decision gets 409', async () => {
      const { streetA, inCommunityA } = await aDistrict();
      const request = await submitted((await cadreOf(inCommunityA)).client, inCommunityA);
      const { client, account } = await managerOf(streetA);
      const res = await client.post(`/api/corrections/${request.id}/decision`, approval('已核对学历证书')).expect(200);
      expect(res.body).toEqual(
        jasmine.objectContaining({ status: 'approved', decidedByName: (await UserModel.findById(account.id).lean())!.displayName, decisionReason: '已核对学历证书', decidedAt: jasmine.any(String) }),
      );
      const [audit] = await AuditModel.find({ action: 'correction.decide' }).lean();
      expect(audit).toEqual(jasmine.objectContaining({ userId: account.id, objectId: request.id, result: 'success' }));
      expect(audit!.detail!['changes']).toEqual({ status: { before: 'pending', after: 'approved' } });
      expect(audit!.detail!['reason']).toBe('已核对学历证书');

      const again = await client.post(`/api/corrections/${request.id}/decision`, { decision: 'rejected', reason: '改主意了' }).expect(409);
      expect(again.body.code).toBe('already_decided');
      expect((await CorrectionModel.findById(request.id).lean())!.status).toBe('approved');
    });

    it('of two reviewers deciding one request at the same moment, one decides and the other gets 409', async () => {
      const { streetA, inCommunityA } = await aDistrict();
      const request = await submitted((await cadreOf(inCommunityA)).client, inCommunityA);
      const [first, second] = [(await managerOf(streetA)).client, (await managerOf(streetA)).client];
      const answers = await Promise.all([
        first.post(`/api/corrections/${request.id}/decision`, approval('已核对学历证书')),
        second.post(`/api/corrections/${request.id}/decision`, { decision: 'rejected', reason: '与档案记载一致' }),
      ]);
      expect(answers.map((res) => res.status).sort()).toEqual([200, 409]);
      const decided = answers.find((res) => res.status === 200)!.body.status;
      expect((await CorrectionModel.findById(request.id).lean())!.status).toBe(decided);
      expect(await AuditModel.countDocuments({ action: 'correction.decide', result: 'success' })).toBe(1);
    });

    it('org_admin rejects anywhere; the cadre then sees the decision and its reason', async () => {
      const { inB } = await aDistrict();
      const cadre = await cadreOf(inB);
      const request = await submitted(cadre.client, inB);
      const org = (await signedInAs(app, ['org_admin'])).client;
      await org.post(`/api/corrections/${request.id}/decision`, { decision: 'rejected', reason: '与档案记载一致，无需更正' }).expect(200);
      const [mine] = (await cadre.client.get('/api/corrections').expect(200)).body.items;
      expect([mine.status, mine.decisionReason]).toEqual(['rejected', '与档案记载一致，无需更正']);
    });

    it('a manager of another subtree gets 404 as for a missing request, audited, nothing changed', async () => {
      const { streetB, communityA, inA } = await aDistrict();
      const request = await submitted((await cadreOf(inA)).client, inA);
      for (const unit of [streetB, communityA]) {
        const { client } = await managerOf(unit);
        const res = await client.post(`/api/corrections/${request.id}/decision`, approval('同意')).expect(404);
        const missing = await client.post(`/api/corrections/${SOME_ID}/decision`, approval('同意')).expect(404);
        expect(res.body.detail).toBe(missing.body.detail);
      }
      const audits = await AuditModel.find({ action: 'correction.decide' }).sort({ seq: 1 }).lean();
      expect(audits.map((a) => a.result)).toEqual(['denied', 'failure', 'denied', 'failure']);
      expect((await CorrectionModel.findById(request.id).lean())!.status).toBe('pending');
    });

    it('requires a reason and a known decision, and is refused to cadres', async () => {
      const { streetA, inA } = await aDistrict();
      const cadre = await cadreOf(inA);
      const request = await submitted(cadre.client, inA);
      const { client } = await managerOf(streetA);
      const res = await client.post(`/api/corrections/${request.id}/decision`, { decision: 'maybe', reason: '' }).expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.decision']);
      const noReason = await client.post(`/api/corrections/${request.id}/decision`, { decision: 'rejected', reason: '' }).expect(400);
      expect(noReason.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.reason']);
      await cadre.client.post(`/api/corrections/${request.id}/decision`, approval('我同意我自己')).expect(403);
      expect((await CorrectionModel.findById(request.id).lean())!.status).toBe('pending');
    });

    it('a unit manager who is also a cadre cannot decide their own request (403, audited)', async () => {
      const { streetA, inA } = await aDistrict();
      const { client } = await signedInAs(app, ['unit_manager', 'cadre'], { unitId: String(streetA._id), cadreId: String(inA._id) });
      const request = await submitted(client, inA);
      const res = await client.post(`/api/corrections/${request.id}/decision`, approval('同意')).expect(403);
      expect(res.body.code).toBe('own_request');
      const [audit] = await AuditModel.find({ action: 'correction.decide' }).lean();
      expect(audit!.result).toBe('denied');
      expect((await CorrectionModel.findById(request.id).lean())!.status).toBe('pending');
    });
  });
});
