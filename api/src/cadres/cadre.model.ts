import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import {
  APPOINTMENT_TYPES,
  CADRE_CATEGORIES,
  CIVIL_SERVICE_RANKS,
  DEGREES,
  EDUCATION_LEVELS,
  POST_LEVELS,
  SEXES,
  UNIT_TYPES,
} from '@cadre/shared-models';

const cadreSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    sex: { type: String, enum: SEXES, required: true },
    birthMonth: { type: String, required: true },
    ethnicity: { type: String, required: true },
    nativePlace: { type: String, default: '' },
    partyJoinMonth: { type: String, default: null },
    workStartMonth: { type: String, required: true },
    education: { type: String, enum: EDUCATION_LEVELS, required: true },
    degree: { type: String, enum: DEGREES, required: true },
    school: { type: String, default: '' },
    unitId: { type: Schema.Types.ObjectId, required: true },
    // Denormalised from the unit tree so scope filters and dashboards need no join
    // (the embedded database has no $lookup).
    unitPath: { type: [Schema.Types.ObjectId], required: true },
    unitType: { type: String, enum: UNIT_TYPES, required: true },
    post: { type: String, required: true },
    postLevel: { type: String, enum: POST_LEVELS, required: true },
    rank: { type: String, enum: CIVIL_SERVICE_RANKS, required: true },
    postStartMonth: { type: String, required: true },
    category: { type: String, enum: CADRE_CATEGORIES, required: true },
    appointmentType: { type: String, enum: APPOINTMENT_TYPES, required: true },
    // The ID number is personal data under PIPL: sealed with the data cipher, found through a
    // keyed hash, shown masked. The plain number is never stored.
    idNumberSealed: { type: String, default: null },
    idNumberHash: { type: String, default: null },
    idNumberMasked: { type: String, default: null },
  },
  { timestamps: true, optimisticConcurrency: true, collection: 'cadres' },
);

cadreSchema.index({ unitPath: 1, name: 1 });
cadreSchema.index({ unitType: 1, birthMonth: 1 });
cadreSchema.index({ idNumberHash: 1 });

export type CadreDocument = InferSchemaType<typeof cadreSchema>;
export const CadreModel = mongoose.model('Cadre', cadreSchema);
