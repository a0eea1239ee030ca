import { CYCLE_STATUS_LABELS, type Cycle, type CycleStatus } from '@cadre/shared-models';
import { AppError } from '../platform/errors.js';
import { CycleModel } from './evaluation.models.js';
import { findCycle, toCycle, type StoredCycle } from './cycle.service.js';
import { noteCyclesChanged } from './cycle-list.js';
import { withDocumentLock } from '../db/document-lock.js';

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
 * Changes the cycle from `status`/`revision` under the cycle's document lock, which every writer
 * of cycles holds (document-lock.ts: the embedded database does not apply a conditional update
 * atomically, and a counts update by a rater's submission would otherwise write back an older status).
 */
async function changeCycle(cycle: StoredCycle, revision: number, set: Record<string, unknown>): Promise<StoredCycle> {
  const id = String(cycle._id);
  const changed = await withDocumentLock(`cycle:${id}`, async () => {
    const current = await findCycle(id);
    if (!current || current.status !== cycle.status || current.revision !== revision) return null;
    await CycleModel.updateOne({ _id: id }, { $set: set, $inc: { revision: 1 } });
    return findCycle(id);
  });
  if (!changed) throw staleCycle();
  await noteCyclesChanged([id]);
  return changed;
}

/**
 * Takes a long transition for this caller: bumps the revision while the status stays, so a
 * second caller with the same revision gets 409 and only one process writes the cycle's
 * documents. `mark` (closedAt or lockedAt) records that the transition has begun; a process that
 * dies leaves the status as it was, and the transition is simply started again.
 */
export async function claimTransition(cycle: StoredCycle, mark: 'closedAt' | 'lockedAt', at: Date): Promise<number> {
  return (await changeCycle(cycle, cycle.revision, { [mark]: at })).revision;
}

/** Ends a claimed transition: the new status, and anything else the transition settles. */
export async function finishTransition(cycle: StoredCycle, revision: number, to: CycleStatus, set: Record<string, unknown> = {}): Promise<Cycle> {
  return toCycle(await changeCycle(cycle, revision, { status: to, ...set }));
}
