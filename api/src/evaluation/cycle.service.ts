import { Types } from 'mongoose';
import type { Cycle, CycleInput, CycleStatus } from '@cadre/shared-models';
import { CYCLE_STATUS_LABELS } from '@cadre/shared-models';
import { AppError } from '../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { SessionActor } from '../platform/actor.js';
import { CycleModel } from './evaluation.models.js';
import { cycleList, noteCyclesChanged } from './cycle-list.js';
import { findFrameworkVersion, lockFrameworkVersion } from './framework.service.js';
import { deleteAssignments, stampReminders, writeAssignments } from './assignment-store.js';
import { planCycle } from './cycle-population.js';
import { withDocumentLock } from '../db/document-lock.js';

const NOT_FOUND_MESSAGE = '考核不存在';

export interface StoredCycle extends CycleInput {
  _id: Types.ObjectId;
  frameworkVersionId: string;
  frameworkName: string;
  frameworkVersion: number;
  status: CycleStatus;
  revision: number;
  counts: Cycle['counts'];
  unitIds: string[];
  createdAt: Date;
  createdBy: string;
  launchedAt?: Date | null;
  remindedAt?: Date[];
  closedAt?: Date | null;
  lockedAt?: Date | null;
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

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
    createdAt: doc.createdAt.toISOString(),
    createdBy: doc.createdBy,
    launchedAt: iso(doc.launchedAt),
    remindedAt: (doc.remindedAt ?? []).map((d) => d.toISOString()),
    closedAt: iso(doc.closedAt),
    lockedAt: iso(doc.lockedAt),
  };
}

/** A cycle as stored, or null (also for an id that is not one). */
export async function findCycle(id: string): Promise<StoredCycle | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  return CycleModel.findById(id).lean<StoredCycle>();
}

export async function requireCycle(id: string): Promise<StoredCycle> {
  const cycle = await findCycle(id);
  if (!cycle) throw new AppError(404, 'not_found', NOT_FOUND_MESSAGE);
  return cycle;
}

export async function getCycle(id: string): Promise<Cycle> {
  return toCycle(await requireCycle(id));
}

export async function listCycles(query: { status?: CycleStatus | undefined; page: number; size: number }) {
  return (await cycleList().current()).page(query.status, query.page, query.size);
}

/** The published framework version a cycle input names, or a 400 on the field. */
async function requirePublishedFramework(id: string, path: string) {
  const version = await findFrameworkVersion(id);
  const problem = !version ? '评价体系版本不存在' : version.status !== 'published' ? '只能使用已发布的评价体系版本' : null;
  if (problem) throw new AppError(400, 'validation_failed', problem, [{ path, message: problem }]);
  return version!;
}

function inputFields(input: CycleInput) {
  return {
    name: input.name,
    type: input.type,
    year: input.year,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    dueDate: input.dueDate,
    frameworkVersionId: input.frameworkVersionId,
    population: input.population,
    raterGroups: input.raterGroups,
    settings: input.settings,
  };
}

/**
 * A draft cycle with its assignments. The assignment and task documents are written first and
 * the cycle last, so a failure leaves no cycle behind (only documents nothing refers to).
 */
export async function createCycle(actor: SessionActor, input: CycleInput): Promise<Cycle> {
  const framework = await requirePublishedFramework(input.frameworkVersionId, 'body.frameworkVersionId');
  const id = new Types.ObjectId();
  const plan = await planCycle(String(id), input);
  const counts = await writeAssignments(String(id), plan.ratees, plan.plans);
  const created = await CycleModel.create({
    _id: id,
    ...inputFields(input),
    frameworkName: framework.name,
    frameworkVersion: framework.version,
    status: 'draft',
    counts,
    unitIds: plan.unitIds,
    createdBy: actor.username,
  });
  const cycle = toCycle(created.toObject() as unknown as StoredCycle);
  await noteCyclesChanged([cycle.id]);
  await recordAudit(actor, {
    action: 'cycle.create',
    result: 'success',
    objectType: 'cycle',
    objectId: cycle.id,
    detail: { name: cycle.name, population: counts.population, assignments: counts.assignments },
  });
  return cycle;
}

/** Why a cycle cannot make a change: gone, in another status, or edited since the caller read it. */
function refusal(current: StoredCycle | null, expected: CycleStatus, revision: number, verb: string): AppError | null {
  if (!current) return new AppError(404, 'not_found', NOT_FOUND_MESSAGE);
  if (current.status !== expected) {
    return new AppError(409, 'wrong_status', `考核${CYCLE_STATUS_LABELS[current.status]}，只有${CYCLE_STATUS_LABELS[expected]}的考核才能${verb}`, undefined, {
      current: toCycle(current),
    });
  }
  if (current.revision !== revision) return new AppError(409, 'stale_revision', '考核已被他人修改，请刷新后重试', undefined, { current: toCycle(current) });
  return null;
}

/**
 * Makes a change to a cycle in the expected status and revision under the cycle's lock
 * (document-lock.ts): of two changes from one revision, exactly one is made and the other is
 * refused with 409. `change` must bump the revision. Refusals are audited.
 */
async function transition(
  actor: SessionActor,
  action: string,
  id: string,
  expected: { status: CycleStatus; revision: number; verb: string },
  change: () => Promise<unknown>,
): Promise<StoredCycle> {
  const outcome = await withDocumentLock(`cycle:${id}`, async () => {
    const error = refusal(await findCycle(id), expected.status, expected.revision, expected.verb);
    if (error) return error;
    await change();
    return (await findCycle(id))!;
  });
  if (outcome instanceof AppError) {
    await recordAudit(actor, { action, result: outcome.status === 404 ? 'failure' : 'denied', objectType: 'cycle', objectId: id, detail: { reason: outcome.code } });
    throw outcome;
  }
  await noteCyclesChanged([id]);
  return outcome;
}

const bumpRevision = (id: string, update: Record<string, unknown>) => CycleModel.updateOne({ _id: id }, { ...update, $inc: { revision: 1 } });

/** Adds to a cycle's counts (forms handed out or submitted, raters), under the cycle's lock. */
export async function addToCycleCounts(id: string, change: Partial<Record<keyof Cycle['counts'], number>>): Promise<void> {
  const inc = Object.fromEntries(Object.entries(change).filter(([, n]) => n !== 0).map(([key, n]) => [`counts.${key}`, n]));
  if (Object.keys(inc).length === 0) return;
  await withDocumentLock(`cycle:${id}`, () => CycleModel.updateOne({ _id: id }, { $inc: inc }));
  await noteCyclesChanged([id]);
}

/**
 * Replaces a draft's settings and plans its assignments again from scratch, holding the cycle's
 * lock throughout so that nobody launches it half planned. The plan is made before anything is
 * written, so a refused input changes nothing.
 */
export async function updateCycle(actor: SessionActor, id: string, revision: number, input: CycleInput): Promise<Cycle> {
  const early = refusal(await findCycle(id), 'draft', revision, '修改');
  if (early) {
    await recordAudit(actor, { action: 'cycle.update', result: early.status === 404 ? 'failure' : 'denied', objectType: 'cycle', objectId: id, detail: { reason: early.code } });
    throw early;
  }
  const framework = await requirePublishedFramework(input.frameworkVersionId, 'body.input.frameworkVersionId');
  const plan = await planCycle(id, input);
  const updated = await transition(actor, 'cycle.update', id, { status: 'draft', revision, verb: '修改' }, async () => {
    await deleteAssignments(id);
    const counts = await writeAssignments(id, plan.ratees, plan.plans);
    await bumpRevision(id, { $set: { ...inputFields(input), frameworkName: framework.name, frameworkVersion: framework.version, unitIds: plan.unitIds, counts } });
  });
  await recordAudit(actor, {
    action: 'cycle.update',
    result: 'success',
    objectType: 'cycle',
    objectId: id,
    detail: { name: input.name, population: updated.counts.population, assignments: updated.counts.assignments },
  });
  return toCycle(updated);
}

/** Opens a draft for rating; its framework version is locked once the cycle is open. */
export async function launchCycle(actor: SessionActor, id: string, revision: number): Promise<Cycle> {
  const launched = await transition(actor, 'cycle.launch', id, { status: 'draft', revision, verb: '启动' }, () =>
    bumpRevision(id, { $set: { status: 'open', launchedAt: new Date() } }),
  );
  await lockFrameworkVersion(String(launched.frameworkVersionId));
  await recordAudit(actor, { action: 'cycle.launch', result: 'success', objectType: 'cycle', objectId: id, detail: { frameworkVersionId: String(launched.frameworkVersionId) } });
  return toCycle(launched);
}

/** Reminds every rater of an open cycle who still has forms to fill (shown with their tasks). */
export async function remindCycle(actor: SessionActor, id: string, revision: number): Promise<Cycle> {
  const at = new Date();
  const reminded = await transition(actor, 'cycle.remind', id, { status: 'open', revision, verb: '发送提醒' }, () => bumpRevision(id, { $push: { remindedAt: at } }));
  await stampReminders(id, at);
  await recordAudit(actor, { action: 'cycle.remind', result: 'success', objectType: 'cycle', objectId: id });
  return toCycle(reminded);
}
