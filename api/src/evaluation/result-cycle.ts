import type { Types } from 'mongoose';
import { CYCLE_STATUS_LABELS, type Cycle, type CycleStatus } from '@cadre/shared-models';
import { AppError } from '../platform/errors.js';
import { CycleModel } from './evaluation.models.js';
import { claimRevision } from './result-claims.js';

/** A cycle document as stored (lean). */
export interface StoredCycle extends Omit<Cycle, 'id' | 'frameworkVersionId' | 'createdAt' | 'launchedAt' | 'remindedAt' | 'closedAt' | 'lockedAt'> {
  _id: Types.ObjectId;
  frameworkVersionId: Types.ObjectId;
  unitIds: string[];
  createdAt: Date;
  launchedAt: Date | null;
  remindedAt: Date[];
  closedAt: Date | null;
  lockedAt: Date | null;
}

const iso = (date: Date | null | undefined) => (date ? new Date(date).toISOString() : null);

export function toCycle(doc: StoredCycle): Cycle {
  return {
    id: String(doc._id),
    name: doc.name,
    type: doc.type,
    year: doc.year,
    periodStart: doc.periodStart,
    periodEnd: doc.periodEnd,
    dueDate: doc.dueDate,
    frameworkVersionId: String(doc.frameworkVersionId),
    frameworkName: doc.frameworkName,
    frameworkVersion: doc.frameworkVersion,
    population: doc.population,
    raterGroups: doc.raterGroups,
    settings: doc.settings,
    status: doc.status,
    revision: doc.revision,
    counts: doc.counts,
    createdAt: iso(doc.createdAt)!,
    createdBy: doc.createdBy,
    launchedAt: iso(doc.launchedAt),
    remindedAt: (doc.remindedAt ?? []).map((d) => iso(d)!),
    closedAt: iso(doc.closedAt),
    lockedAt: iso(doc.lockedAt),
  };
}

export const CYCLE_NOT_FOUND = '考核不存在';

export async function readCycle(id: string): Promise<StoredCycle> {
  const cycle = await CycleModel.findById(id).lean<StoredCycle>();
  if (!cycle) throw new AppError(404, 'not_found', CYCLE_NOT_FOUND);
  return cycle;
}

function staleCycle(): AppError {
  return new AppError(409, 'version_conflict', '该考核已被他人修改或正在处理，请刷新后重试');
}

/** Refuses a transition from any status but `from`, or made against an older revision. */
export function assertTransition(cycle: StoredCycle, from: CycleStatus, revision: number, verb: string): void {
  if (cycle.status !== from) {
    throw new AppError(409, 'invalid_status', `只能${verb}${CYCLE_STATUS_LABELS[from]}的考核（当前：${CYCLE_STATUS_LABELS[cycle.status]}）`);
  }
  if (cycle.revision !== revision) throw staleCycle();
}

/**
 * Takes a long transition for this caller: bumps the revision while the status stays, so a
 * second caller with the same revision gets 409 and only one process writes the cycle's
 * documents. `mark` (closedAt or lockedAt) records that the transition has begun; a process that
 * dies leaves the status as it was, and the transition is simply started again.
 */
export async function claimTransition(cycle: StoredCycle, mark: 'closedAt' | 'lockedAt', at: Date): Promise<number> {
  if (!(await claimRevision(`cycle:${String(cycle._id)}`, cycle.revision))) throw staleCycle();
  const claimed = await CycleModel.updateOne(
    { _id: cycle._id, status: cycle.status, revision: cycle.revision },
    { $set: { [mark]: at }, $inc: { revision: 1 } },
  );
  if (claimed.matchedCount === 0) throw staleCycle();
  return cycle.revision + 1;
}

/** Ends a claimed transition: the new status, and anything else the transition settles. */
export async function finishTransition(cycle: StoredCycle, revision: number, to: CycleStatus, set: Record<string, unknown> = {}): Promise<Cycle> {
  if (!(await claimRevision(`cycle:${String(cycle._id)}`, revision))) throw staleCycle();
  const done = await CycleModel.findOneAndUpdate(
    { _id: cycle._id, status: cycle.status, revision },
    { $set: { status: to, ...set }, $inc: { revision: 1 } },
    { returnDocument: 'after', lean: true },
  );
  if (!done) throw staleCycle();
  return toCycle(done as unknown as StoredCycle);
}
