import * as z from 'zod';
import { ObjectIdSchema } from '../units/unit.js';
import { CadreInputSchema, type CadreInput } from '../cadres/cadre-record.js';

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

/**
 * The record keys an approved request may change, by field: a correction of 入党时间 may also
 * change the party, one of 其他 any key of the other fields. The organization's own decisions
 * (unit, post level, rank, category) and the ID number are never among them.
 */
export const CORRECTABLE_FIELD_KEYS = {
  name: ['name'],
  ethnicity: ['ethnicity'],
  nativePlace: ['nativePlace'],
  birthPlace: ['birthPlace'],
  birthMonth: ['birthMonth'],
  partyJoinMonth: ['partyJoinMonth', 'otherParty'],
  workStartMonth: ['workStartMonth'],
  health: ['health'],
  professionalTitle: ['professionalTitle'],
  expertise: ['expertise'],
  fullTimeEducation: ['fullTimeEducation'],
  inServiceEducation: ['inServiceEducation'],
  positions: ['positions'],
  commendations: ['commendations'],
  annualAssessments: ['annualAssessments'],
  family: ['family'],
  other: [
    'name', 'ethnicity', 'nativePlace', 'birthPlace', 'birthMonth', 'partyJoinMonth', 'otherParty', 'workStartMonth', 'health',
    'professionalTitle', 'expertise', 'fullTimeEducation', 'inServiceEducation', 'positions', 'commendations', 'annualAssessments', 'family',
  ],
} as const satisfies Record<CorrectableField, readonly (keyof CadreInput)[]>;
export type CorrectableKey = (typeof CORRECTABLE_FIELD_KEYS)['other'][number];

const input = CadreInputSchema.shape;
const OUTSIDE_MESSAGE = '不能通过更正申请修改此项';

/**
 * The record keys an approval writes, each validated as the record's own (without the record's
 * defaults: a key not sent is not changed). Keys of no correctable field are refused by name.
 */
export const CorrectionChangeSchema = z
  .looseObject({
    name: input.name.optional(),
    ethnicity: input.ethnicity.optional(),
    nativePlace: input.nativePlace.unwrap().optional(),
    birthPlace: input.birthPlace.unwrap().optional(),
    birthMonth: input.birthMonth.optional(),
    partyJoinMonth: input.partyJoinMonth.optional(),
    otherParty: input.otherParty.unwrap().optional(),
    workStartMonth: input.workStartMonth.optional(),
    health: input.health.unwrap().optional(),
    professionalTitle: input.professionalTitle.unwrap().optional(),
    expertise: input.expertise.unwrap().optional(),
    fullTimeEducation: input.fullTimeEducation.optional(),
    inServiceEducation: input.inServiceEducation.optional(),
    positions: input.positions.unwrap().optional(),
    commendations: input.commendations.unwrap().optional(),
    annualAssessments: input.annualAssessments.unwrap().optional(),
    family: input.family.unwrap().optional(),
  })
  .superRefine((change, ctx) => {
    // Each such key by name, where `.strict()` would report one nameless issue for all.
    for (const key of changeKeysOutside('other', change)) ctx.addIssue({ code: 'custom', path: [key], message: OUTSIDE_MESSAGE });
  });
export type CorrectionChange = z.input<typeof CorrectionChangeSchema>;
export type CorrectionChangeParsed = z.output<typeof CorrectionChangeSchema>;

/** The keys of `change` that the request's field does not cover (each is refused). */
export function changeKeysOutside(field: CorrectableField, change: object): string[] {
  const allowed: readonly string[] = CORRECTABLE_FIELD_KEYS[field];
  return Object.keys(change).filter((key) => !allowed.includes(key));
}

export const CorrectionReasonSchema = z.string().trim().min(2, '请填写审核意见').max(500, '不超过 500 个字');

/**
 * Rejecting needs only a reason; approving also carries the record's change, as the approver
 * confirmed or adjusted it, and the record version it was based on (a stale one gets 409).
 */
export const CorrectionDecisionSchema = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('rejected'), reason: CorrectionReasonSchema }),
    z.object({
      decision: z.literal('approved'),
      reason: CorrectionReasonSchema,
      version: z.number({ error: '缺少档案版本' }).int().nonnegative(),
      change: CorrectionChangeSchema,
    }),
  ],
  { error: '请选择同意或驳回' },
);
export type CorrectionDecision = z.input<typeof CorrectionDecisionSchema>;
export type CorrectionDecisionParsed = z.output<typeof CorrectionDecisionSchema>;

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
  decidedByName: z.string().nullable().describe('display name of who decided; their username is never sent'),
  decisionReason: z.string().nullable(),
  appliedVersion: z.number().int().nullable().describe('the record version the approved change was written as'),
  appliedValue: z.string().nullable().describe('the field as the approval wrote it (the approver may have adjusted the proposal)'),
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
