import { AGE_BANDS, UNIT_TYPES, type AgeBand, type CadreDistribution, type UnitType } from '@cadre/shared-models';

export interface DistributionMatrixRow {
  readonly unitType: UnitType;
  readonly counts: Readonly<Record<AgeBand, number>>;
  readonly total: number;
}

/** Cadre counts as a unit type × age band grid, the shape both the chart and the table show. */
export interface DistributionMatrix {
  readonly rows: readonly DistributionMatrixRow[];
  readonly bandTotals: Readonly<Record<AgeBand, number>>;
  readonly total: number;
}

function zeroPerBand(): Record<AgeBand, number> {
  return Object.fromEntries(AGE_BANDS.map((band) => [band, 0])) as Record<AgeBand, number>;
}

/**
 * Builds the grid from the API's sparse rows. Every unit type and age band is present, in the
 * shared order, so an empty cell reads as zero and the chart's axes do not shift between loads.
 */
export function buildDistributionMatrix(distribution: CadreDistribution): DistributionMatrix {
  const counts = Object.fromEntries(UNIT_TYPES.map((type) => [type, zeroPerBand()])) as Record<
    UnitType,
    Record<AgeBand, number>
  >;
  for (const { unitType, ageBand, count } of distribution.rows) {
    counts[unitType][ageBand] += count;
  }
  const bandTotals = zeroPerBand();
  const rows = UNIT_TYPES.map((unitType): DistributionMatrixRow => {
    const unitCounts = counts[unitType];
    let total = 0;
    for (const band of AGE_BANDS) {
      total += unitCounts[band];
      bandTotals[band] += unitCounts[band];
    }
    return { unitType, counts: unitCounts, total };
  });
  return { rows, bandTotals, total: rows.reduce((sum, row) => sum + row.total, 0) };
}
