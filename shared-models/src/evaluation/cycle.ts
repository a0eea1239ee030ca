import * as z from 'zod';
import { CADRE_CATEGORIES, CadreCategorySchema } from '../cadres/cadre.js';
import { personText } from '../people/person-text.js';
import { ObjectIdSchema } from '../units/unit.js';
import { RATER_GROUPS, RaterGroupSchema, TIERS, TierSchema } from './framework.js';

/** 平时、年度、专项、任期 (党政领导干部考核工作条例, 2019). */
export const CYCLE_TYPES = ['routine', 'annual', 'special', 'term'] as const;
export const CycleTypeSchema = z.enum(CYCLE_TYPES);
export type CycleType = z.infer<typeof CycleTypeSchema>;
export const CYCLE_TYPE_LABELS: Record<CycleType, string> = { routine: '平时考核', annual: '年度考核', special: '专项考核', term: '任期考核' };

/**
 * draft: being set up, assignments editable · open: raters fill forms · closed: scored, being
 * calibrated · locked: grades final, results published.
 */
export const CYCLE_STATUSES = ['draft', 'open', 'closed', 'locked'] as const;
export const CycleStatusSchema = z.enum(CYCLE_STATUSES);
export type CycleStatus = z.infer<typeof CycleStatusSchema>;
export const CYCLE_STATUS_LABELS: Record<CycleStatus, string> = { draft: '筹备中', open: '测评中', closed: '校准中', locked: '已锁定' };

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 yyyy-MM-dd');

/** Which cadres a cycle assesses: those in the units' subtrees, of these tiers and categories (empty = all). */
export const CyclePopulationSchema = z.object({
  unitIds: z.array(ObjectIdSchema).max(500).default([]).describe('subtrees; empty = the whole district'),
  tiers: z.array(TierSchema).max(TIERS.length).default([]),
  categories: z.array(CadreCategorySchema).max(CADRE_CATEGORIES.length).default([]),
});
export type CyclePopulation = z.infer<typeof CyclePopulationSchema>;

/** A rater group in one cycle: its weight, the responses needed before results show, anonymity. */
export const CycleRaterGroupSchema = z.object({
  group: RaterGroupSchema,
  weight: z.number().int('权重应为整数').min(0).max(100),
  minResponses: z.number().int().min(1, '最少回收份数至少为 1').max(50),
  anonymous: z.boolean(),
});
export type CycleRaterGroup = z.infer<typeof CycleRaterGroupSchema>;

/** Anonymous groups need at least this many responses, whatever the cycle says: fewer would identify the voter. */
export const MIN_ANONYMOUS_RESPONSES = 3;

export const CycleSettingsSchema = z.object({
  trimExtremes: z.boolean().default(true).describe('drop the top and bottom rating of a group when it has at least 5'),
  excellentQuotaPercent: z.number().int().min(1).max(100).default(20),
  excellentQuotaRaised: z.boolean().default(false).describe('approved raise of the 优秀 cap to 25%'),
});
export type CycleSettings = z.infer<typeof CycleSettingsSchema>;

/** The 优秀 cap a cycle applies, in percent: 25 with an approved raise, else its setting. */
export function excellentCapPercent(settings: CycleSettings): number {
  return settings.excellentQuotaRaised ? Math.max(25, settings.excellentQuotaPercent) : settings.excellentQuotaPercent;
}

const CycleInputObject = z.object({
  name: z.string().trim().min(2, '请填写考核名称').max(60, '考核名称不超过 60 个字').check(personText),
  type: CycleTypeSchema,
  year: z.number().int().min(2000).max(2100).describe('the assessment year the results belong to'),
  periodStart: date,
  periodEnd: date,
  dueDate: date.describe('raters should finish by this day'),
  frameworkVersionId: ObjectIdSchema,
  population: CyclePopulationSchema,
  raterGroups: z.array(CycleRaterGroupSchema).min(1, '至少一个评价主体').max(RATER_GROUPS.length),
  settings: CycleSettingsSchema,
});

/** What an assessor sends to create or (while a draft) edit a cycle. */
export const CycleInputSchema = CycleInputObject.superRefine((value, ctx) => {
  const add = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (value.periodEnd < value.periodStart) add(['periodEnd'], '考核期结束日期不能早于开始日期');
  const groups = value.raterGroups.map((g) => g.group);
  if (new Set(groups).size !== groups.length) add(['raterGroups'], '评价主体不能重复');
  const sum = value.raterGroups.reduce((total, g) => total + g.weight, 0);
  if (sum !== 100) add(['raterGroups'], `评价主体权重合计应为 100，当前为 ${sum}`);
  value.raterGroups.forEach((g, i) => {
    if (g.anonymous && g.minResponses < MIN_ANONYMOUS_RESPONSES)
      add(['raterGroups', i, 'minResponses'], `匿名评价至少回收 ${MIN_ANONYMOUS_RESPONSES} 份才能显示结果`);
  });
});
export type CycleInput = z.infer<typeof CycleInputSchema>;
export type CycleInputValues = z.input<typeof CycleInputSchema>;

/** The default rater groups of a new cycle: 民主测评 groups anonymous, superior and self named. */
export const DEFAULT_RATER_GROUPS: readonly CycleRaterGroup[] = [
  { group: 'superior', weight: 30, minResponses: 1, anonymous: false },
  { group: 'peer', weight: 30, minResponses: 3, anonymous: true },
  { group: 'subordinate', weight: 20, minResponses: 3, anonymous: true },
  { group: 'service_recipient', weight: 10, minResponses: 3, anonymous: true },
  { group: 'self', weight: 10, minResponses: 1, anonymous: false },
];

export const CycleCountsSchema = z.object({
  population: z.number().int(),
  assignments: z.number().int().describe('rating tasks handed out'),
  submitted: z.number().int().describe('rating tasks submitted'),
  raters: z.number().int(),
});

export const CycleSchema = CycleInputObject.extend({
  id: ObjectIdSchema,
  frameworkName: z.string(),
  frameworkVersion: z.number().int(),
  status: CycleStatusSchema,
  revision: z.number().int().nonnegative().describe('send back on update; a stale one gets 409'),
  counts: CycleCountsSchema,
  createdAt: z.string(),
  createdBy: z.string(),
  launchedAt: z.string().nullable(),
  remindedAt: z.array(z.string()).describe('when reminders went out'),
  closedAt: z.string().nullable(),
  lockedAt: z.string().nullable(),
});
export type Cycle = z.infer<typeof CycleSchema>;

export const CycleSummarySchema = CycleSchema.pick({
  id: true, name: true, type: true, year: true, status: true, dueDate: true, frameworkName: true, frameworkVersion: true,
  counts: true, createdAt: true,
});
export type CycleSummary = z.infer<typeof CycleSummarySchema>;
export const CycleListSchema = z.object({ items: z.array(CycleSummarySchema), total: z.number().int() });
export const CycleListQuerySchema = z
  .object({
    status: CycleStatusSchema.optional(),
    page: z.coerce.number().int().min(0).default(0),
    size: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

/** A state change of a cycle; `revision` guards against two assessors acting at once. */
export const CycleTransitionSchema = z.object({ revision: z.number().int().nonnegative() }).strict();

/** Who rates one cadre. */
export const AssignedRaterSchema = z.object({
  raterId: ObjectIdSchema.describe('the rater’s cadre id'),
  raterName: z.string(),
  group: RaterGroupSchema,
  submitted: z.boolean().describe('participation only: never what was voted'),
});
export const RateeAssignmentSchema = z.object({
  cycleId: ObjectIdSchema,
  cadreId: ObjectIdSchema,
  cadreName: z.string(),
  unitId: ObjectIdSchema,
  unitName: z.string(),
  post: z.string(),
  raters: z.array(AssignedRaterSchema),
  revision: z.number().int().nonnegative(),
});
export type RateeAssignment = z.infer<typeof RateeAssignmentSchema>;
export const RateeAssignmentListSchema = z.object({
  items: z.array(RateeAssignmentSchema.omit({ raters: true }).extend({ raterCounts: z.record(RaterGroupSchema, z.number().int()) })),
  total: z.number().int(),
});
export const RateeAssignmentListQuerySchema = z
  .object({
    unitId: ObjectIdSchema.optional(),
    q: z.string().trim().max(30).optional().describe('name contains'),
    page: z.coerce.number().int().min(0).default(0),
    size: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

/** Edit who rates a cadre while the cycle is a draft (or add raters while it is open). */
export const AssignmentEditSchema = z
  .object({
    revision: z.number().int().nonnegative(),
    add: z.array(z.object({ raterId: ObjectIdSchema, group: RaterGroupSchema })).max(100).default([]),
    remove: z.array(z.object({ raterId: ObjectIdSchema, group: RaterGroupSchema })).max(100).default([]),
  })
  .strict();
export type AssignmentEdit = z.infer<typeof AssignmentEditSchema>;


export const CycleUpdateSchema = z.object({ revision: z.number().int().nonnegative(), input: CycleInputSchema }).strict();
