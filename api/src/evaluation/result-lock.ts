import {
  proposeAdjustments,
  PROPOSAL_ACTION_LABELS,
  type AdjustmentRule,
  type AssessmentHistoryEntry,
  type CadreResult,
  type Cycle,
  type CycleTransitionSchema,
} from '@cadre/shared-models';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import type { SessionActor } from '../platform/actor.js';
import { AssessmentHistoryModel, ProposalModel, ResultModel, UnitCalibrationModel } from './evaluation.models.js';
import { readCalibrations, type StoredCalibration } from './calibration.service.js';
import { noteProposalsChanged } from './proposal-list.js';
import { readAdjustmentRules } from './proposal-rules.js';
import { assertTransition, claimTransition, finishTransition } from './result-cycle.js';
import { requireCycle, type StoredCycle } from './cycle.service.js';
import { readByIds, runParallel } from './scoring-reads.js';
import { unpackReport, type StoredResult } from './result-store.js';
import { claimRevision } from './result-claims.js';
import { AppError } from '../platform/errors.js';
import { withDocumentLock } from '../db/document-lock.js';

const WRITE_BATCH = 500;

/**
 * The share of the unit ranked at or above the cadre, in percent: 100/n for the top of a unit of
 * n, 100 for the last. So "top 10 %" holds only where a unit is big enough to have a top tenth
 * (the first of three is at 33.3, not 0).
 */
export function rankPercentile(rank: number | null, unitSize: number): number | null {
  return rank === null || unitSize === 0 ? null : Math.round((rank / unitSize) * 10_000) / 100;
}

async function inBatches<T>(items: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += WRITE_BATCH) await write(items.slice(start, start + WRITE_BATCH));
}

/** Claims for a unit's document before marking it, retried while a calibration change holds it. */
const MARK_ATTEMPTS = 20;
const MARK_PAUSE_MS = 50;

/** No calibration may change once locking has begun: each unit is marked before its grades are read. */
async function markUnitLocked(id: string): Promise<void> {
  for (let attempt = 0; attempt < MARK_ATTEMPTS; attempt += 1) {
    const doc = await UnitCalibrationModel.findById(id).select('locked revision').lean<{ locked: boolean; revision: number }>();
    if (!doc || doc.locked) return;
    if (await claimRevision(`calibration:${id}`, doc.revision)) {
      await UnitCalibrationModel.updateOne({ _id: id, revision: doc.revision }, { $set: { locked: true }, $inc: { revision: 1 } });
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, MARK_PAUSE_MS));
  }
  throw new AppError(409, 'calibration_in_progress', '有单位的校准正在保存，请稍后重试锁定');
}

interface LockedUnit {
  unit: StoredCalibration;
  entries: Map<string, AssessmentHistoryEntry>;
}

/** Fixes the final grades of one unit's results and builds each cadre's history entry. */
async function lockUnitResults(cycle: StoredCycle, unit: StoredCalibration, lockedAt: string): Promise<LockedUnit> {
  const cycleId = String(cycle._id);
  const ids = unit.rows.map((row) => `${cycleId}:${row.cadreId}`);
  const stored = await readByIds<StoredResult>(ResultModel as never, ids, { fields: 'report' });
  await runParallel(unit.rows, (row) =>
    ResultModel.collection.updateOne({ _id: `${cycleId}:${row.cadreId}` as never }, { $set: { finalGrade: row.finalGrade, locked: true } }),
  );
  const dimensionsOf = (id: string) => {
    const report = stored.get(id)?.report;
    return report ? unpackReport<Pick<CadreResult, 'dimensions'>>(report).dimensions : [];
  };
  const entries = new Map(
    unit.rows.map((row): [string, AssessmentHistoryEntry] => [
      row.cadreId,
      {
        cycleId,
        cycleName: cycle.name,
        cycleType: cycle.type,
        year: cycle.year,
        total: row.total,
        grade: row.finalGrade,
        rankPercentile: rankPercentile(row.rank, unit.rows.length),
        dimensions: dimensionsOf(`${cycleId}:${row.cadreId}`).map((d) => ({ dimensionId: d.dimensionId, name: d.name, score: d.score })),
        lockedAt,
      },
    ]),
  );
  return { unit, entries };
}

/**
 * Adds this cycle's entry to each history (replacing one a dead lock already wrote), newest year
 * first, each under the history's lock: two cycles locking at once must not drop each other's entry.
 */
async function appendHistories(entries: ReadonlyMap<string, AssessmentHistoryEntry>): Promise<Map<string, AssessmentHistoryEntry[]>> {
  const histories = new Map<string, AssessmentHistoryEntry[]>();
  await runParallel([...entries.keys()], (id) =>
    withDocumentLock(`assessment-history:${id}`, async () => {
      const entry = entries.get(id)!;
      const stored = await AssessmentHistoryModel.collection.findOne<{ entries: AssessmentHistoryEntry[] }>({ _id: id as never });
      const history = [entry, ...(stored?.entries ?? []).filter((e) => e.cycleId !== entry.cycleId)].sort(
        (a, b) => b.year - a.year || b.lockedAt.localeCompare(a.lockedAt),
      );
      await AssessmentHistoryModel.collection.replaceOne({ _id: id as never }, { entries: history }, { upsert: true });
      histories.set(id, history);
    }),
  );
  return histories;
}

/** Inserts the proposals the rules make; one already there (perhaps decided) is refused as a duplicate and left as it is. */
async function writeProposals(cycle: StoredCycle, locked: LockedUnit, histories: ReadonlyMap<string, AssessmentHistoryEntry[]>, rules: readonly AdjustmentRule[]): Promise<string[]> {
  const cycleId = String(cycle._id);
  const now = new Date();
  const docs = locked.unit.rows.flatMap((row) =>
    proposeAdjustments(histories.get(row.cadreId) ?? [], rules).map(({ ruleId, basis }) => {
      const rule = rules.find((r) => r.id === ruleId)!;
      return {
        _id: `${cycleId}:${row.cadreId}:${ruleId}`,
        cycleId,
        cycleName: cycle.name,
        cadreId: row.cadreId,
        cadreName: row.cadreName,
        unitId: locked.unit.unitId,
        unitName: locked.unit.unitName,
        unitPath: locked.unit.unitPath,
        ruleId,
        ruleDescription: rule.description || PROPOSAL_ACTION_LABELS[rule.action],
        action: rule.action,
        basis,
        status: 'pending',
        decidedAt: null,
        decidedBy: null,
        decisionReason: null,
        createdAt: now,
        updatedAt: now,
        revision: 0,
      };
    }),
  );
  await inBatches(docs, async (batch) => {
    try {
      await ProposalModel.collection.insertMany(batch as never[], { ordered: false });
    } catch (err) {
      const writeErrors = (err as { writeErrors?: { code: number }[] }).writeErrors;
      if (!writeErrors || writeErrors.some((e) => e.code !== 11000)) throw err;
    }
  });
  return docs.map((doc) => doc._id);
}

/**
 * Fixes every final grade: result reports locked, each cadre's history extended, adjustment
 * proposals made from the histories by the saved rules. Nothing changes on the cadres
 * themselves: people decide on the proposals. Every step is safe to repeat, and the status
 * flips only at the end, so a lock that dies midway is simply started again.
 */
export async function lockCycle(actor: SessionActor, cycleId: string, input: z.output<typeof CycleTransitionSchema>): Promise<Cycle> {
  const cycle = await requireCycle(cycleId);
  assertTransition(cycle, 'closed', input.revision, '锁定');
  const lockedAt = new Date();
  const revision = await claimTransition(cycle, 'lockedAt', lockedAt);
  for (const unitId of cycle.unitIds) await markUnitLocked(`${cycleId}:${unitId}`);
  const rules = (await readAdjustmentRules()).rules;
  let proposals = 0;
  for (const unit of await readCalibrations(cycle)) {
    const locked = await lockUnitResults(cycle, unit, lockedAt.toISOString());
    const histories = await appendHistories(locked.entries);
    const ids = await writeProposals(cycle, locked, histories, rules);
    await noteProposalsChanged(ids);
    proposals += ids.length;
  }
  const done = await finishTransition(cycle, revision, 'locked', { lockedAt });
  await recordAudit(actor, {
    action: 'cycle.lock',
    result: 'success',
    objectType: 'assessment_cycle',
    objectId: cycleId,
    detail: { changes: { status: { before: 'closed', after: 'locked' } }, proposals },
  });
  return done;
}
