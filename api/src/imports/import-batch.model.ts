import mongoose, { Schema, type InferSchemaType, type Types } from 'mongoose';
import { IMPORT_KINDS, IMPORT_STATUSES } from '@cadre/shared-models';

/**
 * An uploaded file, checked and waiting to be applied or discarded: the report the uploader saw
 * and the ids of its payload items. Only the uploader may read, apply or discard it.
 */
const importBatchSchema = new Schema(
  {
    kind: { type: String, enum: IMPORT_KINDS, required: true },
    fileName: { type: String, default: '' },
    ownerId: { type: String, required: true },
    status: { type: String, enum: IMPORT_STATUSES, default: 'validated' },
    // The report as shown (ImportItem[], ImportProblem[], counts): what was confirmed is what is applied.
    items: { type: [Schema.Types.Mixed], default: [] },
    problems: { type: [Schema.Types.Mixed], default: [] },
    counts: { type: Schema.Types.Mixed, required: true },
    itemIds: { type: [Schema.Types.ObjectId], default: [] },
    expiresAt: { type: Date, required: true },
    // Set while one request applies the batch, so a second apply cannot run beside it.
    applyingSince: { type: Date, default: null },
    appliedAt: { type: Date, default: null },
  },
  { timestamps: true, collection: 'import_batches', minimize: false },
);
// Expired batches are swept at each upload and treated as gone by every read (import-batches.ts):
// the embedded database has no TTL indexes.
importBatchSchema.index({ expiresAt: 1 });

export type ImportBatchDocument = InferSchemaType<typeof importBatchSchema> & { _id: Types.ObjectId };
export const ImportBatchModel = mongoose.model('ImportBatch', importBatchSchema);

/**
 * What applying one row or file writes, kept apart from the batch so that a zip of a thousand
 * forms with photos never approaches the document size limit. Read back one by one by `_id`, the
 * lookup the embedded database answers without a scan. The ID number is sealed like the record's.
 */
const importBatchItemSchema = new Schema(
  {
    batchId: { type: Schema.Types.ObjectId, required: true },
    action: { type: String, enum: ['create', 'update'], required: true },
    row: { type: Number, default: null },
    file: { type: String, default: null },
    // CadreInputParsed without the ID number (null here), which is in idNumberSealed.
    input: { type: Schema.Types.Mixed, required: true },
    idNumberSealed: { type: String, default: null },
    texts: { type: Schema.Types.Mixed, default: () => ({}) },
    photo: { type: Buffer, default: null },
    // For an update: the record it was previewed against and the version seen then.
    cadreId: { type: Schema.Types.ObjectId, default: null },
    expectedVersion: { type: Number, default: null },
  },
  { collection: 'import_batch_items', minimize: false, versionKey: false },
);

export const ImportBatchItemModel = mongoose.model('ImportBatchItem', importBatchItemSchema);
