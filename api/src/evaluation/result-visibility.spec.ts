import type { Role } from '@cadre/shared-models';
import { AuditModel } from '../audit/audit.model.js';
import { createTestApp } from '../test/test-app.js';
import { signedInAs, type TestClient } from '../test/test-client.js';
import { anOpenCycle } from './result-fixtures.js';

describe('who sees results, distributions and histories', () => {
  const app = createTestApp({ AUTH_RATE_LIMIT_MAX: '1000' });

  /** 甲街道 and 乙街道 with two cadres each (too few for a 优秀 place); the cycle closed by an assessor. */
  async function aClosedCycle() {
    const setup = await anOpenCycle([{ name: '甲街道', ratings: [95, 70] }, { name: '乙街道', ratings: [85, 85] }]);
    const { client: assessor } = await signedInAs(app, ['assessor']);
    await assessor.post(`/api/cycles/${setup.cycleId}/close`, { revision: 0 }).expect(200);
    const [a, b] = setup.units;
    const lock = () => assessor.post(`/api/cycles/${setup.cycleId}/lock`, { revision: 2 }).expect(200);
    return { ...setup, assessor, a: a!, b: b!, lock };
  }
  const resultOf = (client: TestClient, cycleId: string, cadre: { _id: unknown }) => client.get(`/api/cycles/${cycleId}/results/${cadre._id}`);

  it('assessor and org_admin read any result from close; the read is audited', async () => {
    const { cycleId, a, assessor } = await aClosedCycle();
    const res = await resultOf(assessor, cycleId, a.cadres[0]!.cadre).expect(200);
    expect(res.body).toEqual(jasmine.objectContaining({ cadreName: '甲街道干部1', bandGrade: '优秀', finalGrade: '称职', locked: false }));
    const { client: admin } = await signedInAs(app, ['org_admin']);
    await resultOf(admin, cycleId, a.cadres[1]!.cadre).expect(200);
    expect(await AuditModel.countDocuments({ action: 'result.read', result: 'success' })).toBe(2);
  });

  it('a cadre sees their own result only once locked, and never another’s (404, as for a missing one)', async () => {
    const { cycleId, a, b, lock } = await aClosedCycle();
    const own = a.cadres[0]!.cadre;
    const { client } = await signedInAs(app, ['cadre'], { cadreId: String(own._id) });
    const early = await resultOf(client, cycleId, own).expect(409);
    expect(early.body.detail).toBe('考核结果尚未锁定公布，请在锁定后查看');
    await client.get(`/api/cycles/${cycleId}/distribution`).expect(409);
    await lock();
    expect((await resultOf(client, cycleId, own).expect(200)).body.locked).toBeTrue();
    const other = await resultOf(client, cycleId, b.cadres[0]!.cadre).expect(404);
    expect(other.body.detail).toBe('该考核结果不存在或不在您的查看范围内');
    expect(JSON.stringify(other.body)).not.toContain('乙街道');
    expect(await AuditModel.countDocuments({ action: 'result.read', result: 'denied' })).toBe(2);

    const history = await client.get(`/api/cadres/${own._id}/assessment-history`).expect(200);
    expect(history.body.entries.map((e: { grade: string }) => e.grade)).toEqual(['称职']);
    await client.get(`/api/cadres/${b.cadres[0]!.cadre._id}/assessment-history`).expect(404);
  });

  it('a unit manager sees their subtree’s results and distribution once locked, and nothing of other units', async () => {
    const { cycleId, a, b, lock } = await aClosedCycle();
    const { client } = await signedInAs(app, ['unit_manager'], { unitId: String(a.unit._id) });
    await resultOf(client, cycleId, a.cadres[1]!.cadre).expect(409);
    await lock();
    expect((await resultOf(client, cycleId, a.cadres[1]!.cadre).expect(200)).body.finalGrade).toBe('基本称职');
    await resultOf(client, cycleId, b.cadres[0]!.cadre).expect(404);
    const distribution = await client.get(`/api/cycles/${cycleId}/distribution`).expect(200);
    expect(distribution.body.units.map((u: { unitName: string }) => u.unitName)).toEqual(['甲街道']);
    expect(distribution.body.district).toEqual({ 优秀: 0, 称职: 1, 基本称职: 1, 不称职: 0 });
    await client.get(`/api/cadres/${a.cadres[0]!.cadre._id}/assessment-history`).expect(200);
    await client.get(`/api/cadres/${b.cadres[0]!.cadre._id}/assessment-history`).expect(404);
  });

  it('a unit manager of one street who is a cadre in another sees that subtree and their own result, nothing wider, and cannot calibrate', async () => {
    const { cycleId, a, b, lock } = await aClosedCycle();
    const own = b.cadres[0]!.cadre;
    const { client } = await signedInAs(app, ['unit_manager', 'cadre'], { unitId: String(a.unit._id), cadreId: String(own._id) });
    await lock();
    await resultOf(client, cycleId, a.cadres[0]!.cadre).expect(200);
    await resultOf(client, cycleId, own).expect(200);
    await resultOf(client, cycleId, b.cadres[1]!.cadre).expect(404);
    await client.get(`/api/cycles/${cycleId}/calibration/${String(a.unit._id)}`).expect(403);
    await client.post(`/api/cycles/${cycleId}/calibration/${String(a.unit._id)}`, { revision: 0, cadreId: String(a.cadres[0]!.cadre._id), grade: '优秀', reason: '两个角色也不能校准' }).expect(403);
  });

  it('the district distribution counts every unit’s final grades for the organization department', async () => {
    const { cycleId, assessor } = await aClosedCycle();
    const res = await assessor.get(`/api/cycles/${cycleId}/distribution`).expect(200);
    expect(res.body).toEqual({
      cycleId,
      district: { 优秀: 0, 称职: 3, 基本称职: 1, 不称职: 0 },
      units: [
        jasmine.objectContaining({ unitName: '甲街道', counts: { 优秀: 0, 称职: 1, 基本称职: 1, 不称职: 0 } }),
        jasmine.objectContaining({ unitName: '乙街道', counts: { 优秀: 0, 称职: 2, 基本称职: 0, 不称职: 0 } }),
      ],
      scored: 4,
      unscored: 0,
    });
  });

  it('gives no result to a cycle still open, even to the organization department', async () => {
    const { cycleId, cadres } = await anOpenCycle([{ name: '甲街道', ratings: [85] }]);
    const { client } = await signedInAs(app, ['org_admin']);
    await resultOf(client, cycleId, cadres[0]!).expect(409);
    await client.get(`/api/cycles/${cycleId}/distribution`).expect(409);
  });

  const outsiders: Role[] = ['reviewer', 'sys_admin', 'security_admin', 'audit_admin'];
  for (const role of outsiders) {
    it(`refuses ${role} results, distributions, calibrations and proposals (403)`, async () => {
      const { cycleId, a, lock } = await aClosedCycle();
      await lock();
      const { client } = await signedInAs(app, [role]);
      await resultOf(client, cycleId, a.cadres[0]!.cadre).expect(403);
      await client.get(`/api/cycles/${cycleId}/distribution`).expect(403);
      await client.get(`/api/cycles/${cycleId}/calibration-units`).expect(403);
      await client.get('/api/adjustment-proposals').expect(403);
      await client.get(`/api/cadres/${a.cadres[0]!.cadre._id}/assessment-history`).expect(403);
    });
  }
});
