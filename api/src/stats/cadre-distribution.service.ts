import {
  ageBandOf,
  computeAgeInYears,
  LedgerFilterSchema,
  type AgeBand,
  type CadreDistribution,
  type PersonnelScope,
  type UnitType,
} from '@cadre/shared-models';
import { ledgerReadModel, type LedgerReadModel } from '../ledger/ledger-read-model.js';

const EVERYONE = LedgerFilterSchema.parse({});

/**
 * Counts the cadres in `scope` by unit type and age band at `asOf`, from the ledger read model
 * (docs/decisions/0009): the database would scan every cadre for it. The age rule runs once per
 * birth month, however many cadres share it.
 */
export async function computeCadreDistribution(
  scope: PersonnelScope,
  asOf: Date,
  model: LedgerReadModel = ledgerReadModel(),
): Promise<CadreDistribution> {
  const index = await model.current();
  const bands = new Map<string, AgeBand>();
  const counts = new Map<string, { unitType: UnitType; ageBand: AgeBand; count: number }>();
  let total = 0;
  for (const { entry: { birthMonth }, unitType } of index.select(scope, EVERYONE).entries()) {
    let ageBand = bands.get(birthMonth);
    if (ageBand === undefined) {
      ageBand = ageBandOf(computeAgeInYears(birthMonth, asOf));
      bands.set(birthMonth, ageBand);
    }
    const key = `${unitType}|${ageBand}`;
    const row = counts.get(key) ?? { unitType: unitType as UnitType, ageBand, count: 0 };
    row.count += 1;
    counts.set(key, row);
    total += 1;
  }
  return { total, rows: [...counts.values()], asOf: asOf.toISOString().slice(0, 10) };
}
