import request from 'supertest';
import { createTestApp } from '../test/test-app.js';

describe('OpenAPI document', () => {
  const app = createTestApp();

  it('is generated from the endpoint definitions, with schemas for responses', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    const paths = Object.keys(res.body.paths);
    expect(paths).toEqual(jasmine.arrayContaining(['/api/health', '/api/ready', '/api/stats/cadre-distribution']));
    const op = res.body.paths['/api/stats/cadre-distribution'].get;
    expect(op.operationId).toBe('getCadreDistribution');
    expect(op.responses['200'].content['application/json'].schema.properties.rows.type).toBe('array');
    expect(op.responses['4XX'].content['application/problem+json']).toBeDefined();
  });

  it('has a browsable page whose scripts are served locally', async () => {
    const page = await request(app).get('/api/docs/').expect(200);
    expect(page.text).toContain('/api/docs/assets/swagger-ui-bundle.js');
    await request(app).get('/api/docs/assets/swagger-ui-bundle.js').expect(200);
    const init = await request(app).get('/api/docs/init.js').expect(200);
    expect(init.text).toContain('/api/openapi.json');
  });
});
