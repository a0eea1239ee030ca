import type { Cycle, CycleTransitionSchema, FrameworkContent } from '@cadre/shared-models';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { CadreModel } from '../cadres/cadre.model.js';
import { AppError } from '../platform/errors.js';
import type { SessionActor } from '../platform/actor.js';
import { AssessmentHistoryModel, AssignmentModel, BallotBoxModel, FrameworkVersionModel, ResultModel, UnitCalibrationModel } from './evaluation.models.js';
import { assertTransition, claimTransition, finishTransition, readCycle, type StoredCycle } from './result-cycle.js';
import { readByIds, selectPopulation } from './scoring-reads.js';
import { scoreUnit, type CalibrationDocument, type RateeFacts, type RateeSeat, type ResultDocument } from './scoring-units.js';

/** Ratees scored and written per round: bounds memory for a district-wide cycle. */
const RATEES_PER_ROUND = 1_000;
/** Documents per bulk write. */
const WRITE_BATCH = 500;

type Framework = Pick<FrameworkContent, 'dimensions' | 'vetoRules' | 'gradeBands'>;

async function readFramework(cycle: StoredCycle): Promise<Framework> {
  const framework = await FrameworkVersionModel.findById(cycle.frameworkVersionId).select('dimensions vetoRules gradeBands').lean<Framework>();
  if (!framework) throw new AppError(409, 'framework_missing', '该考核使用的评价体系版本不存在，无法计分');
  return framework;
}

/** The cycle's ratees, by unit: the population's cadres that hold an assignment in the cycle. */
async function readSeatsByUnit(cycle: StoredCycle): Promise<Map<string, RateeSeat[]>> {
  const cycleId = String(cycle._id);
  const population = await selectPopulation(cycle.population);
  const assignments = await readByIds<RateeSeat>(AssignmentModel as never, population.map((id) => `${cycleId}:${id}`), 'cadreId cadreName unitId unitName unitPath post tier category');
  const byUnit = new Map<string, RateeSeat[]>();
  for (const seat of assignments.values()) {
    const unit = byUnit.get(seat.unitId) ?? [];
    unit.push({ ...seat, unitPath: seat.unitPath.map(String) });
    byUnit.set(seat.unitId, unit);
  }
  return byUnit;
}

interface StoredCadreFacts {
  commendations?: RateeFacts['commendations'];
  workStartMonth?: string;
}

async function readFacts(cycleId: string, seats: readonly RateeSeat[]): Promise<Map<string, RateeFacts>> {
  const ids = seats.map((seat) => seat.cadreId);
  const [boxes, cadres, histories] = await Promise.all([
    readByIds<{ groups: RateeFacts['ballots'] }>(BallotBoxModel as never, ids.map((id) => `${cycleId}:${id}`), 'groups'),
    readByIds<StoredCadreFacts>(CadreModel as never, ids, 'commendations workStartMonth'),
    readByIds<{ entries: RateeFacts['history'] }>(AssessmentHistoryModel as never, ids, 'entries'),
  ]);
  return new Map(
    ids.map((id) => [
      id,
      {
        ballots: boxes.get(`${cycleId}:${id}`)?.groups ?? {},
        commendations: cadres.get(id)?.commendations ?? [],
        workStartMonth: cadres.get(id)?.workStartMonth ?? null,
        history: histories.get(id)?.entries ?? [],
      },
    ]),
  );
}

/** Replaces by `_id` (inserting when missing), so a close started again overwrites what a dead one wrote. */
async function replaceAll(model: typeof ResultModel | typeof UnitCalibrationModel, docs: readonly (ResultDocument | CalibrationDocument)[]): Promise<void> {
  for (let start = 0; start < docs.length; start += WRITE_BATCH) {
    const batch = docs.slice(start, start + WRITE_BATCH);
    await (model as typeof ResultModel).bulkWrite(
      batch.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc as never, upsert: true } })),
      { ordered: false },
    );
  }
}

/** Units taken together in one round, up to about RATEES_PER_ROUND ratees (a bigger unit goes alone). */
function roundsOf(units: readonly RateeSeat[][]): RateeSeat[][][] {
  const rounds: RateeSeat[][][] = [];
  let current: RateeSeat[][] = [];
  let size = 0;
  for (const unit of units) {
    if (size > 0 && size + unit.length > RATEES_PER_ROUND) {
      rounds.push(current);
      current = [];
      size = 0;
    }
    current.push(unit);
    size += unit.length;
  }
  if (current.length) rounds.push(current);
  return rounds;
}

/**
 * Ends rating and scores every ratee: result reports and unit calibrations written by `_id`,
 * then the status flips to closed. Until the flip the cycle stays open, so a close that dies
 * midway is simply started again and overwrites what it had written.
 */
export async function closeCycle(actor: SessionActor, cycleId: string, input: z.output<typeof CycleTransitionSchema>): Promise<Cycle> {
  const cycle = await readCycle(cycleId);
  assertTransition(cycle, 'open', input.revision, '结束');
  const framework = await readFramework(cycle);
  const revision = await claimTransition(cycle, 'closedAt', new Date());
  const byUnit = await readSeatsByUnit(cycle);
  let scored = 0;
  let unscored = 0;
  for (const round of roundsOf([...byUnit.values()])) {
    const facts = await readFacts(cycleId, round.flat());
    const units = round.map((seats) => scoreUnit(cycle, framework, seats, facts));
    const results = units.flatMap((unit) => unit.results);
    for (const result of results) {
      if (result.report.total === null) unscored += 1;
      else scored += 1;
    }
    await replaceAll(ResultModel, results);
    await replaceAll(UnitCalibrationModel, units.map((unit) => unit.calibration));
  }
  const closed = await finishTransition(cycle, revision, 'closed', { closedAt: new Date(), unitIds: [...byUnit.keys()] });
  await recordAudit(actor, {
    action: 'cycle.close',
    result: 'success',
    objectType: 'assessment_cycle',
    objectId: cycleId,
    detail: { changes: { status: { before: 'open', after: 'closed' } }, scored, unscored, units: byUnit.size },
  });
  return closed;
}
