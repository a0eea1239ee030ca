import { pino } from 'pino';
import type { RatingForm } from '@cadre/shared-models';
import { createTestApp } from '../test/test-app.js';
import { signedInAs, type TestClient } from '../test/test-client.js';
import { AuditModel } from '../audit/audit.model.js';
import { BallotBoxModel, CycleModel, RaterTasksModel } from './evaluation.models.js';
import { castBallot, PendingSubmissionModel } from './ballot-box.js';
import { recoverPendingSubmissions, updateTask } from './rating.service.js';
import { aCycleInput, anEvaluationDistrict, filledScores, theDefaultFrameworkId } from './evaluation-fixtures.js';

describe('rating forms', () => {
  const app = createTestApp({ AUTH_RATE_LIMIT_MAX: '1000' });

  /** An open cycle over the district; the clerk of 发改委 rates 副主任甲 as a subordinate. */
  async function anOpenCycle(options: { launch?: boolean } = {}) {
    const district = await anEvaluationDistrict();
    const frameworkId = await theDefaultFrameworkId();
    const { client: assessor } = await signedInAs(app, ['assessor']);
    let cycle = (await assessor.post('/api/cycles', aCycleInput(frameworkId)).expect(201)).body;
    if (options.launch !== false) cycle = (await assessor.post(`/api/cycles/${cycle.id}/launch`, { revision: cycle.revision }).expect(200)).body;
    const as = async (cadre: { _id: unknown }) => (await signedInAs(app, ['cadre'], { cadreId: String(cadre._id) })).client;
    const { cadres } = district;
    const formPath = (ratee: { _id: unknown }, group: string) => `/api/cycles/${cycle.id}/ratings/${ratee._id}/${group}`;
    return { ...district, assessor, cycle, as, formPath, clerkForm: formPath(cadres.vice1, 'subordinate'), clerk: await as(cadres.clerk) };
  }

  const formOf = async (client: TestClient, path: string): Promise<RatingForm> => (await client.get(path).expect(200)).body;

  it('gives a rater the indicators that apply, with their rubrics, and keeps a draft on their own task only', async () => {
    const { clerk, clerkForm, cycle, cadres } = await anOpenCycle();
    const form = await formOf(clerk, clerkForm);
    expect(form.task).toEqual(jasmine.objectContaining({ cycleId: cycle.id, rateeName: '发改委副主任甲', rateeUnitName: '发改委', group: 'subordinate', anonymous: true, state: 'pending' }));
    expect(form.dimensions.length).toBe(7);
    expect(form.dimensions[0]!.indicators[0]!.rubric.map((level) => level.score)).toEqual([95, 85, 70, 50]);
    expect(form.draft).toBeNull();

    const [first, second] = form.dimensions[0]!.indicators;
    const saved = (await clerk.put(`${clerkForm}/draft`, { scores: { [first!.id]: 85, [second!.id]: null }, comment: '  工作认真  ' }).expect(200)).body;
    expect(saved.draft).toEqual({ scores: { [first!.id]: 85, [second!.id]: null }, comment: '工作认真' });
    expect((await formOf(clerk, clerkForm)).draft).toEqual(saved.draft);
    const tasks = (await clerk.get('/api/my/rating-tasks').expect(200)).body.items;
    expect(tasks.find((t: { rateeId: string }) => t.rateeId === String(cadres.vice1._id)).state).toBe('draft');
    expect(await BallotBoxModel.countDocuments()).toBe(0);

    const wrongScore = await clerk.put(`${clerkForm}/draft`, { scores: { [first!.id]: 90 } }).expect(400);
    expect(wrongScore.body.errors[0]).toEqual({ path: `body.scores.${first!.id}`, message: jasmine.stringContaining('分值应为评分等级之一') });
    const unknown = await clerk.put(`${clerkForm}/draft`, { scores: { no_such_indicator: 95 } }).expect(400);
    expect(unknown.body.errors[0].message).toBe('评价表中没有这个指标');
  });

  it('submits a complete form into the ratee’s ballot box without the rater, once', async () => {
    const { clerk, clerkForm, cycle, cadres } = await anOpenCycle();
    const form = await formOf(clerk, clerkForm);
    const scores = filledScores(form, 1);
    const firstName = form.dimensions[0]!.indicators[0]!.name;
    const incomplete = await clerk.post(clerkForm, { scores: { ...scores, [form.dimensions[0]!.indicators[0]!.id]: null } }).expect(400);
    expect(incomplete.body.detail).toBe(`请为“${firstName}”选择评分等级`);

    await clerk.put(`${clerkForm}/draft`, { scores: {}, comment: '草稿' }).expect(200);
    const submitted = (await clerk.post(clerkForm, { scores, comment: '团结同志' }).expect(200)).body;
    expect(submitted).toEqual(jasmine.objectContaining({ rateeId: String(cadres.vice1._id), group: 'subordinate', state: 'submitted' }));

    const box = await BallotBoxModel.findById(`${cycle.id}:${cadres.vice1._id}`).lean();
    expect(box!.groups).toEqual({ subordinate: [{ scores, comment: '团结同志' }] });
    const raterDoc = await RaterTasksModel.findById(`${cycle.id}:${cadres.clerk._id}`).lean();
    const task = raterDoc!.tasks!.find((t) => t.rateeId === String(cadres.vice1._id))!;
    expect([task.state, task.draft, task.pendingNonce]).toEqual(['submitted', null, null]);
    expect((await CycleModel.findById(cycle.id).lean())!.counts!.submitted).toBe(1);
    expect(await PendingSubmissionModel.countDocuments()).toBe(0);

    const again = await clerk.post(clerkForm, { scores, comment: '' }).expect(409);
    expect(again.body.detail).toBe('已提交，不能重复提交');
    await clerk.put(`${clerkForm}/draft`, { scores: {} }).expect(409);
    expect((await formOf(clerk, clerkForm)).draft).toBeNull();
    expect((await BallotBoxModel.findById(box!._id).lean())!.groups.subordinate.length).toBe(1);

    const audits = await AuditModel.find({ action: 'rating.submit' }).lean();
    expect(audits.length).toBe(1);
    expect(audits[0]).toEqual(jasmine.objectContaining({ objectType: 'cycle', objectId: cycle.id, result: 'success' }));
    expect(audits[0]!.detail).toEqual({ rateeId: String(cadres.vice1._id), group: 'subordinate' });
  });

  it('takes one of two simultaneous submissions of the same form and refuses the other with 409', async () => {
    const { clerk, clerkForm, cycle, cadres } = await anOpenCycle();
    const scores = filledScores(await formOf(clerk, clerkForm));
    const results = await Promise.all([clerk.post(clerkForm, { scores }), clerk.post(clerkForm, { scores })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const box = await BallotBoxModel.findById(`${cycle.id}:${cadres.vice1._id}`).lean();
    expect(box!.groups.subordinate.length).toBe(1);
    expect((await CycleModel.findById(cycle.id).lean())!.counts!.submitted).toBe(1);
  });

  it('keeps every ballot of a group when many raters submit at once', async () => {
    const { cycle, cadres, as, formPath } = await anOpenCycle();
    // Everyone rating 甲街道书记 (superiors, the street's own staff as subordinates, service recipients).
    const assignment = (await (await signedInAs(app, ['assessor'])).client.get(`/api/cycles/${cycle.id}/assignments/${cadres.secretary._id}`).expect(200)).body;
    const raters = await Promise.all(assignment.raters.map(async (r: { raterId: string; group: string }) => ({ ...r, client: await as({ _id: r.raterId }) })));
    await Promise.all(
      raters.map(async (r) => {
        const path = formPath(cadres.secretary, r.group);
        await r.client.post(path, { scores: filledScores(await formOf(r.client, path)) }).expect(200);
      }),
    );
    const box = await BallotBoxModel.findById(`${cycle.id}:${cadres.secretary._id}`).lean();
    const cast = Object.values(box!.groups as Record<string, unknown[]>).reduce((sum, ballots) => sum + ballots.length, 0);
    expect(cast).toBe(raters.length);
    expect((await CycleModel.findById(cycle.id).lean())!.counts!.submitted).toBe(raters.length);
  });

  it('shows a cadre only their own forms: another ratee, another rater’s group or a cycle not yet open is refused', async () => {
    const { clerk, cycle, cadres, as, formPath, assessor } = await anOpenCycle();
    const vice2 = await as(cadres.vice2);
    const peerForm = formPath(cadres.vice1, 'peer');
    await vice2.put(`${peerForm}/draft`, { scores: {}, comment: '同事的草稿' }).expect(200);
    const notMine = await clerk.get(peerForm).expect(404);
    expect(notMine.body.detail).toBe('没有这份评价表');
    await clerk.put(`${peerForm}/draft`, { scores: {} }).expect(404);
    await clerk.get(formPath(cadres.head, 'subordinate')).expect(404);
    await clerk.get(`/api/cycles/0123456789abcdef01234567/ratings/${cadres.vice1._id}/subordinate`).expect(404);
    expect(JSON.stringify((await clerk.get('/api/my/rating-tasks').expect(200)).body)).not.toContain('同事的草稿');
    const denials = await AuditModel.find({ action: 'rating.access', result: 'denied' }).lean();
    expect(denials.map((d) => d.detail)).toEqual(jasmine.arrayContaining([{ rateeId: String(cadres.vice1._id), group: 'peer' }, { rateeId: String(cadres.head._id), group: 'subordinate' }]));

    const { client: admin } = await signedInAs(app, ['org_admin']);
    await admin.get(peerForm).expect(403);
    const draftCycle = (await assessor.post('/api/cycles', aCycleInput(cycle.frameworkVersionId)).expect(201)).body;
    const early = await clerk.get(`/api/cycles/${draftCycle.id}/ratings/${cadres.vice1._id}/subordinate`).expect(409);
    expect(early.body.detail).toBe('考核尚未启动，还不能填写评价表');
  });

  const hostile: Array<[string, unknown, string]> = [
    ['a 10,000-character comment', '评'.repeat(10_000), '评语不超过 500 个字'],
    ['a lone surrogate', '好\ud800', '请求体包含无效的字符编码'],
    ['a right-to-left override', '好\u202e评', '不能包含改变文字方向的控制字符'],
    ['a comment that is not text', { $ne: '' }, 'body.comment'],
  ];
  for (const [what, comment, message] of hostile) {
    it(`refuses ${what} in a comment with a 400 and writes nothing`, async () => {
      const { clerk, clerkForm } = await anOpenCycle();
      const scores = filledScores(await formOf(clerk, clerkForm));
      for (const send of [() => clerk.post(clerkForm, { scores, comment }), () => clerk.put(`${clerkForm}/draft`, { scores, comment })]) {
        const res = await send().expect(400);
        const said = [res.body.detail, ...(res.body.errors ?? []).map((e: { message: string }) => e.message)].join(' ');
        if (typeof comment === 'string') expect(said).toContain(message);
        else expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([message]);
      }
      expect(await BallotBoxModel.countDocuments()).toBe(0);
      expect((await formOf(clerk, clerkForm)).draft).toBeNull();
    });
  }

  it('refuses to remove a rater who has submitted (409), and still removes one who has not', async () => {
    const { clerk, clerkForm, cycle, cadres, assessor } = await anOpenCycle();
    await clerk.post(clerkForm, { scores: filledScores(await formOf(clerk, clerkForm)) }).expect(200);
    const path = `/api/cycles/${cycle.id}/assignments/${cadres.vice1._id}`;
    const before = (await assessor.get(path).expect(200)).body;
    expect(before.raters.filter((r: { submitted: boolean }) => r.submitted).map((r: { raterId: string }) => r.raterId)).toEqual([String(cadres.clerk._id)]);
    const refused = await assessor.patch(path, { revision: before.revision, remove: [{ raterId: String(cadres.clerk._id), group: 'subordinate' }] }).expect(409);
    expect(refused.body.detail).toBe('该下级评价人已提交评价表，不能移除');
    const after = (await assessor.patch(path, { revision: before.revision, remove: [{ raterId: String(cadres.vice2._id), group: 'peer' }] }).expect(200)).body;
    expect(after.raters.some((r: { raterId: string }) => r.raterId === String(cadres.vice2._id))).toBeFalse();
  });

  it('recovers submissions cut short: completes one whose ballot is in the box, undoes one whose ballot is not', async () => {
    const { cycle, cadres } = await anOpenCycle();
    const cycleId = cycle.id as string;
    const inFlight = async (rater: { _id: unknown }, ratee: { _id: unknown }, group: 'subordinate' | 'peer', nonce: string, cast: boolean) => {
      const docId = `${cycleId}:${rater._id}`;
      await PendingSubmissionModel.create({ _id: nonce, cycleId, rateeId: String(ratee._id), group, raterTasksId: docId, startedAt: new Date() });
      expect(await updateTask(docId, String(ratee._id), group, () => true, { pendingNonce: nonce })).toBeTrue();
      if (cast) await castBallot(cycleId, String(ratee._id), group, { scores: { political_loyalty: 95 }, comment: '', nonce });
      return docId;
    };
    const taskOf = async (docId: string, ratee: { _id: unknown }) => (await RaterTasksModel.findById(docId).lean())!.tasks!.find((t) => t.rateeId === String(ratee._id))!;
    const done = await inFlight(cadres.clerk, cadres.vice1, 'subordinate', 'a'.repeat(32), true);
    const undone = await inFlight(cadres.vice2, cadres.vice1, 'peer', 'b'.repeat(32), false);

    await recoverPendingSubmissions(pino({ level: 'silent' }), 0);

    expect((await taskOf(done, cadres.vice1)).state).toBe('submitted');
    expect((await taskOf(done, cadres.vice1)).pendingNonce).toBeNull();
    expect(await taskOf(undone, cadres.vice1)).toEqual(jasmine.objectContaining({ state: 'pending', pendingNonce: null }));
    const box = await BallotBoxModel.findById(`${cycleId}:${cadres.vice1._id}`).lean();
    expect(box!.groups).toEqual({ subordinate: [{ scores: { political_loyalty: 95 }, comment: '' }] });
    expect(await PendingSubmissionModel.countDocuments()).toBe(0);
    expect((await CycleModel.findById(cycleId).lean())!.counts!.submitted).toBe(1);
  });
});
