import type { Cycle, CycleTransitionSchema, FrameworkContent } from '@cadre/shared-models';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { ledgerReadModel } from '../ledger/ledger-read-model.js';
import { AppError } from '../platform/errors.js';
import type { SessionActor } from '../platform/actor.js';
import { AssessmentHistoryModel, AssignmentModel, BallotBoxModel, FrameworkVersionModel, ResultModel, UnitCalibrationModel } from './evaluation.models.js';
import { assertTransition, claimTransition, finishTransition } from './result-cycle.js';
import { settleSubmissionsInFlight } from './rating.service.js';
import { requireCycle, type StoredCycle } from './cycle.service.js';
import { readByIds, runParallel } from './scoring-reads.js';
import { readRoster } from './assignment-store.js';
import { toStoredResult, type StoredResult } from './result-store.js';
import { scoreUnit, type CalibrationDocument, type RateeFacts, type RateeSeat } from './scoring-units.js';

/**
 * Ratees scored and written per round: bounds memory for a district-wide cycle, and lets the
 * next round's reads run while this round is scored and written.
 */
const RATEES_PER_ROUND = 250;
/** Documents per bulk write. */
const WRITE_BATCH = 50;

type Framework = Pick<FrameworkContent, 'dimensions' | 'vetoRules' | 'gradeBands'>;

async function readFramework(cycle: StoredCycle): Promise<Framework> {
  const framework = await FrameworkVersionModel.findById(cycle.frameworkVersionId).select('dimensions vetoRules gradeBands').lean<Framework>();
  if (!framework) throw new AppError(409, 'framework_missing', '该考核使用的评价体系版本不存在，无法计分');
  return framework;
}

/** The cycle's ratees, by unit: the population's cadres that hold an assignment in the cycle. */
async function readSeatsByUnit(cycle: StoredCycle): Promise<Map<string, RateeSeat[]>> {
  const cycleId = String(cycle._id);
  const ratees = await readRoster(cycleId, 'ratees');
  const assignments = await readByIds<RateeSeat>(AssignmentModel as never, ratees.map((id) => `${cycleId}:${id}`), {
    fields: 'cadreId cadreName unitId unitName unitPath post tier category',
  });
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
  const [boxes, histories, ledger] = await Promise.all([
    readByIds<{ groups: RateeFacts['ballots'] }>(BallotBoxModel as never, ids.map((id) => `${cycleId}:${id}`), { fields: 'groups' }),
    readByIds<{ entries: RateeFacts['history'] }>(AssessmentHistoryModel as never, ids, { fields: 'entries' }),
    ledgerReadModel().current(),
  ]);
  const cadres = new Map<string, StoredCadreFacts>();
  for (const id of ids) {
    const entry = ledger.entryOf(id);
    if (entry) cadres.set(id, { commendations: [...entry.merits], workStartMonth: entry.workStartMonth });
  }
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

/**
 * Writes documents by `_id`: inserted in one go, and any a close that died midway had already
 * written replaced one by one, so starting again overwrites rather than duplicates.
 */
async function writeAll(model: typeof ResultModel | typeof UnitCalibrationModel, docs: readonly (StoredResult | CalibrationDocument)[]): Promise<void> {
  const collection = (model as typeof ResultModel).collection;
  const batches: (StoredResult | CalibrationDocument)[][] = [];
  for (let start = 0; start < docs.length; start += WRITE_BATCH) batches.push(docs.slice(start, start + WRITE_BATCH));
  // Several batches at once: the embedded database encodes documents on both cores before its one writer stores them.
  await Promise.all(
    batches.map(async (batch) => {
      const existing = new Set<number>();
      try {
        await collection.insertMany(batch as never[], { ordered: false });
      } catch (err) {
        const writeErrors = (err as { writeErrors?: { code: number; index: number }[] }).writeErrors;
        if (!writeErrors || writeErrors.some((e) => e.code !== 11000)) throw err;
        for (const e of writeErrors) existing.add(e.index);
      }
      await runParallel([...existing], (index) => collection.replaceOne({ _id: batch[index]!._id as never }, batch[index]! as never));
    }),
  );
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
  const cycle = await requireCycle(cycleId);
  assertTransition(cycle, 'open', input.revision, '结束');
  const framework = await readFramework(cycle);
  const revision = await claimTransition(cycle, 'closedAt', new Date());
  await settleSubmissionsInFlight(cycleId);
  const ms = { seats: 0, reads: 0, scoring: 0, writes: 0 };
  let mark = performance.now();
  const lap = (phase: keyof typeof ms) => {
    const now = performance.now();
    ms[phase] += Math.round(now - mark);
    mark = now;
  };
  const byUnit = await readSeatsByUnit(cycle);
  lap('seats');
  let scored = 0;
  let unscored = 0;
  const rounds = roundsOf([...byUnit.values()]);
  const prefetch = (i: number) => {
    const reading = i < rounds.length ? readFacts(cycleId, rounds[i]!.flat()) : Promise.resolve(new Map<string, RateeFacts>());
    // Awaited in the next round; a failure meanwhile must not surface as an unhandled rejection.
    reading.catch(() => undefined);
    return reading;
  };
  let next = prefetch(0);
  for (const [i, round] of rounds.entries()) {
    const facts = await next;
    next = prefetch(i + 1);
    lap('reads');
    const units = round.map((seats) => scoreUnit(cycle, framework, seats, facts));
    const results = units.flatMap((unit) => unit.results);
    for (const result of results) {
      if (result.report.total === null) unscored += 1;
      else scored += 1;
    }
    lap('scoring');
    await writeAll(ResultModel, results.map(toStoredResult));
    await writeAll(UnitCalibrationModel, units.map((unit) => unit.calibration));
    lap('writes');
  }
  await next;
  actor.log.info({ cycleId, ratees: scored + unscored, ms }, 'cycle scored');
  // The units as the cycle listed them, then any its ratees have since moved into.
  const unitIds = [...cycle.unitIds.filter((id) => byUnit.has(id)), ...[...byUnit.keys()].filter((id) => !cycle.unitIds.includes(id)).sort()];
  const closed = await finishTransition(cycle, revision, 'closed', { closedAt: new Date(), unitIds });
  await recordAudit(actor, {
    action: 'cycle.close',
    result: 'success',
    objectType: 'assessment_cycle',
    objectId: cycleId,
    detail: { changes: { status: { before: 'open', after: 'closed' } }, scored, unscored, units: byUnit.size },
  });
  return closed;
}
