import { AuditModel } from '../audit/audit.model.js';
import { createTestApp } from '../test/test-app.js';
import { signedInAs, type TestClient } from '../test/test-client.js';
import { CycleModel, UnitCalibrationModel } from './evaluation.models.js';
import { readStoredResult, toCadreResult } from './result-store.js';
import { anOpenCycle } from './result-fixtures.js';

describe('calibration', () => {
  const app = createTestApp({ AUTH_RATE_LIMIT_MAX: '1000' });
  const REASON = '年中承担防汛抢险任务表现突出';

  /** 甲街道: five cadres, one 优秀 place (20%) already taken by the first; closed. */
  async function aClosedUnit(ratings = [95, 85, 85, 70, 50]) {
    const setup = await anOpenCycle([{ name: '甲街道', ratings }]);
    const { client } = await signedInAs(app, ['assessor']);
    await client.post(`/api/cycles/${setup.cycleId}/close`, { revision: 0 }).expect(200);
    const unit = setup.units[0]!;
    const path = `/api/cycles/${setup.cycleId}/calibration/${unit.unit._id}`;
    const ids = unit.cadres.map((c) => String(c.cadre._id));
    return { ...setup, client, path, ids };
  }
  const change = (client: TestClient, path: string, body: object) => client.post(path, body);

  it('changes a final grade with a reason: the row, the result report’s calibrations and the audit record old value, new value and reason', async () => {
    const { client, path, ids, cycleId } = await aClosedUnit();
    const res = await change(client, path, { revision: 0, cadreId: ids[3], grade: '称职', reason: REASON }).expect(200);
    expect(res.body.revision).toBe(1);
    const row = res.body.rows.find((r: { cadreId: string }) => r.cadreId === ids[3]);
    expect(row).toEqual(jasmine.objectContaining({ proposedGrade: '基本称职', finalGrade: '称职', changed: true }));
    expect(res.body.distribution).toEqual({ 优秀: 1, 称职: 3, 基本称职: 0, 不称职: 1 });

    const result = toCadreResult((await readStoredResult(`${cycleId}:${ids[3]}`))!);
    expect(result.finalGrade).toBe('称职');
    expect(result.calibrations).toEqual([jasmine.objectContaining({ from: '基本称职', to: '称职', reason: REASON })]);
    const [audit] = await AuditModel.find({ action: 'calibration.change' }).lean();
    expect(audit!.objectId).toBe(`${cycleId}:${ids[3]}`);
    expect(audit!.detail).toEqual(jasmine.objectContaining({ changes: { finalGrade: { before: '基本称职', after: '称职' } }, reason: REASON }));

    const units = await client.get(`/api/cycles/${cycleId}/calibration-units`).expect(200);
    expect(units.body.items).toEqual([jasmine.objectContaining({ unitName: '甲街道', size: 5, excellent: 1, excellentCap: 1, changed: 1 })]);
  });

  it('checks the 优秀 quota against the unit as it stands: full, then free once someone is moved down', async () => {
    const { client, path, ids } = await aClosedUnit();
    const full = await change(client, path, { revision: 0, cadreId: ids[1], grade: '优秀', reason: REASON }).expect(409);
    expect(full.body.detail).toBe('本单位优秀名额已满（1/1）');
    await change(client, path, { revision: 0, cadreId: ids[0], grade: '称职', reason: '经集体研究调整为称职' }).expect(200);
    const freed = await change(client, path, { revision: 1, cadreId: ids[1], grade: '优秀', reason: REASON }).expect(200);
    expect(freed.body.distribution['优秀']).toBe(1);
  });

  it('lets one of two simultaneous changes of one unit through; the other gets 409 asking to refresh', async () => {
    const { client, path, ids, cycleId, units } = await aClosedUnit();
    const { client: other } = await signedInAs(app, ['org_admin']);
    const responses = await Promise.all([
      change(client, path, { revision: 0, cadreId: ids[0], grade: '称职', reason: REASON }),
      change(other, path, { revision: 0, cadreId: ids[3], grade: '称职', reason: REASON }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(responses.find((r) => r.status === 409)!.body.detail).toBe('其他人刚修改了本单位的校准，请刷新后重试');
    const doc = await UnitCalibrationModel.findById(`${cycleId}:${units[0]!.unit._id}`).lean();
    expect((doc as unknown as { revision: number }).revision).toBe(1);
    expect(await AuditModel.countDocuments({ action: 'calibration.change' })).toBe(1);
  });

  const hostile: Array<[string, string, string]> = [
    ['10,000 characters', '理'.repeat(10_000), '理由不超过 500 个字'],
    ['a lone surrogate', `调整理由\uD800说明`, ''],
    ['four characters', '表现突出', '请说明调整理由（至少 5 个字）'],
  ];
  for (const [what, reason, message] of hostile) {
    it(`refuses a reason of ${what} with a Chinese 400 naming body.reason, and changes nothing`, async () => {
      const { client, path, ids } = await aClosedUnit();
      const res = await change(client, path, { revision: 0, cadreId: ids[3], grade: '称职', reason }).expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.reason']);
      if (message) expect(res.body.errors[0].message).toBe(message);
      expect(res.body.errors[0].message).toMatch(/[\u4e00-\u9fff]/);
      expect(await AuditModel.countDocuments({ action: 'calibration.change' })).toBe(0);
    });
  }

  it('refuses changes once the cycle is locked (409), and to unit managers and cadres (403)', async () => {
    const { client, path, ids, cycleId, units } = await aClosedUnit();
    const manager = (await signedInAs(app, ['unit_manager'], { unitId: String(units[0]!.unit._id) })).client;
    await change(manager, path, { revision: 0, cadreId: ids[3], grade: '称职', reason: REASON }).expect(403);
    const revision = (await CycleModel.findById(cycleId).lean() as unknown as { revision: number }).revision;
    await client.post(`/api/cycles/${cycleId}/lock`, { revision }).expect(200);
    const locked = await change(client, path, { revision: 1, cadreId: ids[3], grade: '称职', reason: REASON }).expect(409);
    expect(locked.body.detail).toBe('该考核已锁定，等次不能再调整');
  });
});
