import express from 'express';
import request from 'supertest';
import { pino } from 'pino';
import { pinoHttp } from 'pino-http';
import { z } from 'zod';
import { ApiBuilder } from './endpoint.js';
import { AppError, problemHandler } from './errors.js';

function appWith(api: ApiBuilder) {
  const app = express();
  app.use(pinoHttp({ logger: pino({ level: 'silent' }) }));
  app.use(express.json());
  app.use('/api', api.router);
  app.use(problemHandler);
  return app;
}

describe('ApiBuilder', () => {
  let calls: number;
  let api: ApiBuilder;

  beforeEach(() => {
    calls = 0;
    api = new ApiBuilder();
    api.add({
      method: 'post',
      path: '/things/:id',
      operationId: 'createThing',
      summary: 'test endpoint',
      tags: ['test'],
      params: z.object({ id: z.string().regex(/^\d+$/) }),
      query: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
      body: z.object({ name: z.string().min(2), size: z.number().int() }).strict(),
      personalData: true,
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
    expect(res.headers['cache-control']).toBe('no-store');
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

  it('turns an AppError into a problem with its status and code', async () => {
    const res = await request(appWith(api)).post('/api/things/1').send({ name: 'conflict', size: 1 }).expect(409);
    expect(res.body).toEqual(jasmine.objectContaining({ status: 409, code: 'version_conflict', detail: 'stale' }));
  });

  it('documents the endpoint in OpenAPI with its path parameter and problem responses', () => {
    const defs = api.registry.definitions.filter((d) => d.type === 'route');
    expect(defs.length).toBe(1);
    const route = (defs[0] as { route: { path: string; method: string; responses: Record<string, unknown> } }).route;
    expect(route.path).toBe('/api/things/{id}');
    expect(Object.keys(route.responses)).toEqual(jasmine.arrayContaining(['201', '4XX', '5XX']));
  });
});
