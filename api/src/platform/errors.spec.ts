import request from 'supertest';
import { createTestApp } from '../test/test-app.js';

describe('problem responses', () => {
  const app = createTestApp();

  it('an unknown API route is a 404 problem with a request id', async () => {
    const res = await request(app).get('/api/no-such-thing').expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toEqual(
      jasmine.objectContaining({ status: 404, code: 'not_found', title: '资源不存在', requestId: res.headers['x-request-id'] }),
    );
  });

  it('malformed JSON is a 400 problem that leaks no parser message or stack', async () => {
    const res = await request(app)
      .post('/api/no-such-thing')
      .set('Content-Type', 'application/json')
      .send('{"broken": ')
      .expect(400);
    expect(res.body.code).toBe('malformed_json');
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/at .*\.js|node_modules|SyntaxError|Unexpected/);
  });
});
