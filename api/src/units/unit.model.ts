import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { UNIT_TYPES } from '@cadre/shared-models';

const unitSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    code: { type: String, required: true },
    type: { type: String, enum: UNIT_TYPES, required: true },
    parentId: { type: Schema.Types.ObjectId, default: null },
    ancestorIds: { type: [Schema.Types.ObjectId], default: [] },
    sortOrder: { type: Number, default: 0 },
  },
  { timestamps: true, optimisticConcurrency: true, collection: 'units' },
);

unitSchema.index({ code: 1 }, { unique: true });
unitSchema.index({ parentId: 1, sortOrder: 1 });
unitSchema.index({ ancestorIds: 1 });

export type UnitDocument = InferSchemaType<typeof unitSchema>;
export const UnitModel = mongoose.model('Unit', unitSchema);
