import * as z from 'zod';
import { ObjectIdSchema } from '../units/unit.js';

export const CORRECTION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const CorrectionStatusSchema = z.enum(CORRECTION_STATUSES);

/**
 * The fields of their own record a cadre may ask to correct: the facts of the appointment form,
 * not the organization's own decisions (unit, post level, rank, category).
 */
export const CORRECTABLE_FIELDS = [
  ['name', '姓名'],
  ['ethnicity', '民族'],
  ['nativePlace', '籍贯'],
  ['birthPlace', '出生地'],
  ['birthMonth', '出生年月'],
  ['partyJoinMonth', '入党时间'],
  ['workStartMonth', '参加工作时间'],
  ['health', '健康状况'],
  ['professionalTitle', '专业技术职务'],
  ['expertise', '熟悉专业有何专长'],
  ['fullTimeEducation', '全日制教育'],
  ['inServiceEducation', '在职教育'],
  ['positions', '简历'],
  ['commendations', '奖惩情况'],
  ['annualAssessments', '年度考核结果'],
  ['family', '家庭主要成员'],
  ['other', '其他'],
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number][0];
export const CorrectableFieldSchema = z.enum(CORRECTABLE_FIELDS.map(([key]) => key) as [CorrectableField, ...CorrectableField[]]);

/** What a cadre submits: which field is wrong, what it should say, and why. */
export const CorrectionRequestInputSchema = z.object({
  field: CorrectableFieldSchema,
  proposedValue: z.string().trim().min(1, '请填写正确的内容').max(1000, '不超过 1000 个字'),
  reason: z.string().trim().min(2, '请说明理由').max(500, '不超过 500 个字'),
});
export type CorrectionRequestInput = z.input<typeof CorrectionRequestInputSchema>;

export const CorrectionDecisionSchema = z.object({
  decision: z.enum(['approved', 'rejected']),
  reason: z.string().trim().min(2, '请填写审核意见').max(500, '不超过 500 个字'),
});
export type CorrectionDecision = z.infer<typeof CorrectionDecisionSchema>;

export const CorrectionRequestSchema = z.object({
  id: ObjectIdSchema,
  cadreId: ObjectIdSchema,
  cadreName: z.string(),
  unitId: ObjectIdSchema,
  unitName: z.string(),
  field: CorrectableFieldSchema,
  currentValue: z.string().describe('the field as it stood when the request was made'),
  proposedValue: z.string(),
  reason: z.string(),
  status: CorrectionStatusSchema,
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable().describe('username of the unit manager'),
  decisionReason: z.string().nullable(),
});
export type CorrectionRequest = z.infer<typeof CorrectionRequestSchema>;

export const CorrectionListQuerySchema = z
  .object({
    status: CorrectionStatusSchema.optional(),
    cadreId: ObjectIdSchema.optional(),
    page: z.coerce.number().int().min(0).default(0),
    size: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export const CorrectionListSchema = z.object({ items: z.array(CorrectionRequestSchema), total: z.number().int() });
