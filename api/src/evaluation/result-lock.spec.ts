import { AssessmentHistorySchema } from '@cadre/shared-models';
import { AuditModel } from '../audit/audit.model.js';
import { createTestApp } from '../test/test-app.js';
import { signedInAs } from '../test/test-client.js';
import { AssessmentHistoryModel, CycleModel, ProposalModel, UnitCalibrationModel } from './evaluation.models.js';
import { readStoredResult, toCadreResult } from './result-store.js';
import { anEarlierResult, anOpenCycle, totalFor } from './result-fixtures.js';

describe('locking a cycle', () => {
  const app = createTestApp({ AUTH_RATE_LIMIT_MAX: '1000' });
  const revisionOf = async (cycleId: string) => ((await CycleModel.findById(cycleId).lean()) as unknown as { revision: number }).revision;

  /** 甲街道 of five, closed: 优秀, 称职, 称职, 基本称职, 不称职 proposed. */
  async function aClosedCycle() {
    const setup = await anOpenCycle([{ name: '甲街道', ratings: [95, 85, 85, 70, 50] }]);
    const { client } = await signedInAs(app, ['assessor']);
    await client.post(`/api/cycles/${setup.cycleId}/close`, { revision: 0 }).expect(200);
    return { ...setup, client, ids: setup.cadres.map((c) => String(c._id)) };
  }

  it('fixes the final grades and appends each cadre’s history entry, newest first, with the rank as a percentile', async () => {
    const { client, cycleId, ids } = await aClosedCycle();
    await anEarlierResult(ids[0]!, 2025, '称职');
    const res = await client.post(`/api/cycles/${cycleId}/lock`, { revision: await revisionOf(cycleId) }).expect(200);
    expect(res.body.status).toBe('locked');
    expect(res.body.lockedAt).not.toBeNull();

    const report = toCadreResult((await readStoredResult(`${cycleId}:${ids[0]}`))!);
    expect(report).toEqual(jasmine.objectContaining({ finalGrade: '优秀', locked: true }));
    expect((await UnitCalibrationModel.findById(`${cycleId}:${report.unitId}`).lean())!.locked).toBeTrue();
    const history = AssessmentHistorySchema.parse({ cadreId: ids[0], ...(await AssessmentHistoryModel.findById(ids[0]).lean()) });
    expect(history.entries.map((e) => [e.year, e.grade])).toEqual([[2026, '优秀'], [2025, '称职']]);
    expect(history.entries[0]).toEqual(jasmine.objectContaining({ cycleId, total: totalFor(95), rankPercentile: 20 }));
    expect(history.entries[0]!.dimensions.length).toBe(7);
    const last = (await AssessmentHistoryModel.findById(ids[4]).lean())!.entries;
    expect(last.map((e: { rankPercentile: number }) => e.rankPercentile)).toEqual([100]);
    const [audit] = await AuditModel.find({ action: 'cycle.lock' }).lean();
    expect(audit).toEqual(jasmine.objectContaining({ objectId: cycleId, result: 'success' }));
  });

  it('proposes adjustments by the rules: 基本称职 two years running and 不称职 once; nothing happens to the cadres themselves', async () => {
    const { client, cycleId, ids } = await aClosedCycle();
    await anEarlierResult(ids[3]!, 2025, '基本称职');
    await anEarlierResult(ids[1]!, 2024, '基本称职');
    await client.post(`/api/cycles/${cycleId}/lock`, { revision: await revisionOf(cycleId) }).expect(200);
    const proposals = await ProposalModel.find().lean();
    expect(proposals.map((p) => [p._id, p.ruleId, p.basis, p.status]).sort()).toEqual(
      [
        [`${cycleId}:${ids[3]}:basic_twice`, 'basic_twice', '2025年 基本称职；2026年 基本称职', 'pending'],
        [`${cycleId}:${ids[4]}:unfit_once`, 'unfit_once', '2026年 不称职', 'pending'],
      ].sort(),
    );
    const list = await client.get(`/api/adjustment-proposals?cycleId=${cycleId}&status=pending`).expect(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((p: { cadreName: string }) => p.cadreName).sort()).toEqual(['甲街道干部4', '甲街道干部5']);
  });

  it('started again after dying midway, overwrites its history entries and leaves proposals already made (and decided) as they are', async () => {
    const { client, cycleId, ids } = await aClosedCycle();
    const insertMany = ProposalModel.collection.insertMany.bind(ProposalModel.collection);
    const crash = spyOn(ProposalModel.collection, 'insertMany').and.rejectWith(new Error('process killed'));
    await client.post(`/api/cycles/${cycleId}/lock`, { revision: await revisionOf(cycleId) }).expect(500);
    expect((await CycleModel.findById(cycleId).lean())!.status).toBe('closed');
    crash.and.callFake(insertMany as never);
    // A proposal of the dead run, already decided, must survive the second run.
    await ProposalModel.collection.insertOne({ _id: `${cycleId}:${ids[4]}:unfit_once` as never, status: 'accepted', basis: '人工记录', cycleId, revision: 1 });
    await client.post(`/api/cycles/${cycleId}/lock`, { revision: await revisionOf(cycleId) }).expect(200);
    expect((await AssessmentHistoryModel.findById(ids[0]).lean())!.entries.length).toBe(1);
    expect(await AssessmentHistoryModel.countDocuments()).toBe(5);
    const kept = await ProposalModel.collection.findOne({ _id: `${cycleId}:${ids[4]}:unfit_once` as never });
    expect(kept!['status']).toBe('accepted');
  });

  it('refuses a cycle that is not closed, and is for assessors and org_admin only', async () => {
    const { cycleId, units } = await anOpenCycle([{ name: '甲街道', ratings: [85] }]);
    const { client } = await signedInAs(app, ['org_admin']);
    const refused = await client.post(`/api/cycles/${cycleId}/lock`, { revision: 0 }).expect(409);
    expect(refused.body.detail).toBe('只能锁定校准中的考核（当前：测评中）');
    const manager = (await signedInAs(app, ['unit_manager'], { unitId: String(units[0]!.unit._id) })).client;
    await manager.post(`/api/cycles/${cycleId}/lock`, { revision: 0 }).expect(403);
  });
});

describe('adjustment proposals and rules', () => {
  const app = createTestApp({ AUTH_RATE_LIMIT_MAX: '1000' });

  async function aProposal() {
    const setup = await anOpenCycle([{ name: '甲街道', ratings: [85, 50] }]);
    const { client } = await signedInAs(app, ['org_admin']);
    await client.post(`/api/cycles/${setup.cycleId}/close`, { revision: 0 }).expect(200);
    await client.post(`/api/cycles/${setup.cycleId}/lock`, { revision: 2 }).expect(200);
    return { client, id: `${setup.cycleId}:${setup.cadres[1]!._id}:unfit_once` };
  }

  it('org_admin decides a pending proposal with a reason, once; audited', async () => {
    const { client, id } = await aProposal();
    const res = await client.post(`/api/adjustment-proposals/${id}/decision`, { decision: 'accepted', reason: '经部务会研究，启动调整程序' }).expect(200);
    expect(res.body).toEqual(jasmine.objectContaining({ id, status: 'accepted', decisionReason: '经部务会研究，启动调整程序' }));
    const again = await client.post(`/api/adjustment-proposals/${id}/decision`, { decision: 'rejected', reason: '再次处理试试看' }).expect(409);
    expect(again.body.detail).toBe('该建议已采纳，只能处理待处理的建议');
    const [audit] = await AuditModel.find({ action: 'proposal.decide' }).lean();
    expect(audit!.detail).toEqual(jasmine.objectContaining({ changes: { status: { before: 'pending', after: 'accepted' } }, reason: '经部务会研究，启动调整程序' }));
    const pending = await client.get('/api/adjustment-proposals?status=pending').expect(200);
    expect(pending.body.total).toBe(0);
  });

  const hostile: Array<[string, string]> = [
    ['10,000 characters', '理'.repeat(10_000)],
    ['a lone surrogate', `决定理由\uDC00说明`],
  ];
  for (const [what, reason] of hostile) {
    it(`refuses a decision reason of ${what} with a Chinese 400 naming body.reason, and decides nothing`, async () => {
      const { client, id } = await aProposal();
      const res = await client.post(`/api/adjustment-proposals/${id}/decision`, { decision: 'accepted', reason }).expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.reason']);
      expect(res.body.errors[0].message).toMatch(/[\u4e00-\u9fff]/);
      expect((await ProposalModel.findById(id).lean())!.status).toBe('pending');
    });
  }

  it('is decided by org_admin only: an assessor reads proposals but gets 403 deciding', async () => {
    const { id } = await aProposal();
    const { client } = await signedInAs(app, ['assessor']);
    expect((await client.get('/api/adjustment-proposals').expect(200)).body.total).toBe(1);
    await client.post(`/api/adjustment-proposals/${id}/decision`, { decision: 'accepted', reason: '评估人员越权处理' }).expect(403);
    await client.put('/api/adjustment-rules', { revision: 0, rules: [] }).expect(403);
  });

  it('serves the default rules until org_admin saves others against the revision read; audited with old and new', async () => {
    const { client } = await signedInAs(app, ['org_admin']);
    const defaults = await client.get('/api/adjustment-rules').expect(200);
    expect(defaults.body.revision).toBe(0);
    expect(defaults.body.rules.map((r: { id: string }) => r.id)).toEqual(['unfit_once', 'basic_twice', 'top_ten_twice']);
    const rules = [{ id: 'basic_three', description: '连续三年基本称职', grades: ['基本称职'], topPercent: null, years: 3, action: 'unfit_review', enabled: true }];
    const saved = await client.put('/api/adjustment-rules', { revision: 0, rules }).expect(200);
    expect(saved.body.revision).toBe(1);
    await client.put('/api/adjustment-rules', { revision: 0, rules }).expect(409);
    expect((await client.get('/api/adjustment-rules').expect(200)).body).toEqual({ revision: 1, rules });
    const [audit] = await AuditModel.find({ action: 'adjustment_rules.update' }).lean();
    expect((audit!.detail!['changes'] as { rules: { before: unknown[]; after: unknown[] } }).rules.after).toEqual(rules);
    const both = await client.put('/api/adjustment-rules', { revision: 1, rules: [{ ...rules[0], grades: ['不称职'], topPercent: 10 }] }).expect(400);
    expect(both.body.errors[0].message).toBe('规则应按等次或按排名百分比二选一');
  });
});
