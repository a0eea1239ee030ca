import request from 'supertest';
import mongoose from 'mongoose';
import type { Role } from '@cadre/shared-models';
import { createTestApp } from '../test/test-app.js';
import { TestClient, anAccount, signedInAs, totpCodeFor } from '../test/test-client.js';
import { aCadre, aCadreInput, aUnit } from '../test/factories.js';
import { CadreModel } from '../cadres/cadre.model.js';
import { UnitModel } from '../units/unit.model.js';
import { UserModel } from '../users/user.model.js';
import { RateLimitHitModel } from '../platform/rate-limit-store.js';
import { auditTrail, collectionCounts, cookieAttributes, cookieValue, rawLogin, sessionsOf, setCookieNamed, storedUser } from './security-helpers.js';

const SOME_ID = '0123456789abcdef01234567';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Fills `:unit`, `:user` and `:cadre` in a path template with records that exist. */
async function aWorld() {
  const root = await aUnit();
  const unit = await aUnit({ parent: root });
  const cadre = await aCadre(unit);
  const user = await anAccount({ roles: ['cadre'] });
  return (template: string) =>
    template.replace(':unit', String(unit._id)).replace(':user', user.id).replace(':cadre', String(cadre._id)).replace(':root', String(root._id));
}

async function send(client: TestClient, method: Method, path: string, body?: unknown) {
  if (method === 'get') return client.get(path);
  if (method === 'delete') return client.delete(path);
  return client[method](path, body as object);
}

describe('security.md input (ASVS 1–5, 15)', () => {
  const app = createTestApp();

  describe('22: schema validation with field-level errors, nothing written', () => {
    const cases: Array<[Role | null, Method, string, unknown, string[]]> = [
      [null, 'post', '/api/auth/login', { username: '', password: '' }, ['body.username', 'body.password']],
      [null, 'post', '/api/auth/login', { username: 'someone' }, ['body.password']],
      ['org_admin', 'post', '/api/units', { name: '', code: 'bad code', type: 'castle', parentId: 'zzz' }, ['body.name', 'body.code', 'body.type', 'body.parentId']],
      ['org_admin', 'post', '/api/units', {}, ['body.name', 'body.code', 'body.type', 'body.parentId']],
      ['org_admin', 'patch', '/api/units/not-an-id', { version: 0 }, ['params.id']],
      ['org_admin', 'patch', '/api/units/:unit', { version: '0', sortOrder: -1 }, ['body.version', 'body.sortOrder']],
      ['org_admin', 'delete', '/api/units/12345', undefined, ['params.id']],
      ['org_admin', 'get', '/api/cadres?size=0', undefined, ['query.size']],
      ['org_admin', 'get', '/api/cadres?page=-1', undefined, ['query.page']],
      ['org_admin', 'get', '/api/cadres?size=ten', undefined, ['query.size']],
      ['org_admin', 'get', `/api/cadres?name=${'长'.repeat(21)}`, undefined, ['query.name']],
      ['org_admin', 'get', '/api/cadres?sort=name', undefined, ['query']],
      ['org_admin', 'get', '/api/cadres/123', undefined, ['params.id']],
      ['sys_admin', 'post', '/api/users', { username: 'Bad Name', displayName: '' }, ['body.username', 'body.displayName']],
      ['sys_admin', 'post', '/api/users', { username: 'ok.name', displayName: '某人', unitId: 'nope' }, ['body.unitId']],
      ['sys_admin', 'post', '/api/users', { username: 'ok.name', displayName: '某人', unitId: SOME_ID }, ['body.unitId']],
      ['sys_admin', 'patch', '/api/users/:user', { displayName: '缺版本' }, ['body.version']],
      ['sys_admin', 'patch', '/api/users/:user', { version: 0, cadreId: SOME_ID }, ['body.cadreId']],
      ['sys_admin', 'get', '/api/users?size=1000', undefined, ['query.size']],
      ['security_admin', 'put', '/api/users/:user/roles', { version: 0, roles: ['emperor'] }, ['body.roles.0']],
      ['security_admin', 'put', '/api/users/:user/roles', { version: 0, roles: [] }, ['body.roles']],
      ['audit_admin', 'get', '/api/audit?from=yesterday', undefined, ['query.from']],
      ['audit_admin', 'get', '/api/audit?result=maybe&size=1000', undefined, ['query.result', 'query.size']],
    ];
    for (const [role, method, template, body, paths] of cases) {
      it(`security.md 22: ${role ?? 'anyone'} ${method.toUpperCase()} ${template} ${body === undefined ? '' : JSON.stringify(body)} → 400 naming ${paths.join(', ')}`, async () => {
        const fill = await aWorld();
        const client = role ? (await signedInAs(app, [role])).client : await new TestClient(app).init();
        const before = await collectionCounts();
        const usersBefore = await UserModel.find().lean();
        const unitsBefore = await UnitModel.find().lean();
        const res = await send(client, method, fill(template), body);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('validation_failed');
        const reported = (res.body.errors as Array<{ path: string; message: string }>).map((e) => e.path);
        expect(reported).toEqual(jasmine.arrayContaining(paths));
        for (const error of res.body.errors) expect(error.message).toEqual(jasmine.any(String));
        expect(await collectionCounts()).toEqual(before);
        expect(await UserModel.find().lean()).toEqual(usersBefore);
        expect(await UnitModel.find().lean()).toEqual(unitsBefore);
      });
    }

    const undeclared: Array<[Role, Method, string, unknown, string]> = [
      ['org_admin', 'get', '/api/stats/cadre-distribution?unitType=street', undefined, 'query'],
      ['org_admin', 'get', '/api/units?parentId=x', undefined, 'query'],
      ['sys_admin', 'post', '/api/users/:user/disable', { reason: 'x' }, 'body'],
      ['sys_admin', 'post', '/api/users/:user/password-reset', { password: 'Chosen#Pass2026' }, 'body'],
      ['cadre', 'post', '/api/auth/logout', { everywhere: true }, 'body'],
    ];
    for (const [role, method, template, body, where] of undeclared) {
      it(`security.md 22: an operation that declares no ${where} refuses one: ${role} ${method.toUpperCase()} ${template}`, async () => {
        const fill = await aWorld();
        const { client, account } = await signedInAs(app, [role]);
        const usersBefore = await UserModel.find().lean();
        const res = await send(client, method, fill(template), body);
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(where);
        expect(await UserModel.find().lean()).toEqual(usersBefore);
        expect(await sessionsOf(account.id)).not.toEqual([]);
      });
    }

    describe('person fields refuse NUL, bidi controls and invisible characters', () => {
      const cadreNames: Array<[what: string, name: string, message: string]> = [
        ['NUL', '张\u0000三', '不能包含控制字符（如 NUL）'],
        ['a right-to-left override', '张三\u202E', '不能包含改变文字方向的控制字符'],
        ['only zero-width characters', '\u200B\u200B\u200B', '不能包含零宽字符等不可见字符'],
      ];
      for (const [what, name, message] of cadreNames) {
        it(`security.md 22: a cadre named with ${what} gets 400 on body.name, and nothing is written`, async () => {
          const unit = await aUnit();
          const { client } = await signedInAs(app, ['org_admin']);
          const before = await collectionCounts();
          const res = await client.post('/api/cadres', aCadreInput(unit, { name }));
          expect(res.status).toBe(400);
          expect(res.body.errors).toContain({ path: 'body.name', message });
          expect(await collectionCounts()).toEqual(before);
        });
      }

      it('security.md 22: a cadre named 阿依古丽·买买提 is created with the middle dot kept', async () => {
        const unit = await aUnit();
        const { client } = await signedInAs(app, ['org_admin']);
        const res = await client.post('/api/cadres', aCadreInput(unit, { name: '阿依古丽·买买提', idNumber: null }));
        expect(res.status).toBe(201);
        expect((await CadreModel.findById(res.body.id).lean())?.name).toBe('阿依古丽·买买提');
      });

      it('security.md 22: a user display name with U+2066 gets 400 on body.displayName', async () => {
        const { client } = await signedInAs(app, ['sys_admin']);
        const res = await client.post('/api/users', { username: 'wang.wu', displayName: '\u2066王五' });
        expect(res.status).toBe(400);
        expect(res.body.errors).toContain({ path: 'body.displayName', message: '不能包含改变文字方向的控制字符' });
        expect(await UserModel.countDocuments({ username: 'wang.wu' })).toBe(0);
      });
    });

    it('security.md 22: malformed JSON gets a 400 problem without the parser’s message, and writes nothing', async () => {
      const fill = await aWorld();
      const { client } = await signedInAs(app, ['org_admin']);
      const before = await collectionCounts();
      const res = await client.agent
        .post('/api/units')
        .set('X-XSRF-TOKEN', (client as unknown as { xsrf: string }).xsrf)
        .set('Content-Type', 'application/json')
        .send(`{"name": "半截", "parentId": "${fill(':root')}"`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('malformed_json');
      expect(JSON.stringify(res.body)).not.toMatch(/Unexpected|position|JSON\.parse/);
      expect(await collectionCounts()).toEqual(before);
    });
  });

  describe('22: text that is not well-formed UTF-16 is refused at the boundary', () => {
    const MESSAGE = '包含无效的字符编码';
    const cases: Array<[Role, Method, string, unknown, string]> = [
      ['org_admin', 'post', '/api/units', { name: '单位\ud800', code: 'NEW-1', type: 'department', parentId: ':root' }, 'body.name'],
      ['security_admin', 'put', '/api/users/:user/roles', { version: 0, roles: ['cadre\udc00'] }, 'body.roles.0'],
      ['org_admin', 'post', '/api/units', { ['na\ud800me']: 'x' }, 'body.na\ud800me'],
      ['audit_admin', 'get', '/api/audit?username=%ED%A0%80rt', undefined, 'query.username'],
    ];
    for (const [role, method, template, body, path] of cases) {
      it(`security.md 22: ${role} ${method.toUpperCase()} ${template} with a lone surrogate → 400 malformed_text naming ${JSON.stringify(path)}, nothing written`, async () => {
        const fill = await aWorld();
        const { client } = await signedInAs(app, [role]);
        const before = await collectionCounts();
        const filled = body === undefined ? undefined : JSON.parse(fill(JSON.stringify(body)));
        const res = await send(client, method, fill(template), filled);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body.code).toBe('malformed_text');
        expect(res.body.detail).toContain(MESSAGE);
        expect(res.body.errors).toEqual([{ path, message: MESSAGE }]);
        expect(await collectionCounts()).toEqual(before);
      });
    }

    it('security.md 22: a login whose username holds a lone surrogate gets 400, is not audited, and the chain still verifies', async () => {
      const { client: auditor } = await signedInAs(app, ['audit_admin']);
      const trailBefore = await auditTrail();

      const res = await rawLogin(app, { username: '\ud800rt', password: 'Some#Pass-2026' });

      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ path: 'body.username', message: MESSAGE }]);
      expect(setCookieNamed(res, 'cadre_sid')).toBeUndefined();
      expect(await auditTrail()).toEqual(trailBefore);
      const verification = await auditor.get('/api/audit/verification');
      expect(verification.body).toEqual(jasmine.objectContaining({ ok: true, breakCount: 0 }));
    });
  });

  describe('23: operator injection', () => {
    const logins: Array<[string, unknown]> = [
      ['password {"$ne": null}', { username: 'admin', password: { $ne: null } }],
      ['password {"$gt": ""}', { username: 'admin', password: { $gt: '' } }],
      ['username {"$ne": null}', { username: { $ne: null }, password: 'Whatever#2026' }],
      ['username {"$regex": ".*"}', { username: { $regex: '.*' }, password: 'Whatever#2026' }],
      ['both as arrays', { username: ['admin'], password: ['x'] }],
    ];
    for (const [what, body] of logins) {
      it(`security.md 23: a login with ${what} gets 400, never a session`, async () => {
        const admin = await anAccount({ roles: ['cadre'], username: 'admin' });
        const res = await rawLogin(app, body);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('validation_failed');
        expect(setCookieNamed(res, 'cadre_sid')).toBeUndefined();
        expect(await sessionsOf(admin.id)).toEqual([]);
        expect((await storedUser(admin.id)).lastLoginAt).toBeNull();
        expect(await auditTrail({ action: 'auth.login', result: 'success' })).toEqual([]);
      });
    }

    const queries: Array<[Role, string]> = [
      ['org_admin', '/api/cadres?name[$ne]=x'],
      ['org_admin', '/api/cadres?name[$regex]=.*'],
      ['org_admin', '/api/cadres?name=a&name=b'],
      ['unit_manager', '/api/cadres?unitPath[$exists]=true'],
      ['sys_admin', '/api/users?q[$regex]=.*'],
      ['audit_admin', '/api/audit?username[$ne]=x'],
      ['audit_admin', '/api/audit?objectId[$gt]='],
    ];
    for (const [role, path] of queries) {
      it(`security.md 23: ${role} GET ${path} is rejected with 400`, async () => {
        const unit = await aUnit();
        await aCadre(unit);
        const { client } = await signedInAs(app, [role], { unitId: String(unit._id) });
        const res = await client.get(path);
        expect(res.status).toBe(400);
        expect(res.body.errors.length).toBeGreaterThan(0);
      });
    }

    it('security.md 23: regular-expression characters in search text match literally', async () => {
      const unit = await aUnit();
      await aCadre(unit, { name: '张三' });
      await aCadre(unit, { name: '李四' });
      await anAccount({ roles: ['cadre'], username: 'searchable' });
      const org = await signedInAs(app, ['org_admin']);
      expect((await org.client.get(`/api/cadres?name=${encodeURIComponent('张')}`)).body.total).toBe(1);
      for (const pattern of ['.*', '^', '.', '张|李', '[张李]']) {
        expect((await org.client.get(`/api/cadres?name=${encodeURIComponent(pattern)}`)).body.total).withContext(pattern).toBe(0);
      }
      const sys = await signedInAs(app, ['sys_admin']);
      expect((await sys.client.get('/api/users?q=search')).body.total).toBe(1);
      expect((await sys.client.get(`/api/users?q=${encodeURIComponent('.*')}`)).body.total).toBe(0);
      const audit = await signedInAs(app, ['audit_admin']);
      expect((await audit.client.get('/api/audit?action=auth.')).body.total).toBeGreaterThan(0);
      expect((await audit.client.get(`/api/audit?action=${encodeURIComponent('.*')}`)).body.total).toBe(0);
    });

    it('security.md 23: in the data layer, operator objects in filters are neutralised (sanitizeFilter) and unknown fields throw (strictQuery)', async () => {
      const unit = await aUnit();
      await aCadre(unit);
      await aCadre(unit);
      expect(await CadreModel.countDocuments()).toBe(2);
      // Wrapped in $eq by sanitizeFilter, an operator object either fails to cast or matches nothing.
      const neutralised = async (query: Promise<unknown>) => {
        try {
          const found = await query;
          return found === null || found === 0 || (Array.isArray(found) && found.length === 0);
        } catch {
          return true;
        }
      };
      expect(await neutralised(CadreModel.find({ name: { $ne: 'nobody' } } as never).lean())).toBeTrue();
      expect(await neutralised(CadreModel.countDocuments({ name: { $regex: '.*' } } as never).exec())).toBeTrue();
      expect(await neutralised(CadreModel.find({ unitPath: { $exists: true } } as never).lean())).toBeTrue();
      expect(await neutralised(UserModel.findOne({ username: { $gt: '' } } as never).lean())).toBeTrue();
      // The same filter marked trusted does reach the cadres: the neutralising above is what protects.
      expect(await CadreModel.countDocuments({ name: mongoose.trusted({ $ne: 'nobody' }) })).toBe(2);
      await expectAsync(CadreModel.find({ idNumber: '50010519900101123X' } as never).lean()).toBeRejected();
      await expectAsync(CadreModel.countDocuments({ $where: 'true' } as never)).toBeRejected();
    });
  });

  describe('24: CSRF (double-submit cookie and header)', () => {
    const mutations: Array<[Role, Method, string, unknown]> = [
      ['org_admin', 'post', '/api/units', { name: '跨站单位', code: 'CSRF-1', type: 'department', parentId: ':root' }],
      ['org_admin', 'patch', '/api/units/:unit', { version: 0, name: '跨站改名' }],
      ['org_admin', 'delete', '/api/units/:unit', undefined],
      ['sys_admin', 'post', '/api/users', { username: 'csrf.victim', displayName: '跨站' }],
      ['sys_admin', 'post', '/api/users/:user/disable', {}],
      ['security_admin', 'put', '/api/users/:user/roles', { version: 0, roles: ['org_admin'] }],
      ['cadre', 'post', '/api/auth/password', { currentPassword: 'Jiangbei#2026ok', newPassword: 'Kuazhan#Gongji2026' }],
    ];
    for (const [role, method, template, body] of mutations) {
      it(`security.md 24: ${role} ${method.toUpperCase()} ${template} without X-XSRF-TOKEN gets 403 csrf_failed and writes nothing`, async () => {
        const fill = await aWorld();
        const { client } = await signedInAs(app, [role]);
        const before = await collectionCounts();
        const usersBefore = await UserModel.find().lean();
        const unitsBefore = await UnitModel.find().lean();
        const payload = body === undefined ? undefined : JSON.parse(fill(JSON.stringify(body)));
        const res = await client.agent[method](fill(template)).send(payload);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('csrf_failed');
        expect(await collectionCounts()).toEqual(before);
        expect(await UserModel.find().lean()).toEqual(usersBefore);
        expect(await UnitModel.find().lean()).toEqual(unitsBefore);

        const forged = await client.agent[method](fill(template)).set('X-XSRF-TOKEN', 'guessed-token-value').send(payload);
        expect(forged.status).toBe(403);
        expect(await collectionCounts()).toEqual(before);
      });
    }

    it('security.md 24: a login without the token is refused before the password is checked', async () => {
      const account = await anAccount({ roles: ['cadre'] });
      const before = await collectionCounts();
      const res = await request(app).post('/api/auth/login').send({ username: account.username, password: account.password });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('csrf_failed');
      expect(await sessionsOf(account.id)).toEqual([]);
      expect(await collectionCounts()).toEqual(before);
      expect((await storedUser(account.id)).lastLoginAt).toBeNull();
    });

    it('security.md 24: a header without the matching cookie is refused; logout cannot be forced cross-site', async () => {
      const account = await anAccount({ roles: ['cadre'] });
      const login = await rawLogin(app, { username: account.username, password: account.password });
      const token = cookieValue(setCookieNamed(login, 'cadre_sid')!);
      const forced = await request(app).post('/api/auth/logout').set('Cookie', `cadre_sid=${token}`).set('X-XSRF-TOKEN', 'abc');
      expect(forced.status).toBe(403);
      expect((await sessionsOf(account.id)).length).toBe(1);
      const mismatched = await request(app)
        .post('/api/auth/logout')
        .set('Cookie', `cadre_sid=${token}; XSRF-TOKEN=the-real-one`)
        .set('X-XSRF-TOKEN', 'the-real-onf');
      expect(mismatched.status).toBe(403);
      expect((await sessionsOf(account.id)).length).toBe(1);
    });

    it('security.md 24: the XSRF cookie is readable by the page (not HttpOnly) but SameSite=Strict, and Secure over HTTPS', async () => {
      const plain = await request(app).get('/api/health');
      const line = setCookieNamed(plain, 'XSRF-TOKEN')!;
      expect(cookieValue(line).length).toBeGreaterThanOrEqual(32);
      expect(cookieAttributes(line)['samesite']).toBe('Strict');
      expect('httponly' in cookieAttributes(line)).toBeFalse();
      const https = await request(app).get('/api/health').set('X-Forwarded-Proto', 'https');
      expect('secure' in cookieAttributes(setCookieNamed(https, 'XSRF-TOKEN')!)).toBeTrue();
    });
  });

  describe('26: generic errors and security headers', () => {
    const LEAKY = 'connect ECONNREFUSED at Object.<anonymous> (/work/main/api/src/cadres/cadre.routes.ts:42:7) MongoServerError E11000';

    function expectGenericProblem(res: request.Response, status: number) {
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Object.keys(res.body).every((k) => ['type', 'title', 'status', 'code', 'requestId', 'detail', 'errors'].includes(k))).toBeTrue();
      expect(res.body.status).toBe(status);
      expect(res.body.requestId).toBe(res.headers['x-request-id']);
      expect(res.body.requestId.length).toBeGreaterThanOrEqual(8);
      const text = res.text;
      for (const leak of ['ECONNREFUSED', '/work/', 'node_modules', '.ts:', '.js:', 'at Object', 'stack', 'E11000', 'Mongo', 'TypeError', 'Cannot read']) {
        expect(text).withContext(leak).not.toContain(leak);
      }
    }

    it('security.md 26: a database error inside a handler gives a generic 500 problem with a request id and nothing else', async () => {
      const unit = await aUnit();
      await aCadre(unit);
      const { client } = await signedInAs(app, ['org_admin']);
      const failure = Object.assign(new Error(LEAKY), { name: 'MongoServerError', code: 11000 });
      spyOn(CadreModel, 'findById').and.throwError(failure);
      const res = await client.get('/api/cadres');
      expectGenericProblem(res, 500);
      expect(res.body.code).toBe('internal_error');
      expect(res.body.detail).toBeUndefined();
    });

    it('security.md 26: a programming error (TypeError) gives the same generic 500 problem', async () => {
      const { client } = await signedInAs(app, ['org_admin']);
      spyOn(CadreModel, 'find').and.returnValue(undefined as never);
      const res = await client.get('/api/cadres');
      expectGenericProblem(res, 500);
    });

    it('security.md 26: an unknown route, an oversized body and a wrong method give problems too', async () => {
      const { client } = await signedInAs(app, ['org_admin']);
      expectGenericProblem(await client.get('/api/../../etc/passwd'), 404);
      expectGenericProblem(await client.get('/api/no/such/thing'), 404);
      expectGenericProblem(await client.put('/api/cadres', {}), 404);
      const huge = await client.post('/api/units', { name: 'x'.repeat(1_100_000) });
      expectGenericProblem(huge, 413);
    });

    describe('malformed charsets, content encodings and URL escapes get 400 or 415, never 500', () => {
      const xsrfOf = (client: TestClient) => (client as unknown as { xsrf: string }).xsrf;
      const bodies: Array<[what: string, contentType: string, encoding: string | null, body: Buffer | string, status: number, code: string]> = [
        ['an unknown charset', 'application/json; charset=klingon', null, '{"name":"某某"}', 415, 'unsupported_charset'],
        ['an unknown content encoding', 'application/json', 'zstd-nonsense', '{"name":"某某"}', 415, 'unsupported_encoding'],
        ['gzip that is not gzip', 'application/json', 'gzip', Buffer.from('not gzip at all'), 400, 'malformed_body'],
        ['deflate that is not deflate', 'application/json', 'deflate', Buffer.from([0xff, 0x00, 0x13, 0x37]), 400, 'malformed_body'],
      ];
      for (const [what, contentType, encoding, body, status, code] of bodies) {
        it(`security.md 26: a body with ${what} gets ${status} ${code}, and writes nothing`, async () => {
          const { client } = await signedInAs(app, ['org_admin']);
          const before = await collectionCounts();
          const req = client.agent.post('/api/units').set('X-XSRF-TOKEN', xsrfOf(client)).set('Content-Type', contentType);
          if (encoding) req.set('Content-Encoding', encoding);
          const res = await req.send(body);
          expectGenericProblem(res, status);
          expect(res.body.code).toBe(code);
          expect(res.body.detail).toMatch(/[\u4e00-\u9fff]/);
          expect(await collectionCounts()).toEqual(before);
        });
      }

      const paths: Array<[what: string, path: string]> = [
        ['a broken escape in a path parameter', '/api/cadres/%E0%A4%A'],
        ['an escape of invalid UTF-8 in a path parameter', '/api/units/%C0%AF'],
        ['a lone % in a path parameter', '/api/users/%'],
        // The UTF-8 bytes of a lone surrogate: not UTF-8, so the router cannot decode the path.
        ['the UTF-8 bytes of a lone surrogate in a path parameter', '/api/cadres/%ED%A0%80'],
      ];
      for (const [what, path] of paths) {
        it(`security.md 26: ${what} gets 400 malformed_url`, async () => {
          const { client } = await signedInAs(app, ['org_admin']);
          const res = await client.get(path);
          expectGenericProblem(res, 400);
          expect(res.body.code).toBe('malformed_url');
        });
      }

    });

    it('security.md 26: CSP with frame-ancestors, nosniff, no X-Powered-By, and no HSTS over plain HTTP', async () => {
      for (const path of ['/api/health', '/api/no/such/thing', '/api/auth/session']) {
        const res = await request(app).get(path);
        expect(res.headers['content-security-policy']).withContext(path).toContain("frame-ancestors 'none'");
        expect(res.headers['content-security-policy']).toContain("default-src 'self'");
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-powered-by']).toBeUndefined();
        expect(res.headers['strict-transport-security']).withContext(path).toBeUndefined();
      }
    });

    it('security.md 26: HSTS is sent when the request came over HTTPS (through the trusted loopback proxy)', async () => {
      const res = await request(app).get('/api/health').set('X-Forwarded-Proto', 'https');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    });
  });

  describe('27: rate limiting', () => {
    // A day-long window: the four attempts cannot straddle a window boundary.
    const limited = createTestApp({ AUTH_RATE_LIMIT_MAX: '3', AUTH_RATE_LIMIT_WINDOW_SECONDS: '86400' });

    it('security.md 27: the fourth login within the window gets 429, even with the right password, and no session', async () => {
      const account = await anAccount({ roles: ['cadre'] });
      for (let i = 1; i <= 3; i += 1) {
        expect((await rawLogin(limited, { username: account.username, password: `Wrong#Pass${i}` })).status).toBe(401);
      }
      const fourth = await rawLogin(limited, { username: account.username, password: account.password });
      expect(fourth.status).toBe(429);
      expect(fourth.body.code).toBe('rate_limited');
      expect(fourth.headers['ratelimit-policy'] ?? fourth.headers['ratelimit']).toBeDefined();
      expect(await sessionsOf(account.id)).toEqual([]);
      const hits = await RateLimitHitModel.find().lean();
      expect(hits.length).toBe(1);
      expect(hits[0]!.hits).toBe(4);
      expect((await auditTrail({ action: 'auth.login' })).length).toBe(3);
    });

    it('security.md 27: the limit is per client, not per account: spreading guesses over accounts does not help', async () => {
      const accounts = await Promise.all([1, 2, 3, 4].map(() => anAccount({ roles: ['cadre'] })));
      const statuses = [];
      for (const account of accounts) statuses.push((await rawLogin(limited, { username: account.username, password: 'Wrong#Pass1' })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    });

    it('security.md 27: the second-factor step is limited too', async () => {
      const account = await anAccount({ roles: ['org_admin'], totp: true });
      const client = await new TestClient(limited).init();
      expect((await client.post('/api/auth/login', { username: account.username, password: account.password })).status).toBe(200);
      expect((await client.post('/api/auth/totp', { code: '000000' })).status).toBe(401);
      expect((await client.post('/api/auth/totp', { code: '000001' })).status).toBe(401);
      const res = await client.post('/api/auth/totp', { code: totpCodeFor(account.totpSecret!) });
      expect(res.status).toBe(429);
      expect((await client.get('/api/cadres')).status).toBe(403);
    });

    it('security.md 27: another client address has its own counter', async () => {
      const account = await anAccount({ roles: ['cadre'] });
      for (let i = 1; i <= 4; i += 1) await rawLogin(limited, { username: account.username, password: `Wrong#Pass${i}` });
      const other = await rawLogin(limited, { username: account.username, password: account.password }, { 'X-Forwarded-For': '10.20.30.40' });
      expect(other.status).toBe(200);
    });
  });
});

