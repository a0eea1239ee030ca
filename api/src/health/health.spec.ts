import request from 'supertest';
import { createTestApp } from '../test/test-app.js';

describe('health and readiness', () => {
  const app = createTestApp();

  it('GET /api/health answers ok without touching the database', async () => {
    const res = await request(app).get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /api/ready is 200 and names the database it reached', async () => {
    const res = await request(app).get('/api/ready').expect(200);
    expect(res.body.status).toBe('ready');
    expect(['FerretDB', 'MongoDB']).toContain(res.body.database.product);
    expect(res.body.database.version).toMatch(/\d+\.\d+/);
  });

  it('every response carries a request id, and an incoming one is kept', async () => {
    const res = await request(app).get('/api/health').set('X-Request-Id', 'trace-12345678').expect(200);
    expect(res.headers['x-request-id']).toBe('trace-12345678');
    const fresh = await request(app).get('/api/health').set('X-Request-Id', 'bad id with spaces');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers: CSP with frame-ancestors and nosniff', async () => {
    const res = await request(app).get('/api/health');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
