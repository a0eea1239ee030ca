import request from 'supertest';
import { PROBLEM_CODES } from '@cadre/shared-models';
import { createTestApp } from '../test/test-app.js';
import { signedInAs } from '../test/test-client.js';
import { aCadre, aUnit } from '../test/factories.js';

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

  it('a zod issue without a schema message answers in Chinese, naming no enum values or types', async () => {
    const cadre = await aCadre(await aUnit());
    const { client } = await signedInAs(app, ['cadre'], { cadreId: String(cadre._id) });
    const res = await client.post(`/api/cadres/${cadre._id}/corrections`, { field: 'shoeSize', proposedValue: 42, reason: '' }).expect(400);
    expect(res.body.code).toBe('validation_failed');
    const messages = (res.body.errors as Array<{ path: string; message: string }>).map((e) => e.message);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message).withContext(message).toMatch(/[\u4e00-\u9fff]/);
      expect(message).withContext(message).not.toMatch(/Invalid|expected|"name"|string|number/);
    }
    expect(messages).toContain('请从列表中选择');
  });

  it('an out-of-scope record and a missing one answer codes the registry words in both languages', async () => {
    const unit = await aUnit();
    const [mine, other] = [await aCadre(unit), await aCadre(unit)];
    const { client } = await signedInAs(app, ['cadre'], { cadreId: String(mine._id) });
    const outside = await client.get(`/api/cadres/${other._id}`).expect(403);
    const missing = await client.get('/api/cadres/0123456789abcdef01234567').expect(404);
    for (const body of [outside.body, missing.body]) {
      expect(Object.keys(PROBLEM_CODES)).toContain(body.code);
    }
    expect([outside.body.code, missing.body.detail]).toEqual(['out_of_scope', '档案不存在']);
  });
});
