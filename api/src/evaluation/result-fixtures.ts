import { Types } from 'mongoose';
import {
  applicableDimensions,
  DEFAULT_FRAMEWORK,
  DEFAULT_RATER_GROUPS,
  FrameworkContentSchema,
  tierOfUnitType,
  type AssessmentHistoryEntry,
  type CycleStatus,
  type RaterGroup,
} from '@cadre/shared-models';
import { aCadre, aUnit } from '../test/factories.js';
import { AssessmentHistoryModel, AssignmentModel, BallotBoxModel, CycleModel, FrameworkVersionModel } from './evaluation.models.js';
import { CycleRosterModel } from './assignment-store.js';

/** Ballots per group in the fixtures: enough for every group's minimum, five to exercise trimming. */
export const BALLOTS_PER_GROUP: Record<RaterGroup, number> = { superior: 1, peer: 5, subordinate: 5, service_recipient: 3, self: 1 };

const FRAMEWORK = FrameworkContentSchema.parse(DEFAULT_FRAMEWORK);

/**
 * The total a cadre gets when every rater gives every indicator `rating` and the record holds no
 * sanction: only 廉洁自律 (5%) has evidence the record feeds, scored 100 at 40% of the indicator.
 */
export function totalFor(rating: number): number {
  return Math.round((rating * 0.98 + 2) * 100) / 100;
}

export async function aFrameworkVersion() {
  return FrameworkVersionModel.create({
    frameworkId: new Types.ObjectId(),
    version: 1,
    status: 'published',
    locked: true,
    ...FRAMEWORK,
    createdBy: 'org.admin',
    publishedAt: new Date(),
  });
}

/** Every indicator of the framework that applies to the ratee scored `rating` on each of `count` ballots. */
function ballots(rating: number, count: number) {
  const indicators = applicableDimensions(FRAMEWORK, { tier: '街镇', category: '综合管理类' }).flatMap((d) => d.indicators.map((i) => i.id));
  return Array.from({ length: count }, () => ({ scores: Object.fromEntries(indicators.map((id) => [id, rating])), comment: '' }));
}

export interface UnitPlan {
  name: string;
  /** One cadre per rating: what all their raters give them. */
  ratings: number[];
}

/**
 * 区委 with one street per planned unit, a cadre per rating in each, and a cycle (open unless
 * told otherwise) whose assignments and ballot boxes hold those ratings. Inserted directly with
 * the models, as the setup and rating endpoints would leave them.
 */
export async function anOpenCycle(plan: UnitPlan[], options: { status?: CycleStatus; year?: number; type?: 'annual' | 'routine' } = {}) {
  const framework = await aFrameworkVersion();
  const root = await aUnit({ name: '区委', type: 'party_committee' });
  const units = [];
  for (const unitPlan of plan) {
    const unit = await aUnit({ name: unitPlan.name, type: 'street', parent: root });
    const cadres = [];
    for (const [i, rating] of unitPlan.ratings.entries()) {
      cadres.push({ cadre: await aCadre(unit, { name: `${unitPlan.name}干部${i + 1}`, commendations: [] }), rating });
    }
    units.push({ unit, cadres });
  }
  const year = options.year ?? 2026;
  const cycle = await CycleModel.create({
    name: `${year}年度考核`,
    type: options.type ?? 'annual',
    year,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    dueDate: `${year}-12-20`,
    frameworkVersionId: framework._id,
    frameworkName: framework.name,
    frameworkVersion: 1,
    population: { unitIds: [], tiers: [], categories: [] },
    raterGroups: [...DEFAULT_RATER_GROUPS],
    settings: { trimExtremes: true, excellentQuotaPercent: 20, excellentQuotaRaised: false },
    status: options.status ?? 'open',
    counts: { population: plan.reduce((n, u) => n + u.ratings.length, 0), assignments: 0, submitted: 0, raters: 0 },
    unitIds: units.map(({ unit }) => String(unit._id)),
    createdBy: 'assessor',
    launchedAt: new Date(),
  });
  const cycleId = String(cycle._id);
  for (const { unit, cadres } of units) {
    for (const { cadre, rating } of cadres) {
      const id = `${cycleId}:${cadre._id}`;
      await AssignmentModel.create({
        _id: id,
        cycleId,
        cadreId: String(cadre._id),
        cadreName: cadre.name,
        unitId: String(unit._id),
        unitName: unit.name,
        unitPath: [...unit.ancestorIds.map(String), String(unit._id)],
        post: cadre.post,
        tier: tierOfUnitType(unit.type),
        category: cadre.category,
        raters: [],
      });
      const groups = Object.fromEntries(Object.entries(BALLOTS_PER_GROUP).map(([group, count]) => [group, ballots(rating, count)]));
      await BallotBoxModel.create({ _id: id, cycleId, rateeId: String(cadre._id), groups });
    }
  }
  const cadres = units.flatMap((u) => u.cadres.map((c) => c.cadre));
  await CycleRosterModel.create({ _id: `${cycleId}:ratees`, cycleId, ids: cadres.map((c) => String(c._id)) });
  return { cycle, cycleId, root, units, cadres };
}

/** A locked annual result of an earlier year in a cadre's history. */
export async function anEarlierResult(cadreId: string, year: number, grade: AssessmentHistoryEntry['grade'], rankPercentile = 50) {
  const entry: AssessmentHistoryEntry = {
    cycleId: new Types.ObjectId().toHexString(),
    cycleName: `${year}年度考核`,
    cycleType: 'annual',
    year,
    total: 70,
    grade,
    rankPercentile,
    dimensions: [],
    lockedAt: `${year + 1}-01-15T00:00:00.000Z`,
  };
  await AssessmentHistoryModel.updateOne({ _id: cadreId }, { $push: { entries: entry } }, { upsert: true });
}
