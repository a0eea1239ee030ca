import { createTestApp } from '../test/test-app.js';
import { signedInAs } from '../test/test-client.js';
import { AuditModel } from '../audit/audit.model.js';
import { AssignmentModel, CycleModel, FrameworkVersionModel, RaterTasksModel } from './evaluation.models.js';
import { CycleRosterModel } from './assignment-store.js';
import { aCycleInput, anEvaluationDistrict, theDefaultFrameworkId } from './evaluation-fixtures.js';

describe('assessment cycles', () => {
  const app = createTestApp({ AUTH_RATE_LIMIT_MAX: '1000' });

  async function setUp() {
    const district = await anEvaluationDistrict();
    const frameworkId = await theDefaultFrameworkId();
    const { client: assessor } = await signedInAs(app, ['assessor']);
    return { ...district, frameworkId, assessor };
  }

  const byGroup = (raters: { raterId: string; group: string }[], group: string) => raters.filter((r) => r.group === group).map((r) => r.raterId).sort();

  it('creates a draft over the whole district with one assignment per ratee and one task document per rater', async () => {
    const { frameworkId, assessor, cadres } = await setUp();
    const res = await assessor.post('/api/cycles', aCycleInput(frameworkId)).expect(201);
    expect(res.body).toEqual(jasmine.objectContaining({ status: 'draft', frameworkName: '江北区干部能力现代化水平评价体系', frameworkVersion: 1, revision: 0, launchedAt: null }));
    const assignments = await AssignmentModel.find().lean();
    expect(assignments.length).toBe(9);
    expect(res.body.counts.population).toBe(9);
    expect(res.body.counts.assignments).toBe(assignments.reduce((sum, a) => sum + a.raters.length, 0));
    const raterDocs = await RaterTasksModel.find().lean();
    expect(res.body.counts.raters).toBe(raterDocs.length);
    expect(raterDocs.reduce((sum, d) => sum + d.tasks.length, 0)).toBe(res.body.counts.assignments);

    const id = (c: { _id: unknown }) => String(c._id);
    const vice = assignments.find((a) => a._id === `${res.body.id}:${id(cadres.vice1)}`)!;
    expect(vice).toEqual(jasmine.objectContaining({ cadreName: '发改委副主任甲', unitName: '发改委', tier: '部门', category: '综合管理类' }));
    expect(byGroup(vice.raters, 'superior')).toEqual([id(cadres.director)]);
    expect(byGroup(vice.raters, 'peer')).toEqual([id(cadres.vice2)]);
    expect(byGroup(vice.raters, 'subordinate')).toEqual([id(cadres.clerk)]);
    expect(byGroup(vice.raters, 'service_recipient')).toEqual([id(cadres.secretary), id(cadres.streetVice), id(cadres.streetClerk)].sort());
    expect(byGroup(vice.raters, 'self')).toEqual([id(cadres.vice1)]);
    const directorTasks = raterDocs.find((d) => d._id === `${res.body.id}:${id(cadres.director)}`)!;
    expect(directorTasks.tasks.map((t) => `${t.rateeName}/${t.group}/${t.state}`)).toContain('发改委副主任甲/superior/pending');
    const rosters = await CycleRosterModel.find().lean();
    expect(rosters.map((r) => [r._id.split(':')[1], r.ids.length]).sort()).toEqual([['ratees', 9], ['raters', raterDocs.length]]);
    expect((await CycleModel.findById(res.body.id).lean())!.unitIds.length).toBe(3);
    expect(await AuditModel.countDocuments({ action: 'cycle.create', result: 'success' })).toBe(1);
  });

  it('narrows the population by unit subtree, tier and category', async () => {
    const { frameworkId, assessor, street } = await setUp();
    const population = async (p: object) => (await assessor.post('/api/cycles', aCycleInput(frameworkId, { population: { unitIds: [], tiers: [], categories: [], ...p } })).expect(201)).body.counts.population;
    expect(await population({ unitIds: [String(street._id)] })).toBe(3);
    expect(await population({ tiers: ['街镇'] })).toBe(3);
    expect(await population({ categories: ['专业技术类'] })).toBe(1);
  });

  const refusals: Array<[string, (ids: { frameworkId: string; draftId: string }) => object, string, string]> = [
    ['a framework version that does not exist', () => ({ frameworkVersionId: '0123456789abcdef01234567' }), 'body.frameworkVersionId', '评价体系版本不存在'],
    ['an unpublished framework version', ({ draftId }) => ({ frameworkVersionId: draftId }), 'body.frameworkVersionId', '只能使用已发布的评价体系版本'],
    ['a unit that does not exist', () => ({ population: { unitIds: ['0123456789abcdef01234567'], tiers: [], categories: [] } }), 'body.population.unitIds.0', '该单位不存在或已删除'],
    ['a population nobody matches', () => ({ population: { unitIds: [], tiers: ['街镇'], categories: ['行政执法类'] } }), 'body.population', '没有符合条件的干部'],
    ['rater weights not summing to 100', () => ({ raterGroups: [{ group: 'peer', weight: 50, minResponses: 3, anonymous: true }] }), 'body.raterGroups', '评价主体权重合计应为 100，当前为 50'],
  ];
  for (const [what, overrides, path, message] of refusals) {
    it(`refuses ${what} with 400 naming ${path}, writing nothing`, async () => {
      const { frameworkId, assessor } = await setUp();
      const draft = await FrameworkVersionModel.create({ frameworkId: '0123456789abcdef01234568', version: 1, status: 'draft', name: '草稿', dimensions: [], gradeBands: {}, createdBy: 'x' });
      const res = await assessor.post('/api/cycles', aCycleInput(frameworkId, overrides({ frameworkId, draftId: String(draft._id) }))).expect(400);
      expect(res.body.errors).toContain({ path, message });
      expect(await CycleModel.countDocuments()).toBe(0);
      expect(await AssignmentModel.countDocuments()).toBe(0);
    });
  }

  it('plans a draft again when it is edited: the old assignments and tasks are gone, the new ones written', async () => {
    const { frameworkId, assessor, street } = await setUp();
    const created = (await assessor.post('/api/cycles', aCycleInput(frameworkId)).expect(201)).body;
    const input = aCycleInput(frameworkId, { name: '甲街道年度考核', population: { unitIds: [String(street._id)], tiers: [], categories: [] } });
    await assessor.put(`/api/cycles/${created.id}`, { revision: created.revision + 1, input }).expect(409);
    const res = await assessor.put(`/api/cycles/${created.id}`, { revision: created.revision, input }).expect(200);
    expect(res.body).toEqual(jasmine.objectContaining({ name: '甲街道年度考核', revision: 1 }));
    expect(res.body.counts.population).toBe(3);
    expect((await AssignmentModel.find().lean()).map((a) => a.cadreName).sort()).toEqual(['甲街道书记', '甲街道副主任', '甲街道科员'].sort());
    const raterDocs = await RaterTasksModel.find().lean();
    expect(raterDocs.length).toBe(res.body.counts.raters);
    expect(raterDocs.flatMap((d) => d.tasks).length).toBe(res.body.counts.assignments);
  });

  it('runs create → launch → remind: launching locks the framework version, reminders reach raters with forms to fill', async () => {
    const { frameworkId, assessor, cadres } = await setUp();
    const created = (await assessor.post('/api/cycles', aCycleInput(frameworkId)).expect(201)).body;
    await assessor.post(`/api/cycles/${created.id}/reminders`, { revision: created.revision }).expect(409);
    const launched = (await assessor.post(`/api/cycles/${created.id}/launch`, { revision: created.revision }).expect(200)).body;
    expect(launched).toEqual(jasmine.objectContaining({ status: 'open', revision: created.revision + 1 }));
    expect(launched.launchedAt).not.toBeNull();
    expect((await FrameworkVersionModel.findById(frameworkId).lean())!.locked).toBeTrue();
    const again = await assessor.post(`/api/cycles/${created.id}/launch`, { revision: launched.revision }).expect(409);
    expect(again.body.detail).toContain('只有筹备中的考核才能启动');
    await assessor.put(`/api/cycles/${created.id}`, { revision: launched.revision, input: aCycleInput(frameworkId) }).expect(409);

    const reminded = (await assessor.post(`/api/cycles/${created.id}/reminders`, { revision: launched.revision }).expect(200)).body;
    expect(reminded.remindedAt.length).toBe(1);
    const raterDocs = await RaterTasksModel.find().lean();
    expect(raterDocs.every((d) => d.remindedAt !== null)).toBeTrue();

    const { client: clerk } = await signedInAs(app, ['cadre'], { cadreId: String(cadres.clerk._id) });
    const tasks = (await clerk.get('/api/my/rating-tasks').expect(200)).body;
    expect(tasks.remindedAt).toBe(reminded.remindedAt[0]);
    expect(tasks.items.length).toBeGreaterThan(0);
    expect(tasks.items.every((t: { cycleName: string; state: string }) => t.cycleName === '2026年度考核' && t.state === 'pending')).toBeTrue();
    expect(tasks.items.find((t: { group: string }) => t.group === 'self')).toEqual(jasmine.objectContaining({ rateeName: '发改委科员', anonymous: false }));

    const listed = (await assessor.get('/api/cycles?status=open').expect(200)).body;
    expect(listed.total).toBe(1);
    expect(listed.items[0]).toEqual(jasmine.objectContaining({ id: created.id, status: 'open' }));
    expect((await assessor.get('/api/cycles?status=draft').expect(200)).body.total).toBe(0);
  });

  it('lets exactly one of two simultaneous launches through; the other gets 409', async () => {
    const { frameworkId, assessor } = await setUp();
    const { client: other } = await signedInAs(app, ['org_admin']);
    const created = (await assessor.post('/api/cycles', aCycleInput(frameworkId)).expect(201)).body;
    const results = await Promise.all([assessor, other].map((client) => client.post(`/api/cycles/${created.id}/launch`, { revision: created.revision })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(((await CycleModel.findById(created.id).lean()) as unknown as { revision: number }).revision).toBe(created.revision + 1);
    expect(await AuditModel.countDocuments({ action: 'cycle.launch', result: 'success' })).toBe(1);
  });

  it('lists and shows assignments, filtered by unit and name, with participation only', async () => {
    const { frameworkId, assessor, bureau, cadres } = await setUp();
    const created = (await assessor.post('/api/cycles', aCycleInput(frameworkId)).expect(201)).body;
    const all = (await assessor.get(`/api/cycles/${created.id}/assignments?size=5`).expect(200)).body;
    expect(all.total).toBe(9);
    expect(all.items.length).toBe(5);
    const inBureau = (await assessor.get(`/api/cycles/${created.id}/assignments?unitId=${bureau._id}`).expect(200)).body;
    expect(inBureau.items.map((i: { cadreName: string }) => i.cadreName).sort()).toEqual(['发改委主任', '发改委副主任乙', '发改委副主任甲', '发改委科员'].sort());
    const named = (await assessor.get(`/api/cycles/${created.id}/assignments?q=${encodeURIComponent('副主任甲')}`).expect(200)).body;
    expect(named.items.map((i: { cadreName: string }) => i.cadreName)).toEqual(['发改委副主任甲']);
    expect(named.items[0].raterCounts).toEqual({ superior: 1, peer: 1, subordinate: 1, service_recipient: 3, self: 1 });
    const one = (await assessor.get(`/api/cycles/${created.id}/assignments/${cadres.vice1._id}`).expect(200)).body;
    expect(one.raters.length).toBe(7);
    expect(one.raters.every((r: { submitted: boolean }) => r.submitted === false)).toBeTrue();
    await assessor.get(`/api/cycles/${created.id}/assignments/0123456789abcdef01234567`).expect(404);
  });

  it('edits the raters of a cadre on both sides, under the assignment’s revision', async () => {
    const { frameworkId, assessor, cadres } = await setUp();
    const created = (await assessor.post('/api/cycles', aCycleInput(frameworkId)).expect(201)).body;
    const path = `/api/cycles/${created.id}/assignments/${cadres.vice1._id}`;
    const head = String(cadres.head._id);
    const clerk = String(cadres.clerk._id);
    const edited = (await assessor.patch(path, { revision: 0, add: [{ raterId: head, group: 'superior' }], remove: [{ raterId: clerk, group: 'subordinate' }] }).expect(200)).body;
    expect(byGroup(edited.raters, 'superior')).toEqual([String(cadres.director._id), head].sort());
    expect(byGroup(edited.raters, 'subordinate')).toEqual([]);
    expect(edited.revision).toBe(1);
    const headTasks = await RaterTasksModel.findById(`${created.id}:${head}`).lean();
    expect(headTasks!.tasks!.some((t) => t.rateeId === String(cadres.vice1._id) && t.group === 'superior')).toBeTrue();
    const clerkTasks = await RaterTasksModel.findById(`${created.id}:${clerk}`).lean();
    expect(clerkTasks!.tasks!.some((t) => t.rateeId === String(cadres.vice1._id))).toBeFalse();
    const cycle = await CycleModel.findById(created.id).lean();
    expect(cycle!.counts!.assignments).toBe(created.counts.assignments);

    await assessor.patch(path, { revision: 0, add: [], remove: [] }).expect(409);
    const twice = await assessor.patch(path, { revision: 1, add: [{ raterId: head, group: 'peer' }] }).expect(400);
    expect(twice.body.errors[0].message).toBe('该干部已是此干部的评价人');
    const notSelf = await assessor.patch(path, { revision: 1, add: [{ raterId: clerk, group: 'self' }] }).expect(400);
    expect(notSelf.body.errors[0].message).toBe('本人评价只能由被评价干部本人填写');
  });

  it('is for the organization department and assessors only: unit managers and cadres get 403 on every cycle route', async () => {
    const { frameworkId, assessor, bureau, cadres } = await setUp();
    const created = (await assessor.post('/api/cycles', aCycleInput(frameworkId)).expect(201)).body;
    const { client: manager } = await signedInAs(app, ['unit_manager'], { unitId: String(bureau._id) });
    const { client: cadre } = await signedInAs(app, ['cadre'], { cadreId: String(cadres.vice1._id) });
    for (const client of [manager, cadre]) {
      await client.get('/api/cycles').expect(403);
      await client.get(`/api/cycles/${created.id}`).expect(403);
      await client.post('/api/cycles', aCycleInput(frameworkId)).expect(403);
      await client.post(`/api/cycles/${created.id}/launch`, { revision: 0 }).expect(403);
      await client.get(`/api/cycles/${created.id}/assignments`).expect(403);
      await client.patch(`/api/cycles/${created.id}/assignments/${cadres.vice1._id}`, { revision: 0 }).expect(403);
    }
    expect((await CycleModel.findById(created.id).lean())!.status).toBe('draft');
  });
});
