import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import {
  APPOINTMENT_TYPES,
  CADRE_CATEGORIES,
  CIVIL_SERVICE_RANKS,
  DEGREES,
  EDUCATION_LEVELS,
  HEALTH_STATES,
  OTHER_PARTIES,
  POST_LEVELS,
  SEXES,
  UNIT_TYPES,
} from '@cadre/shared-models';

const educationRowSchema = new Schema(
  {
    education: { type: String, enum: [...EDUCATION_LEVELS, null], default: null },
    degree: { type: String, enum: [...DEGREES, null], default: null },
    educationSchool: { type: String, default: '' },
    degreeSchool: { type: String, default: '' },
  },
  { _id: false },
);

const cadreSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    sex: { type: String, enum: SEXES, required: true },
    birthMonth: { type: String, required: true },
    ethnicity: { type: String, required: true },
    nativePlace: { type: String, default: '' },
    birthPlace: { type: String, default: '' },
    partyJoinMonth: { type: String, default: null },
    otherParty: { type: String, enum: [...OTHER_PARTIES, null], default: null },
    workStartMonth: { type: String, required: true },
    health: { type: String, enum: HEALTH_STATES, default: '健康' },
    professionalTitle: { type: String, default: '' },
    expertise: { type: String, default: '' },
    fullTimeEducation: { type: educationRowSchema, default: () => ({}) },
    inServiceEducation: { type: educationRowSchema, default: () => ({}) },
    // 最高学历, derived from the two rows on every write: the ledger filters and sorts by it.
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
    // Structured entries are what the platform reads; the texts are what the form prints, kept
    // verbatim from an import and regenerated when the entries are edited.
    positions: { type: [Schema.Types.Mixed], default: [] },
    resumeText: { type: String, default: '' },
    commendations: { type: [Schema.Types.Mixed], default: [] },
    commendationsText: { type: String, default: '' },
    annualAssessments: { type: [Schema.Types.Mixed], default: [] },
    annualAssessmentsText: { type: String, default: '' },
    family: { type: [Schema.Types.Mixed], default: [] },
    manualTags: { type: [String], default: [] },
    appointmentForm: { type: Schema.Types.Mixed, default: () => ({}) },
    hasPhoto: { type: Boolean, default: false },
    // Set by an import so a failed apply can remove exactly what it inserted.
    importBatchId: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true, optimisticConcurrency: true, collection: 'cadres', minimize: false },
);

// Scope first: every personnel query starts with the caller's subtree.
cadreSchema.index({ unitPath: 1, name: 1 });
cadreSchema.index({ unitType: 1, birthMonth: 1 });
cadreSchema.index({ idNumberHash: 1 });
cadreSchema.index({ importBatchId: 1 }, { sparse: true });

export type CadreDocument = InferSchemaType<typeof cadreSchema>;
export const CadreModel = mongoose.model('Cadre', cadreSchema);

/** The photo lives apart from the record so that lists never carry it; keyed by the cadre's id. */
const cadrePhotoSchema = new Schema(
  {
    jpeg: { type: Buffer, required: true },
  },
  { timestamps: true, collection: 'cadre_photos' },
);
export const CadrePhotoModel = mongoose.model('CadrePhoto', cadrePhotoSchema);
