import request from 'supertest';
import type { Role } from '@cadre/shared-models';
import { createTestApp } from '../test/test-app.js';
import { TestClient, anAccount, signedInAs, totpCodeFor } from '../test/test-client.js';
import { aCadre, aUnit } from '../test/factories.js';
import { UserModel } from '../users/user.model.js';
import { SessionModel } from '../auth/session.model.js';
import { hashSessionToken } from '../auth/session.service.js';
import { ensureFirstAdmin } from '../auth/bootstrap-admin.js';
import { dataCipher } from '../platform/data-cipher.js';
import { RateLimitHitModel } from '../platform/rate-limit-store.js';
import {
  DAY,
  MINUTE,
  auditTrail,
  cookieAttributes,
  cookieValue,
  rawLogin,
  sessionsOf,
  setCookieNamed,
  storedUser,
} from './security-helpers.js';

describe('security.md identity (等保 8.1.4.1)', () => {
  const app = createTestApp();

  describe('1: lockout after failed logins', () => {
    it('security.md 1: five failed logins lock the account; the sixth, even with the right password, gets 423 and is audited', async () => {
      const account = await anAccount({ roles: ['cadre'] });
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        const res = await rawLogin(app, { username: account.username, password: `Wrong#Pass${attempt}` });
        expect(res.status).withContext(`attempt ${attempt}`).toBe(401);
      }
      const locked = await storedUser(account.id);
      expect(locked.lockedUntil).not.toBeNull();
      const lockMinutes = (locked.lockedUntil!.getTime() - Date.now()) / MINUTE;
      expect(lockMinutes).toBeGreaterThan(14);
      expect(lockMinutes).toBeLessThanOrEqual(15);

      const sixth = await rawLogin(app, { username: account.username, password: account.password });
      expect(sixth.status).toBe(423);
      expect(sixth.body.code).toBe('account_locked');
      expect(sixth.headers['set-cookie']?.toString() ?? '').not.toContain('cadre_sid');
      expect(await sessionsOf(account.id)).toEqual([]);

      const trail = await auditTrail({ action: 'auth.login', userId: account.id });
      expect(trail.map((r) => r['result'])).toEqual(['failure', 'failure', 'failure', 'failure', 'failure', 'denied']);
      expect(trail[5]).toEqual(jasmine.objectContaining({ username: account.username, detail: { reason: 'locked' } }));
    });

    it('security.md 1: failures older than the 15-minute window do not count towards the lock', async () => {
      const account = await anAccount({ roles: ['cadre'] });
      const old = Array.from({ length: 4 }, () => new Date(Date.now() - 16 * MINUTE));
      await UserModel.updateOne({ _id: account.id }, { $set: { failedLoginTimes: old } });
      expect((await rawLogin(app, { username: account.username, password: 'Wrong#Pass1' })).status).toBe(401);
      const user = await storedUser(account.id);
      expect(user.lockedUntil).toBeNull();
      expect(user.failedLoginTimes.length).toBe(1);
      expect((await rawLogin(app, { username: account.username, password: account.password })).status).toBe(200);
    });

    it('security.md 1: the lock lasts 15 minutes; once it has passed, the right password signs in and clears the count', async () => {
      const account = await anAccount({ roles: ['cadre'] });
      await UserModel.updateOne(
        { _id: account.id },
        { $set: { lockedUntil: new Date(Date.now() + 60_000), failedLoginTimes: Array.from({ length: 5 }, () => new Date()) } },
      );
      expect((await rawLogin(app, { username: account.username, password: account.password })).status).toBe(423);

      await UserModel.updateOne(
        { _id: account.id },
        { $set: { lockedUntil: new Date(Date.now() - 1000), failedLoginTimes: Array.from({ length: 5 }, () => new Date(Date.now() - 16 * MINUTE)) } },
      );
      const res = await rawLogin(app, { username: account.username, password: account.password });
      expect(res.status).toBe(200);
      const user = await storedUser(account.id);
      expect(user.failedLoginTimes).toEqual([]);
      expect(user.lockedUntil).toBeNull();
    });

    it('security.md 1: wrong TOTP codes count towards the same lock', async () => {
      const account = await anAccount({ roles: ['org_admin'], totp: true });
      const client = await new TestClient(app).init();
      expect((await client.post('/api/auth/login', { username: account.username, password: account.password })).body.stage).toBe('totp_required');
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        expect((await client.post('/api/auth/totp', { code: '000000' })).status).withContext(`attempt ${attempt}`).toBe(401);
      }
      expect((await storedUser(account.id)).lockedUntil).not.toBeNull();
      const res = await client.post('/api/auth/totp', { code: totpCodeFor(account.totpSecret!) });
      expect(res.status).toBe(423);
      expect((await client.get('/api/cadres')).status).toBe(403);
    });

    describe('a locked account and an unknown account answer alike', () => {
      const shapeOf = (res: request.Response) => ({
        status: res.status,
        contentType: res.headers['content-type'],
        keys: Object.keys(res.body).sort(),
        code: res.body.code,
        title: res.body.title,
        detail: String(res.body.detail).replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/, '<time>'),
      });

      it('security.md 1: five failures, then the same 401s and the same 423 for an account and for a name no account has', async () => {
        const account = await anAccount({ roles: ['cadre'] });
        const answers = async (username: string) => {
          const list: request.Response[] = [];
          for (let attempt = 1; attempt <= 6; attempt += 1) list.push(await rawLogin(app, { username, password: `Wrong#Pass${attempt}` }));
          return list.map(shapeOf);
        };
        const real = await answers(account.username);
        const unknown = await answers('no.such.user');
        expect(real.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 423]);
        expect(unknown).toEqual(real);
        expect(JSON.stringify(await RateLimitHitModel.find().lean())).not.toContain('no.such.user');
      });

      it('security.md 1: a locked account takes as long to answer as a wrong password (the password is hashed either way)', async () => {
        const account = await anAccount({ roles: ['cadre'] });
        const timed = async (username: string, password: string) => {
          const started = performance.now();
          await rawLogin(app, { username, password });
          return performance.now() - started;
        };
        const wrong: number[] = [];
        for (let attempt = 1; attempt <= 5; attempt += 1) wrong.push(await timed(account.username, `Wrong#Pass${attempt}`));
        const locked = [await timed(account.username, account.password), await timed(account.username, 'Wrong#Pass9')];
        const unknown: number[] = [];
        for (let attempt = 1; attempt <= 7; attempt += 1) unknown.push(await timed('nobody.here', `Wrong#Pass${attempt}`));
        const median = [...wrong].sort((a, b) => a - b)[2]!;
        // Hashing takes tens of milliseconds; answering from the lock alone took a few.
        for (const time of [...locked, ...unknown]) expect(time).toBeGreaterThan(median * 0.5);
      });
    });

    it('security.md 1: signing in again with the right password does not reset the count of wrong TOTP codes; the fifth locks', async () => {
      const account = await anAccount({ roles: ['org_admin'], totp: true });
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        const client = await new TestClient(app).init();
        const login = await client.post('/api/auth/login', { username: account.username, password: account.password });
        expect(login.body.stage).withContext(`sign-in ${attempt}`).toBe('totp_required');
        expect((await client.post('/api/auth/totp', { code: '000000' })).status).withContext(`code ${attempt}`).toBe(401);
      }
      const stored = await storedUser(account.id);
      expect(stored.failedTotpTimes?.length).toBe(5);
      expect(stored.lockedUntil).not.toBeNull();
      expect((await rawLogin(app, { username: account.username, password: account.password })).status).toBe(423);
    });

    it('security.md 1: a right code clears the count of wrong codes, and a right password leaves it alone', async () => {
      const account = await anAccount({ roles: ['org_admin'], totp: true });
      const client = await new TestClient(app).init();
      await client.post('/api/auth/login', { username: account.username, password: account.password });
      await client.post('/api/auth/totp', { code: '000000' });
      await rawLogin(app, { username: account.username, password: account.password });
      expect((await storedUser(account.id)).failedTotpTimes?.length).toBe(1);
      expect((await client.post('/api/auth/totp', { code: totpCodeFor(account.totpSecret!) })).status).toBe(200);
      expect((await storedUser(account.id)).failedTotpTimes).toEqual([]);
    });
  });

  describe('2: idle and absolute session limits', () => {
    it('security.md 2: after 30 minutes idle the session is deleted on the server and the next call gets 401', async () => {
      const { client, account } = await signedInAs(app, ['cadre']);
      expect((await client.get('/api/auth/session')).status).toBe(200);
      const [session] = await sessionsOf(account.id);
      await SessionModel.updateOne({ _id: session!._id }, { $set: { lastSeenAt: new Date(Date.now() - 31 * MINUTE) } });

      const res = await client.get('/api/auth/session');
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('unauthenticated');
      expect(await SessionModel.findById(session!._id).lean()).toBeNull();
      // Activity cannot bring it back.
      expect((await client.get('/api/auth/session')).status).toBe(401);
    });

    it('security.md 2: a session used 29 minutes ago is still valid, and using it resets the idle clock', async () => {
      const { client, account } = await signedInAs(app, ['cadre']);
      const [session] = await sessionsOf(account.id);
      await SessionModel.updateOne({ _id: session!._id }, { $set: { lastSeenAt: new Date(Date.now() - 29 * MINUTE) } });
      expect((await client.get('/api/auth/session')).status).toBe(200);
      const touched = await SessionModel.findById(session!._id).lean();
      expect(Date.now() - touched!.lastSeenAt.getTime()).toBeLessThan(MINUTE);
    });

    it('security.md 2: past its absolute lifetime (12 h) a session is gone even when it was just used', async () => {
      const { client, account } = await signedInAs(app, ['cadre']);
      const [session] = await sessionsOf(account.id);
      expect(session!.expiresAt.getTime() - session!.createdAt.getTime()).toBe(12 * 60 * MINUTE);
      await SessionModel.updateOne(
        { _id: session!._id },
        { $set: { createdAt: new Date(Date.now() - 12 * 60 * MINUTE - 1000), expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() } },
      );
      expect((await client.get('/api/auth/session')).status).toBe(401);
      expect(await SessionModel.findById(session!._id).lean()).toBeNull();
    });
  });

  describe('3: password policy and hashing', () => {
    const rejected: Array<[string, string]> = [
      ['under 8 characters', 'Ab1!xyz'],
      ['only two character classes', 'abcdefgh1234'],
      ['one character class, long', 'abcdefghijklmnopqrstuvwxyz'],
      ['on the common-password list (four classes)', 'P@ssw0rd'],
      ['on the common-password list (Chinese-market favourite)', 'Admin@123'],
      ['containing the username', 'USERNAME#2026x'],
    ];
    for (const [what, candidate] of rejected) {
      it(`security.md 3: a new password ${what} gets 400 naming body.newPassword, and the stored hash stays`, async () => {
        const { client, account } = await signedInAs(app, ['cadre']);
        const before = await storedUser(account.id);
        const newPassword = candidate.replace('USERNAME', account.username);
        const res = await client.post('/api/auth/password', { currentPassword: account.password, newPassword });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('validation_failed');
        expect(res.body.errors.length).toBeGreaterThan(0);
        expect(res.body.errors.every((e: { path: string }) => e.path === 'body.newPassword')).toBeTrue();
        const after = await storedUser(account.id);
        expect(after.passwordHash).toBe(before.passwordHash);
        expect(after.passwordChangedAt).toEqual(before.passwordChangedAt);
        expect((await auditTrail({ action: 'auth.password_change', result: 'success' })).length).toBe(0);
      });
    }

    it('security.md 3: a 64-character password is accepted and stored as an argon2id hash, never in clear', async () => {
      const { client, account } = await signedInAs(app, ['cadre']);
      const long = 'Jiangbei-District-Organization-Department-2026-Long#Passphrase!';
      const sixtyFour = (long + 'x'.repeat(64)).slice(0, 64);
      expect(sixtyFour.length).toBe(64);
      const res = await client.post('/api/auth/password', { currentPassword: account.password, newPassword: sixtyFour });
      expect(res.status).toBe(200);
      const user = await storedUser(account.id);
      expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
      expect(JSON.stringify(user)).not.toContain(sixtyFour);
      const fresh = await rawLogin(app, { username: account.username, password: sixtyFour });
      expect(fresh.status).toBe(200);
    });

    it('security.md 3: every stored password is an argon2id hash', async () => {
      await anAccount({ roles: ['cadre'] });
      await anAccount({ roles: ['org_admin'], totp: true });
      const hashes = (await UserModel.find().lean()).map((u) => u.passwordHash);
      expect(hashes.length).toBe(2);
      for (const hash of hashes) expect(hash).toMatch(/^\$argon2id\$/);
    });
  });

  describe('4: password age', () => {
    async function aUnitManager() {
      const unit = await aUnit({ type: 'street' });
      await aCadre(unit);
      return anAccount({ roles: ['unit_manager'], unitId: String(unit._id) });
    }

    it('security.md 4: a password older than 90 days must be changed at the next login before any data is served', async () => {
      const account = await aUnitManager();
      await UserModel.updateOne({ _id: account.id }, { $set: { passwordChangedAt: new Date(Date.now() - 91 * DAY) } });
      const client = await new TestClient(app).init();
      const login = await client.post('/api/auth/login', { username: account.username, password: account.password });
      expect(login.status).toBe(200);
      expect(login.body.stage).toBe('password_change_required');
      expect((await SessionModel.findOne({ userId: account.id }).lean())!.stage).toBe('password_change_required');

      const blocked = await client.get('/api/cadres');
      expect(blocked.status).toBe(403);
      expect(blocked.body.code).toBe('password_change_required');

      const changed = await client.post('/api/auth/password', { currentPassword: account.password, newPassword: 'Xinmima#2026-Jb' });
      expect(changed.status).toBe(200);
      expect(changed.body.stage).toBe('active');
      const user = await storedUser(account.id);
      expect(Date.now() - user.passwordChangedAt.getTime()).toBeLessThan(MINUTE);
      expect((await client.get('/api/cadres')).status).toBe(200);
    });

    it('security.md 4: a password 89 days old still signs in straight to the active stage', async () => {
      const account = await aUnitManager();
      await UserModel.updateOne({ _id: account.id }, { $set: { passwordChangedAt: new Date(Date.now() - 89 * DAY) } });
      const res = await rawLogin(app, { username: account.username, password: account.password });
      expect(res.body.stage).toBe('active');
    });
  });

  describe('5: second factor for administrators and the organization department', () => {
    const DATA_ENDPOINT: Record<string, string> = {
      sys_admin: '/api/users',
      security_admin: '/api/users',
      audit_admin: '/api/audit',
      org_admin: '/api/stats/cadre-distribution',
      assessor: '/api/cadres',
    };
    for (const [role, path] of Object.entries(DATA_ENDPOINT)) {
      it(`security.md 5: ${role} without TOTP signs in only to enrolment and gets 403 on ${path}`, async () => {
        const account = await anAccount({ roles: [role as Role] });
        const client = await new TestClient(app).init();
        const login = await client.post('/api/auth/login', { username: account.username, password: account.password });
        expect(login.body.stage).toBe('totp_enrollment_required');
        const res = await client.get(path);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('totp_enrollment_required');
      });
    }

    for (const role of ['unit_manager', 'cadre'] as const) {
      it(`security.md 5: ${role} is not in the TOTP role list and signs in straight to active`, async () => {
        const account = await anAccount({ roles: [role] });
        expect((await rawLogin(app, { username: account.username, password: account.password })).body.stage).toBe('active');
      });
    }

    it('security.md 5: the role list is a setting (TOTP_REQUIRED_ROLES)', async () => {
      const custom = createTestApp({ TOTP_REQUIRED_ROLES: 'unit_manager' });
      const manager = await anAccount({ roles: ['unit_manager'] });
      const org = await anAccount({ roles: ['org_admin'] });
      expect((await rawLogin(custom, { username: manager.username, password: manager.password })).body.stage).toBe('totp_enrollment_required');
      expect((await rawLogin(custom, { username: org.username, password: org.password })).body.stage).toBe('active');
    });

    it('security.md 5: an org_admin enrols TOTP, gets 10 recovery codes, then the data endpoint answers; each recovery code works once', async () => {
      const account = await anAccount({ roles: ['org_admin'] });
      const client = await new TestClient(app).init();
      await client.post('/api/auth/login', { username: account.username, password: account.password });
      expect((await client.get('/api/stats/cadre-distribution')).status).toBe(403);

      const enrollment = await client.post('/api/auth/totp/enrollment');
      expect(enrollment.status).toBe(200);
      const secret: string = enrollment.body.secret;
      expect(enrollment.body.otpauthUri).toContain(`secret=${secret}`);
      const pending = await storedUser(account.id);
      expect(pending.totpPendingSecret).toMatch(/^v1:/);
      expect(pending.totpPendingSecret).not.toContain(secret);
      expect(pending.totpSecret).toBeNull();

      const wrong = await client.post('/api/auth/totp/enrollment/confirm', { code: totpCodeFor(secret, -5) });
      expect(wrong.status).toBe(400);
      expect((await storedUser(account.id)).totpSecret).toBeNull();

      const confirm = await client.post('/api/auth/totp/enrollment/confirm', { code: totpCodeFor(secret) });
      expect(confirm.status).toBe(200);
      const codes: string[] = confirm.body.recoveryCodes;
      expect(codes.length).toBe(10);
      expect(new Set(codes).size).toBe(10);
      const enrolled = await storedUser(account.id);
      expect(dataCipher().decrypt(enrolled.totpSecret!)).toBe(secret);
      expect(enrolled.recoveryCodeHashes.length).toBe(10);
      for (const code of codes) expect(JSON.stringify(enrolled)).not.toContain(code);

      expect((await client.get('/api/stats/cadre-distribution')).status).toBe(200);

      // A later sign-in needs the second factor; a recovery code stands in for it exactly once.
      const first = await new TestClient(app).init();
      expect((await first.post('/api/auth/login', { username: account.username, password: account.password })).body.stage).toBe('totp_required');
      expect((await first.get('/api/stats/cadre-distribution')).body.code).toBe('totp_required');
      const used = await first.post('/api/auth/totp', { recoveryCode: codes[0] });
      expect(used.status).toBe(200);
      expect(used.body.stage).toBe('active');
      expect((await first.get('/api/stats/cadre-distribution')).status).toBe(200);
      expect((await storedUser(account.id)).recoveryCodeHashes.length).toBe(9);

      const second = await new TestClient(app).init();
      await second.post('/api/auth/login', { username: account.username, password: account.password });
      const reused = await second.post('/api/auth/totp', { recoveryCode: codes[0] });
      expect(reused.status).toBe(401);
      expect((await second.get('/api/stats/cadre-distribution')).status).toBe(403);
      expect((await auditTrail({ action: 'auth.totp', userId: account.id })).map((r) => r['result'])).toEqual(['success', 'failure']);
    });

    describe('replacing a bound authenticator', () => {
      async function enrolled() {
        const account = await anAccount({ roles: ['org_admin'], totp: true });
        return { account, client: await new TestClient(app).signIn(account) };
      }

      it('security.md 5: needs the current password and a current code; without them no new secret is issued', async () => {
        const { account, client } = await enrolled();
        const before = await storedUser(account.id);
        const bare = await client.post('/api/auth/totp/enrollment');
        expect(bare.status).toBe(400);
        expect(bare.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.currentPassword', 'body.code']);
        const onlyPassword = await client.post('/api/auth/totp/enrollment', { currentPassword: account.password });
        expect(onlyPassword.status).toBe(400);
        expect((await storedUser(account.id)).totpPendingSecret).toBe(before.totpPendingSecret);
      });

      it('security.md 5: a wrong password gets 401 invalid_credentials, counts as a failed password and is audited', async () => {
        const { account, client } = await enrolled();
        const res = await client.post('/api/auth/totp/enrollment', { currentPassword: 'Wrong#Pass1', code: totpCodeFor(account.totpSecret!, 1) });
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('invalid_credentials');
        const stored = await storedUser(account.id);
        expect(stored.totpPendingSecret).toBeNull();
        expect(stored.failedLoginTimes.length).toBe(1);
        const trail = await auditTrail({ action: 'auth.totp_enrollment_start', userId: account.id });
        expect(trail.map((r) => [r['result'], (r['detail'] as { reason?: string } | undefined)?.reason])).toEqual([['failure', 'wrong_password']]);
      });

      it('security.md 5: a wrong code gets 401 invalid_totp and counts as a failed code', async () => {
        const { account, client } = await enrolled();
        const res = await client.post('/api/auth/totp/enrollment', { currentPassword: account.password, code: totpCodeFor(account.totpSecret!, -5) });
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('invalid_totp');
        const stored = await storedUser(account.id);
        expect(stored.totpPendingSecret).toBeNull();
        expect(stored.failedTotpTimes?.length).toBe(1);
      });

      it('security.md 5: with both, a new secret is issued and, once confirmed, replaces the old one', async () => {
        const { account, client } = await enrolled();
        const res = await client.post('/api/auth/totp/enrollment', { currentPassword: account.password, code: totpCodeFor(account.totpSecret!, 1) });
        expect(res.status).toBe(200);
        const secret: string = res.body.secret;
        expect(secret).not.toBe(account.totpSecret!);
        expect((await client.post('/api/auth/totp/enrollment/confirm', { code: totpCodeFor(secret) })).status).toBe(200);
        expect(dataCipher().decrypt((await storedUser(account.id)).totpSecret!)).toBe(secret);
      });
    });

    it('security.md 5: a TOTP code cannot be replayed for a second sign-in', async () => {
      const account = await anAccount({ roles: ['assessor'], totp: true });
      const code = totpCodeFor(account.totpSecret!);
      const first = await new TestClient(app).init();
      await first.post('/api/auth/login', { username: account.username, password: account.password });
      expect((await first.post('/api/auth/totp', { code })).status).toBe(200);
      const second = await new TestClient(app).init();
      await second.post('/api/auth/login', { username: account.username, password: account.password });
      expect((await second.post('/api/auth/totp', { code })).status).toBe(401);
      expect((await second.get('/api/cadres')).status).toBe(403);
    });
  });

  describe('6: session cookie', () => {
    it('security.md 6: over plain HTTP the session cookie is HttpOnly, SameSite=Strict, path /, and not Secure', async () => {
      const account = await anAccount({ roles: ['cadre'] });
      const res = await rawLogin(app, { username: account.username, password: account.password });
      const line = setCookieNamed(res, 'cadre_sid')!;
      expect(line).toBeDefined();
      const attributes = cookieAttributes(line);
      expect('httponly' in attributes).toBeTrue();
      expect(attributes['samesite']).toBe('Strict');
      expect(attributes['path']).toBe('/');
      expect('secure' in attributes).toBeFalse();
      expect('domain' in attributes).toBeFalse();
    });

    const secureCases: Array<[string, Record<string, string>, Record<string, string>]> = [
      ['behind an HTTPS proxy (COOKIE_SECURE=auto, X-Forwarded-Proto: https)', {}, { 'X-Forwarded-Proto': 'https' }],
      ['with COOKIE_SECURE=always', { COOKIE_SECURE: 'always' }, {}],
    ];
    for (const [what, env, headers] of secureCases) {
      it(`security.md 6: ${what} the cookie is __Host-cadre_sid, Secure, HttpOnly, SameSite=Strict, no Domain`, async () => {
        const secureApp = createTestApp(env);
        const account = await anAccount({ roles: ['cadre'] });
        const res = await rawLogin(secureApp, { username: account.username, password: account.password }, headers);
        expect(res.status).toBe(200);
        expect(setCookieNamed(res, 'cadre_sid')).toBeUndefined();
        const line = setCookieNamed(res, '__Host-cadre_sid')!;
        expect(line).toBeDefined();
        const attributes = cookieAttributes(line);
        expect('secure' in attributes).toBeTrue();
        expect('httponly' in attributes).toBeTrue();
        expect(attributes['samesite']).toBe('Strict');
        expect(attributes['path']).toBe('/');
        expect('domain' in attributes).toBeFalse();
        const session = await request(secureApp)
          .get('/api/auth/session')
          .set(headers)
          .set('Cookie', `__Host-cadre_sid=${cookieValue(line)}`);
        expect(session.status).toBe(200);
      });
    }

    it('security.md 6: every login issues a new session id, the previous one dies, and only its hash is stored', async () => {
      const account = await anAccount({ roles: ['cadre'] });
      const client = await new TestClient(app).init();
      const first = await client.post('/api/auth/login', { username: account.username, password: account.password });
      const firstToken = cookieValue(setCookieNamed(first, 'cadre_sid')!);
      const second = await client.post('/api/auth/login', { username: account.username, password: account.password });
      const secondToken = cookieValue(setCookieNamed(second, 'cadre_sid')!);
      expect(secondToken).not.toBe(firstToken);
      expect(secondToken.length).toBeGreaterThanOrEqual(43);

      const sessions = await sessionsOf(account.id);
      expect(sessions.map((s) => s._id)).toEqual([hashSessionToken(secondToken)]);
      expect(JSON.stringify(sessions)).not.toContain(secondToken);
      const old = await request(app).get('/api/auth/session').set('Cookie', `cadre_sid=${firstToken}`);
      expect(old.status).toBe(401);
    });

    it('security.md 6: a session id planted before login (fixation) is not adopted', async () => {
      const account = await anAccount({ roles: ['cadre'] });
      const planted = 'attacker-chosen-session-token-0123456789abcdef';
      const res = await rawLogin(app, { username: account.username, password: account.password }, { Cookie: `cadre_sid=${planted}` });
      expect(res.status).toBe(200);
      expect(cookieValue(setCookieNamed(res, 'cadre_sid')!)).not.toBe(planted);
      expect(await SessionModel.findById(hashSessionToken(planted)).lean()).toBeNull();
      expect((await request(app).get('/api/auth/session').set('Cookie', `cadre_sid=${planted}`)).status).toBe(401);
    });
  });

  describe('7: ending sessions', () => {
    it('security.md 7: after logout the old cookie gets 401, its session is deleted, and the logout is audited', async () => {
      const account = await anAccount({ roles: ['cadre'] });
      const login = await rawLogin(app, { username: account.username, password: account.password });
      const token = cookieValue(setCookieNamed(login, 'cadre_sid')!);
      const withOldCookie = () => request(app).get('/api/auth/session').set('Cookie', `cadre_sid=${token}`);
      expect((await withOldCookie()).status).toBe(200);

      const logout = await request(app)
        .post('/api/auth/logout')
        .set('Cookie', `cadre_sid=${token}; XSRF-TOKEN=x1234567`)
        .set('X-XSRF-TOKEN', 'x1234567');
      expect(logout.status).toBe(204);
      const cleared = setCookieNamed(logout, 'cadre_sid')!;
      expect(cookieValue(cleared)).toBe('');

      expect((await withOldCookie()).status).toBe(401);
      expect(await sessionsOf(account.id)).toEqual([]);
      expect(await auditTrail({ action: 'auth.logout', userId: account.id, result: 'success' })).toEqual([jasmine.anything()]);
    });

    it('security.md 7: after sys_admin disables an account, the user’s existing client gets 401 and cannot sign in again', async () => {
      const { client: admin } = await signedInAs(app, ['sys_admin']);
      const { client: user, account } = await signedInAs(app, ['cadre']);
      expect((await user.get('/api/auth/session')).status).toBe(200);

      const disable = await admin.post(`/api/users/${account.id}/disable`);
      expect(disable.status).toBe(200);
      expect(disable.body.disabled).toBeTrue();
      expect((await storedUser(account.id)).disabled).toBeTrue();
      expect(await sessionsOf(account.id)).toEqual([]);

      expect((await user.get('/api/auth/session')).status).toBe(401);
      const again = await rawLogin(app, { username: account.username, password: account.password });
      expect(again.status).toBe(403);
      expect(again.body.code).toBe('account_disabled');
      expect(await sessionsOf(account.id)).toEqual([]);
      expect(await auditTrail({ action: 'user.disable', objectId: account.id, result: 'success' })).toEqual([jasmine.anything()]);
    });

    it('security.md 7: a disabled flag set directly in the database also ends a live session at its next request', async () => {
      const { client, account } = await signedInAs(app, ['cadre']);
      await UserModel.updateOne({ _id: account.id }, { $set: { disabled: true } });
      expect((await client.get('/api/auth/session')).status).toBe(401);
      expect(await sessionsOf(account.id)).toEqual([]);
    });
  });

  describe('8: no default account, a one-time first administrator', () => {
    let logged: string[];
    beforeEach(() => {
      logged = [];
      spyOn(console, 'log').and.callFake((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
      });
    });

    it('security.md 8: first start creates exactly one sys_admin whose printed one-time password works once and forces a change', async () => {
      // Guessing must not lock the bootstrap account before the real password is tried.
      const guessApp = createTestApp({ LOCKOUT_THRESHOLD: '100', AUTH_RATE_LIMIT_MAX: '100' });
      expect(await UserModel.countDocuments()).toBe(0);
      await ensureFirstAdmin('sysadmin');

      const users = await UserModel.find().lean();
      expect(users.length).toBe(1);
      expect(users[0]!.username).toBe('sysadmin');
      expect(users[0]!.roles).toEqual(['sys_admin']);
      expect(users[0]!.mustChangePassword).toBeTrue();

      const printed = logged.join('\n');
      const match = /one-time password: (\S+)/.exec(printed);
      expect(match).withContext(printed).not.toBeNull();
      const oneTimePassword = match![1]!;
      expect(oneTimePassword.length).toBeGreaterThanOrEqual(16);

      const guesses: Array<[string, string]> = [
        ['admin', 'admin'],
        ['admin', 'admin123'],
        ['sysadmin', '123456'],
        ['sysadmin', 'admin'],
        ['sysadmin', 'sysadmin'],
        ['sysadmin', 'Admin@123'],
        ['sysadmin', 'P@ssw0rd'],
        ['root', 'root'],
        ['administrator', 'password'],
      ];
      for (const [username, password] of guesses) {
        const res = await rawLogin(guessApp, { username, password });
        expect(res.status).withContext(`${username}/${password}`).toBe(401);
      }

      const client = await new TestClient(guessApp).init();
      const login = await client.post('/api/auth/login', { username: 'sysadmin', password: oneTimePassword });
      expect(login.status).toBe(200);
      expect(login.body.stage).toBe('password_change_required');
      expect((await client.get('/api/users')).body.code).toBe('password_change_required');

      const changed = await client.post('/api/auth/password', { currentPassword: oneTimePassword, newPassword: 'Xitong#Guanli2026' });
      expect(changed.status).toBe(200);
      // A sys_admin must then enrol a second factor before touching anything.
      expect(changed.body.stage).toBe('totp_enrollment_required');
      expect((await storedUser(String(users[0]!._id))).mustChangePassword).toBeFalse();

      const reuse = await rawLogin(guessApp, { username: 'sysadmin', password: oneTimePassword });
      expect(reuse.status).toBe(401);
    });

    it('security.md 8: a later start with a system administrator present creates and prints nothing', async () => {
      await anAccount({ roles: ['sys_admin'], username: 'first.admin' });
      await ensureFirstAdmin('sysadmin');
      expect(await UserModel.countDocuments()).toBe(1);
      expect(await UserModel.exists({ username: 'sysadmin' })).toBeNull();
      expect(logged.join('\n')).not.toContain('one-time password');
    });

    it('security.md 8: a database seeded with other accounts but no system administrator still gets one', async () => {
      await anAccount({ roles: ['cadre'] });
      await ensureFirstAdmin('sysadmin');
      expect(await UserModel.countDocuments()).toBe(2);
      expect(await UserModel.exists({ username: 'sysadmin', roles: 'sys_admin' })).not.toBeNull();
      expect(logged.join('\n')).toContain('one-time password');
    });

    it('security.md 8: accounts created by sys_admin get a random one-time password that must be changed', async () => {
      const { client } = await signedInAs(app, ['sys_admin']);
      const first = await client.post('/api/users', { username: 'newcomer.a', displayName: '新用户甲' });
      const second = await client.post('/api/users', { username: 'newcomer.b', displayName: '新用户乙' });
      expect(first.status).toBe(201);
      expect(first.body.oneTimePassword).not.toBe(second.body.oneTimePassword);
      expect(first.body.user.mustChangePassword).toBeTrue();
      const login = await rawLogin(app, { username: 'newcomer.a', password: first.body.oneTimePassword });
      expect(login.body.stage).toBe('password_change_required');
    });
  });
});
