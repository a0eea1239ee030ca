import { signedInAs } from '../test/test-client.js';
import { createTestApp } from '../test/test-app.js';
import { aCadre, aUnit } from '../test/factories.js';
import { computeCadreDistribution } from './cadre-distribution.service.js';

describe('cadre distribution by unit type and age band', () => {
  it('groups cadres by unit type and the age band at the given date', async () => {
    const street = await aUnit({ type: 'street' });
    const department = await aUnit({ type: 'department' });
    await aCadre(street, { birthMonth: '1995-03' });
    await aCadre(street, { birthMonth: '1990-12' });
    await aCadre(department, { birthMonth: '1970-01' });

    const result = await computeCadreDistribution({ kind: 'all' }, new Date('2026-11-26T12:00:00Z'));

    expect(result.total).toBe(3);
    expect(result.asOf).toBe('2026-11-26');
    expect(result.rows).toEqual(
      jasmine.arrayWithExactContents([
        { unitType: 'street', ageBand: '35岁及以下', count: 2 },
        { unitType: 'department', ageBand: '56岁及以上', count: 1 },
      ]),
    );
  });

  it('is empty, not an error, when there are no cadres', async () => {
    const { client } = await signedInAs(createTestApp(), ['org_admin']);
    const res = await client.get('/api/stats/cadre-distribution').expect(200);
    expect(res.body.total).toBe(0);
    expect(res.body.rows).toEqual([]);
  });
});
