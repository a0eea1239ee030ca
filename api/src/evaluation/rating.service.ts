import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { BallotDraft, RaterGroup, RaterTask, RatingForm, Tier } from '@cadre/shared-models';
import { AppError } from '../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { SessionActor } from '../platform/actor.js';
import { RaterTasksModel } from './evaluation.models.js';
import { raterTasksId, withRaterTasksLock, type TaskFields } from './assignment-store.js';
import { findAssignment, findRaterTasks } from './assignment.service.js';
import { addToCycleCounts, findCycle, type StoredCycle } from './cycle.service.js';
import { cycleList } from './cycle-list.js';
import { findFrameworkVersion } from './framework.service.js';
import { checkBallotScores, formDimensions } from './rating-form.js';
import { boxHoldsNonce, castBallot, forgetNonce, PendingSubmissionModel } from './ballot-box.js';

const NO_FORM_MESSAGE = '没有这份评价表';
const ALREADY_SUBMITTED_MESSAGE = '已提交，不能重复提交';

function requireCadreAccount(actor: SessionActor): string {
  if (!actor.cadreId) throw new AppError(403, 'not_a_cadre', '只有关联了干部档案的账户才能填写评价表');
  return actor.cadreId;
}

function toRaterTask(cycle: StoredCycle, task: TaskFields): RaterTask {
  return {
    cycleId: String(cycle._id),
    cycleName: cycle.name,
    dueDate: cycle.dueDate,
    rateeId: task.rateeId,
    rateeName: task.rateeName,
    rateeUnitName: task.rateeUnitName,
    rateePost: task.rateePost,
    group: task.group,
    anonymous: cycle.raterGroups.find((g) => g.group === task.group)?.anonymous ?? true,
    state: task.state,
  };
}

/** The forms of the caller in every open cycle, and the latest reminder of one they still have forms in. */
export async function listMyRatingTasks(actor: SessionActor) {
  const cadreId = requireCadreAccount(actor);
  const open = (await cycleList().current()).withStatus('open');
  const items: RaterTask[] = [];
  let remindedAt: Date | null = null;
  for (const summary of open) {
    const [cycle, tasks] = await Promise.all([findCycle(summary.id), findRaterTasks(summary.id, cadreId)]);
    if (!cycle || cycle.status !== 'open' || !tasks) continue;
    items.push(...tasks.tasks.map((task) => toRaterTask(cycle, task)));
    const unfinished = tasks.tasks.some((task) => task.state !== 'submitted');
    if (unfinished && tasks.remindedAt && (!remindedAt || tasks.remindedAt > remindedAt)) remindedAt = tasks.remindedAt;
  }
  return { items, remindedAt: remindedAt ? remindedAt.toISOString() : null };
}

interface TaskContext {
  cycle: StoredCycle;
  docId: string;
  task: TaskFields;
  dimensions: RatingForm['dimensions'];
}

/**
 * The caller's own form for this ratee and group in an open cycle. Another rater's form, or a
 * ratee the caller does not rate, is as missing as one that never existed (404).
 */
async function requireTask(actor: SessionActor, cycleId: string, rateeId: string, group: RaterGroup): Promise<TaskContext> {
  const cadreId = requireCadreAccount(actor);
  const [cycle, tasks] = await Promise.all([findCycle(cycleId), findRaterTasks(cycleId, cadreId)]);
  const task = tasks?.tasks.find((t) => t.rateeId === rateeId && t.group === group);
  if (!cycle || !task) {
    if (cycle) await recordAudit(actor, { action: 'rating.access', result: 'denied', objectType: 'cycle', objectId: cycleId, detail: { rateeId, group } });
    throw new AppError(404, 'not_found', NO_FORM_MESSAGE);
  }
  if (cycle.status !== 'open') {
    throw new AppError(409, 'cycle_not_open', cycle.status === 'draft' ? '考核尚未启动，还不能填写评价表' : '测评已结束，不能再填写评价表');
  }
  const [assignment, framework] = await Promise.all([findAssignment(cycleId, rateeId), findFrameworkVersion(String(cycle.frameworkVersionId))]);
  if (!assignment || !framework) throw new AppError(404, 'not_found', NO_FORM_MESSAGE);
  const dimensions = formDimensions(framework, { tier: assignment.tier as Tier, category: assignment.category });
  return { cycle, docId: raterTasksId(cycleId, cadreId), task, dimensions };
}

export async function getRatingForm(actor: SessionActor, cycleId: string, rateeId: string, group: RaterGroup): Promise<RatingForm> {
  const { cycle, task, dimensions } = await requireTask(actor, cycleId, rateeId, group);
  return { task: toRaterTask(cycle, task), dimensions, draft: task.state === 'submitted' ? null : (task.draft ?? null) };
}

/**
 * Sets fields of one task when `allowed` says its current state permits it, holding the task
 * document's lock (document-lock.ts). The embedded database has no positional `$` update, so the
 * task is addressed by its index, found under the lock.
 */
export function updateTask(docId: string, rateeId: string, group: RaterGroup, allowed: (task: TaskFields) => boolean, set: Partial<TaskFields>): Promise<boolean> {
  return withRaterTasksLock(docId, async () => {
    const doc = (await RaterTasksModel.collection.findOne({ _id: docId as never })) as { tasks: TaskFields[] } | null;
    const index = doc?.tasks.findIndex((t) => t.rateeId === rateeId && t.group === group) ?? -1;
    if (index < 0 || !allowed(doc!.tasks[index]!)) return false;
    await RaterTasksModel.collection.updateOne({ _id: docId as never }, { $set: Object.fromEntries(Object.entries(set).map(([k, v]) => [`tasks.${index}.${k}`, v])) });
    return true;
  });
}

const notInFlight = (task: TaskFields) => task.state !== 'submitted' && !task.pendingNonce;

/** Keeps the rater's unfinished scores on their own task; nothing of it reaches a ballot box. */
export async function saveRatingDraft(actor: SessionActor, cycleId: string, rateeId: string, group: RaterGroup, draft: BallotDraft): Promise<RatingForm> {
  const context = await requireTask(actor, cycleId, rateeId, group);
  if (context.task.state === 'submitted' || context.task.pendingNonce) throw new AppError(409, 'already_submitted', '已提交，不能再修改');
  checkBallotScores(context.dimensions, draft, false);
  const saved = { scores: draft.scores, comment: draft.comment };
  if (!(await updateTask(context.docId, rateeId, group, notInFlight, { draft: saved, state: 'draft' }))) {
    throw new AppError(409, 'already_submitted', '已提交，不能再修改');
  }
  await recordAudit(actor, { action: 'rating.save_draft', result: 'success', objectType: 'cycle', objectId: cycleId, detail: { rateeId, group } });
  return { task: toRaterTask(context.cycle, { ...context.task, state: 'draft' }), dimensions: context.dimensions, draft: saved };
}

/**
 * Submits a complete form. The ballot box never learns who voted: (1) under its document's lock,
 * the task is claimed with a random nonce unless it is submitted or in flight (a second submit gets 409);
 * (2) the scores and comment go into the ratee's box at a random place, with the nonce; (3) the
 * task is marked submitted and its draft dropped, then the nonce is removed from the box. A
 * journal entry by nonce lets `recoverPendingSubmissions` finish or undo a submission cut short.
 */
export async function submitRating(actor: SessionActor, cycleId: string, rateeId: string, group: RaterGroup, draft: BallotDraft): Promise<RaterTask> {
  const context = await requireTask(actor, cycleId, rateeId, group);
  if (context.task.state === 'submitted' || context.task.pendingNonce) throw new AppError(409, 'already_submitted', ALREADY_SUBMITTED_MESSAGE);
  const scores = checkBallotScores(context.dimensions, draft, true);
  const nonce = randomBytes(16).toString('hex');
  await PendingSubmissionModel.create({ _id: nonce, cycleId, rateeId, group, raterTasksId: context.docId, startedAt: new Date() });
  if (!(await updateTask(context.docId, rateeId, group, notInFlight, { pendingNonce: nonce }))) {
    await PendingSubmissionModel.deleteOne({ _id: nonce });
    throw new AppError(409, 'already_submitted', ALREADY_SUBMITTED_MESSAGE);
  }
  // Checked again after the journal entry exists: a close marks the cycle first and then waits for
  // the journalled submissions, so a ballot is either counted by the close or refused here.
  const cycle = await findCycle(cycleId);
  if (!cycle || cycle.status !== 'open' || cycle.closedAt) {
    await settleSubmission({ _id: nonce, cycleId, rateeId, group, raterTasksId: context.docId });
    throw new AppError(409, 'cycle_closing', '测评已结束，不能再提交');
  }
  try {
    await castBallot(cycleId, rateeId, group, { scores, comment: draft.comment, nonce });
    await completeSubmission(cycleId, rateeId, group, context.docId, nonce);
  } catch (err) {
    // Settled now if the database still answers, so the rater is not kept waiting for the next start.
    await settleSubmission({ _id: nonce, cycleId, rateeId, group, raterTasksId: context.docId }).catch(() => undefined);
    throw err;
  }
  await recordAudit(actor, { action: 'rating.submit', result: 'success', objectType: 'cycle', objectId: cycleId, detail: { rateeId, group } });
  return toRaterTask(context.cycle, { ...context.task, state: 'submitted' });
}

async function completeSubmission(cycleId: string, rateeId: string, group: RaterGroup, docId: string, nonce: string): Promise<void> {
  if (await updateTask(docId, rateeId, group, (task) => task.pendingNonce === nonce, { state: 'submitted', draft: null, pendingNonce: null })) {
    await addToCycleCounts(cycleId, { submitted: 1 });
  }
  await forgetNonce(cycleId, rateeId, group, nonce);
  await PendingSubmissionModel.deleteOne({ _id: nonce });
}

/** Completes a submission whose ballot reached the box; undoes one whose ballot did not (the rater may submit again). */
export async function settleSubmission(entry: { _id: string; cycleId: string; rateeId: string; group: string; raterTasksId: string }): Promise<void> {
  const group = entry.group as RaterGroup;
  if (await boxHoldsNonce(entry.cycleId, entry.rateeId, group, entry._id)) {
    await completeSubmission(entry.cycleId, entry.rateeId, group, entry.raterTasksId, entry._id);
  } else {
    await updateTask(entry.raterTasksId, entry.rateeId, group, (task) => task.pendingNonce === entry._id, { pendingNonce: null });
    await PendingSubmissionModel.deleteOne({ _id: entry._id });
  }
}

/** How old a submission in flight must be before recovery takes it as abandoned, when other processes may still be running it. */
const ABANDONED_AFTER_MS = 10 * 60 * 1000;

/**
 * Finishes the submissions a stopped process left in flight: one whose ballot reached the box
 * is completed, one whose ballot did not is undone (the rater may submit again). Run at start;
 * `minAgeMs` 0 when this process is the database's only user (the embedded one).
 */
export async function recoverPendingSubmissions(logger: Logger, minAgeMs = ABANDONED_AFTER_MS): Promise<void> {
  const cutoff = Date.now() - minAgeMs;
  const pending = (await PendingSubmissionModel.find().lean()).filter((entry) => entry.startedAt.getTime() <= cutoff);
  for (const entry of pending) await settleSubmission(entry);
  if (pending.length > 0) logger.info({ count: pending.length }, 'interrupted rating submissions recovered');
}

/**
 * Lets the cycle's submissions in flight finish before a close reads the ballot boxes; any still
 * journalled after `waitMs` belong to a process that died, and are settled here. The journal
 * holds only submissions of the last moments, so reading it whole is cheap.
 */
export async function settleSubmissionsInFlight(cycleId: string, waitMs = 5_000): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const pending = await PendingSubmissionModel.find({ cycleId }).lean();
    if (pending.length === 0) return;
    if (Date.now() > deadline) {
      for (const entry of pending) await settleSubmission(entry);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
