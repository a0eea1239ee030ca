import express from 'express';
import request from 'supertest';
import { pino } from 'pino';
import { pinoHttp } from 'pino-http';
import { z } from 'zod';
import { ApiBuilder } from './endpoint.js';
import { AppError, problemHandler } from './errors.js';
import type { AuditEntry } from '../audit/audit-entry.js';
import type { AuthContext } from './request-context.js';

const SIGNED_IN: AuthContext = {
  sessionId: 's1',
  stage: 'active',
  user: { id: '0123456789abcdef01234567', username: 'org', displayName: '组织部', roles: ['org_admin'], unitId: null, cadreId: null },
};

function appWith(api: ApiBuilder, auth: AuthContext | null = SIGNED_IN) {
  const app = express();
  app.use(pinoHttp({ logger: pino({ level: 'silent' }) }));
  app.use(express.json());
  app.use((req, _res, next) => {
    // Stands in for the session middleware, which has its own specs; here only the builder's checks are under test.
    if (auth) req.auth = auth;
    next();
  });
  app.use('/api', api.router);
  app.use(problemHandler);
  return app;
}

describe('ApiBuilder', () => {
  let calls: number;
  let audited: AuditEntry[];
  let api: ApiBuilder;

  beforeEach(() => {
    calls = 0;
    audited = [];
    api = new ApiBuilder(async (_req, entry) => {
      audited.push(entry);
    });
    api.add({
      method: 'post',
      access: 'unit:write',
      path: '/things/:id',
      operationId: 'createThing',
      summary: 'test endpoint',
      tags: ['test'],
      params: z.object({ id: z.string().regex(/^\d+$/) }),
      query: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
      body: z.object({ name: z.string().min(2), size: z.number().int() }).strict(),
      success: { status: 201, description: 'created', schema: z.object({ id: z.string() }) },
      handler: ({ params, body }) => {
        calls += 1;
        if (body.name === 'conflict') throw new AppError(409, 'version_conflict', 'stale');
        return { id: params.id };
      },
    });
  });

  it('runs the handler with parsed inputs and its success status', async () => {
    const res = await request(appWith(api)).post('/api/things/42?dryRun=true').send({ name: '干部', size: 3 }).expect(201);
    expect(res.body).toEqual({ id: '42' });
    expect(calls).toBe(1);
  });

  const invalid: Array<[string, string, unknown, string]> = [
    ['a bad path parameter', '/api/things/abc', { name: 'ok', size: 1 }, 'params.id'],
    ['a bad query value', '/api/things/1?dryRun=maybe', { name: 'ok', size: 1 }, 'query.dryRun'],
    ['a too-short body field', '/api/things/1', { name: 'x', size: 1 }, 'body.name'],
    ['a body field of the wrong type', '/api/things/1', { name: 'ok', size: '1' }, 'body.size'],
    ['an unexpected body field', '/api/things/1', { name: 'ok', size: 1, role: 'org_admin' }, 'body'],
  ];
  for (const [what, url, body, path] of invalid) {
    it(`rejects ${what} with a 400 naming ${path}, without calling the handler`, async () => {
      const res = await request(appWith(api)).post(url).send(body as object).expect(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(calls).toBe(0);
    });
  }

  it('refuses a caller without a session with 401 before validating anything', async () => {
    const res = await request(appWith(api, null)).post('/api/things/abc').send({}).expect(401);
    expect(res.body.code).toBe('unauthenticated');
    expect(calls).toBe(0);
  });

  it('refuses a session still pending a sign-in step with 403 naming the step', async () => {
    const pending: AuthContext = { ...SIGNED_IN, stage: 'password_change_required' };
    const res = await request(appWith(api, pending)).post('/api/things/1').send({ name: 'ok', size: 1 }).expect(403);
    expect(res.body.code).toBe('password_change_required');
    expect(calls).toBe(0);
  });

  it('refuses a role the table does not grant with 403 and audits the denial', async () => {
    const cadre: AuthContext = { ...SIGNED_IN, user: { ...SIGNED_IN.user, roles: ['cadre'] } };
    const res = await request(appWith(api, cadre)).post('/api/things/1').send({ name: 'ok', size: 1 }).expect(403);
    expect(res.body.code).toBe('forbidden');
    expect(calls).toBe(0);
    expect(audited).toEqual([jasmine.objectContaining({ action: 'access.denied', result: 'denied', objectId: 'createThing' })]);
  });

  it('turns an AppError into a problem with its status and code', async () => {
    const res = await request(appWith(api)).post('/api/things/1').send({ name: 'conflict', size: 1 }).expect(409);
    expect(res.body).toEqual(jasmine.objectContaining({ status: 409, code: 'version_conflict', detail: 'stale' }));
  });

  it('documents the endpoint in OpenAPI with its path parameter and problem responses', () => {
    const defs = api.registry.definitions.filter((d) => d.type === 'route');
    expect(defs.length).toBe(1);
    const route = (defs[0] as { route: { path: string; method: string; responses: Record<string, unknown> } }).route;
    expect(route.path).toBe('/api/things/{id}');
    expect((route as unknown as Record<string, unknown>)['x-access']).toBe('unit:write');
    expect(Object.keys(route.responses)).toEqual(jasmine.arrayContaining(['201', '4XX', '5XX']));
  });

  describe('actor and scope', () => {
    function addScoped(): void {
      api.add({
        method: 'get',
        access: 'cadre:export',
        path: '/scoped',
        operationId: 'readScoped',
        summary: 'test endpoint',
        tags: ['test'],
        success: { status: 200, description: 'the caller and scope', schema: z.object({}).passthrough() },
        handler: ({ actor, scope }) => ({ actor: { id: actor.id, username: actor.username, ip: actor.ip }, scope }),
      });
    }

    function signedInWith(roles: AuthContext['user']['roles'], unitId: string | null): AuthContext {
      return { ...SIGNED_IN, user: { ...SIGNED_IN.user, roles, unitId } };
    }

    it('hands the handler the caller and the scope of the endpoint’s action from the roles that grant it', async () => {
      addScoped();
      const unitId = 'aaaaaaaaaaaaaaaaaaaaaaaa';
      const res = await request(appWith(api, signedInWith(['assessor', 'unit_manager'], unitId))).get('/api/scoped').expect(200);
      expect(res.body.actor).toEqual(jasmine.objectContaining({ id: SIGNED_IN.user.id, username: 'org' }));
      expect(res.body.scope).toEqual({ kind: 'limited', unitIds: [unitId], cadreIds: [] });
    });

    it('answers 403 when the caller holds the action but reaches no records with it', async () => {
      addScoped();
      const res = await request(appWith(api, signedInWith(['unit_manager'], null))).get('/api/scoped').expect(403);
      expect(res.body.detail).toBe('您没有可访问的干部数据范围');
    });

    it('answers 401 when a public endpoint asks for the caller and there is none', async () => {
      api.add({
        method: 'get',
        access: 'public',
        path: '/whoami',
        operationId: 'whoAmI',
        summary: 'test endpoint',
        tags: ['test'],
        success: { status: 200, description: 'the caller', schema: z.object({ id: z.string() }) },
        handler: ({ actor }) => ({ id: actor.id }),
      });
      await request(appWith(api, null)).get('/api/whoami').expect(401);
    });
  });
});
