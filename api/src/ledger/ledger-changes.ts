import mongoose, { Schema } from 'mongoose';

/**
 * The change sequence of cadre records. Every process keeps its own ledger read model (see
 * docs/decisions/0009); a writer bumps the sequence and records which cadres changed, and a
 * process that finds the sequence ahead of its model reloads exactly those cadres. Every read and
 * write here is by `_id`, the one filter the embedded database answers without a scan.
 */
const counterSchema = new Schema({ _id: String, seq: { type: Number, required: true } }, { collection: 'counters', versionKey: false });
export const CounterModel = mongoose.model('Counter', counterSchema);

const ledgerChangeSchema = new Schema(
  {
    _id: Number,
    // Empty with `all` set: the whole read model must be reloaded (unit moves, seeding, restores).
    cadreIds: { type: [Schema.Types.ObjectId], default: [] },
    all: { type: Boolean, default: false },
    at: { type: Date, required: true },
  },
  { collection: 'ledger_changes', versionKey: false },
);
ledgerChangeSchema.index({ at: 1 });
export const LedgerChangeModel = mongoose.model('LedgerChange', ledgerChangeSchema);

export const LEDGER_COUNTER_ID = 'ledger';

async function appendChange(change: { cadreIds: string[]; all: boolean }): Promise<number> {
  const counter = await CounterModel.findOneAndUpdate(
    { _id: LEDGER_COUNTER_ID },
    { $inc: { seq: 1 } },
    { upsert: true, returnDocument: 'after', lean: true },
  );
  const seq = counter!.seq;
  await LedgerChangeModel.create({ _id: seq, cadreIds: change.cadreIds, all: change.all, at: new Date() });
  return seq;
}

/** Call after any write to these cadres (create, update, delete, import). */
export async function noteCadresChanged(cadreIds: readonly string[]): Promise<void> {
  if (cadreIds.length > 0) await appendChange({ cadreIds: [...new Set(cadreIds)], all: false });
}

/** Call after a write that touches many cadres at once (unit rename or move, seeding, restore). */
export async function noteAllCadresChanged(): Promise<void> {
  await appendChange({ cadreIds: [], all: true });
}

/** The latest sequence number, 0 before the first change. */
export async function currentLedgerSeq(): Promise<number> {
  const counter = await CounterModel.findById(LEDGER_COUNTER_ID).lean();
  return counter?.seq ?? 0;
}
