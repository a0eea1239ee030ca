import { randomUUID } from 'node:crypto';
import mongoose, { Schema } from 'mongoose';

/**
 * The change sequence of cadre records. Every process keeps its own ledger read model (see
 * docs/decisions/0009); a writer bumps the sequence and records which cadres changed, and a
 * process that finds the sequence ahead of its model reloads exactly those cadres. Every read and
 * write here is by `_id`, the one filter the embedded database answers without a scan.
 */
const counterSchema = new Schema(
  {
    _id: String,
    seq: { type: Number, required: true },
    // Set when the counter document is created: a counter that was deleted and created again (an
    // emptied or restored database) can reach the same seq, and only the epoch tells them apart.
    epoch: String,
  },
  { collection: 'counters', versionKey: false },
);
export const CounterModel = mongoose.model('Counter', counterSchema);

const ledgerChangeSchema = new Schema(
  {
    // The sequence number as text: the embedded database pushes an `_id` lookup down to SQLite
    // only for a string or ObjectId, and scans every document for a number.
    _id: String,
    // Empty with `all` set: the whole read model must be reloaded (seeding, restores).
    cadreIds: { type: [Schema.Types.ObjectId], default: [] },
    all: { type: Boolean, default: false },
    // The unit tree changed (names, places, types, order): readers reload it and place every cadre by it.
    units: { type: Boolean, default: false },
    at: { type: Date, required: true },
  },
  { collection: 'ledger_changes', versionKey: false },
);
ledgerChangeSchema.index({ at: 1 });
export const LedgerChangeModel = mongoose.model('LedgerChange', ledgerChangeSchema);

export const LEDGER_COUNTER_ID = 'ledger';

/** The `_id` of the change document with this sequence number. */
export function changeId(seq: number): string {
  return String(seq);
}

async function appendChange(change: { cadreIds: string[]; all: boolean; units: boolean }): Promise<number> {
  const counter = await CounterModel.findOneAndUpdate(
    { _id: LEDGER_COUNTER_ID },
    { $inc: { seq: 1 }, $setOnInsert: { epoch: randomUUID() } },
    { upsert: true, returnDocument: 'after', lean: true },
  );
  const seq = counter!.seq;
  await LedgerChangeModel.create({ _id: changeId(seq), ...change, at: new Date() });
  return seq;
}

/** Call after any write to these cadres (create, update, delete, import). */
export async function noteCadresChanged(cadreIds: readonly string[]): Promise<void> {
  if (cadreIds.length > 0) await appendChange({ cadreIds: [...new Set(cadreIds)], all: false, units: false });
}

/** Call after a write that touches many cadres at once (seeding, restore, a bulk repair). */
export async function noteAllCadresChanged(): Promise<void> {
  await appendChange({ cadreIds: [], all: true, units: false });
}

/**
 * Call after a unit is renamed, moved, retyped or reordered. Readers place cadres by the unit
 * tree, so they reload just the tree; at 200,000 cadres a full reload takes minutes (decision 0009).
 */
export async function noteUnitsChanged(): Promise<void> {
  await appendChange({ cadreIds: [], all: false, units: true });
}

/** The latest sequence number, 0 before the first change. */
export async function currentLedgerSeq(): Promise<number> {
  const counter = await CounterModel.findById(LEDGER_COUNTER_ID).lean();
  return counter?.seq ?? 0;
}

/** Where the sequence stands: its latest number and the epoch of the counter document. */
export interface LedgerCounter {
  seq: number;
  epoch: string;
}

/** The counter, or null when there is none (nothing noted since the database was created or emptied). */
export async function readLedgerCounter(): Promise<LedgerCounter | null> {
  const counter = await CounterModel.findById(LEDGER_COUNTER_ID).lean();
  return counter ? { seq: counter.seq, epoch: counter.epoch ?? '' } : null;
}

/**
 * The counter, created at 0 if missing. A reader starts from an existing counter, so that an
 * emptied database (the counter gone) is noticed even before the next write.
 */
export async function ensureLedgerCounter(): Promise<LedgerCounter> {
  try {
    await CounterModel.updateOne(
      { _id: LEDGER_COUNTER_ID },
      { $setOnInsert: { seq: 0, epoch: randomUUID() } },
      { upsert: true },
    );
  } catch (err) {
    // Another process created it at the same moment: theirs is as good.
    if ((err as { code?: number }).code !== 11000) throw err;
  }
  const counter = await readLedgerCounter();
  if (!counter) throw new Error('the ledger change counter could not be created');
  return counter;
}

/** Deletes change documents older than `cutoff`; a reader that far behind reloads everything. */
export async function pruneLedgerChanges(cutoff: Date): Promise<number> {
  const result = await LedgerChangeModel.deleteMany({ at: mongoose.trusted({ $lt: cutoff }) });
  return result.deletedCount;
}
