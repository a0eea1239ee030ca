import { CadreResultSchema, UnitCalibrationSchema } from '@cadre/shared-models';
import { AuditModel } from '../audit/audit.model.js';
import { createTestApp } from '../test/test-app.js';
import { signedInAs } from '../test/test-client.js';
import { CycleModel, ResultModel, UnitCalibrationModel } from './evaluation.models.js';
import { anOpenCycle, totalFor } from './result-fixtures.js';
import { readStoredResult, toCadreResult } from './result-store.js';

describe('closing a cycle', () => {
  const app = createTestApp({ AUTH_RATE_LIMIT_MAX: '1000' });
  const assessor = () => signedInAs(app, ['assessor']).then(({ client }) => client);

  it('scores every ratee, ranks each unit under the 优秀 quota and flips the cycle to closed, audited', async () => {
    // Five in 甲街道: a cap of one 优秀 (20%), and three tied for it, so none keeps it.
    const { cycleId, units } = await anOpenCycle([
      { name: '甲街道', ratings: [95, 95, 95, 85, 70] },
      { name: '乙街道', ratings: [95, 85, 85, 85, 50] },
    ]);
    const client = await assessor();
    const res = await client.post(`/api/cycles/${cycleId}/close`, { revision: 0 }).expect(200);
    expect(res.body.status).toBe('closed');
    expect(res.body.closedAt).not.toBeNull();
    expect(res.body.revision).toBe(2);
    expect(await ResultModel.countDocuments()).toBe(10);
    expect(await UnitCalibrationModel.countDocuments()).toBe(2);

    const [a, b] = units;
    const report = CadreResultSchema.parse(toCadreResult((await readStoredResult(`${cycleId}:${a!.cadres[0]!.cadre._id}`))!));
    expect(report.total).toBe(totalFor(95));
    expect(report.bandGrade).toBe('优秀');
    expect(report.proposedGrade).toBe('称职');
    expect(report.quotaNote).toContain('与 2 名同分，超出优秀名额');
    expect(report.rankInUnit).toBe(1);
    expect(report.unitSize).toBe(5);
    expect(report.unitAverages.find((d) => d.dimensionId === 'performance')!.score).toBe(88);
    const peer = report.dimensions[0]!.indicators[0]!.groups.find((g) => g.group === 'peer')!;
    expect(peer).toEqual(jasmine.objectContaining({ responses: 5, shown: true, used: [95, 95, 95], trimmed: [95, 95] }));

    const unitA = UnitCalibrationSchema.parse({ ...(await UnitCalibrationModel.findById(`${cycleId}:${a!.unit._id}`).lean()), distribution: { 优秀: 0, 称职: 0, 基本称职: 0, 不称职: 0 } });
    expect(unitA.rows.map((r) => [r.rank, r.proposedGrade])).toEqual([[1, '称职'], [1, '称职'], [1, '称职'], [4, '称职'], [5, '基本称职']]);
    expect(unitA.excellentCap).toBe(1);
    const unitB = await client.get(`/api/cycles/${cycleId}/calibration/${b!.unit._id}`).expect(200);
    expect(unitB.body.distribution).toEqual({ 优秀: 1, 称职: 3, 基本称职: 0, 不称职: 1 });

    const [audit] = await AuditModel.find({ action: 'cycle.close' }).lean();
    expect(audit).toEqual(jasmine.objectContaining({ objectId: cycleId, result: 'success' }));
    expect(audit!.detail).toEqual(jasmine.objectContaining({ scored: 10, unscored: 0, units: 2 }));
  });

  it('is started again after a crash midway: the cycle stayed open, and the second close overwrites rather than duplicates', async () => {
    const { cycleId } = await anOpenCycle([{ name: '甲街道', ratings: [95, 85, 70] }, { name: '乙街道', ratings: [85] }]);
    const client = await assessor();
    const insertMany = UnitCalibrationModel.collection.insertMany.bind(UnitCalibrationModel.collection);
    const crash = spyOn(UnitCalibrationModel.collection, 'insertMany').and.rejectWith(new Error('process killed'));
    await client.post(`/api/cycles/${cycleId}/close`, { revision: 0 }).expect(500);
    let cycle = await CycleModel.findById(cycleId).lean();
    expect(cycle!.status).toBe('open');
    expect(await ResultModel.countDocuments()).toBe(4);
    expect(await UnitCalibrationModel.countDocuments()).toBe(0);

    crash.and.callFake(insertMany as never);
    const res = await client.post(`/api/cycles/${cycleId}/close`, { revision: (cycle as unknown as { revision: number }).revision }).expect(200);
    expect(res.body.status).toBe('closed');
    expect(await ResultModel.countDocuments()).toBe(4);
    expect(await UnitCalibrationModel.countDocuments()).toBe(2);
    cycle = await CycleModel.findById(cycleId).lean();
    expect(cycle!.status).toBe('closed');
  });

  it('lets one of two simultaneous closes win; the other gets 409 and writes nothing of its own', async () => {
    const { cycleId } = await anOpenCycle([{ name: '甲街道', ratings: [95, 85, 70, 60] }]);
    const client = await assessor();
    const other = await assessor();
    const statuses = (await Promise.all([client, other].map((c) => c.post(`/api/cycles/${cycleId}/close`, { revision: 0 })))).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 409]);
    expect(await ResultModel.countDocuments()).toBe(4);
    expect(await AuditModel.countDocuments({ action: 'cycle.close' })).toBe(1);
  });

  it('refuses a cycle that is not open, and a stale revision, with 409', async () => {
    const draft = await anOpenCycle([{ name: '甲街道', ratings: [85] }], { status: 'draft' });
    const client = await assessor();
    const refused = await client.post(`/api/cycles/${draft.cycleId}/close`, { revision: 0 }).expect(409);
    expect(refused.body.detail).toBe('只能结束测评中的考核（当前：筹备中）');
    await CycleModel.updateOne({ _id: draft.cycleId }, { $set: { status: 'open' } });
    const stale = await client.post(`/api/cycles/${draft.cycleId}/close`, { revision: 5 }).expect(409);
    expect(stale.body.detail).toContain('请刷新后重试');
    expect(await ResultModel.countDocuments()).toBe(0);
  });

  it('is for assessors and org_admin only (403 for a unit manager or a cadre)', async () => {
    const { cycleId, units } = await anOpenCycle([{ name: '甲街道', ratings: [85] }]);
    for (const { client } of [await signedInAs(app, ['unit_manager'], { unitId: String(units[0]!.unit._id) }), await signedInAs(app, ['cadre'], { cadreId: String(units[0]!.cadres[0]!.cadre._id) })]) {
      await client.post(`/api/cycles/${cycleId}/close`, { revision: 0 }).expect(403);
    }
    expect((await CycleModel.findById(cycleId).lean())!.status).toBe('open');
  });
});
