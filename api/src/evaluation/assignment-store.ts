import mongoose, { Schema } from 'mongoose';
import type { RaterGroup } from '@cadre/shared-models';
import { AssignmentModel, RaterTasksModel } from './evaluation.models.js';
import { withDocumentLock } from '../db/document-lock.js';
import type { PlannedRater } from './rater-assignment.js';

/**
 * The ids of a cycle's ratees and raters, one document each (`${cycleId}:ratees`,
 * `${cycleId}:raters`), so that the assignment and rater-task documents of a cycle are found by
 * `_id` rather than by scanning for the cycle. Every such document that exists is named here:
 * a roster grows before documents are written and shrinks only after they are deleted.
 */
const rosterSchema = new Schema(
  { _id: { type: String, required: true }, cycleId: { type: String, required: true }, ids: { type: [String], default: [] } },
  { collection: 'cycle_rosters', versionKey: false },
);
export const CycleRosterModel = mongoose.model('CycleRoster', rosterSchema);

export type RosterKind = 'ratees' | 'raters';

export const assignmentId = (cycleId: string, rateeId: string) => `${cycleId}:${rateeId}`;
export const raterTasksId = (cycleId: string, raterId: string) => `${cycleId}:${raterId}`;

export async function readRoster(cycleId: string, kind: RosterKind): Promise<string[]> {
  const roster = await CycleRosterModel.findById(`${cycleId}:${kind}`).lean();
  return roster?.ids ?? [];
}

async function writeRoster(cycleId: string, kind: RosterKind, ids: readonly string[]): Promise<void> {
  await CycleRosterModel.replaceOne({ _id: `${cycleId}:${kind}` }, { _id: `${cycleId}:${kind}`, cycleId, ids }, { upsert: true });
}

/** Names a rater added by hand before their task document is written; true when they are new to the cycle. */
export function addRaterToRoster(cycleId: string, raterId: string): Promise<boolean> {
  return withDocumentLock(`cycle-roster:${cycleId}:raters`, async () => {
    const ids = await readRoster(cycleId, 'raters');
    if (ids.includes(raterId)) return false;
    await writeRoster(cycleId, 'raters', [...ids, raterId]);
    return true;
  });
}

/** Runs `change` holding the lock of one rater's task document: every writer of those documents does. */
export function withRaterTasksLock<T>(docId: string, change: () => Promise<T>): Promise<T> {
  return withDocumentLock(`rater-tasks:${docId}`, change);
}

/** A ratee as the assignment document copies them, so that lists and forms need no other read. */
export interface RateeFacts {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  unitPath: string[];
  post: string;
  tier: string;
  category: string;
}

export interface TaskFields {
  rateeId: string;
  rateeName: string;
  rateeUnitName: string;
  rateePost: string;
  group: RaterGroup;
  state: 'pending' | 'draft' | 'submitted';
  draft: null | { scores: Record<string, number | null>; comment: string };
  pendingNonce: string | null;
}

export function newTask(ratee: Pick<RateeFacts, 'id' | 'name' | 'unitName' | 'post'>, group: RaterGroup): TaskFields {
  return { rateeId: ratee.id, rateeName: ratee.name, rateeUnitName: ratee.unitName, rateePost: ratee.post, group, state: 'pending', draft: null, pendingNonce: null };
}

export interface WrittenCounts {
  population: number;
  assignments: number;
  submitted: number;
  raters: number;
}

const BATCH = 1000;
const PARALLEL_WRITES = 8;

async function inBatches<T>(items: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH) await write(items.slice(start, start + BATCH));
}

/**
 * Writes one assignment document per ratee and one task document per rater (the reverse index),
 * rosters first. The cycle must have none yet (a new cycle, or one cleared by `deleteAssignments`).
 */
export async function writeAssignments(cycleId: string, ratees: readonly RateeFacts[], plans: ReadonlyMap<string, PlannedRater[]>): Promise<WrittenCounts> {
  const tasksByRater = new Map<string, TaskFields[]>();
  let assignments = 0;
  for (const ratee of ratees) {
    for (const rater of plans.get(ratee.id) ?? []) {
      const tasks = tasksByRater.get(rater.raterId) ?? [];
      tasks.push(newTask(ratee, rater.group));
      tasksByRater.set(rater.raterId, tasks);
      assignments += 1;
    }
  }
  await writeRoster(cycleId, 'ratees', ratees.map((r) => r.id));
  await writeRoster(cycleId, 'raters', [...tasksByRater.keys()]);
  await inBatches(ratees, (batch) =>
    AssignmentModel.insertMany(
      batch.map((ratee) => ({
        _id: assignmentId(cycleId, ratee.id),
        cycleId,
        cadreId: ratee.id,
        cadreName: ratee.name,
        unitId: ratee.unitId,
        unitName: ratee.unitName,
        unitPath: ratee.unitPath,
        post: ratee.post,
        tier: ratee.tier,
        category: ratee.category,
        raters: plans.get(ratee.id) ?? [],
        // insertMany with `lean` skips the version key's default.
        revision: 0,
      })),
      { lean: true },
    ),
  );
  await inBatches([...tasksByRater], (batch) =>
    RaterTasksModel.insertMany(
      batch.map(([raterId, tasks]) => ({ _id: raterTasksId(cycleId, raterId), cycleId, raterId, tasks, remindedAt: null })),
      { lean: true },
    ),
  );
  return { population: ratees.length, assignments, submitted: 0, raters: tasksByRater.size };
}

/** Deletes every assignment and task document of a draft cycle, by `_id`, then empties its rosters. */
export async function deleteAssignments(cycleId: string): Promise<void> {
  const [ratees, raters] = await Promise.all([readRoster(cycleId, 'ratees'), readRoster(cycleId, 'raters')]);
  await inBatches(ratees, (batch) => AssignmentModel.bulkWrite(batch.map((id) => ({ deleteOne: { filter: { _id: assignmentId(cycleId, id) } } }))));
  await inBatches(raters, (batch) => RaterTasksModel.bulkWrite(batch.map((id) => ({ deleteOne: { filter: { _id: raterTasksId(cycleId, id) } } }))));
  await Promise.all([writeRoster(cycleId, 'ratees', []), writeRoster(cycleId, 'raters', [])]);
}

/** Stamps the reminder on every rater of the cycle with a form still to fill. */
export async function stampReminders(cycleId: string, at: Date): Promise<void> {
  const raters = await readRoster(cycleId, 'raters');
  for (let start = 0; start < raters.length; start += PARALLEL_WRITES) {
    await Promise.all(
      raters.slice(start, start + PARALLEL_WRITES).map((raterId) => {
        const _id = raterTasksId(cycleId, raterId);
        return withRaterTasksLock(_id, async () => {
          const doc = (await RaterTasksModel.collection.findOne({ _id: _id as never })) as { tasks: TaskFields[] } | null;
          if (doc?.tasks.some((task) => task.state !== 'submitted')) await RaterTasksModel.collection.updateOne({ _id: _id as never }, { $set: { remindedAt: at } });
        });
      }),
    );
  }
}
