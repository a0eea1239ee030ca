import {
  ageBandOf,
  computeAgeInYears,
  type AgeBand,
  type CadreDistribution,
  type UnitType,
} from '@cadre/shared-models';
import { CadreModel } from '../cadres/cadre.model.js';

interface GroupRow {
  _id: { unitType: UnitType; birthMonth: string };
  count: number;
}

/**
 * Counts the cadres in `scope` (the caller's data scope filter) by unit type and age band. The database groups by birth month (a few hundred
 * rows whatever the head count); the exact age rule then runs here, once per group.
 */
export async function computeCadreDistribution(scope: Record<string, unknown>, asOf: Date): Promise<CadreDistribution> {
  const groups = await CadreModel.aggregate<GroupRow>([
    { $match: scope },
    { $group: { _id: { unitType: '$unitType', birthMonth: '$birthMonth' }, count: { $sum: 1 } } },
  ]);
  const counts = new Map<string, { unitType: UnitType; ageBand: AgeBand; count: number }>();
  let total = 0;
  for (const { _id, count } of groups) {
    const ageBand = ageBandOf(computeAgeInYears(_id.birthMonth, asOf));
    const key = `${_id.unitType}|${ageBand}`;
    const row = counts.get(key) ?? { unitType: _id.unitType, ageBand, count: 0 };
    row.count += count;
    counts.set(key, row);
    total += count;
  }
  return { total, rows: [...counts.values()], asOf: asOf.toISOString().slice(0, 10) };
}
