import mongoose, { Schema } from 'mongoose';
import { CYCLE_STATUSES, CYCLE_TYPES, FRAMEWORK_STATUSES, PROPOSAL_STATUSES, RATER_GROUPS, RATER_TASK_STATES } from '@cadre/shared-models';

/**
 * The evaluation collections. Everything a page or the scorer reads is addressed by `_id`
 * (decision 0012): per-ratee assignments and ballot boxes are `${cycleId}:${rateeId}`, per-rater
 * tasks `${cycleId}:${raterId}`, results `${cycleId}:${cadreId}`, unit calibrations
 * `${cycleId}:${unitId}`, histories the cadre id. Lists of frameworks, cycles and proposals come
 * from projections. The secondary indexes are for MongoDB in production.
 */

const frameworkVersionSchema = new Schema(
  {
    frameworkId: { type: Schema.Types.ObjectId, required: true },
    version: { type: Number, required: true },
    status: { type: String, enum: FRAMEWORK_STATUSES, required: true },
    locked: { type: Boolean, default: false },
    name: { type: String, required: true },
    description: { type: String, default: '' },
    dimensions: { type: [Schema.Types.Mixed], required: true },
    vetoRules: { type: [Schema.Types.Mixed], default: [] },
    gradeBands: { type: Schema.Types.Mixed, required: true },
    createdBy: { type: String, required: true },
    publishedAt: { type: Date, default: null },
  },
  { timestamps: true, collection: 'framework_versions', optimisticConcurrency: true, versionKey: 'revision' },
);
frameworkVersionSchema.index({ frameworkId: 1, version: -1 }, { unique: true });
export const FrameworkVersionModel = mongoose.model('FrameworkVersion', frameworkVersionSchema);

const cycleSchema = new Schema(
  {
    name: { type: String, required: true },
    type: { type: String, enum: CYCLE_TYPES, required: true },
    year: { type: Number, required: true },
    periodStart: { type: String, required: true },
    periodEnd: { type: String, required: true },
    dueDate: { type: String, required: true },
    frameworkVersionId: { type: Schema.Types.ObjectId, required: true },
    frameworkName: { type: String, required: true },
    frameworkVersion: { type: Number, required: true },
    population: { type: Schema.Types.Mixed, required: true },
    raterGroups: { type: [Schema.Types.Mixed], required: true },
    settings: { type: Schema.Types.Mixed, required: true },
    status: { type: String, enum: CYCLE_STATUSES, default: 'draft' },
    counts: {
      population: { type: Number, default: 0 },
      assignments: { type: Number, default: 0 },
      submitted: { type: Number, default: 0 },
      raters: { type: Number, default: 0 },
    },
    /** Unit ids that hold at least one ratee: the calibration documents to read. */
    unitIds: { type: [String], default: [] },
    createdBy: { type: String, required: true },
    launchedAt: { type: Date, default: null },
    remindedAt: { type: [Date], default: [] },
    closedAt: { type: Date, default: null },
    lockedAt: { type: Date, default: null },
  },
  { timestamps: true, collection: 'assessment_cycles', optimisticConcurrency: true, versionKey: 'revision' },
);
cycleSchema.index({ status: 1, createdAt: -1 });
export const CycleModel = mongoose.model('AssessmentCycle', cycleSchema);

const assignedRaterSchema = new Schema(
  { raterId: { type: String, required: true }, raterName: { type: String, required: true }, group: { type: String, enum: RATER_GROUPS, required: true } },
  { _id: false },
);

/** Who rates one cadre in one cycle. `_id` = `${cycleId}:${rateeId}`. */
const assignmentSchema = new Schema(
  {
    _id: { type: String, required: true },
    cycleId: { type: String, required: true },
    cadreId: { type: String, required: true },
    cadreName: { type: String, required: true },
    unitId: { type: String, required: true },
    unitName: { type: String, required: true },
    unitPath: { type: [String], required: true },
    post: { type: String, default: '' },
    tier: { type: String, required: true },
    category: { type: String, required: true },
    raters: { type: [assignedRaterSchema], default: [] },
  },
  { collection: 'rater_assignments', optimisticConcurrency: true, versionKey: 'revision' },
);
assignmentSchema.index({ cycleId: 1, unitId: 1 });
export const AssignmentModel = mongoose.model('RaterAssignment', assignmentSchema);

const taskSchema = new Schema(
  {
    rateeId: { type: String, required: true },
    rateeName: { type: String, required: true },
    rateeUnitName: { type: String, required: true },
    rateePost: { type: String, default: '' },
    group: { type: String, enum: RATER_GROUPS, required: true },
    state: { type: String, enum: RATER_TASK_STATES, default: 'pending' },
    /** Until submitted, the rater's own draft. Removed on submission: the ballot box holds no rater. */
    draft: { type: Schema.Types.Mixed, default: null },
    /** Random token of a submission in flight, cleared once the ballot is in the box (crash recovery). */
    pendingNonce: { type: String, default: null },
  },
  { _id: false },
);

/** The forms one rater fills in one cycle. `_id` = `${cycleId}:${raterId}`. */
const raterTasksSchema = new Schema(
  {
    _id: { type: String, required: true },
    cycleId: { type: String, required: true },
    raterId: { type: String, required: true },
    tasks: { type: [taskSchema], default: [] },
    remindedAt: { type: Date, default: null },
  },
  { collection: 'rater_tasks' },
);
raterTasksSchema.index({ raterId: 1, cycleId: 1 });
export const RaterTasksModel = mongoose.model('RaterTasks', raterTasksSchema);

/**
 * The ballots cast for one cadre in one cycle, per group. `_id` = `${cycleId}:${rateeId}`.
 * An entry holds scores and a comment, never a rater, a time or an ObjectId (which embeds a
 * time); entries are inserted at a random position so their order says nothing about who voted
 * when. `nonce` ties an entry to a submission only until that submission completes.
 */
const ballotBoxSchema = new Schema(
  {
    _id: { type: String, required: true },
    cycleId: { type: String, required: true },
    rateeId: { type: String, required: true },
    groups: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: 'ballot_boxes', minimize: false },
);
export const BallotBoxModel = mongoose.model('BallotBox', ballotBoxSchema);

/**
 * One cadre's result in one cycle (CadreResultSchema). `_id` = `${cycleId}:${cadreId}`. `report`
 * is the scored report as deflated JSON: the embedded database spends milliseconds per document
 * on the hundreds of nested fields of an explained score (1,000 reports took 7 s to insert as
 * objects, 1.5 s as JSON text, 13 KB each; deflated they are about a tenth of that). What
 * calibration and locking change lives beside it as fields.
 */
const resultSchema = new Schema(
  {
    _id: { type: String, required: true },
    cycleId: { type: String, required: true },
    cadreId: { type: String, required: true },
    unitId: { type: String, required: true },
    unitPath: { type: [String], required: true },
    report: { type: Buffer, required: true },
    finalGrade: { type: String, default: null },
    calibrations: { type: [Schema.Types.Mixed], default: [] },
    locked: { type: Boolean, default: false },
  },
  { collection: 'assessment_results', minimize: false },
);
resultSchema.index({ cycleId: 1, unitId: 1 });
resultSchema.index({ cadreId: 1 });
export const ResultModel = mongoose.model('AssessmentResult', resultSchema);

/**
 * The calibration of one unit in one cycle: its ranked rows and grade counts, so the 优秀 quota
 * is checked and changed in one document under optimistic concurrency. `_id` = `${cycleId}:${unitId}`.
 */
const unitCalibrationSchema = new Schema(
  {
    _id: { type: String, required: true },
    cycleId: { type: String, required: true },
    unitId: { type: String, required: true },
    unitName: { type: String, required: true },
    unitPath: { type: [String], required: true },
    rows: { type: [Schema.Types.Mixed], default: [] },
    excellentCap: { type: Number, required: true },
    flags: { type: [Schema.Types.Mixed], default: [] },
    locked: { type: Boolean, default: false },
  },
  { collection: 'unit_calibrations', optimisticConcurrency: true, versionKey: 'revision', minimize: false },
);
export const UnitCalibrationModel = mongoose.model('UnitCalibration', unitCalibrationSchema);

/** Every locked result of one cadre, newest first. `_id` = the cadre id. */
const historySchema = new Schema(
  { _id: { type: String, required: true }, entries: { type: [Schema.Types.Mixed], default: [] } },
  { collection: 'assessment_histories', minimize: false },
);
export const AssessmentHistoryModel = mongoose.model('AssessmentHistory', historySchema);

/** `_id` = `${cycleId}:${cadreId}:${ruleId}`, so proposing twice is a no-op. */
const proposalSchema = new Schema(
  {
    _id: { type: String, required: true },
    cycleId: { type: String, required: true },
    cycleName: { type: String, required: true },
    cadreId: { type: String, required: true },
    cadreName: { type: String, required: true },
    unitId: { type: String, required: true },
    unitName: { type: String, required: true },
    unitPath: { type: [String], required: true },
    ruleId: { type: String, required: true },
    ruleDescription: { type: String, required: true },
    action: { type: String, required: true },
    basis: { type: String, required: true },
    status: { type: String, enum: PROPOSAL_STATUSES, default: 'pending' },
    decidedAt: { type: Date, default: null },
    decidedBy: { type: String, default: null },
    decisionReason: { type: String, default: null },
  },
  { timestamps: true, collection: 'adjustment_proposals', optimisticConcurrency: true, versionKey: 'revision' },
);
proposalSchema.index({ status: 1, createdAt: -1 });
proposalSchema.index({ cycleId: 1, status: 1 });
export const ProposalModel = mongoose.model('AdjustmentProposal', proposalSchema);

/** Settings documents addressed by name, e.g. `adjustment-rules`. */
const evaluationSettingSchema = new Schema(
  { _id: { type: String, required: true }, value: { type: Schema.Types.Mixed, required: true } },
  { collection: 'evaluation_settings', optimisticConcurrency: true, versionKey: 'revision', minimize: false },
);
export const EvaluationSettingModel = mongoose.model('EvaluationSetting', evaluationSettingSchema);
