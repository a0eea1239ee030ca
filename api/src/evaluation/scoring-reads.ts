import { Types, type Model } from 'mongoose';
import { LedgerFilterSchema, tierOfUnitType, type Cadre, type Tier } from '@cadre/shared-models';
import { ledgerReadModel } from '../ledger/ledger-read-model.js';

/** Single-document operations in flight at once while scoring or locking a cycle. */
const PARALLEL_OPERATIONS = 8;

/**
 * Runs `task` for every item, a few at a time. The embedded database answers single `_id`
 * reads and writes from its index, but scans the whole collection for `{_id: {$in}}`
 * (scoring-reads.spec.ts) and for every statement of a multi-statement update (bulkWrite):
 * batches of reads and updates are parallel single operations instead.
 */
export async function runParallel<T>(items: readonly T[], task: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_OPERATIONS, items.length) }, worker));
}

/** Documents by `_id`, as a map (missing ones absent), read with the driver: no casting or hydration to pay for. */
export async function readByIds<T>(model: Model<never>, ids: readonly string[], options: { fields?: string; objectIds?: boolean } = {}): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  const projection = options.fields ? Object.fromEntries(options.fields.split(' ').map((field) => [field, 1])) : undefined;
  await runParallel(ids, async (id) => {
    const key = options.objectIds ? new Types.ObjectId(id) : id;
    const doc = await model.collection.findOne({ _id: key as never }, projection ? { projection } : {});
    if (doc) found.set(id, doc as T);
  });
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
