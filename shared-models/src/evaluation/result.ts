import * as z from 'zod';
import { ObjectIdSchema } from '../units/unit.js';
import { EvidenceSourceSchema, GradeSchema, RaterGroupSchema } from './framework.js';
import { CycleTypeSchema } from './cycle.js';

/** One fact of the platform that evidence rules count: an hour of training, a sanction, a tolerated case. */
export const EvidenceItemSchema = z.object({
  source: EvidenceSourceSchema,
  key: z.string().describe('stable within the cadre, e.g. "commendations:3"; tolerance inputs point at it'),
  text: z.string(),
  month: z.string().nullable(),
  amount: z.number().describe('hours for hour sources, 1 for countable items'),
});
export type EvidenceItem = z.infer<typeof EvidenceItemSchema>;

export const TOLERANCE_OUTCOMES = ['exempt', 'lighter', 'reduced'] as const;
/**
 * A fault-tolerance result that reaches the assessment: the matter (an evidence item, usually a
 * sanction) it covers. 免责 removes the matter from the cadre's record for scoring and counts it
 * as 担当 evidence; 从轻/减轻 stop it from counting as serious. The case module fills these.
 */
export const ToleranceInputSchema = z.object({
  caseId: z.string(),
  matterKey: z.string(),
  outcome: z.enum(TOLERANCE_OUTCOMES),
  effectiveUntil: z.string().nullable().describe('yyyy-MM-dd; null = no end'),
});
export type ToleranceInput = z.infer<typeof ToleranceInputSchema>;

/** One rater group's part in an indicator score. */
export const GroupExplanationSchema = z.object({
  group: RaterGroupSchema,
  weight: z.number().describe('the group weight as configured'),
  effectiveWeight: z.number().describe('after groups without enough responses are left out'),
  responses: z.number().int(),
  minResponses: z.number().int(),
  shown: z.boolean().describe('false below the minimum: the group neither shows nor counts'),
  used: z.array(z.number()).describe('ratings counted, ascending; empty when not shown'),
  trimmed: z.array(z.number()).describe('ratings dropped as top or bottom'),
  mean: z.number().nullable(),
});

export const EvidenceExplanationSchema = z.object({
  source: EvidenceSourceSchema,
  available: z.boolean().describe('false when no module feeds this source yet'),
  value: z.number(),
  score: z.number().nullable(),
  items: z.array(z.object({ key: z.string(), text: z.string(), amount: z.number(), excludedBy: z.string().nullable() })),
});

export const IndicatorResultSchema = z.object({
  indicatorId: z.string(),
  name: z.string(),
  weight: z.number().describe('effective weight within its dimension, percent'),
  ratingScore: z.number().nullable(),
  evidenceScore: z.number().nullable(),
  ratingShare: z.number().describe('effective share of ratings, percent'),
  score: z.number().nullable(),
  groups: z.array(GroupExplanationSchema),
  evidence: EvidenceExplanationSchema.nullable(),
});
export type IndicatorResult = z.infer<typeof IndicatorResultSchema>;

export const DimensionResultSchema = z.object({
  dimensionId: z.string(),
  name: z.string(),
  weight: z.number().describe('effective weight in the total, percent'),
  score: z.number().nullable(),
  indicators: z.array(IndicatorResultSchema),
});
export type DimensionResult = z.infer<typeof DimensionResultSchema>;

export const VetoHitSchema = z.object({ ruleId: z.string(), description: z.string(), capGrade: GradeSchema, value: z.number() });

/** What the pure scorer returns for one cadre. */
export const CadreScoreSchema = z.object({
  total: z.number().nullable().describe('0–100, two decimals; null when nothing could be scored'),
  dimensions: z.array(DimensionResultSchema),
  bandGrade: GradeSchema.nullable().describe('from the score bands alone'),
  vetoes: z.array(VetoHitSchema),
  cappedGrade: GradeSchema.nullable().describe('band grade after vetoes'),
  missingGroups: z.array(RaterGroupSchema).describe('groups with a weight but below their minimum'),
  tolerated: z.array(z.object({ caseId: z.string(), matterKey: z.string(), outcome: z.string() })),
});
export type CadreScore = z.infer<typeof CadreScoreSchema>;

export const CalibrationEntrySchema = z.object({
  from: GradeSchema.nullable(),
  to: GradeSchema,
  reason: z.string(),
  by: z.string(),
  at: z.string(),
});

/** The result report of one cadre in one cycle. */
export const CadreResultSchema = CadreScoreSchema.extend({
  cycleId: ObjectIdSchema,
  cycleName: z.string(),
  cycleType: CycleTypeSchema,
  year: z.number().int(),
  cadreId: ObjectIdSchema,
  cadreName: z.string(),
  unitId: ObjectIdSchema,
  unitName: z.string(),
  post: z.string(),
  proposedGrade: GradeSchema.nullable().describe('after vetoes and the unit quota'),
  finalGrade: GradeSchema.nullable(),
  quotaNote: z.string().nullable().describe('why the quota moved the grade, e.g. a tie at the boundary'),
  rankInUnit: z.number().int().nullable(),
  unitSize: z.number().int(),
  unitAverages: z.array(z.object({ dimensionId: z.string(), score: z.number().nullable() })),
  calibrations: z.array(CalibrationEntrySchema),
  locked: z.boolean(),
});
export type CadreResult = z.infer<typeof CadreResultSchema>;

/** One cadre's line in the per-cadre assessment history (feeds the portrait radar, proposals and flags). */
export const AssessmentHistoryEntrySchema = z.object({
  cycleId: ObjectIdSchema,
  cycleName: z.string(),
  cycleType: CycleTypeSchema,
  year: z.number().int(),
  total: z.number().nullable(),
  grade: GradeSchema.nullable(),
  rankPercentile: z.number().nullable().describe('share of the unit ranked at or above the cadre, percent: 100/n for the top of n, 100 for the last'),
  dimensions: z.array(z.object({ dimensionId: z.string(), name: z.string(), score: z.number().nullable() })),
  lockedAt: z.string(),
});
export type AssessmentHistoryEntry = z.infer<typeof AssessmentHistoryEntrySchema>;
export const AssessmentHistorySchema = z.object({ cadreId: ObjectIdSchema, entries: z.array(AssessmentHistoryEntrySchema) });

export const ROTATION_FLAGS = ['rotation', 'seniority'] as const;
export const ROTATION_FLAG_LABELS = { rotation: '疑似“优秀轮流当”', seniority: '优秀与资历高度相关' } as const;

/** One row of a unit's calibration list. */
export const CalibrationRowSchema = z.object({
  cadreId: ObjectIdSchema,
  cadreName: z.string(),
  post: z.string(),
  total: z.number().nullable(),
  rank: z.number().int().nullable(),
  bandGrade: GradeSchema.nullable(),
  proposedGrade: GradeSchema.nullable(),
  finalGrade: GradeSchema.nullable(),
  vetoed: z.boolean(),
  changed: z.boolean().describe('final differs from proposed'),
});
export type CalibrationRow = z.infer<typeof CalibrationRowSchema>;

export const UnitCalibrationSchema = z.object({
  cycleId: ObjectIdSchema,
  unitId: ObjectIdSchema,
  unitName: z.string(),
  rows: z.array(CalibrationRowSchema),
  excellentCap: z.number().int().describe('how many 优秀 the quota allows in this unit'),
  distribution: z.record(GradeSchema, z.number().int()),
  flags: z.array(z.object({ flag: z.enum(ROTATION_FLAGS), detail: z.string() })),
  locked: z.boolean(),
  revision: z.number().int().nonnegative(),
});
export type UnitCalibration = z.infer<typeof UnitCalibrationSchema>;

export const CalibrationChangeSchema = z
  .object({
    revision: z.number().int().nonnegative(),
    cadreId: ObjectIdSchema,
    grade: GradeSchema,
    reason: z.string().trim().min(5, '请说明调整理由（至少 5 个字）').max(500, '理由不超过 500 个字'),
  })
  .strict();
export type CalibrationChange = z.infer<typeof CalibrationChangeSchema>;

/** Grade counts of a cycle, per unit and for the district. */
export const CycleDistributionSchema = z.object({
  cycleId: ObjectIdSchema,
  district: z.record(GradeSchema, z.number().int()),
  units: z.array(z.object({ unitId: ObjectIdSchema, unitName: z.string(), counts: z.record(GradeSchema, z.number().int()), flagged: z.boolean() })),
  scored: z.number().int(),
  unscored: z.number().int(),
});
export type CycleDistribution = z.infer<typeof CycleDistributionSchema>;

/** The units of a cycle to calibrate, with where each stands against its quota. */
export const CalibrationUnitListSchema = z.object({
  items: z.array(
    z.object({
      unitId: ObjectIdSchema,
      unitName: z.string(),
      size: z.number().int(),
      excellent: z.number().int(),
      excellentCap: z.number().int(),
      changed: z.number().int().describe('rows whose final grade differs from the proposed one'),
      flagged: z.boolean(),
    }),
  ),
});
export type CalibrationUnitList = z.infer<typeof CalibrationUnitListSchema>;
