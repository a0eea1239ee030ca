import { UNIT_MANAGER_NEEDS_UNIT } from '@cadre/shared-models';
import { createTestApp } from '../test/test-app.js';
import { anAccount, signedInAs } from '../test/test-client.js';
import { aCadre, aUnit } from '../test/factories.js';
import { auditTrail, storedUser } from '../security/security-helpers.js';
import { SERVER_OPERATOR } from '../platform/actor.js';
import { CadreModel } from '../cadres/cadre.model.js';
import { noteCadresChanged } from '../ledger/ledger-changes.js';
import { createUser } from './user.service.js';
import { UserModel } from './user.model.js';

/** A unit manager keeps a unit (shared `explainMissingUnit`), and accounts are linked to cadres by a picker (decision 0019). */
describe('account administration', () => {
  const app = createTestApp({ AUTH_RATE_LIMIT_MAX: '1000' });

  async function aDistrict() {
    const root = await aUnit({ name: '江北区委', type: 'party_committee' });
    const street = await aUnit({ name: '观音桥街道', type: 'street', parent: root });
    const bureau = await aUnit({ name: '区城市管理局', type: 'department', parent: root });
    const zhang = await aCadre(street, { name: '张晓明', post: '街道办事处主任' });
    const li = await aCadre(bureau, { name: '李红', post: '副局长' });
    await noteCadresChanged([String(zhang._id), String(li._id)]);
    return { root, street, bureau, zhang, li };
  }

  function expectFieldRefusal(res: { status: number; body: { code?: string; errors?: Array<{ path: string; message: string }> } }, path: string) {
    expect([res.status, res.body.code]).toEqual([400, 'validation_failed']);
    expect(res.body.errors).toEqual([{ path, message: UNIT_MANAGER_NEEDS_UNIT }]);
  }

  describe('a unit manager keeps a unit', () => {
    it('refuses to create a unit manager without a unit', async () => {
      await expectAsync(
        createUser(SERVER_OPERATOR, { username: 'no.unit', displayName: '无单位', roles: ['unit_manager'], unitId: null, cadreId: null, password: 'Jiangbei#2026ok' }),
      ).toBeRejectedWith(jasmine.objectContaining({ status: 400, errors: [{ path: 'body.unitId', message: UNIT_MANAGER_NEEDS_UNIT }] }));
      expect(await UserModel.exists({ username: 'no.unit' })).toBeNull();
    });

    it('refuses to grant unit_manager to an account without a unit, and nothing waits for approval', async () => {
      const target = await anAccount({ roles: ['cadre'] });
      const sec = await signedInAs(app, ['security_admin']);
      expectFieldRefusal(await sec.client.put(`/api/users/${target.id}/roles`, { version: 0, roles: ['cadre', 'unit_manager'] }), 'body.roles');
      const stored = await storedUser(target.id);
      expect([stored.roles, stored.pendingChange ?? null]).toEqual([['cadre'], null]);
    });

    it('refuses to unlink a unit manager’s unit; the unit stays', async () => {
      const d = await aDistrict();
      const manager = await anAccount({ roles: ['unit_manager'], unitId: String(d.street._id) });
      const sys = await signedInAs(app, ['sys_admin']);
      expectFieldRefusal(await sys.client.patch(`/api/users/${manager.id}`, { version: 0, unitId: null }), 'body.unitId');
      expect(String((await storedUser(manager.id)).unitId)).toBe(String(d.street._id));
      expect(await auditTrail({ action: 'user.update' })).toEqual([]);
    });

    it('refuses a change that would wait for approval and leave the unit manager without a unit', async () => {
      const d = await aDistrict();
      const manager = await anAccount({ roles: ['unit_manager', 'cadre'], unitId: String(d.street._id), cadreId: String(d.zhang._id) });
      const sys = await signedInAs(app, ['sys_admin']);
      expectFieldRefusal(await sys.client.patch(`/api/users/${manager.id}`, { version: 0, unitId: null, cadreId: String(d.li._id) }), 'body.unitId');
      expect((await storedUser(manager.id)).pendingChange ?? null).toBeNull();
    });

    it('refuses to approve a role grant when the account has meanwhile no unit', async () => {
      const target = await anAccount({ roles: ['cadre'] });
      const requester = await anAccount({ roles: ['security_admin'], totp: true });
      await UserModel.updateOne(
        { _id: target.id },
        { $set: { pendingChange: { kind: 'roles', unitId: null, cadreId: null, roles: ['cadre', 'unit_manager'], requestedBy: requester.username, requestedById: requester.id, requestedAt: new Date() } } },
      );
      const sec = await signedInAs(app, ['security_admin']);
      const version = (await storedUser(target.id)).__v;
      expectFieldRefusal(await sec.client.post(`/api/users/${target.id}/pending-change/approval`, { version }), 'body.roles');
      expect((await storedUser(target.id)).roles).toEqual(['cadre']);
    });
  });

  describe('the cadre picker', () => {
    it('gives sys_admin id, name, unit and post of matching records, a few at a time, and audits the search', async () => {
      const d = await aDistrict();
      const sys = await signedInAs(app, ['sys_admin']);
      const res = await sys.client.get('/api/users/cadre-candidates').query({ q: '观音桥 主任' }).expect(200);
      expect(res.body).toEqual({ items: [{ id: String(d.zhang._id), name: '张晓明', unitName: '观音桥街道', post: '街道办事处主任' }], more: false });
      const byName = await sys.client.get('/api/users/cadre-candidates').query({ q: '李' }).expect(200);
      expect(byName.body.items.map((item: { name: string }) => item.name)).toEqual(['李红']);
      const audited = await auditTrail({ action: 'user.cadre_search' });
      expect(audited.map((record) => [record['userId'], record['detail']])).toEqual([
        [sys.account.id, { q: '观音桥 主任', listed: 1, more: false }],
        [sys.account.id, { q: '李', listed: 1, more: false }],
      ]);
    });

    it('lists at most 10 and says there are more', async () => {
      const street = await aUnit({ name: '寸滩街道', type: 'street' });
      const cadres = await Promise.all(Array.from({ length: 12 }, (_, i) => aCadre(street, { name: `王${'一二三四五六七八九十甲乙'[i]}` })));
      await noteCadresChanged(cadres.map((cadre) => String(cadre._id)));
      const sys = await signedInAs(app, ['sys_admin']);
      const res = await sys.client.get('/api/users/cadre-candidates').query({ q: '寸滩' }).expect(200);
      expect([res.body.items.length, res.body.more]).toEqual([10, true]);
    });

    it('refuses a search of one letter, naming the field in Chinese', async () => {
      const sys = await signedInAs(app, ['sys_admin']);
      const res = await sys.client.get('/api/users/cadre-candidates').query({ q: 'z' }).expect(400);
      expect(res.body.errors).toEqual([jasmine.objectContaining({ path: 'query.q', message: '请输入至少 1 个汉字或 2 个字母' })]);
    });

    it('is refused to roles that do not manage accounts', async () => {
      for (const roles of [['security_admin'], ['audit_admin'], ['cadre']] as const) {
        const { client } = await signedInAs(app, [...roles]);
        expect((await client.get('/api/users/cadre-candidates').query({ q: '张' })).status).toBe(403);
      }
    });

    it('names the linked cadre in the account list by name and unit, and a deleted one as such', async () => {
      const d = await aDistrict();
      const linked = await anAccount({ roles: ['cadre'], cadreId: String(d.zhang._id), username: 'zhang.xm' });
      const gone = await anAccount({ roles: ['cadre'], cadreId: String(d.li._id), username: 'li.h' });
      await CadreModel.deleteOne({ _id: d.li._id });
      await noteCadresChanged([String(d.li._id)]);
      const sys = await signedInAs(app, ['sys_admin']);
      const res = await sys.client.get('/api/users').expect(200);
      const byId = new Map((res.body.items as Array<{ id: string; linkedCadre: unknown }>).map((user) => [user.id, user.linkedCadre]));
      expect(byId.get(linked.id)).toEqual({ name: '张晓明', unitName: '观音桥街道', deleted: false });
      expect(byId.get(gone.id)).toEqual({ name: '已删除', unitName: `#${String(d.li._id).slice(-6)}`, deleted: true });
      expect(byId.get(sys.account.id)).toBeNull();
    expect((res.body.items as Array<{ pendingCadre: unknown }>).every((user) => user.pendingCadre === null)).toBeTrue();
    });
  });
});
