import { Writable } from 'node:stream';
import type { Express } from 'express';
import { pino } from 'pino';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createTestApp } from '../test/test-app.js';
import { testDatabaseInfo } from '../test/test-database.js';
import { GOOD_PASSWORD, TestClient, anAccount, signedInAs, totpCodeFor } from '../test/test-client.js';
import { aCadre, aUnit } from '../test/factories.js';
import { appendAuditRecord, computeAuditHash } from '../audit/audit-chain.js';
import { verifyAuditChain } from '../audit/audit-verification.js';
import { pruneAudit } from '../audit/audit-retention.js';
import { withRetentionSetting } from '../audit/audit-fixtures.js';
import { recordAudit } from '../audit/audit.service.js';
import { AuditModel } from '../audit/audit.model.js';
import { UserModel } from '../users/user.model.js';
import { DAY, auditCount, auditTrail, cookieValue, eventually, rawLogin, setCookieNamed } from './security-helpers.js';

const ID_NUMBER = '50010519900101123X';

interface Expected {
  action: string;
  result: 'success' | 'failure' | 'denied';
  userId: string | null;
  username: string;
  objectType: string | null;
  objectId: string | null;
}

describe('security.md audit (等保 8.1.4.3)', () => {
  const app = createTestApp();

  describe('14: who, when, from where, what, on which object, with what result', () => {
    const events: Array<[string, () => Promise<Expected>]> = [
      [
        'a failed login (wrong password)',
        async () => {
          const a = await anAccount({ roles: ['cadre'] });
          expect((await rawLogin(app, { username: a.username, password: 'Wrong#Pass2026' })).status).toBe(401);
          return { action: 'auth.login', result: 'failure', userId: a.id, username: a.username, objectType: 'user', objectId: a.id };
        },
      ],
      [
        'a failed login (unknown user)',
        async () => {
          expect((await rawLogin(app, { username: 'nobody.here', password: 'Wrong#Pass2026' })).status).toBe(401);
          return { action: 'auth.login', result: 'failure', userId: null, username: 'nobody.here', objectType: null, objectId: null };
        },
      ],
      [
        'a successful login',
        async () => {
          const a = await anAccount({ roles: ['cadre'] });
          expect((await rawLogin(app, { username: a.username, password: a.password })).status).toBe(200);
          return { action: 'auth.login', result: 'success', userId: a.id, username: a.username, objectType: 'user', objectId: a.id };
        },
      ],
      [
        'a logout',
        async () => {
          const { client, account } = await signedInAs(app, ['cadre']);
          expect((await client.post('/api/auth/logout')).status).toBe(204);
          return { action: 'auth.logout', result: 'success', userId: account.id, username: account.username, objectType: 'user', objectId: account.id };
        },
      ],
      [
        'a write: a unit created',
        async () => {
          const root = await aUnit();
          const { client, account } = await signedInAs(app, ['org_admin']);
          const res = await client.post('/api/units', { name: '新设单位', code: 'NEW-1', type: 'department', parentId: String(root._id) });
          expect(res.status).toBe(201);
          return { action: 'unit.create', result: 'success', userId: account.id, username: account.username, objectType: 'unit', objectId: res.body.id };
        },
      ],
      [
        'a write: a unit updated',
        async () => {
          const unit = await aUnit({ parent: await aUnit() });
          const { client, account } = await signedInAs(app, ['org_admin']);
          expect((await client.patch(`/api/units/${unit._id}`, { version: 0, name: '改名单位' })).status).toBe(200);
          return { action: 'unit.update', result: 'success', userId: account.id, username: account.username, objectType: 'unit', objectId: String(unit._id) };
        },
      ],
      [
        'a write: a unit deleted',
        async () => {
          const unit = await aUnit({ parent: await aUnit() });
          const { client, account } = await signedInAs(app, ['org_admin']);
          expect((await client.delete(`/api/units/${unit._id}`)).status).toBe(204);
          return { action: 'unit.delete', result: 'success', userId: account.id, username: account.username, objectType: 'unit', objectId: String(unit._id) };
        },
      ],
      [
        'a write: an account created',
        async () => {
          const { client, account } = await signedInAs(app, ['sys_admin']);
          const res = await client.post('/api/users', { username: 'new.user', displayName: '新用户' });
          expect(res.status).toBe(201);
          return { action: 'user.create', result: 'success', userId: account.id, username: account.username, objectType: 'user', objectId: res.body.user.id };
        },
      ],
      [
        'a write: an account updated',
        async () => {
          const target = await anAccount({ roles: ['cadre'], unitId: String((await aUnit())._id) });
          const { client, account } = await signedInAs(app, ['sys_admin']);
          expect((await client.patch(`/api/users/${target.id}`, { version: 0, displayName: '改名' })).status).toBe(200);
          return { action: 'user.update', result: 'success', userId: account.id, username: account.username, objectType: 'user', objectId: target.id };
        },
      ],
      ...(['disable', 'enable', 'unlock'] as const).map((action): [string, () => Promise<Expected>] => [
        `a write: an account ${action}d`,
        async () => {
          const target = await anAccount({ roles: ['cadre'], unitId: String((await aUnit())._id) });
          const { client, account } = await signedInAs(app, ['sys_admin']);
          expect((await client.post(`/api/users/${target.id}/${action}`)).status).toBe(200);
          return { action: `user.${action}`, result: 'success', userId: account.id, username: account.username, objectType: 'user', objectId: target.id };
        },
      ]),
      [
        'a write: a password reset by sys_admin of an account without roles',
        async () => {
          const target = await anAccount({ roles: [] });
          const { client, account } = await signedInAs(app, ['sys_admin']);
          expect((await client.post(`/api/users/${target.id}/password-reset`)).status).toBe(200);
          return { action: 'user.reset_password', result: 'success', userId: account.id, username: account.username, objectType: 'user', objectId: target.id };
        },
      ],
      [
        'a write: the own password changed',
        async () => {
          const { client, account } = await signedInAs(app, ['cadre']);
          expect((await client.post('/api/auth/password', { currentPassword: account.password, newPassword: 'Xinmima#2026-Jb' })).status).toBe(200);
          return { action: 'auth.password_change', result: 'success', userId: account.id, username: account.username, objectType: 'user', objectId: account.id };
        },
      ],
      [
        'a write: a second factor enrolled',
        async () => {
          const account = await anAccount({ roles: ['org_admin'] });
          const client = await new TestClient(app).init();
          await client.post('/api/auth/login', { username: account.username, password: account.password });
          const { secret } = (await client.post('/api/auth/totp/enrollment')).body as { secret: string };
          expect((await client.post('/api/auth/totp/enrollment/confirm', { code: totpCodeFor(secret) })).status).toBe(200);
          return { action: 'auth.totp_enrollment_confirm', result: 'success', userId: account.id, username: account.username, objectType: 'user', objectId: account.id };
        },
      ],
      [
        'a read of a cadre record',
        async () => {
          const cadre = await aCadre(await aUnit());
          const { client, account } = await signedInAs(app, ['org_admin']);
          expect((await client.get(`/api/cadres/${cadre._id}`)).status).toBe(200);
          return { action: 'cadre.read', result: 'success', userId: account.id, username: account.username, objectType: 'cadre', objectId: String(cadre._id) };
        },
      ],
      [
        'a denied read of a cadre record out of scope',
        async () => {
          const unit = await aUnit();
          const mine = await aCadre(unit);
          const other = await aCadre(unit);
          const { client, account } = await signedInAs(app, ['cadre'], { cadreId: String(mine._id) });
          expect((await client.get(`/api/cadres/${other._id}`)).status).toBe(403);
          return { action: 'cadre.read', result: 'denied', userId: account.id, username: account.username, objectType: 'cadre', objectId: String(other._id) };
        },
      ],
      [
        'a denied operation',
        async () => {
          const { client, account } = await signedInAs(app, ['sys_admin']);
          expect((await client.get('/api/audit')).status).toBe(403);
          return { action: 'access.denied', result: 'denied', userId: account.id, username: account.username, objectType: 'operation', objectId: 'listAuditRecords' };
        },
      ],
      [
        'an export (the audit log as CSV)',
        async () => {
          const { client, account } = await signedInAs(app, ['audit_admin']);
          const res = await client.get('/api/audit/export');
          expect(res.status).toBe(200);
          return { action: 'audit.export', result: 'success', userId: account.id, username: account.username, objectType: 'audit_log', objectId: null };
        },
      ],
      [
        'a permission change (role grant that narrows, at once)',
        async () => {
          const target = await anAccount({ roles: ['unit_manager', 'cadre'], unitId: String((await aUnit())._id) });
          const { client, account } = await signedInAs(app, ['security_admin']);
          expect((await client.put(`/api/users/${target.id}/roles`, { version: 0, roles: ['unit_manager'] })).status).toBe(200);
          return { action: 'user.grant_roles', result: 'success', userId: account.id, username: account.username, objectType: 'user', objectId: target.id };
        },
      ],
      [
        'a permission change requested (role grant waiting for approval)',
        async () => {
          const target = await anAccount({ roles: ['cadre'], unitId: String((await aUnit())._id) });
          const { client, account } = await signedInAs(app, ['security_admin']);
          expect((await client.put(`/api/users/${target.id}/roles`, { version: 0, roles: ['unit_manager'] })).status).toBe(200);
          return { action: 'user.change_request', result: 'success', userId: account.id, username: account.username, objectType: 'user', objectId: target.id };
        },
      ],
      [
        'a permission change approved',
        async () => {
          const target = await anAccount({ roles: ['cadre'], unitId: String((await aUnit())._id) });
          const requester = await signedInAs(app, ['security_admin']);
          const requested = await requester.client.put(`/api/users/${target.id}/roles`, { version: 0, roles: ['unit_manager'] });
          const { client, account } = await signedInAs(app, ['security_admin']);
          expect((await client.post(`/api/users/${target.id}/pending-change/approval`, { version: requested.body.version })).status).toBe(200);
          return { action: 'user.change_approve', result: 'success', userId: account.id, username: account.username, objectType: 'user', objectId: target.id };
        },
      ],
    ];

    for (const [what, act] of events) {
      it(`security.md 14: ${what} writes {time, user, ip, action, object, result}`, async () => {
        const started = Date.now();
        const expected = await act();
        // An export is audited when its stream has finished, which may be just after the client has read it.
        const record = await eventually(async () => {
          const matches = await auditTrail({ action: expected.action, result: expected.result, objectId: expected.objectId });
          return matches[matches.length - 1];
        });
        expect(record).toEqual(jasmine.objectContaining({ ...expected, ip: jasmine.stringMatching(/^(::ffff:)?127\.0\.0\.1$|^::1$/) }));
        expect(record['time']).toEqual(jasmine.any(Date));
        expect((record['time'] as Date).getTime()).toBeGreaterThanOrEqual(started - 1000);
        expect((record['time'] as Date).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
        expect(record['requestId']).toEqual(jasmine.any(String));
      });
    }
  });

  describe('15: append-only and hash-chained', () => {
    it('security.md 15: every operation the API offers under /api/audit is a GET', async () => {
      const doc = (await new TestClient(app).get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
      const auditPaths = Object.entries(doc.paths).filter(([path]) => path === '/api/audit' || path.startsWith('/api/audit/'));
      expect(auditPaths.length).toBeGreaterThanOrEqual(3);
      for (const [path, methods] of auditPaths) expect(Object.keys(methods)).withContext(path).toEqual(['get']);
    });

    it('security.md 15: no method on any audit path changes or deletes records, even for audit_admin', async () => {
      await recordAudit(null, { action: 'test.event', result: 'success' });
      const { client } = await signedInAs(app, ['audit_admin']);
      const before = await auditTrail();
      const first = before[0]!;
      for (const path of ['/api/audit', `/api/audit/${first['seq']}`, `/api/audit/${String(first['_id'])}`, '/api/audit/verification', '/api/audit/export']) {
        for (const method of ['post', 'put', 'patch', 'delete'] as const) {
          const res = method === 'delete' ? await client.delete(path) : await client[method](path, { result: 'success', detail: null });
          expect(res.status).withContext(`${method.toUpperCase()} ${path}`).toBe(404);
        }
      }
      expect(await auditTrail()).toEqual(before);
    });

    async function aTrailOfTen() {
      for (let i = 1; i <= 8; i += 1) await recordAudit(null, { action: 'test.event', result: 'success', detail: { i } });
      const auditor = await signedInAs(app, ['audit_admin']);
      const clean = await auditor.client.get('/api/audit/verification');
      expect(clean.status).toBe(200);
      expect(clean.body).toEqual(jasmine.objectContaining({ ok: true, checked: await auditCount(), firstBrokenSeq: null }));
      return auditor.client;
    }

    const tampering: Array<[string, () => Promise<unknown>, number]> = [
      ['a result rewritten', () => AuditModel.collection.updateOne({ seq: 3 }, { $set: { result: 'failure' } }), 3],
      ['a username rewritten', () => AuditModel.collection.updateOne({ seq: 4 }, { $set: { username: 'someone.else' } }), 4],
      ['a time moved', () => AuditModel.collection.updateOne({ seq: 2 }, { $set: { time: new Date(Date.now() - DAY) } }), 2],
      ['the detail edited', () => AuditModel.collection.updateOne({ seq: 5 }, { $set: { 'detail.i': 42 } }), 5],
      ['a record deleted', () => AuditModel.collection.deleteOne({ seq: 3 }), 3],
      [
        'a record rewritten with a freshly computed hash',
        async () => {
          const { _id, ...record } = (await AuditModel.collection.findOne({ seq: 3 }))!;
          const forged = { ...record, result: 'failure' } as never;
          await AuditModel.collection.updateOne({ _id }, { $set: { result: 'failure', hash: computeAuditHash(forged) } });
        },
        4,
      ],
    ];
    for (const [what, tamper, brokenSeq] of tampering) {
      it(`security.md 15: ${what} in the database is reported by GET /api/audit/verification at seq ${brokenSeq}`, async () => {
        const client = await aTrailOfTen();
        await tamper();
        const res = await client.get('/api/audit/verification');
        expect(res.status).toBe(200);
        expect(res.body.ok).toBeFalse();
        expect(res.body.firstBrokenSeq).toBe(brokenSeq);
        expect(res.body.headSeq).toBe(brokenSeq - 1);
        expect(res.body.breaks[0]).toEqual(jasmine.objectContaining({ seq: brokenSeq }));
      });
    }
  });

  describe('16: retention', () => {
    async function recordAt(ageDays: number, label: string) {
      await appendAuditRecord({
        time: new Date(Date.now() - ageDays * DAY),
        userId: null,
        username: null,
        ip: null,
        action: `test.${label}`,
        objectType: null,
        objectId: null,
        result: 'success',
        detail: null,
        requestId: null,
      });
    }

    it('security.md 16: pruning with the 180-day minimum removes only older records and the chain still verifies', () =>
      withRetentionSetting(180, async () => {
        for (const [age, label] of [[400, 'd400'], [200, 'd200'], [181, 'd181'], [179, 'd179'], [30, 'd30'], [0, 'd0']] as const) await recordAt(age, label);
        const result = await pruneAudit({ retentionDays: 180 });
        expect(result.deleted).toBe(3);
        const kept = (await auditTrail()).map((r) => r['action']);
        expect(kept).toEqual(['test.d179', 'test.d30', 'test.d0', 'audit.prune']);
        for (const record of await auditTrail()) {
          expect((record['time'] as Date).getTime()).toBeGreaterThan(Date.now() - 180 * DAY);
        }
        expect((await verifyAuditChain()).ok).toBeTrue();
        const { client } = await signedInAs(app, ['audit_admin']);
        expect((await client.get('/api/audit/verification')).body.ok).toBeTrue();
      }));

    it('security.md 16: records pruned before the configured retention allowed are reported (anchor too young)', async () => {
      for (const [age, label] of [[400, 'd400'], [200, 'd200'], [0, 'd0']] as const) await recordAt(age, label);
      await pruneAudit({ retentionDays: 180 });
      const { client } = await signedInAs(app, ['audit_admin']);

      const res = await client.get('/api/audit/verification');

      expect(loadConfig({}).AUDIT_RETENTION_DAYS).toBe(365);
      expect(res.body.ok).toBeFalse();
      expect(res.body.breaks).toEqual([{ kind: 'anchor_too_young', seq: 2, lastSeq: null }]);
      expect(res.body.anchor).toEqual({ seq: 2, time: jasmine.any(String) });
      expect(await auditCount()).toBeGreaterThan(1);
    });

    it('security.md 16: the default retention (365 days) keeps a 200-day-old record', async () => {
      await recordAt(400, 'd400');
      await recordAt(200, 'd200');
      await pruneAudit({ retentionDays: loadConfig({}).AUDIT_RETENTION_DAYS });
      expect((await auditTrail()).map((r) => r['action'])).toEqual(['test.d200', 'audit.prune']);
    });

    it('security.md 16: a retention under 180 days is refused by the job and by the configuration', async () => {
      await recordAt(100, 'd100');
      await recordAt(10, 'd10');
      await expectAsync(pruneAudit({ retentionDays: 90 })).toBeRejectedWithError(RangeError);
      expect(await auditCount()).toBe(2);
      expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '179' })).toThrowError(/AUDIT_RETENTION_DAYS/);
    });

    it('security.md 16: a clock handed in from the future does not widen the cut', async () => {
      await recordAt(100, 'd100');
      await recordAt(10, 'd10');
      const result = await pruneAudit({ retentionDays: 180, now: new Date(Date.now() + 1000 * DAY) });
      expect(result.deleted).toBe(0);
      expect(await auditCount()).toBe(2);
    });
  });

  describe('17: no secrets in the audit trail or the logs', () => {
    /** Walks through every flow that handles a credential; returns the secrets it saw. */
    async function handleEveryKindOfSecret(target: Express): Promise<string[]> {
      const secrets: string[] = [GOOD_PASSWORD];
      const { client: admin, account: adminAccount } = await signedInAs(target, ['sys_admin']);
      secrets.push(adminAccount.totpSecret!);

      const created = await admin.post('/api/users', { username: 'victim', displayName: '受试用户' });
      expect(created.status).toBe(201);
      secrets.push(created.body.oneTimePassword);
      const reset = await admin.post(`/api/users/${created.body.user.id}/password-reset`);
      const otp: string = reset.body.oneTimePassword;
      secrets.push(otp);

      const wrong = 'Wrong#Guess-2026';
      secrets.push(wrong);
      expect((await rawLogin(target, { username: 'victim', password: wrong })).status).toBe(401);
      // Users who sign in with their ID number type it where the username goes.
      secrets.push(ID_NUMBER);
      expect((await rawLogin(target, { username: ID_NUMBER, password: 'Some#Pass-2026' })).status).toBe(401);
      secrets.push('Some#Pass-2026');

      const victim = await new TestClient(target).init();
      const login = await victim.post('/api/auth/login', { username: 'victim', password: otp });
      secrets.push(cookieValue(setCookieNamed(login, 'cadre_sid')!));
      const newPassword = 'Xinmima#2026-Jb';
      secrets.push(newPassword);
      expect((await victim.post('/api/auth/password', { currentPassword: otp, newPassword })).status).toBe(200);
      const enrollment = await victim.post('/api/auth/totp/enrollment');
      secrets.push(enrollment.body.secret);
      const confirm = await victim.post('/api/auth/totp/enrollment/confirm', { code: totpCodeFor(enrollment.body.secret) });
      expect(confirm.status).toBe(200);
      secrets.push(...(confirm.body.recoveryCodes as string[]));
      expect((await victim.post('/api/auth/logout')).status).toBe(204);

      const again = await new TestClient(target).init();
      const second = await again.post('/api/auth/login', { username: 'victim', password: newPassword });
      secrets.push(cookieValue(setCookieNamed(second, 'cadre_sid')!));
      expect((await again.post('/api/auth/totp', { recoveryCode: confirm.body.recoveryCodes[0] })).status).toBe(200);
      return secrets;
    }

    function findSecrets(text: string, secrets: string[]): string[] {
      const found = secrets.filter((s) => text.includes(s));
      // Any 18-digit resident ID number, masked ones excepted.
      const idNumbers = text.match(/(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g) ?? [];
      return [...found, ...idNumbers];
    }

    it('security.md 17: the whole audit_log holds no password, session token, TOTP secret, recovery code or full ID number', async () => {
      const secrets = await handleEveryKindOfSecret(app);
      const trail = await auditTrail();
      expect(trail.length).toBeGreaterThan(10);
      expect(findSecrets(JSON.stringify(trail), secrets)).toEqual([]);
    });

    it('security.md 17: an ID number in an audit detail is stored masked (前6后4), under any key', async () => {
      await recordAudit(null, { action: 'test.masking', result: 'success', detail: { idNumber: ID_NUMBER, note: ID_NUMBER, nested: { list: [ID_NUMBER] } } });
      const [record] = await auditTrail({ action: 'test.masking' });
      expect(record!['detail']).toEqual({ idNumber: '500105********123X', note: '500105********123X', nested: { list: ['500105********123X'] } });
      expect(JSON.stringify(record)).not.toContain(ID_NUMBER);
    });

    it('security.md 17: the request log (pino, at trace level) holds none of them either', async () => {
      const lines: string[] = [];
      const sink = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          lines.push(chunk.toString());
          callback();
        },
      });
      // Not the production logger's redaction: what the app itself hands to the logger is checked.
      const logger = pino({ level: 'trace' }, sink);
      const logged = createApp({ logger, database: testDatabaseInfo(), config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'trace' }) });
      const secrets = await handleEveryKindOfSecret(logged);
      expect(lines.length).toBeGreaterThan(10);
      const text = lines.join('');
      expect(text).toContain('"statusCode"');
      expect(findSecrets(text, secrets)).toEqual([]);
      expect(text.toLowerCase()).not.toContain('cookie');
      expect(text.toLowerCase()).not.toContain('x-xsrf-token');
    });

    it('security.md 17: the users collection holds no password or TOTP secret in clear either', async () => {
      const secrets = await handleEveryKindOfSecret(app);
      const users = await UserModel.find().lean();
      const text = JSON.stringify(users);
      expect(secrets.filter((s) => s !== ID_NUMBER && text.includes(s))).toEqual([]);
    });
  });
});
