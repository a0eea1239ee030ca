import { createTestApp } from '../test/test-app.js';
import { GOOD_PASSWORD, TestClient, anAccount, signedInAs, type TestAccount } from '../test/test-client.js';
import { aCadre, aUnit } from '../test/factories.js';
import { auditTrail, storedUser } from '../security/security-helpers.js';

/*
 * 三员分立 that holds: no single administrator gains or widens access to personnel data. The
 * three ways sys_admin alone could take over personnel access, and security_admin's own, each
 * wait for a (second) security_admin; both steps are audited.
 */
describe('account changes that widen personnel access wait for a security_admin', () => {
  const app = createTestApp({ AUTH_RATE_LIMIT_MAX: '1000' });

  async function aDistrict() {
    const root = await aUnit({ name: '江北区委', type: 'party_committee' });
    const street = await aUnit({ name: '观音桥街道', type: 'street', parent: root });
    const bureau = await aUnit({ name: '区城市管理局', type: 'department', parent: root });
    const inStreet = await aCadre(street, { name: '街道干部' });
    const inBureau = await aCadre(bureau, { name: '城管干部' });
    return { root, street, bureau, inStreet, inBureau };
  }

  async function ledgerNames(account: TestAccount): Promise<string[]> {
    const client = await new TestClient(app).signIn(account);
    const res = await client.get('/api/ledger?size=100').expect(200);
    return (res.body.items as Array<{ name: string }>).map((row) => row.name).sort();
  }

  async function signInStatus(username: string, password: string): Promise<number> {
    const client = await new TestClient(app).init();
    return (await client.post('/api/auth/login', { username, password })).status;
  }

  it('moving a unit manager’s account to the district root waits; the scope widens only after approval', async () => {
    const d = await aDistrict();
    const manager = await anAccount({ roles: ['unit_manager'], unitId: String(d.street._id) });
    const sys = await signedInAs(app, ['sys_admin']);

    const requested = await sys.client.patch(`/api/users/${manager.id}`, { version: 0, unitId: String(d.root._id) }).expect(200);
    expect(requested.body.pendingChange).toEqual(jasmine.objectContaining({ kind: 'links', unitId: String(d.root._id), requestedBy: sys.account.username }));
    expect(String((await storedUser(manager.id)).unitId)).toBe(String(d.street._id));
    expect(await ledgerNames(manager)).toEqual(['街道干部']);

    const sec = await signedInAs(app, ['security_admin']);
    const approved = await sec.client.post(`/api/users/${manager.id}/pending-change/approval`, { version: requested.body.version }).expect(200);
    expect([approved.body.user.unitId, approved.body.user.pendingChange, approved.body.passwordPart]).toEqual([String(d.root._id), null, null]);
    expect(await ledgerNames(manager)).toEqual(['城管干部', '街道干部'].sort());

    const request = (await auditTrail({ action: 'user.change_request' }))[0];
    expect(request).toEqual(jasmine.objectContaining({ userId: sys.account.id, objectId: manager.id, result: 'success' }));
    expect(request!.detail).toEqual({ kind: 'links', changes: { unitId: { before: String(d.street._id), after: String(d.root._id) } } });
    const approval = (await auditTrail({ action: 'user.change_approve' }))[0];
    expect(approval).toEqual(jasmine.objectContaining({ userId: sec.account.id, objectId: manager.id, result: 'success' }));
    expect(approval!.detail).toEqual(jasmine.objectContaining({ kind: 'links', requestedById: sys.account.id }));
  });

  it('relinking a cadre account to another person’s record waits; until approved that record stays out of reach', async () => {
    const d = await aDistrict();
    const cadre = await anAccount({ roles: ['cadre'], cadreId: String(d.inStreet._id) });
    const sys = await signedInAs(app, ['sys_admin']);
    const requested = await sys.client.patch(`/api/users/${cadre.id}`, { version: 0, cadreId: String(d.inBureau._id) }).expect(200);
    expect(requested.body.cadreId).toBe(String(d.inStreet._id));

    const asCadre = await new TestClient(app).signIn(cadre);
    await asCadre.get(`/api/cadres/${d.inBureau._id}`).expect(403);
    await asCadre.get(`/api/cadres/${d.inStreet._id}`).expect(200);

    const sec = await signedInAs(app, ['security_admin']);
    await sec.client.post(`/api/users/${cadre.id}/pending-change/approval`, { version: requested.body.version }).expect(200);
    const relinked = await new TestClient(app).signIn(cadre);
    await relinked.get(`/api/cadres/${d.inBureau._id}`).expect(200);
    await relinked.get(`/api/cadres/${d.inStreet._id}`).expect(403);
  });

  it('resetting a unit manager’s password shows sys_admin no password; after approval each administrator holds only half', async () => {
    const d = await aDistrict();
    const manager = await anAccount({ roles: ['unit_manager'], unitId: String(d.street._id) });
    const hashBefore = (await storedUser(manager.id)).passwordHash;
    const sys = await signedInAs(app, ['sys_admin']);

    const requested = await sys.client.post(`/api/users/${manager.id}/password-reset`).expect(200);
    expect(requested.body.oneTimePassword).toBeNull();
    expect(requested.body.user.pendingChange).toEqual(jasmine.objectContaining({ kind: 'password_reset' }));
    expect((await storedUser(manager.id)).passwordHash).toBe(hashBefore);
    expect(await signInStatus(manager.username, GOOD_PASSWORD)).toBe(200);
    await sys.client.post(`/api/users/${manager.id}/password-part`).expect(404);

    const sec = await signedInAs(app, ['security_admin']);
    const approved = await sec.client.post(`/api/users/${manager.id}/pending-change/approval`, { version: requested.body.user.version }).expect(200);
    const first = approved.body.passwordPart as string;
    expect(first.length).toBe(8);
    expect(approved.body.user.passwordPartReady).toBeTrue();

    await sec.client.post(`/api/users/${manager.id}/password-part`).expect(403);
    const other = await signedInAs(app, ['sys_admin']);
    await other.client.post(`/api/users/${manager.id}/password-part`).expect(404);
    const second = (await sys.client.post(`/api/users/${manager.id}/password-part`).expect(200)).body.passwordPart as string;
    await sys.client.post(`/api/users/${manager.id}/password-part`).expect(404);
    expect((await storedUser(manager.id)).passwordPartSealed).toBeNull();

    expect(await signInStatus(manager.username, GOOD_PASSWORD)).toBe(401);
    expect(await signInStatus(manager.username, first)).toBe(401);
    expect(await signInStatus(manager.username, second)).toBe(401);
    const owner = await new TestClient(app).init();
    const signIn = await owner.post('/api/auth/login', { username: manager.username, password: first + second }).expect(200);
    expect(signIn.body.stage).toBe('password_change_required');
    const trail = (await auditTrail({ objectId: manager.id })).filter(({ action }) => action.startsWith('user.') && action !== 'user.create');
    expect(trail.map((record) => [record.action, record.result, record.userId])).toEqual([
      ['user.change_request', 'success', sys.account.id],
      ['user.password_part_collect', 'denied', sys.account.id],
      ['user.change_approve', 'success', sec.account.id],
      ['user.password_part_collect', 'denied', other.account.id],
      ['user.password_part_collect', 'success', sys.account.id],
      ['user.password_part_collect', 'denied', sys.account.id],
    ]);
  });

  it('a password reset of an account without roles still takes effect at once', async () => {
    const fresh = await anAccount({ roles: [] });
    const sys = await signedInAs(app, ['sys_admin']);
    const res = await sys.client.post(`/api/users/${fresh.id}/password-reset`).expect(200);
    expect(res.body.oneTimePassword).toEqual(jasmine.any(String));
    expect(res.body.user.pendingChange).toBeNull();
  });

  it('a security_admin’s grant of a personnel role to an account with a unit waits for another security_admin', async () => {
    const d = await aDistrict();
    const crony = await anAccount({ roles: [], unitId: String(d.root._id) });
    const first = await signedInAs(app, ['security_admin']);
    const requested = await first.client.put(`/api/users/${crony.id}/roles`, { version: 0, roles: ['unit_manager'] }).expect(200);
    expect(requested.body.roles).toEqual([]);
    expect(requested.body.pendingChange).toEqual(jasmine.objectContaining({ kind: 'roles', roles: ['unit_manager'] }));

    const own = await first.client.post(`/api/users/${crony.id}/pending-change/approval`, { version: requested.body.version });
    expect([own.status, own.body.code]).toEqual([403, 'own_request']);
    expect((await storedUser(crony.id)).roles).toEqual([]);
    expect(await auditTrail({ action: 'user.change_approve', result: 'denied' })).toEqual([jasmine.objectContaining({ userId: first.account.id })]);

    const second = await signedInAs(app, ['security_admin']);
    const approved = await second.client.post(`/api/users/${crony.id}/pending-change/approval`, { version: requested.body.version }).expect(200);
    expect(approved.body.user.roles).toEqual(['unit_manager']);
    expect((await auditTrail({ action: 'user.grant_roles' }))[0]).toEqual(jasmine.objectContaining({ userId: second.account.id, objectId: crony.id }));
  });

  it('widens nothing on an account still holding the one-time password sys_admin saw', async () => {
    const d = await aDistrict();
    const sys = await signedInAs(app, ['sys_admin']);
    const created = await sys.client.post('/api/users', { username: 'new.manager', displayName: '新管理员', unitId: String(d.root._id) }).expect(201);
    const sec = await signedInAs(app, ['security_admin']);
    const refused = await sec.client.put(`/api/users/${created.body.user.id}/roles`, { version: 0, roles: ['unit_manager'] });
    expect([refused.status, refused.body.code]).toEqual([409, 'password_not_set']);
    expect((await storedUser(created.body.user.id)).pendingChange).toBeNull();

    const owner = await new TestClient(app).init();
    await owner.post('/api/auth/login', { username: 'new.manager', password: created.body.oneTimePassword }).expect(200);
    await owner.post('/api/auth/password', { currentPassword: created.body.oneTimePassword, newPassword: 'Own#Choice-2026' }).expect(200);
    const version = (await storedUser(created.body.user.id)).__v;
    const requested = await sec.client.put(`/api/users/${created.body.user.id}/roles`, { version, roles: ['unit_manager'] }).expect(200);
    expect(requested.body.pendingChange).toEqual(jasmine.objectContaining({ kind: 'roles' }));
  });

  it('a rejection drops the change with its reason, audited; the account stays as it was', async () => {
    const d = await aDistrict();
    const manager = await anAccount({ roles: ['unit_manager'], unitId: String(d.street._id) });
    const sys = await signedInAs(app, ['sys_admin']);
    const requested = await sys.client.patch(`/api/users/${manager.id}`, { version: 0, unitId: String(d.root._id) }).expect(200);
    const sec = await signedInAs(app, ['security_admin']);
    const empty = await sec.client.post(`/api/users/${manager.id}/pending-change/rejection`, { version: requested.body.version, reason: '' });
    expect(empty.status).toBe(400);
    const rejected = await sec.client
      .post(`/api/users/${manager.id}/pending-change/rejection`, { version: requested.body.version, reason: '未见组织部调动通知' })
      .expect(200);
    expect([rejected.body.pendingChange, rejected.body.unitId]).toEqual([null, String(d.street._id)]);
    expect((await auditTrail({ action: 'user.change_reject' }))[0]!.detail).toEqual(
      jasmine.objectContaining({ kind: 'links', reason: '未见组织部调动通知', requestedById: sys.account.id }),
    );
    await sec.client.post(`/api/users/${manager.id}/pending-change/approval`, { version: rejected.body.version }).expect(409);
  });

  it('refuses another change of links, roles or password while one is pending, and takes narrowing changes at once', async () => {
    const d = await aDistrict();
    const manager = await anAccount({ roles: ['unit_manager', 'cadre'], unitId: String(d.street._id), cadreId: String(d.inStreet._id) });
    const sys = await signedInAs(app, ['sys_admin']);
    const sec = await signedInAs(app, ['security_admin']);
    const requested = await sys.client.post(`/api/users/${manager.id}/password-reset`).expect(200);
    const version = requested.body.user.version as number;
    expect((await sys.client.patch(`/api/users/${manager.id}`, { version, unitId: String(d.root._id) })).body.code).toBe('change_pending');
    expect((await sec.client.put(`/api/users/${manager.id}/roles`, { version, roles: ['cadre'] })).body.code).toBe('change_pending');
    expect((await sys.client.post(`/api/users/${manager.id}/password-reset`)).body.code).toBe('change_pending');
    await sec.client.post(`/api/users/${manager.id}/pending-change/rejection`, { version, reason: '本人未申请' }).expect(200);

    const cleared = await sys.client.patch(`/api/users/${manager.id}`, { version: version + 1, cadreId: null }).expect(200);
    expect([cleared.body.cadreId, cleared.body.pendingChange]).toEqual([null, null]);
  });
});
