import { Types } from 'mongoose';
import type { Cycle, CycleInput, CycleStatus, CYCLE_STATUSES } from '@cadre/shared-models';
import { CYCLE_STATUS_LABELS } from '@cadre/shared-models';
import { AppError } from '../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { SessionActor } from '../platform/actor.js';
import { CycleModel } from './evaluation.models.js';
import { cycleList, noteCyclesChanged } from './cycle-list.js';
import { findFrameworkVersion, lockFrameworkVersion } from './framework.service.js';
import { deleteAssignments, stampReminders, writeAssignments } from './assignment-store.js';
import { planCycle } from './cycle-population.js';

const NOT_FOUND_MESSAGE = '考核不存在';

export interface StoredCycle extends CycleInput {
  _id: Types.ObjectId;
  frameworkVersionId: string;
  frameworkName: string;
  frameworkVersion: number;
  status: (typeof CYCLE_STATUSES)[number];
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

/** Why a conditional write on a cycle matched nothing: gone, in the wrong status, or edited since read. */
async function explainRefusedTransition(id: string, expected: CycleStatus, verb: string): Promise<AppError> {
  const current = await findCycle(id);
  if (!current) return new AppError(404, 'not_found', NOT_FOUND_MESSAGE);
  if (current.status !== expected) {
    return new AppError(409, 'wrong_status', `考核${CYCLE_STATUS_LABELS[current.status]}，只有${CYCLE_STATUS_LABELS[expected]}的考核才能${verb}`, undefined, {
      current: toCycle(current),
    });
  }
  return new AppError(409, 'stale_revision', '考核已被他人修改，请刷新后重试', undefined, { current: toCycle(current) });
}

async function refuse(actor: SessionActor, action: string, id: string, error: AppError): Promise<never> {
  await recordAudit(actor, { action, result: error.status === 404 ? 'failure' : 'denied', objectType: 'cycle', objectId: id, detail: { reason: error.code } });
  throw error;
}

/** Replaces a draft's settings and plans its assignments again from scratch. */
export async function updateCycle(actor: SessionActor, id: string, revision: number, input: CycleInput): Promise<Cycle> {
  const existing = await requireCycle(id);
  if (existing.status !== 'draft' || existing.revision !== revision) await refuse(actor, 'cycle.update', id, await explainRefusedTransition(id, 'draft', '修改'));
  const framework = await requirePublishedFramework(input.frameworkVersionId, 'body.input.frameworkVersionId');
  const plan = await planCycle(id, input);
  const claimed = await CycleModel.findOneAndUpdate(
    { _id: id, status: 'draft', revision },
    {
      $set: { ...inputFields(input), frameworkName: framework.name, frameworkVersion: framework.version, unitIds: plan.unitIds },
      $inc: { revision: 1 },
    },
    { returnDocument: 'after', lean: true },
  );
  if (!claimed) await refuse(actor, 'cycle.update', id, await explainRefusedTransition(id, 'draft', '修改'));
  await deleteAssignments(id);
  const counts = await writeAssignments(id, plan.ratees, plan.plans);
  const updated = await CycleModel.findOneAndUpdate({ _id: id }, { $set: { counts } }, { returnDocument: 'after', lean: true });
  await noteCyclesChanged([id]);
  await recordAudit(actor, {
    action: 'cycle.update',
    result: 'success',
    objectType: 'cycle',
    objectId: id,
    detail: { name: input.name, population: counts.population, assignments: counts.assignments },
  });
  return toCycle(updated as unknown as StoredCycle);
}

/**
 * Opens a draft for rating. The revision is part of the update's filter, so of two launches at
 * once exactly one matches; the framework version is locked after, never for a launch that lost.
 */
export async function launchCycle(actor: SessionActor, id: string, revision: number): Promise<Cycle> {
  const launched = await CycleModel.findOneAndUpdate(
    { _id: id, status: 'draft', revision },
    { $set: { status: 'open', launchedAt: new Date() }, $inc: { revision: 1 } },
    { returnDocument: 'after', lean: true },
  );
  if (!launched) return refuse(actor, 'cycle.launch', id, await explainRefusedTransition(id, 'draft', '启动'));
  await lockFrameworkVersion(String(launched.frameworkVersionId));
  await noteCyclesChanged([id]);
  await recordAudit(actor, { action: 'cycle.launch', result: 'success', objectType: 'cycle', objectId: id, detail: { frameworkVersionId: String(launched.frameworkVersionId) } });
  return toCycle(launched as unknown as StoredCycle);
}

/** Reminds every rater of an open cycle who still has forms to fill (shown with their tasks). */
export async function remindCycle(actor: SessionActor, id: string, revision: number): Promise<Cycle> {
  const at = new Date();
  const reminded = await CycleModel.findOneAndUpdate(
    { _id: id, status: 'open', revision },
    { $push: { remindedAt: at }, $inc: { revision: 1 } },
    { returnDocument: 'after', lean: true },
  );
  if (!reminded) return refuse(actor, 'cycle.remind', id, await explainRefusedTransition(id, 'open', '发送提醒'));
  await stampReminders(id, at);
  await noteCyclesChanged([id]);
  await recordAudit(actor, { action: 'cycle.remind', result: 'success', objectType: 'cycle', objectId: id });
  return toCycle(reminded as unknown as StoredCycle);
}
