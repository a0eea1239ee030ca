import { AuditModel } from '../audit/audit.model.js';
import { createTestApp } from '../test/test-app.js';
import { signedInAs } from '../test/test-client.js';
import { LedgerViewModel } from './ledger-views.js';

describe('saved ledger views', () => {
  const app = createTestApp();
  const aView = (name: string, overrides: Record<string, unknown> = {}) => ({
    name,
    filter: { sex: ['女'], tag: ['年轻干部'] },
    sort: 'age',
    direction: 'desc',
    columns: ['name', 'age', 'unitName'],
    ...overrides,
  });

  it('saves a view, lists it by name with its filter filled in, and audits it', async () => {
    const { client, account } = await signedInAs(app, ['org_admin']);
    const created = await client.post('/api/ledger/views', aView('女青年干部')).expect(201);
    await client.post('/api/ledger/views', aView('党外干部', { filter: {} })).expect(201);

    expect(created.body).toEqual(
      jasmine.objectContaining({
        name: '女青年干部',
        sort: 'age',
        direction: 'desc',
        columns: ['name', 'age', 'unitName'],
        filter: { ageBand: [], sex: ['女'], education: [], category: [], postLevel: [], rank: [], tag: ['年轻干部'] },
      }),
    );
    const list = await client.get('/api/ledger/views').expect(200);
    expect(list.body.map((v: { name: string }) => v.name)).toEqual(['党外干部', '女青年干部']);
    expect(await AuditModel.countDocuments({ action: 'ledger_view.create', userId: account.id, objectId: created.body.id })).toBe(1);
  });

  it('keeps views private: others neither list, change nor delete them', async () => {
    const owner = await signedInAs(app, ['org_admin']);
    const view = (await owner.client.post('/api/ledger/views', aView('我的视图')).expect(201)).body;
    const other = await signedInAs(app, ['unit_manager']);

    expect((await other.client.get('/api/ledger/views').expect(200)).body).toEqual([]);
    const put = await other.client.put(`/api/ledger/views/${view.id}`, aView('抢走')).expect(404);
    expect(put.body.detail).toBe('视图不存在');
    await other.client.delete(`/api/ledger/views/${view.id}`).expect(404);

    expect((await LedgerViewModel.findById(view.id).lean())!.name).toBe('我的视图');
    expect(await AuditModel.countDocuments({ action: 'ledger_view.update', result: 'denied', userId: other.account.id })).toBe(1);
    expect(await AuditModel.countDocuments({ action: 'ledger_view.delete', result: 'denied', userId: other.account.id })).toBe(1);
  });

  it('refuses a second view of the same name for the same user, but not for another user', async () => {
    const first = await signedInAs(app, ['org_admin']);
    await first.client.post('/api/ledger/views', aView('常用')).expect(201);
    const res = await first.client.post('/api/ledger/views', aView('常用', { sort: 'name' })).expect(409);
    expect(res.body.detail).toBe('您已有名为“常用”的视图，请换一个名称');
    expect(res.body.errors).toEqual([{ path: 'body.name', message: '名称已被您的其他视图使用' }]);

    const second = await signedInAs(app, ['assessor']);
    await second.client.post('/api/ledger/views', aView('常用')).expect(201);
  });

  it('renames and changes a view, refusing a name another of the user’s views has, and audits the changes', async () => {
    const { client } = await signedInAs(app, ['org_admin']);
    const view = (await client.post('/api/ledger/views', aView('甲')).expect(201)).body;
    await client.post('/api/ledger/views', aView('乙')).expect(201);

    await client.put(`/api/ledger/views/${view.id}`, aView('乙')).expect(409);
    const saved = await client.put(`/api/ledger/views/${view.id}`, aView('甲（改）', { columns: ['name', 'tags'] })).expect(200);
    expect(saved.body).toEqual(jasmine.objectContaining({ id: view.id, name: '甲（改）', columns: ['name', 'tags'] }));
    // Saving a view under its own name is no conflict.
    await client.put(`/api/ledger/views/${view.id}`, aView('甲（改）')).expect(200);

    const audit = await AuditModel.findOne({ action: 'ledger_view.update', objectId: view.id }).sort({ seq: 1 }).lean();
    expect(audit!.detail).toEqual({
      changes: {
        name: { before: '甲', after: '甲（改）' },
        columns: { before: ['name', 'age', 'unitName'], after: ['name', 'tags'] },
      },
    });
  });

  it('deletes the caller’s view and audits it', async () => {
    const { client } = await signedInAs(app, ['unit_manager']);
    const view = (await client.post('/api/ledger/views', aView('临时')).expect(201)).body;
    await client.delete(`/api/ledger/views/${view.id}`).expect(204);
    expect((await client.get('/api/ledger/views').expect(200)).body).toEqual([]);
    expect(await AuditModel.countDocuments({ action: 'ledger_view.delete', objectId: view.id, result: 'success' })).toBe(1);
  });

  describe('refuses an invalid view, saying which field and why', () => {
    const cases: Array<[string, Record<string, unknown>, { path: string; message: string }]> = [
      ['an empty name', aView('  '), { path: 'body.name', message: '视图名称不能为空' }],
      ['too long a name', aView('长'.repeat(31)), { path: 'body.name', message: '视图名称不超过 30 个字' }],
      ['no columns', aView('无列', { columns: [] }), { path: 'body.columns', message: '至少选择一列' }],
      ['a repeated column', aView('重复列', { columns: ['name', 'name'] }), { path: 'body.columns', message: '列不能重复' }],
      ['an unknown column', aView('怪列', { columns: ['name', 'idNumber'] }), { path: 'body.columns.1', message: jasmine.stringContaining('列应为以下之一') as unknown as string }],
      ['an unknown filter value', aView('怪筛选', { filter: { education: ['博士后'] } }), { path: 'body.filter.education.0', message: jasmine.stringContaining('学历应为以下之一') as unknown as string }],
      ['an unknown direction', aView('怪方向', { direction: 'up' }), { path: 'body.direction', message: '排序方向应为以下之一：asc、desc' }],
    ];
    for (const [what, body, error] of cases) {
      it(what, async () => {
        const { client } = await signedInAs(app, ['org_admin']);
        const res = await client.post('/api/ledger/views', body).expect(400);
        expect(res.body.errors).toContain(jasmine.objectContaining(error));
        expect(await LedgerViewModel.countDocuments()).toBe(0);
      });
    }
  });

  it('is refused to roles that cannot read the ledger', async () => {
    const { client } = await signedInAs(app, ['reviewer']);
    await client.get('/api/ledger/views').expect(403);
    await client.post('/api/ledger/views', aView('x')).expect(403);
  });
});
