import { randomInt } from 'node:crypto';
import mongoose, { Schema } from 'mongoose';
import type { RaterGroup } from '@cadre/shared-models';
import { BallotBoxModel } from './evaluation.models.js';
import { withDocumentLock } from '../db/document-lock.js';

/**
 * Writes to the ballot boxes. The embedded database accepts `$push` with `$position` but ignores
 * the position (it always appends), and has no positional `$` update; so a ballot goes in by
 * reading the box, inserting the entry at a random place and writing the box back, one writer at
 * a time (document-lock.ts).
 */

export interface BallotEntry {
  scores: Record<string, number>;
  comment: string;
  /** Only while its submission is in flight (see rating.service.ts). */
  nonce?: string;
}

type Groups = Partial<Record<RaterGroup, BallotEntry[]>>;

interface StoredBox {
  _id: string;
  cycleId: string;
  rateeId: string;
  groups: Groups;
}

export const ballotBoxId = (cycleId: string, rateeId: string) => `${cycleId}:${rateeId}`;

const boxes = () => BallotBoxModel.collection;

/** Applies `change` to a box's groups; `change` returns null to leave the box as it is. */
function changeBox(cycleId: string, rateeId: string, change: (groups: Groups) => Groups | null): Promise<boolean> {
  const _id = ballotBoxId(cycleId, rateeId);
  return withDocumentLock(`ballot-box:${_id}`, async () => {
    const box = (await boxes().findOne({ _id: _id as never })) as StoredBox | null;
    const groups = change(structuredClone(box?.groups ?? {}));
    if (groups === null) return false;
    if (box) await boxes().updateOne({ _id: _id as never }, { $set: { groups } });
    else await boxes().insertOne({ _id: _id as never, cycleId, rateeId, groups });
    return true;
  });
}

/** Puts a ballot at a random place among the group's ballots, so their order says nothing about when anyone voted. */
export async function castBallot(cycleId: string, rateeId: string, group: RaterGroup, entry: BallotEntry): Promise<void> {
  await changeBox(cycleId, rateeId, (groups) => {
    const ballots = groups[group] ?? [];
    if (entry.nonce && ballots.some((b) => b.nonce === entry.nonce)) return null;
    ballots.splice(randomInt(0, ballots.length + 1), 0, entry);
    return { ...groups, [group]: ballots };
  });
}

/** Cuts the last tie between a ballot and its submission. */
export async function forgetNonce(cycleId: string, rateeId: string, group: RaterGroup, nonce: string): Promise<void> {
  await changeBox(cycleId, rateeId, (groups) => {
    const ballot = groups[group]?.find((b) => b.nonce === nonce);
    if (!ballot) return null;
    delete ballot.nonce;
    return groups;
  });
}

export async function boxHoldsNonce(cycleId: string, rateeId: string, group: RaterGroup, nonce: string): Promise<boolean> {
  const box = (await boxes().findOne({ _id: ballotBoxId(cycleId, rateeId) as never })) as StoredBox | null;
  return box?.groups[group]?.some((b) => b.nonce === nonce) ?? false;
}

/**
 * Submissions in flight, by nonce, so that recovery at start reads this small collection rather
 * than every task document. Each is deleted once its submission completes or is rolled back.
 */
const pendingSubmissionSchema = new Schema(
  {
    _id: { type: String, required: true },
    cycleId: { type: String, required: true },
    rateeId: { type: String, required: true },
    group: { type: String, required: true },
    raterTasksId: { type: String, required: true },
    startedAt: { type: Date, required: true },
  },
  { collection: 'pending_submissions', versionKey: false },
);
export const PendingSubmissionModel = mongoose.model('PendingSubmission', pendingSubmissionSchema);
