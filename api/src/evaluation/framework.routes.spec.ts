import { DEFAULT_FRAMEWORK, FrameworkContentSchema, type FrameworkContent } from '@cadre/shared-models';
import { createTestApp } from '../test/test-app.js';
import { signedInAs } from '../test/test-client.js';
import { AuditModel } from '../audit/audit.model.js';
import { FrameworkVersionModel } from './evaluation.models.js';
import { ensureDefaultFramework, FRAMEWORK_IN_USE_MESSAGE } from './framework.service.js';
import { aCycleInput, anEvaluationDistrict } from './evaluation-fixtures.js';

const CONTENT: FrameworkContent = FrameworkContentSchema.parse(DEFAULT_FRAMEWORK);

function withName(name: string): FrameworkContent {
  return { ...CONTENT, name };
}

describe('evaluation frameworks', () => {
  const app = createTestApp({ AUTH_RATE_LIMIT_MAX: '1000' });
  const admin = async () => (await signedInAs(app, ['org_admin'])).client;

  it('seeds the default framework once, as published version 1', async () => {
    await ensureDefaultFramework();
    await ensureDefaultFramework();
    const versions = await FrameworkVersionModel.find().lean();
    expect(versions.length).toBe(1);
    expect(versions[0]).toEqual(jasmine.objectContaining({ version: 1, status: 'published', locked: false, name: CONTENT.name }));
    const list = (await (await admin()).get('/api/frameworks').expect(200)).body;
    expect(list.items.map((v: { name: string; status: string }) => [v.name, v.status])).toEqual([[CONTENT.name, 'published']]);
  });

  it('creates a draft, edits it at its revision, refuses a stale revision, publishes it and then refuses edits', async () => {
    const client = await admin();
    const draft = (await client.post('/api/frameworks', { content: withName('街镇干部评价体系') }).expect(201)).body;
    expect(draft).toEqual(jasmine.objectContaining({ version: 1, status: 'draft', locked: false, revision: 0, name: '街镇干部评价体系', publishedAt: null }));
    const edited = (await client.put(`/api/framework-versions/${draft.id}`, { revision: 0, content: withName('街镇干部评价体系（修订）') }).expect(200)).body;
    expect(edited).toEqual(jasmine.objectContaining({ revision: 1, name: '街镇干部评价体系（修订）' }));
    const stale = await client.put(`/api/framework-versions/${draft.id}`, { revision: 0, content: withName('过期的修改') }).expect(409);
    expect(stale.body).toEqual(jasmine.objectContaining({ code: 'stale_revision', detail: '该版本已被他人修改，请刷新后重试' }));
    expect(stale.body.current.name).toBe('街镇干部评价体系（修订）');

    const published = (await client.post(`/api/framework-versions/${draft.id}/publish`, { revision: 1 }).expect(200)).body;
    expect(published).toEqual(jasmine.objectContaining({ status: 'published', revision: 2 }));
    expect(published.publishedAt).not.toBeNull();
    const refused = await client.put(`/api/framework-versions/${draft.id}`, { revision: 2, content: withName('发布后修改') }).expect(409);
    expect(refused.body.code).toBe('framework_published');
    await client.post(`/api/framework-versions/${draft.id}/publish`, { revision: 2 }).expect(409);
    expect((await FrameworkVersionModel.findById(draft.id).lean())!.name).toBe('街镇干部评价体系（修订）');
    expect(await AuditModel.countDocuments({ action: 'framework.update', result: 'success' })).toBe(1);
    expect(await AuditModel.countDocuments({ action: 'framework.update', result: 'denied' })).toBe(2);
  });

  it('copies a version into the next draft of the same framework', async () => {
    const client = await admin();
    const first = (await client.post('/api/frameworks', { content: CONTENT }).expect(201)).body;
    await client.post(`/api/framework-versions/${first.id}/publish`, { revision: 0 }).expect(200);
    const next = (await client.post(`/api/framework-versions/${first.id}/next-version`).expect(201)).body;
    expect(next).toEqual(jasmine.objectContaining({ frameworkId: first.frameworkId, version: 2, status: 'draft', name: CONTENT.name }));
    expect(next.dimensions).toEqual(first.dimensions);
    const third = (await client.post(`/api/framework-versions/${first.id}/next-version`).expect(201)).body;
    expect(third.version).toBe(3);
    const list = (await client.get('/api/frameworks').expect(200)).body;
    expect(list.items.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
  });

  it('never changes a version a cycle has used: any edit gets 409 “该版本已被考核使用，不能修改”', async () => {
    await anEvaluationDistrict();
    const client = await admin();
    const version = (await client.post('/api/frameworks', { content: CONTENT }).expect(201)).body;
    await client.post(`/api/framework-versions/${version.id}/publish`, { revision: 0 }).expect(200);
    const cycle = (await client.post('/api/cycles', aCycleInput(version.id)).expect(201)).body;
    await client.post(`/api/cycles/${cycle.id}/launch`, { revision: cycle.revision }).expect(200);
    const locked = (await client.get(`/api/framework-versions/${version.id}`).expect(200)).body;
    expect(locked.locked).toBeTrue();
    for (const attempt of [
      () => client.put(`/api/framework-versions/${version.id}`, { revision: locked.revision, content: withName('改') }),
      () => client.post(`/api/framework-versions/${version.id}/publish`, { revision: locked.revision }),
    ]) {
      const res = await attempt().expect(409);
      expect(res.body.detail).toBe(FRAMEWORK_IN_USE_MESSAGE);
    }
  });

  const invalid: Array<[string, (c: FrameworkContent) => object, string]> = [
    ['dimension weights not summing to 100', (c) => ({ ...c, dimensions: c.dimensions.map((d, i) => (i === 0 ? { ...d, weight: d.weight + 1 } : d)) }), 'body.content.dimensions'],
    ['a duplicate indicator id', (c) => ({ ...c, dimensions: c.dimensions.map((d, i) => (i === 1 ? { ...d, indicators: d.indicators.map((x, j) => (j === 0 ? { ...x, id: c.dimensions[0]!.indicators[0]!.id } : x)) } : d)) }), 'body.content.dimensions.1.indicators.0.id'],
    ['grade bands out of order', (c) => ({ ...c, gradeBands: { 优秀: 70, 称职: 75, 基本称职: 60 } }), 'body.content.gradeBands'],
    ['a name with a right-to-left override', (c) => ({ ...c, name: '评价\u202E体系' }), 'body.content.name'],
    ['a name over 60 characters', (c) => ({ ...c, name: '长'.repeat(61) }), 'body.content.name'],
  ];
  for (const [what, change, path] of invalid) {
    it(`refuses ${what} with 400 naming ${path}`, async () => {
      const res = await (await admin()).post('/api/frameworks', { content: change(CONTENT) }).expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(await FrameworkVersionModel.countDocuments()).toBe(0);
    });
  }

  it('lets assessors read frameworks but not write them; other roles get 403', async () => {
    await ensureDefaultFramework();
    const [version] = await FrameworkVersionModel.find().lean();
    const { client: assessor } = await signedInAs(app, ['assessor']);
    await assessor.get('/api/frameworks').expect(200);
    await assessor.get(`/api/framework-versions/${version!._id}`).expect(200);
    await assessor.post('/api/frameworks', { content: CONTENT }).expect(403);
    await assessor.post(`/api/framework-versions/${version!._id}/next-version`).expect(403);
    for (const role of ['unit_manager', 'cadre', 'reviewer', 'sys_admin'] as const) {
      const { client } = await signedInAs(app, [role]);
      await client.get('/api/frameworks').expect(403);
      await client.get(`/api/framework-versions/${version!._id}`).expect(403);
    }
  });
});
