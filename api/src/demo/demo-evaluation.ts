import type { Logger } from 'pino';
import {
  DEFAULT_RATER_GROUPS,
  applicableDimensions,
  checkCalibrationChange,
  type Cadre,
  type CycleInput,
  type FrameworkVersion,
  type Grade,
  type UnitCalibration,
  type RaterGroup,
  type Tier,
} from '@cadre/shared-models';
import type { SessionActor } from '../platform/actor.js';
import {
  AssessmentHistoryModel,
  AssignmentModel,
  BallotBoxModel,
  CycleModel,
  ProposalModel,
  RaterTasksModel,
  ResultModel,
  UnitCalibrationModel,
} from '../evaluation/evaluation.models.js';
import { cycleFeed } from '../evaluation/cycle-list.js';
import { proposalFeed } from '../evaluation/proposal-list.js';
import { PendingSubmissionModel } from '../evaluation/ballot-box.js';
import { createCycle, launchCycle, addToCycleCounts, requireCycle } from '../evaluation/cycle.service.js';
import { frameworkVersionList } from '../evaluation/framework-list.js';
import { ensureDefaultFramework, findFrameworkVersion } from '../evaluation/framework.service.js';
import { CycleRosterModel, readRoster, assignmentId } from '../evaluation/assignment-store.js';
import { closeCycle } from '../evaluation/scoring-close.js';
import { changeCalibration, getUnitCalibration } from '../evaluation/calibration.service.js';
import { lockCycle } from '../evaluation/result-lock.js';
import { SeededRandom } from './random.js';

/**
 * The demo district's assessments: two locked annual cycles (so portraits have a radar, history
 * and proposals), this year's annual cycle open with most forms in, the demo cadre's still to
 * fill, and a draft special assessment of one street. Ballots of the generated raters are written
 * straight into the boxes, as a load of past paper forms would be; everything else (planning,
 * launching, scoring, calibrating, locking) goes through the services the pages use.
 */
export interface DemoEvaluationOptions {
  seed: number;
  asOf: Date;
  logger: Logger;
  /** The cadre the demo cadre account is, whose own forms of the open cycle stay unfilled. */
  demoCadreId: string | null;
  /** The street of the draft special assessment. */
  streetUnitId: string | null;
}

/** What the demo assessments write, for removing an interrupted demo load. */
export const DEMO_EVALUATION_MODELS = [
  CycleModel,
  CycleRosterModel,
  AssignmentModel,
  RaterTasksModel,
  BallotBoxModel,
  PendingSubmissionModel,
  ResultModel,
  UnitCalibrationModel,
  AssessmentHistoryModel,
  ProposalModel,
];

/** Running servers drop the removed cycles and proposals from their lists. */
export async function noteAllEvaluationListsChanged(): Promise<void> {
  await Promise.all([cycleFeed.noteAll(), proposalFeed.noteAll()]);
}

const BATCH = 500;
/** Share of raters who have already submitted in the open cycle. */
const OPEN_CYCLE_RESPONSE_RATE = 0.7;

function demoActor(logger: Logger): SessionActor {
  return {
    id: 'demo-generator',
    username: 'demo.generator',
    displayName: '示例数据生成',
    roles: ['assessor'],
    unitId: null,
    cadreId: null,
    ip: null,
    requestId: null,
    log: logger,
  };
}

/** A stable 0–1 draw per cadre, so a cadre's standing carries over from year to year as a real one's would. */
function abilityOf(seed: number, cadreId: string): number {
  let hash = seed >>> 0;
  for (let i = 0; i < cadreId.length; i++) hash = Math.imul(hash ^ cadreId.charCodeAt(i), 0x01000193) >>> 0;
  return new SeededRandom(hash).nextFloat();
}

/** Share of cadres the demo rates weak: a real district's 基本称职 and 不称职 are a few percent. */
const WEAK_SHARE = 0.04;

/** Where raters place a cadre of this ability, on the rubric's 0–100 scale. */
function standingOf(ability: number): number {
  return ability < WEAK_SHARE ? 58 + 16 * (ability / WEAK_SHARE) : 77 + 20 * ((ability - WEAK_SHARE) / (1 - WEAK_SHARE));
}

function annualInput(frameworkVersionId: string, year: number): CycleInput {
  return {
    name: `${year}年度干部考核（示例）`,
    type: 'annual',
    year,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    dueDate: `${year + 1}-01-20`,
    frameworkVersionId,
    population: { unitIds: [], tiers: [], categories: [] },
    raterGroups: DEFAULT_RATER_GROUPS.map((group) => ({ ...group })),
    settings: { trimExtremes: true, excellentQuotaPercent: 20, excellentQuotaRaised: false },
  };
}

interface StoredAssignment {
  _id: string;
  cadreId: string;
  tier: Tier;
  category: Cadre['category'];
  raters: { raterId: string; group: RaterGroup }[];
}

/**
 * Fills the forms of the raters `responds` picks: each rater scores each indicator near the
 * ratee's standing, with the rater's own leniency and some noise, on the indicator's rubric.
 */
async function castDemoBallots(
  cycleId: string,
  framework: FrameworkVersion,
  seed: number,
  year: number,
  responds: (raterId: string) => boolean,
): Promise<number> {
  const rng = new SeededRandom(seed ^ year);
  const rateeIds = await readRoster(cycleId, 'ratees');
  const submitted = new Map<string, Set<string>>();
  let cast = 0;
  for (let start = 0; start < rateeIds.length; start += BATCH) {
    const ids = rateeIds.slice(start, start + BATCH).map((id) => assignmentId(cycleId, id));
    const assignments = (await Promise.all(ids.map((id) => AssignmentModel.collection.findOne({ _id: id as never })))) as unknown as (StoredAssignment | null)[];
    const boxes = [];
    for (const assignment of assignments) {
      if (!assignment) continue;
      const standing = standingOf(abilityOf(seed, assignment.cadreId)) + rng.nextInt(-3, 3);
      const indicators = applicableDimensions(framework, { tier: assignment.tier, category: assignment.category })
        .flatMap((dimension) => dimension.indicators)
        .filter((indicator) => indicator.ratingShare > 0);
      const groups: Partial<Record<RaterGroup, { scores: Record<string, number>; comment: string }[]>> = {};
      for (const { raterId, group } of assignment.raters) {
        if (!responds(raterId)) continue;
        const leniency = group === 'self' ? 6 : rng.nextInt(-5, 5);
        const scores: Record<string, number> = {};
        for (const indicator of indicators) {
          const aim = standing + leniency + rng.nextInt(-8, 8);
          const nearest = indicator.rubric.reduce((best, level) => (Math.abs(level.score - aim) < Math.abs(best.score - aim) ? level : best));
          scores[indicator.id] = nearest.score;
        }
        (groups[group] ??= []).push({ scores, comment: '' });
        if (!submitted.has(raterId)) submitted.set(raterId, new Set());
        submitted.get(raterId)!.add(`${assignment.cadreId}:${group}`);
        cast += 1;
      }
      for (const ballots of Object.values(groups)) rng.shuffle(ballots).forEach((ballot, i) => (ballots[i] = ballot));
      boxes.push({ _id: `${cycleId}:${assignment.cadreId}`, cycleId, rateeId: assignment.cadreId, groups });
    }
    if (boxes.length) await BallotBoxModel.collection.insertMany(boxes as never[]);
  }
  const raterIds = [...submitted.keys()];
  for (let start = 0; start < raterIds.length; start += BATCH) {
    await Promise.all(
      raterIds.slice(start, start + BATCH).map(async (raterId) => {
        const _id = `${cycleId}:${raterId}`;
        const doc = (await RaterTasksModel.collection.findOne({ _id: _id as never })) as { tasks: { rateeId: string; group: string; state: string }[] } | null;
        if (!doc) return;
        const done = submitted.get(raterId)!;
        const tasks = doc.tasks.map((task) => (done.has(`${task.rateeId}:${task.group}`) ? { ...task, state: 'submitted', draft: null } : task));
        await RaterTasksModel.collection.updateOne({ _id: _id as never }, { $set: { tasks } });
      }),
    );
  }
  await addToCycleCounts(cycleId, { submitted: cast });
  return cast;
}

/** A calibration an assessor could make in this unit: a high 称职 moved up where the quota has room, else the last 优秀 moved down. */
function demoCalibration(unit: UnitCalibration): { cadreId: string; grade: Grade; reason: string } | null {
  const rising = unit.rows.find((row) => row.finalGrade === '称职' && row.rank !== null && row.rank <= 3);
  if (rising && !checkCalibrationChange(unit.rows, { cadreId: rising.cadreId, grade: '优秀' }, unit.excellentCap)) {
    return { cadreId: rising.cadreId, grade: '优秀', reason: '牵头完成年度重点项目，实绩突出，经考核委员会研究调整' };
  }
  const falling = unit.rows.filter((row) => row.finalGrade === '优秀').at(-1);
  return falling ? { cadreId: falling.cadreId, grade: '称职', reason: '年度重点任务进度滞后，经考核委员会研究调整' } : null;
}

/** Two calibrations with reasons in the first units that allow one, as assessors make them. */
async function calibrateSome(actor: SessionActor, cycleId: string, unitIds: readonly string[]): Promise<void> {
  let made = 0;
  for (const unitId of unitIds) {
    if (made >= 2) return;
    const unit = await getUnitCalibration(cycleId, unitId);
    const change = demoCalibration(unit);
    if (!change) continue;
    await changeCalibration(actor, cycleId, unitId, { revision: unit.revision, ...change });
    made += 1;
  }
}

async function defaultFramework(): Promise<FrameworkVersion> {
  await ensureDefaultFramework();
  const list = await frameworkVersionList().current();
  const published = list.items().find((version) => version.status === 'published');
  const framework = published ? await findFrameworkVersion(published.id) : null;
  if (!framework) throw new Error('the default evaluation framework is missing');
  return framework;
}

/** Writes the demo district's assessments (see the comment at the top). */
export async function loadDemoEvaluation(options: DemoEvaluationOptions): Promise<void> {
  const { seed, logger } = options;
  const actor = demoActor(logger);
  const framework = await defaultFramework();
  const year = options.asOf.getFullYear();
  for (const past of [year - 2, year - 1]) {
    let cycle = await createCycle(actor, annualInput(framework.id, past));
    cycle = await launchCycle(actor, cycle.id, cycle.revision);
    const ballots = await castDemoBallots(cycle.id, framework, seed, past, () => true);
    cycle = await closeCycle(actor, cycle.id, { revision: (await requireCycle(cycle.id)).revision });
    await calibrateSome(actor, cycle.id, (await requireCycle(cycle.id)).unitIds);
    await lockCycle(actor, cycle.id, { revision: (await requireCycle(cycle.id)).revision });
    logger.info({ year: past, ballots }, 'demo assessment cycle locked');
  }

  let current = await createCycle(actor, annualInput(framework.id, year));
  current = await launchCycle(actor, current.id, current.revision);
  const rng = new SeededRandom(seed ^ 0x5eed);
  const ballots = await castDemoBallots(current.id, framework, seed, year, (raterId) => raterId !== options.demoCadreId && rng.testChance(OPEN_CYCLE_RESPONSE_RATE));
  logger.info({ year, ballots }, 'demo assessment cycle open');

  if (options.streetUnitId) {
    await createCycle(actor, {
      ...annualInput(framework.id, year),
      name: `${year}年“四百工程”专项考核（示例）`,
      type: 'special',
      periodStart: `${year}-07-01`,
      dueDate: `${year + 1}-01-31`,
      population: { unitIds: [options.streetUnitId], tiers: [], categories: [] },
    });
  }
}
