import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { CORRECTABLE_FIELDS, CORRECTION_STATUSES } from '@cadre/shared-models';

const correctionSchema = new Schema(
  {
    cadreId: { type: Schema.Types.ObjectId, required: true },
    // Copied from the cadre (and carried along when the cadre is renamed or moved) so that a list
    // is scoped and shown from this collection alone: the embedded database has no $lookup.
    cadreName: { type: String, required: true },
    unitId: { type: Schema.Types.ObjectId, required: true },
    unitName: { type: String, required: true },
    unitPath: { type: [Schema.Types.ObjectId], required: true },
    field: { type: String, enum: CORRECTABLE_FIELDS.map(([key]) => key), required: true },
    currentValue: { type: String, default: '' },
    proposedValue: { type: String, required: true },
    reason: { type: String, required: true },
    status: { type: String, enum: CORRECTION_STATUSES, default: 'pending' },
    submittedBy: { type: String, required: true },
    decidedAt: { type: Date, default: null },
    decidedBy: { type: String, default: null },
    decidedById: { type: String, default: null },
    // The display name, for the cadre: they are shown who decided, never an account's username.
    decidedByName: { type: String, default: null },
    decisionReason: { type: String, default: null },
    // An approval's change and the record version it was based on, stored before the record is
    // written so a crash between that write and the status update can be finished (correction-apply.ts).
    applying: { type: Schema.Types.Mixed, default: null },
    appliedVersion: { type: Number, default: null },
    appliedValue: { type: String, default: null },
  },
  { timestamps: true, collection: 'correction_requests' },
);

correctionSchema.index({ unitPath: 1, status: 1, createdAt: -1 });
correctionSchema.index({ cadreId: 1, status: 1 });

export type CorrectionDocument = InferSchemaType<typeof correctionSchema>;
export const CorrectionModel = mongoose.model('CorrectionRequest', correctionSchema);
