import type { Role } from '@cadre/shared-models';
import { createTestApp } from '../test/test-app.js';
import { TestClient, anAccount, signedInAs } from '../test/test-client.js';
import { aCadre, aUnit } from '../test/factories.js';
import { UnitModel } from '../units/unit.model.js';
import { UserModel } from '../users/user.model.js';
import { auditTrail, collectionCounts, storedUser } from './security-helpers.js';

const SOME_ID = '0123456789abcdef01234567';

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  access: string;
}

describe('security.md access (等保 8.1.4.2)', () => {
  const app = createTestApp();

  describe('9: deny by default, object-level checks', () => {
    it('security.md 9: every non-public operation in the OpenAPI document answers 401 without a session and writes nothing', async () => {
      const client = await new TestClient(app).init();
      const doc = (await client.get('/api/openapi.json')).body as { paths: Record<string, Record<string, { 'x-access': string }>> };
      const ops: Operation[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({ method: method as Operation['method'], path, access: op['x-access'] })),
      );
      expect(ops.filter((op) => op.access !== 'public').length).toBeGreaterThan(20);
      expect(ops.every((op) => typeof op.access === 'string' && op.access.length > 0)).toBeTrue();
      const unit = await aUnit();
      await aCadre(unit);
      const before = await collectionCounts();
      for (const op of ops.filter((o) => o.access !== 'public')) {
        const path = op.path.replace(/\{[^}]+\}/g, SOME_ID);
        const res = op.method === 'get' ? await client.get(path) : op.method === 'delete' ? await client.delete(path) : await client[op.method](path, {});
        expect(res.status).withContext(`${op.method.toUpperCase()} ${op.path}`).toBe(401);
      }
      expect(await collectionCounts()).toEqual(before);
    });

    it('security.md 9: cadre A reading cadre B’s record gets 403 telling nothing of it, a missing id 404, and the denial is audited', async () => {
      const unit = await aUnit({ type: 'street' });
      const cadreA = await aCadre(unit);
      const cadreB = await aCadre(unit);
      const { client, account } = await signedInAs(app, ['cadre'], { cadreId: String(cadreA._id) });

      const own = await client.get(`/api/cadres/${cadreA._id}`);
      expect(own.status).toBe(200);
      expect(own.body.name).toBe(cadreA.name);

      const other = await client.get(`/api/cadres/${cadreB._id}`);
      expect(other.status).toBe(403);
      expect(other.body.code).toBe('out_of_scope');
      expect(JSON.stringify(other.body)).not.toContain(cadreB.name);
      const missing = await client.get(`/api/cadres/${SOME_ID}`);
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('not_found');
      expect(missing.body.detail).toBe('档案不存在');

      const reads = await auditTrail({ action: 'cadre.read', userId: account.id });
      expect(reads.map((r) => [r['objectId'], r['result']])).toEqual([
        [String(cadreA._id), 'success'],
        [String(cadreB._id), 'denied'],
        [SOME_ID, 'failure'],
      ]);

      const list = await client.get('/api/cadres');
      expect(list.body.total).toBe(1);
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([String(cadreA._id)]);
    });

    it('security.md 9: a role without the permission gets 403 and the denial is audited with who, what and where', async () => {
      const { client, account } = await signedInAs(app, ['cadre']);
      const res = await client.get('/api/users');
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
      const [denial] = await auditTrail({ action: 'access.denied' });
      expect(denial).toEqual(
        jasmine.objectContaining({
          userId: account.id,
          username: account.username,
          result: 'denied',
          objectType: 'operation',
          objectId: 'listUsers',
          ip: jasmine.stringMatching(/127\.0\.0\.1|::1/),
        }),
      );
    });

    it('security.md 9: a cadre account not linked to a record, and a unit manager without a unit, reach no personnel data at all', async () => {
      const unit = await aUnit();
      await aCadre(unit);
      for (const roles of [['cadre'], ['unit_manager']] as Role[][]) {
        const { client, account } = await signedInAs(app, roles);
        // Stored before a unit manager had to keep a unit (explainMissingUnit).
        await UserModel.updateOne({ _id: account.id }, { $set: { unitId: null } });
        const res = await client.get('/api/cadres');
        expect(res.status).withContext(roles.join()).toBe(403);
        expect(JSON.stringify(res.body)).not.toContain('测试干部');
      }
    });
  });

  describe('10: a unit manager sees only their subtree', () => {
    async function aDistrict() {
      const root = await aUnit({ name: '区委', type: 'party_committee' });
      const streetA = await aUnit({ name: '甲街道', type: 'street', parent: root });
      const communityA1 = await aUnit({ name: '甲一社区', type: 'public_institution', parent: streetA });
      const streetB = await aUnit({ name: '乙街道', type: 'street', parent: root });
      const inside = [
        await aCadre(streetA, { name: '甲街道干部一', birthMonth: '1990-01' }),
        await aCadre(streetA, { name: '甲街道干部二', birthMonth: '1970-01' }),
        await aCadre(communityA1, { name: '甲社区干部', birthMonth: '1985-06' }),
      ];
      const outside = [
        await aCadre(streetB, { name: '乙街道干部一' }),
        await aCadre(streetB, { name: '乙街道干部二' }),
        await aCadre(root, { name: '区委干部' }),
      ];
      return { streetA, communityA1, inside, outside };
    }

    it('security.md 10: list, total, paging and name search include only cadres of the manager’s unit subtree', async () => {
      const { streetA, inside, outside } = await aDistrict();
      const { client } = await signedInAs(app, ['unit_manager'], { unitId: String(streetA._id) });

      const list = await client.get('/api/cadres?size=100');
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(3);
      expect(list.body.items.map((c: { id: string }) => c.id).sort()).toEqual(inside.map((c) => String(c._id)).sort());

      const page = await client.get('/api/cadres?size=1&page=0');
      expect(page.body.items.length).toBe(1);
      expect(page.body.total).toBe(3);
      const beyond = await client.get('/api/cadres?size=1&page=3');
      expect(beyond.body.items).toEqual([]);

      const search = await client.get(`/api/cadres?name=${encodeURIComponent('乙街道')}`);
      expect(search.body.total).toBe(0);
      expect(search.body.items).toEqual([]);

      for (const cadre of outside) {
        expect((await client.get(`/api/cadres/${cadre._id}`)).status).withContext(cadre.name).toBe(403);
      }
      expect((await client.get(`/api/cadres/${inside[2]!._id}`)).status).toBe(200);
    });

    it('security.md 10: the cadre-distribution chart counts only the manager’s subtree', async () => {
      const { streetA, communityA1 } = await aDistrict();
      const manager = await signedInAs(app, ['unit_manager'], { unitId: String(streetA._id) });
      const chart = await manager.client.get('/api/stats/cadre-distribution');
      expect(chart.status).toBe(200);
      expect(chart.body.total).toBe(3);
      const rowSum = chart.body.rows.reduce((sum: number, r: { count: number }) => sum + r.count, 0);
      expect(rowSum).toBe(3);
      const byType: Record<string, number> = {};
      for (const row of chart.body.rows as Array<{ unitType: string; count: number }>) byType[row.unitType] = (byType[row.unitType] ?? 0) + row.count;
      expect(byType).toEqual({ street: 2, public_institution: 1 });

      const leaf = await signedInAs(app, ['unit_manager'], { unitId: String(communityA1._id) });
      expect((await leaf.client.get('/api/stats/cadre-distribution')).body.total).toBe(1);
      expect((await leaf.client.get('/api/cadres')).body.total).toBe(1);

      const org = await signedInAs(app, ['org_admin']);
      expect((await org.client.get('/api/stats/cadre-distribution')).body.total).toBe(6);
      expect((await org.client.get('/api/cadres')).body.total).toBe(6);
    });
  });

  describe('12: writable fields are an allowlist', () => {
    const smuggled: Array<[string, Record<string, unknown>]> = [
      ['role', { role: 'org_admin' }],
      ['roles', { roles: ['org_admin'] }],
      ['roles next to a legitimate change', { displayName: '改名', roles: ['sys_admin'] }],
      ['disabled', { disabled: false }],
      ['mustChangePassword', { mustChangePassword: false }],
      ['passwordHash', { passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$forged' }],
      ['totpSecret', { totpSecret: null }],
      ['lockedUntil', { lockedUntil: null }],
      ['username', { username: 'someone.else' }],
      ['__v', { __v: 99 }],
    ];
    for (const [what, extra] of smuggled) {
      it(`security.md 12: PATCH /api/users/:id with ${what} gets 400 and changes nothing`, async () => {
        const { client } = await signedInAs(app, ['sys_admin']);
        const target = await anAccount({ roles: ['cadre'] });
        const before = await storedUser(target.id);
        const res = await client.patch(`/api/users/${target.id}`, { version: before.__v, ...extra });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('validation_failed');
        expect(res.body.errors.length).toBeGreaterThan(0);
        expect(await storedUser(target.id)).toEqual(before);
        expect(await auditTrail({ action: 'user.update' })).toEqual([]);
      });
    }

    it('security.md 12: POST /api/users cannot set roles or a password; the account is created without roles only when the body is clean', async () => {
      const { client } = await signedInAs(app, ['sys_admin']);
      const before = await collectionCounts();
      for (const extra of [{ roles: ['org_admin'] }, { password: 'Chosen#Pass2026' }, { mustChangePassword: false }]) {
        const res = await client.post('/api/users', { username: 'smuggler', displayName: '夹带', ...extra });
        expect(res.status).withContext(JSON.stringify(extra)).toBe(400);
      }
      expect(await collectionCounts()).toEqual(before);
      const clean = await client.post('/api/users', { username: 'smuggler', displayName: '夹带' });
      expect(clean.status).toBe(201);
      expect(clean.body.user.roles).toEqual([]);
    });

    it('security.md 12: PATCH /api/units/:id cannot rewrite the denormalised ancestor list', async () => {
      const { client } = await signedInAs(app, ['org_admin']);
      const root = await aUnit();
      const unit = await aUnit({ parent: root });
      const res = await client.patch(`/api/units/${unit._id}`, { version: 0, ancestorIds: [] });
      expect(res.status).toBe(400);
      expect((await UnitModel.findById(unit._id).lean())!.ancestorIds.map(String)).toEqual([String(root._id)]);
    });
  });

  describe('13: 三员分立', () => {
    const refused: Array<[Role, 'get' | 'post', string, Record<string, unknown>?]> = [
      ['sys_admin', 'get', '/api/audit'],
      ['sys_admin', 'get', '/api/audit/export'],
      ['sys_admin', 'get', '/api/audit/verification'],
      ['sys_admin', 'get', '/api/cadres'],
      ['sys_admin', 'get', '/api/stats/cadre-distribution'],
      ['audit_admin', 'post', '/api/users', { username: 'created.by.audit', displayName: '审计建号' }],
      ['audit_admin', 'get', '/api/users'],
      ['audit_admin', 'get', '/api/cadres'],
      ['audit_admin', 'get', `/api/cadres/${SOME_ID}`],
      ['audit_admin', 'get', '/api/stats/cadre-distribution'],
      ['security_admin', 'post', '/api/users', { username: 'created.by.sec', displayName: '安全建号' }],
      ['security_admin', 'get', '/api/audit'],
      ['security_admin', 'get', '/api/cadres'],
    ];
    for (const [role, method, path, body] of refused) {
      it(`security.md 13: ${role} ${method.toUpperCase()} ${path} gets 403, is audited and writes nothing else`, async () => {
        const unit = await aUnit();
        await aCadre(unit);
        const { client, account } = await signedInAs(app, [role]);
        const before = await collectionCounts();
        const res = method === 'get' ? await client.get(path) : await client.post(path, body);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('forbidden');
        expect(JSON.stringify(res.body)).not.toContain('测试干部');
        const after = await collectionCounts();
        expect(after).toEqual({ ...before, audit_log: before['audit_log']! + 1 });
        const trail = await auditTrail();
        expect(trail[trail.length - 1]).toEqual(jasmine.objectContaining({ action: 'access.denied', result: 'denied', userId: account.id }));
      });
    }

    const combinations: Role[][] = [
      ['sys_admin', 'audit_admin'],
      ['sys_admin', 'security_admin'],
      ['security_admin', 'audit_admin'],
      ['sys_admin', 'org_admin'],
      ['audit_admin', 'cadre'],
    ];
    for (const roles of combinations) {
      it(`security.md 13: granting ${roles.join(' + ')} to one account is refused with 400 and changes nothing`, async () => {
        const { client } = await signedInAs(app, ['security_admin']);
        const target = await anAccount({ roles: ['cadre'] });
        const before = await storedUser(target.id);
        const res = await client.put(`/api/users/${target.id}/roles`, { version: before.__v, roles });
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('body.roles');
        expect(await storedUser(target.id)).toEqual(before);
        expect(await auditTrail({ action: 'user.grant_roles' })).toEqual([]);
      });
    }

    it('security.md 13: security_admin grants a single role, approved by a second security_admin and audited with before and after; sys_admin cannot grant', async () => {
      const target = await anAccount({ roles: ['cadre'] });
      const sys = await signedInAs(app, ['sys_admin']);
      expect((await sys.client.put(`/api/users/${target.id}/roles`, { version: 0, roles: ['org_admin'] })).status).toBe(403);
      expect((await storedUser(target.id)).roles).toEqual(['cadre']);

      const requester = await signedInAs(app, ['security_admin']);
      const requested = await requester.client.put(`/api/users/${target.id}/roles`, { version: 0, roles: ['assessor'] });
      expect(requested.status).toBe(200);
      expect((await storedUser(target.id)).roles).toEqual(['cadre']);
      const sec = await signedInAs(app, ['security_admin']);
      const res = await sec.client.post(`/api/users/${target.id}/pending-change/approval`, { version: requested.body.version });
      expect(res.status).toBe(200);
      expect((await storedUser(target.id)).roles).toEqual(['assessor']);
      const [grant] = await auditTrail({ action: 'user.grant_roles' });
      expect(grant).toEqual(
        jasmine.objectContaining({
          userId: sec.account.id,
          objectType: 'user',
          objectId: target.id,
          result: 'success',
          detail: { changes: { roles: { before: ['cadre'], after: ['assessor'] } } },
        }),
      );
    });

    it('security.md 13: an administrator cannot change their own roles', async () => {
      const { client, account } = await signedInAs(app, ['security_admin']);
      const res = await client.put(`/api/users/${account.id}/roles`, { version: 0, roles: ['org_admin'] });
      expect(res.status).toBe(403);
      expect((await storedUser(account.id)).roles).toEqual(['security_admin']);
    });
  });
});
