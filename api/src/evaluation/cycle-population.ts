import { LedgerFilterSchema, RATER_GROUPS, tierOfUnitType, type CycleInput, type RaterGroup } from '@cadre/shared-models';
import { AppError } from '../platform/errors.js';
import { ledgerReadModel } from '../ledger/ledger-read-model.js';
import type { IndexedEntry } from '../ledger/ledger-index.js';
import type { RateeFacts } from './assignment-store.js';
import { planRaterAssignments, type CadreAtPost, type PlannedRater } from './rater-assignment.js';

const NO_FILTER = LedgerFilterSchema.parse({});

export interface PlannedCycle {
  ratees: RateeFacts[];
  plans: Map<string, PlannedRater[]>;
  /** Units holding at least one ratee. */
  unitIds: string[];
}

/** The groups a cycle hands forms to: those it weighs at all. */
export function enabledGroups(input: Pick<CycleInput, 'raterGroups'>): Set<RaterGroup> {
  return new Set(RATER_GROUPS.filter((group) => input.raterGroups.some((g) => g.group === group && g.weight > 0)));
}

function toCadreAtPost(row: IndexedEntry): CadreAtPost {
  return { id: row.entry.id, name: row.entry.name, unitId: row.entry.unitId, postLevel: row.entry.postLevel };
}

/**
 * The cycle's population from the ledger read model (units' subtrees, tiers, categories; empty
 * means all) and who rates each of them. Refuses unknown units and an empty population (400).
 */
export async function planCycle(cycleId: string, input: Pick<CycleInput, 'population' | 'raterGroups'>): Promise<PlannedCycle> {
  const index = await ledgerReadModel().current();
  const units = index.unitTree;
  const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
  const { unitIds, tiers, categories } = input.population;
  const unknown = unitIds.findIndex((id) => !unitNames.has(id));
  if (unknown >= 0) {
    throw new AppError(400, 'validation_failed', '考核范围中有不存在的单位', [
      { path: `body.population.unitIds.${unknown}`, message: '该单位不存在或已删除' },
    ]);
  }
  const everyone = index.select({ kind: 'all' }, NO_FILTER).entries();
  const wanted = new Set(unitIds);
  const members = everyone.filter(
    (row) =>
      (wanted.size === 0 || row.unitPath.some((id) => wanted.has(id))) &&
      (tiers.length === 0 || tiers.includes(tierOfUnitType(row.unitType))) &&
      (categories.length === 0 || categories.includes(row.entry.category)),
  );
  if (members.length === 0) {
    throw new AppError(400, 'empty_population', '所选单位、层级和类别中没有符合条件的干部，请调整考核范围', [
      { path: 'body.population', message: '没有符合条件的干部' },
    ]);
  }
  const ratees: RateeFacts[] = members.map((row) => ({
    id: row.entry.id,
    name: row.entry.name,
    unitId: row.entry.unitId,
    unitName: unitNames.get(row.entry.unitId) ?? '',
    unitPath: row.unitPath,
    post: row.entry.post,
    tier: tierOfUnitType(row.unitType),
    category: row.entry.category,
  }));
  const plans = planRaterAssignments({
    cycleId,
    ratees: members.map(toCadreAtPost),
    cadres: everyone.map(toCadreAtPost),
    units: units.map((unit) => ({ id: unit.id, parentId: unit.parentId })),
    groups: enabledGroups(input),
  });
  return { ratees, plans, unitIds: [...new Set(ratees.map((r) => r.unitId))] };
}

/** The ledger entry of a cadre who may be added as a rater, or null when the ledger has none. */
export async function findCadreForRating(cadreId: string): Promise<{ id: string; name: string } | null> {
  const index = await ledgerReadModel().current();
  const [row] = index.select({ kind: 'limited', unitIds: [], cadreIds: [cadreId] }, NO_FILTER).entries();
  return row ? { id: row.entry.id, name: row.entry.name } : null;
}
