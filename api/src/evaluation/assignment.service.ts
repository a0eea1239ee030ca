import {
  isCadreInScope,
  LedgerFilterSchema,
  RATER_GROUP_LABELS,
  type AssignmentEdit,
  type PersonnelScope,
  type RateeAssignment,
  type RaterGroup,
} from '@cadre/shared-models';
import { AppError } from '../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { SessionActor } from '../platform/actor.js';
import { ledgerReadModel } from '../ledger/ledger-read-model.js';
import { AssignmentModel, RaterTasksModel } from './evaluation.models.js';
import { addRaterToRoster, assignmentId, newTask, raterTasksId, readRoster, withRaterTasksLock, type TaskFields } from './assignment-store.js';
import { withDocumentLock } from '../db/document-lock.js';
import { addToCycleCounts, requireCycle, type StoredCycle } from './cycle.service.js';
import { enabledGroups, findCadreForRating } from './cycle-population.js';

const NOT_FOUND_MESSAGE = '该干部不在本次考核范围内';

interface StoredAssignment {
  _id: string;
  cycleId: string;
  cadreId: string;
  cadreName: string;
  unitId: string;
  unitName: string;
  unitPath: string[];
  post: string;
  tier: string;
  category: string;
  raters: { raterId: string; raterName: string; group: RaterGroup }[];
  revision: number;
}

interface StoredRaterTasks {
  _id: string;
  cycleId: string;
  raterId: string;
  tasks: TaskFields[];
  remindedAt: Date | null;
}

export async function findAssignment(cycleId: string, rateeId: string): Promise<StoredAssignment | null> {
  return AssignmentModel.findById(assignmentId(cycleId, rateeId)).lean<StoredAssignment>();
}

/** A rater's task document as stored. */
export async function findRaterTasks(cycleId: string, raterId: string): Promise<StoredRaterTasks | null> {
  return RaterTasksModel.collection.findOne({ _id: raterTasksId(cycleId, raterId) as never }) as Promise<StoredRaterTasks | null>;
}

const NO_FILTER = LedgerFilterSchema.parse({});

/**
 * A page of a cycle's ratees, by name. The ratees come from the cycle's roster, names, units and
 * the search from the ledger read model; so a cadre moved since the cycle was planned is found
 * under their current unit, and one deleted from the ledger is no longer listed.
 */
export async function listAssignments(scope: PersonnelScope, cycleId: string, query: { unitId?: string | undefined; q?: string | undefined; page: number; size: number }) {
  await requireCycle(cycleId);
  const ratees = await readRoster(cycleId, 'ratees');
  const index = await ledgerReadModel().current();
  const selection = index.select({ kind: 'limited', unitIds: [], cadreIds: ratees }, { ...NO_FILTER, unitId: query.unitId, q: query.q || undefined });
  const allowed = scope.kind === 'all' ? null : new Set(index.select(scope, NO_FILTER).entries().map((row) => row.entry.id));
  const ids: string[] = [];
  let total = 0;
  for (const row of selection.rows('name', 'asc')) {
    if (allowed && !allowed.has(row.id)) continue;
    if (total >= query.page * query.size && ids.length < query.size) ids.push(row.id);
    total += 1;
  }
  const docs = (await Promise.all(ids.map((id) => findAssignment(cycleId, id)))).filter((doc) => doc !== null);
  return {
    items: docs.map((doc) => {
      const raterCounts: Partial<Record<RaterGroup, number>> = {};
      for (const rater of doc.raters) raterCounts[rater.group] = (raterCounts[rater.group] ?? 0) + 1;
      return { cycleId, cadreId: doc.cadreId, cadreName: doc.cadreName, unitId: doc.unitId, unitName: doc.unitName, post: doc.post, revision: doc.revision, raterCounts };
    }),
    total,
  };
}

async function requireAssignmentInScope(scope: PersonnelScope, cycleId: string, rateeId: string): Promise<StoredAssignment> {
  const doc = await findAssignment(cycleId, rateeId);
  if (!doc || !isCadreInScope(scope, { id: doc.cadreId, unitPath: doc.unitPath })) throw new AppError(404, 'not_found', NOT_FOUND_MESSAGE);
  return doc;
}

/** Who rates the cadre and whether each has submitted: participation only, never what was voted. */
async function toRateeAssignment(doc: StoredAssignment): Promise<RateeAssignment> {
  const raters = await Promise.all(
    doc.raters.map(async (rater) => {
      const tasks = await findRaterTasks(doc.cycleId, rater.raterId);
      const task = tasks?.tasks.find((t) => t.rateeId === doc.cadreId && t.group === rater.group);
      return { ...rater, submitted: task?.state === 'submitted' };
    }),
  );
  const { cycleId, cadreId, cadreName, unitId, unitName, post, revision } = doc;
  return { cycleId, cadreId, cadreName, unitId, unitName, post, raters, revision };
}

export async function getAssignment(scope: PersonnelScope, cycleId: string, rateeId: string): Promise<RateeAssignment> {
  await requireCycle(cycleId);
  return toRateeAssignment(await requireAssignmentInScope(scope, cycleId, rateeId));
}

const bad = (path: string, message: string) => new AppError(400, 'validation_failed', message, [{ path, message }]);

/**
 * Adds and removes raters of one cadre, on both sides: the assignment document (under its
 * revision and lock) and each rater's task document (under its lock). Allowed while the cycle is
 * a draft or open; a rater who has submitted, or is submitting, cannot be removed.
 */
export async function editAssignment(actor: SessionActor, scope: PersonnelScope, cycleId: string, rateeId: string, edit: AssignmentEdit): Promise<RateeAssignment> {
  const cycle = await requireCycle(cycleId);
  if (cycle.status !== 'draft' && cycle.status !== 'open') throw new AppError(409, 'wrong_status', '考核已结束测评，不能再调整评价人');
  await requireAssignmentInScope(scope, cycleId, rateeId);
  const outcome = await withDocumentLock(`assignment:${assignmentId(cycleId, rateeId)}`, () => applyEdit(cycle, rateeId, edit));
  await addToCycleCounts(cycleId, { assignments: outcome.added.length - outcome.removed.length, raters: outcome.newRaters });
  await recordAudit(actor, {
    action: 'cycle.assignment_edit',
    result: 'success',
    objectType: 'cycle',
    objectId: cycleId,
    detail: { rateeId, added: outcome.added.map(({ raterId, group }) => ({ raterId, group })), removed: outcome.removed },
  });
  return toRateeAssignment(outcome.doc);
}

type Rater = StoredAssignment['raters'][number];

async function applyEdit(cycle: StoredCycle, rateeId: string, edit: AssignmentEdit) {
  const cycleId = String(cycle._id);
  const doc = (await findAssignment(cycleId, rateeId))!;
  if (doc.revision !== edit.revision) {
    throw new AppError(409, 'stale_revision', '评价人安排已被他人修改，请刷新后重试', undefined, { current: await toRateeAssignment(doc) });
  }
  const enabled = enabledGroups(cycle);
  let raters = [...doc.raters];
  for (const [i, item] of edit.remove.entries()) {
    if (!raters.some((r) => r.raterId === item.raterId && r.group === item.group)) throw bad(`body.remove.${i}`, '该评价人不在此干部的评价人中');
    raters = raters.filter((r) => !(r.raterId === item.raterId && r.group === item.group));
  }
  const added: Rater[] = [];
  for (const [i, item] of edit.add.entries()) {
    if (!enabled.has(item.group)) throw bad(`body.add.${i}.group`, `本次考核未启用“${RATER_GROUP_LABELS[item.group]}”评价`);
    if ((item.group === 'self') !== (item.raterId === rateeId)) throw bad(`body.add.${i}`, item.group === 'self' ? '本人评价只能由被评价干部本人填写' : '被评价干部只能作为本人评价');
    if (raters.some((r) => r.raterId === item.raterId)) throw bad(`body.add.${i}.raterId`, '该干部已是此干部的评价人');
    const cadre = await findCadreForRating(item.raterId);
    if (!cadre) throw bad(`body.add.${i}.raterId`, '该评价人不在干部台账中');
    const rater = { raterId: cadre.id, raterName: cadre.name, group: item.group };
    raters.push(rater);
    added.push(rater);
  }

  // Removals first, each refused as a whole edit while nothing else is written yet.
  const removed: { raterId: string; group: RaterGroup }[] = [];
  for (const item of edit.remove) {
    const docId = raterTasksId(cycleId, item.raterId);
    const refused = await withRaterTasksLock(docId, async () => {
      const tasks = await findRaterTasks(cycleId, item.raterId);
      const task = tasks?.tasks.find((t) => t.rateeId === rateeId && t.group === item.group);
      if (task?.state === 'submitted' || task?.pendingNonce) return true;
      if (task) await RaterTasksModel.collection.updateOne({ _id: docId as never }, { $set: { tasks: tasks!.tasks.filter((t) => t !== task) } });
      return false;
    });
    if (refused) {
      if (removed.length > 0) await restoreTasks(cycleId, doc, removed);
      throw new AppError(409, 'already_submitted', `该${RATER_GROUP_LABELS[item.group]}评价人已提交评价表，不能移除`);
    }
    removed.push({ raterId: item.raterId, group: item.group });
  }
  let newRaters = 0;
  for (const rater of added) {
    if (await addRaterToRoster(cycleId, rater.raterId)) newRaters += 1;
    await pushTask(cycleId, doc, rater);
  }
  const updated = await AssignmentModel.findOneAndUpdate({ _id: doc._id }, { $set: { raters }, $inc: { revision: 1 } }, { returnDocument: 'after', lean: true });
  return { doc: updated as unknown as StoredAssignment, added, removed, newRaters };
}

function pushTask(cycleId: string, doc: StoredAssignment, rater: { raterId: string; group: RaterGroup }): Promise<unknown> {
  const docId = raterTasksId(cycleId, rater.raterId);
  const task = newTask({ id: doc.cadreId, name: doc.cadreName, unitName: doc.unitName, post: doc.post }, rater.group);
  return withRaterTasksLock(docId, () =>
    RaterTasksModel.collection.updateOne(
      { _id: docId as never },
      { $push: { tasks: task }, $setOnInsert: { cycleId, raterId: rater.raterId, remindedAt: null } } as never,
      { upsert: true },
    ),
  );
}

/** Gives back the tasks an edit removed before one of its removals was refused. */
async function restoreTasks(cycleId: string, doc: StoredAssignment, removed: readonly { raterId: string; group: RaterGroup }[]): Promise<void> {
  for (const rater of removed) await pushTask(cycleId, doc, rater);
}
