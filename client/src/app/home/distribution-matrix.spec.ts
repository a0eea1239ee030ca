import { UNIT_TYPES } from '@cadre/shared-models';
import { buildDistributionMatrix } from './distribution-matrix';

describe('buildDistributionMatrix', () => {
  it('puts every unit type in shared order with zeros where the API sent no row', () => {
    const matrix = buildDistributionMatrix({
      total: 3,
      asOf: '2026-05-01',
      rows: [{ unitType: 'town', ageBand: '41-45岁', count: 3 }],
    });

    expect(matrix.rows.map((row) => row.unitType)).toEqual([...UNIT_TYPES]);
    const town = matrix.rows.find((row) => row.unitType === 'town');
    expect(town?.counts).toEqual({
      '35岁及以下': 0,
      '36-40岁': 0,
      '41-45岁': 3,
      '46-50岁': 0,
      '51-55岁': 0,
      '56岁及以上': 0,
    });
    expect(matrix.rows.find((row) => row.unitType === 'street')?.total).toBe(0);
  });

  it('totals each unit type, each age band and the whole grid', () => {
    const matrix = buildDistributionMatrix({
      total: 10,
      asOf: '2026-05-01',
      rows: [
        { unitType: 'street', ageBand: '35岁及以下', count: 4 },
        { unitType: 'street', ageBand: '51-55岁', count: 1 },
        { unitType: 'department', ageBand: '35岁及以下', count: 5 },
      ],
    });

    expect(matrix.rows.find((row) => row.unitType === 'street')?.total).toBe(5);
    expect(matrix.bandTotals['35岁及以下']).toBe(9);
    expect(matrix.bandTotals['51-55岁']).toBe(1);
    expect(matrix.total).toBe(10);
  });

  it('adds up repeated rows for the same cell instead of keeping the last one', () => {
    const matrix = buildDistributionMatrix({
      total: 5,
      asOf: '2026-05-01',
      rows: [
        { unitType: 'street', ageBand: '46-50岁', count: 2 },
        { unitType: 'street', ageBand: '46-50岁', count: 3 },
      ],
    });

    expect(matrix.rows.find((row) => row.unitType === 'street')?.counts['46-50岁']).toBe(5);
  });
});
