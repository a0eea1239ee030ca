import { POST_LEVELS, type RaterGroup } from '@cadre/shared-models';

/**
 * Who rates whom in a cycle, planned from the unit tree and post levels alone. Leadership teams
 * (领导班子) do not exist in the platform yet; once they do, superiors and peers of a team member
 * should come from the team rather than from the unit.
 */

export type PostLevel = (typeof POST_LEVELS)[number];

export interface CadreAtPost {
  id: string;
  name: string;
  unitId: string;
  postLevel: PostLevel;
}

export interface UnitNode {
  id: string;
  parentId: string | null;
}

export interface PlannedRater {
  raterId: string;
  raterName: string;
  group: RaterGroup;
}

export interface AssignmentPlanInput {
  cycleId: string;
  ratees: readonly CadreAtPost[];
  /** Everyone who may rate: the whole ledger, not only the cycle's population. */
  cadres: readonly CadreAtPost[];
  units: readonly UnitNode[];
  /** The groups the cycle enables (weight above 0); the others get nobody. */
  groups: ReadonlySet<RaterGroup>;
}

/** How many raters of each sampled group a ratee gets at most. */
export const RATERS_PER_GROUP = { superior: 3, peer: 8, subordinate: 8, service_recipient: 5 } as const;

const GROUP_ORDER: readonly RaterGroup[] = ['superior', 'peer', 'subordinate', 'service_recipient', 'self'];

/** 0 for 县处级正职, rising as the post level falls. */
function rankOf(level: PostLevel): number {
  return POST_LEVELS.indexOf(level);
}

/** FNV-1a: a stable 32-bit seed from a string. */
function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small deterministic generator, so that planning again picks the same raters. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `k` distinct positions out of `n` (Floyd's algorithm: O(k), however large `n`), ascending, so
 * that the picked cadres keep the pool's id order.
 */
function samplePositions(n: number, k: number, random: () => number): number[] {
  if (k >= n) return Array.from({ length: n }, (_, i) => i);
  const picked = new Set<number>();
  for (let j = n - k; j < n; j += 1) {
    const t = Math.floor(random() * (j + 1));
    picked.add(picked.has(t) ? j : t);
  }
  return [...picked].sort((a, b) => a - b);
}

const byId = (a: CadreAtPost, b: CadreAtPost) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The cadres of the units under one parent, unit after unit, and where each unit's run lies. */
interface SiblingPool {
  cadres: CadreAtPost[];
  runs: Map<string, { start: number; end: number }>;
}

export function planRaterAssignments(input: AssignmentPlanInput): Map<string, PlannedRater[]> {
  const parentOf = new Map(input.units.map((unit) => [unit.id, unit.parentId]));
  const childrenOf = new Map<string | null, string[]>();
  for (const unit of input.units) {
    const siblings = childrenOf.get(unit.parentId) ?? [];
    siblings.push(unit.id);
    childrenOf.set(unit.parentId, siblings);
  }
  for (const siblings of childrenOf.values()) siblings.sort();
  const inUnit = new Map<string, CadreAtPost[]>();
  for (const cadre of input.cadres) {
    const list = inUnit.get(cadre.unitId) ?? [];
    list.push(cadre);
    inUnit.set(cadre.unitId, list);
  }
  for (const list of inUnit.values()) list.sort(byId);

  const pools = new Map<string, SiblingPool>();
  const siblingPool = (parentId: string): SiblingPool => {
    let pool = pools.get(parentId);
    if (!pool) {
      pool = { cadres: [], runs: new Map() };
      for (const unitId of childrenOf.get(parentId) ?? []) {
        const start = pool.cadres.length;
        pool.cadres.push(...(inUnit.get(unitId) ?? []));
        pool.runs.set(unitId, { start, end: pool.cadres.length });
      }
      pools.set(parentId, pool);
    }
    return pool;
  };

  /** The nearest unit above `unitId` holding cadres, and its highest-level cadres. */
  const ancestorSuperiors = (unitId: string): CadreAtPost[] => {
    const seen = new Set<string>([unitId]);
    for (let at = parentOf.get(unitId) ?? null; at !== null && !seen.has(at); at = parentOf.get(at) ?? null) {
      seen.add(at);
      const cadres = inUnit.get(at);
      if (cadres && cadres.length > 0) {
        const top = cadres.reduce<number>((best, c) => Math.min(best, rankOf(c.postLevel)), POST_LEVELS.length);
        return cadres.filter((c) => rankOf(c.postLevel) === top);
      }
    }
    return [];
  };

  const plans = new Map<string, PlannedRater[]>();
  for (const ratee of input.ratees) {
    const random = (group: RaterGroup) => seededRandom(hashSeed(`${input.cycleId}:${ratee.id}:${group}`));
    const take = (group: RaterGroup, pool: readonly CadreAtPost[], limit: number): PlannedRater[] =>
      samplePositions(pool.length, limit, random(group)).map((i) => ({ raterId: pool[i]!.id, raterName: pool[i]!.name, group }));
    const colleagues = (inUnit.get(ratee.unitId) ?? []).filter((c) => c.id !== ratee.id);
    const own = rankOf(ratee.postLevel);
    const planned: PlannedRater[] = [];
    for (const group of GROUP_ORDER) {
      if (!input.groups.has(group)) continue;
      if (group === 'self') planned.push({ raterId: ratee.id, raterName: ratee.name, group });
      if (group === 'peer') planned.push(...take(group, colleagues.filter((c) => rankOf(c.postLevel) === own), RATERS_PER_GROUP.peer));
      if (group === 'subordinate') planned.push(...take(group, colleagues.filter((c) => rankOf(c.postLevel) > own), RATERS_PER_GROUP.subordinate));
      if (group === 'superior') {
        const higher = colleagues.filter((c) => rankOf(c.postLevel) < own);
        planned.push(...take(group, higher.length > 0 ? higher : ancestorSuperiors(ratee.unitId), RATERS_PER_GROUP.superior));
      }
      if (group === 'service_recipient') {
        const parentId = parentOf.get(ratee.unitId) ?? null;
        if (parentId === null) continue;
        const pool = siblingPool(parentId);
        const run = pool.runs.get(ratee.unitId) ?? { start: 0, end: 0 };
        const ownRun = run.end - run.start;
        // Positions in the pool with the ratee's own unit cut out.
        const positions = samplePositions(pool.cadres.length - ownRun, RATERS_PER_GROUP.service_recipient, random(group));
        for (const position of positions) {
          const cadre = pool.cadres[position < run.start ? position : position + ownRun]!;
          planned.push({ raterId: cadre.id, raterName: cadre.name, group });
        }
      }
    }
    plans.set(ratee.id, planned);
  }
  return plans;
}
