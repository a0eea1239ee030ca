import type { Model } from 'mongoose';
import { LedgerFilterSchema, tierOfUnitType, type Cadre, type Tier } from '@cadre/shared-models';
import { ledgerReadModel } from '../ledger/ledger-read-model.js';

/** `_id` lookups in flight at once while scoring or locking a cycle. */
const PARALLEL_ID_READS = 16;

/**
 * Documents by `_id`, as a map (missing ones absent). Parallel single lookups, not `$in`: the
 * embedded database scans the whole collection for `$in` (scoring-reads.spec.ts).
 */
export async function readByIds<T>(model: Model<never>, ids: readonly string[], fields?: string): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      const query = model.findById(id);
      const doc = (await (fields ? query.select(fields) : query).lean()) as T | null;
      if (doc) found.set(id, doc);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_ID_READS, ids.length) }, worker));
  return found;
}

export interface PopulationFilter {
  unitIds: readonly string[];
  tiers: readonly Tier[];
  categories: readonly Cadre['category'][];
}

/**
 * The cadres a cycle's population filter selects today, from the ledger read model. The ratees
 * are those among them with an assignment (`${cycleId}:${cadreId}`), written when the cycle was
 * set up; a cadre who has since left the population's units is not found this way. Once the
 * cycle keeps its own roster, read that instead.
 */
export async function selectPopulation(population: PopulationFilter): Promise<string[]> {
  const index = await ledgerReadModel().current();
  const units = new Set(population.unitIds);
  return index
    .select({ kind: 'all' }, LedgerFilterSchema.parse({}))
    .entries()
    .filter(
      (indexed) =>
        (units.size === 0 || indexed.unitPath.some((id) => units.has(id))) &&
        (population.tiers.length === 0 || population.tiers.includes(tierOfUnitType(indexed.unitType))) &&
        (population.categories.length === 0 || population.categories.includes(indexed.entry.category)),
    )
    .map((indexed) => indexed.entry.id);
}
