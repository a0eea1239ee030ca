import mongoose, { Schema, Types } from 'mongoose';
import type { StoredCadre } from '../cadres/cadre-writer.js';

/**
 * The undo journal of an import apply. Without transactions, an apply undoes its own writes when
 * one fails; a process killed part-way (SIGKILL, a power cut) cannot. So each write is journaled
 * before it is made, and the next start (or the next apply of the batch) takes back whatever a
 * dead apply wrote (import-recovery.ts). Entries are addressed by `_id` = `<batch>:<n>`, written
 * and read by `_id` alone.
 */
const journalSchema = new Schema(
  {
    _id: String,
    batchId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: ['created', 'updated'], required: true },
    cadreId: { type: String, required: true },
    before: { type: Schema.Types.Mixed, default: null },
    // Absent: the write does not touch the photo; null: there was none.
    photoBefore: { type: Buffer },
  },
  { collection: 'import_apply_journal', versionKey: false, minimize: false },
);
export const ImportJournalModel = mongoose.model('ImportJournalEntry', journalSchema);

/** A write that an apply made, and how to take it back. */
export type JournaledWrite =
  | { kind: 'created'; id: string }
  | { kind: 'updated'; id: string; before: StoredCadre; photoBefore: Buffer | null | undefined };

const entryId = (batchId: Types.ObjectId | string, n: number) => `${String(batchId)}:${n}`;

/** Records write `n` of the batch before it is made. */
export async function journalWrite(batchId: Types.ObjectId, n: number, write: JournaledWrite): Promise<void> {
  const entry: Record<string, unknown> = { _id: entryId(batchId, n), batchId, kind: write.kind, cadreId: write.id };
  if (write.kind === 'updated') {
    entry['before'] = write.before;
    if (write.photoBefore !== undefined) entry['photoBefore'] = write.photoBefore;
  }
  // Through the driver: the stored record must come back exactly, ObjectIds and dates included.
  await ImportJournalModel.collection.insertOne(entry as never);
}

/** The batch's journaled writes in order: entries 0, 1, … until the first missing one. */
export async function readJournal(batchId: Types.ObjectId): Promise<JournaledWrite[]> {
  const writes: JournaledWrite[] = [];
  for (let n = 0; ; n += 1) {
    const entry = await ImportJournalModel.collection.findOne({ _id: entryId(batchId, n) as never });
    if (!entry) return writes;
    if (entry['kind'] === 'created') {
      writes.push({ kind: 'created', id: String(entry['cadreId']) });
      continue;
    }
    const photo = entry['photoBefore'];
    writes.push({
      kind: 'updated',
      id: String(entry['cadreId']),
      before: entry['before'] as StoredCadre,
      photoBefore: photo === undefined ? undefined : photo === null ? null : Buffer.from((photo as { buffer: Uint8Array }).buffer),
    });
  }
}

/** Removes the batch's journal once its writes are kept or taken back. */
export async function clearJournal(batchId: Types.ObjectId, count: number): Promise<void> {
  for (let n = 0; n < count; n += 1) await ImportJournalModel.collection.deleteOne({ _id: entryId(batchId, n) as never });
}
