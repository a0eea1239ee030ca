import * as z from 'zod';
import { CADRE_CATEGORIES, CadreCategorySchema } from '../cadres/cadre.js';
import { personText } from '../people/person-text.js';
import { ObjectIdSchema, type UnitType } from '../units/unit.js';

/** Grades of the annual assessment of civil servants (公务员法 Art. 38), best first. */
export const GRADES = ['优秀', '称职', '基本称职', '不称职'] as const;
export const GradeSchema = z.enum(GRADES);
export type Grade = z.infer<typeof GradeSchema>;

/** The two tiers frameworks and cycles tell apart: streets and towns (街镇) and departments (部门). */
export const TIERS = ['街镇', '部门'] as const;
export const TierSchema = z.enum(TIERS);
export type Tier = z.infer<typeof TierSchema>;

/** The tier of a unit: streets and towns are 街镇, every other unit counts as 部门. */
export function tierOfUnitType(type: UnitType | string): Tier {
  return type === 'street' || type === 'town' ? '街镇' : '部门';
}

/** Who rates a cadre in a cycle. */
export const RATER_GROUPS = ['superior', 'peer', 'subordinate', 'service_recipient', 'self'] as const;
export const RaterGroupSchema = z.enum(RATER_GROUPS);
export type RaterGroup = z.infer<typeof RaterGroupSchema>;
export const RATER_GROUP_LABELS: Record<RaterGroup, string> = {
  superior: '上级',
  peer: '同级',
  subordinate: '下级',
  service_recipient: '服务对象',
  self: '本人',
};

/**
 * Facts already in the platform that an indicator can be scored from. A source no module feeds
 * yet has no facts for anyone: the evidence part is then left out and the ratings carry the indicator.
 */
export const EVIDENCE_SOURCES = [
  'political_study_hours',
  'training_hours',
  'professional_training_hours',
  'practice_logs',
  'household_visits',
  'frontline_assignments',
  'project_results',
  'commendations',
  'sanctions',
  'serious_sanctions',
  'tolerated_cases',
] as const;
export const EvidenceSourceSchema = z.enum(EVIDENCE_SOURCES);
export type EvidenceSource = z.infer<typeof EvidenceSourceSchema>;
export const EVIDENCE_SOURCE_LABELS: Record<EvidenceSource, string> = {
  political_study_hours: '政治理论学习学时',
  training_hours: '培训学时',
  professional_training_hours: '专业培训学时',
  practice_logs: '实践锻炼记录',
  household_visits: '入户走访次数',
  frontline_assignments: '一线任务次数',
  project_results: '项目团队成果',
  commendations: '表彰奖励次数',
  sanctions: '处分次数',
  serious_sanctions: '严重处分次数',
  tolerated_cases: '已容错事项',
};

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, '编号应为 2–40 位小写字母、数字或下划线，以字母开头');
const label = (max: number, what: string) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}不超过 ${max} 个字`).check(personText);
const note = (max: number) => z.string().trim().max(max, `不超过 ${max} 个字`).check(personText).default('');
const score = z.number().min(0, '分值应在 0–100 之间').max(100, '分值应在 0–100 之间');

/** One level of a rubric: what a rater picks, the score it stands for, and what it means. */
export const RubricLevelSchema = z.object({
  label: label(10, '等级名称'),
  score,
  description: note(200),
});
export type RubricLevel = z.infer<typeof RubricLevelSchema>;

/** Evidence value → score: the band with the highest `min` not above the value gives the score. */
export const EvidenceBandSchema = z.object({ min: z.number().min(0).max(1_000_000), score });
export const EvidenceRuleSchema = z.object({
  source: EvidenceSourceSchema,
  bands: z.array(EvidenceBandSchema).min(1, '至少一个分档').max(10, '分档不超过 10 个'),
  description: note(200),
});
export type EvidenceRule = z.infer<typeof EvidenceRuleSchema>;

/** Empty lists mean "all". */
export const ApplicabilitySchema = z.object({
  tiers: z.array(TierSchema).max(TIERS.length).default([]),
  categories: z.array(CadreCategorySchema).max(CADRE_CATEGORIES.length).default([]),
});
export type Applicability = z.infer<typeof ApplicabilitySchema>;

export const IndicatorSchema = z.object({
  id,
  name: label(30, '指标名称'),
  description: note(300),
  weight: z.number().int('权重应为整数').min(1, '权重至少为 1').max(100, '权重不超过 100'),
  /** Percent of the indicator scored from ratings; the rest comes from the evidence rule. */
  ratingShare: z.number().int().min(0).max(100),
  rubric: z.array(RubricLevelSchema).min(2, '评分等级至少 2 个').max(7, '评分等级不超过 7 个'),
  evidence: EvidenceRuleSchema.nullable().default(null),
  applicability: ApplicabilitySchema.default({ tiers: [], categories: [] }),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const DimensionSchema = z.object({
  id,
  name: label(30, '维度名称'),
  description: note(300),
  weight: z.number().int('权重应为整数').min(1, '权重至少为 1').max(100, '权重不超过 100'),
  indicators: z.array(IndicatorSchema).min(1, '每个维度至少一个指标').max(20),
  applicability: ApplicabilitySchema.default({ tiers: [], categories: [] }),
});
export type Dimension = z.infer<typeof DimensionSchema>;

/** A veto: when the evidence value reaches `min`, the grade can be no better than `capGrade`. */
export const VetoRuleSchema = z.object({
  id,
  description: label(100, '否决规则说明'),
  source: EvidenceSourceSchema,
  min: z.number().min(1).max(1000),
  capGrade: GradeSchema,
});
export type VetoRule = z.infer<typeof VetoRuleSchema>;

/** Lowest total score for each grade above 不称职. */
export const GradeBandsSchema = z.object({
  优秀: score,
  称职: score,
  基本称职: score,
});
export type GradeBands = z.infer<typeof GradeBandsSchema>;

const FrameworkContentObject = z.object({
  name: label(60, '评价体系名称'),
  description: note(1000),
  dimensions: z.array(DimensionSchema).min(1, '至少一个维度').max(15, '维度不超过 15 个'),
  vetoRules: z.array(VetoRuleSchema).max(20).default([]),
  gradeBands: GradeBandsSchema,
});

/** Where in a framework a rule is broken, as a path of keys, with the message to show there. */
export function checkFrameworkContent(
  value: z.infer<typeof FrameworkContentObject>,
  addIssue: (path: (string | number)[], message: string) => void,
): void {
  const dimensionSum = value.dimensions.reduce((sum, d) => sum + d.weight, 0);
  if (dimensionSum !== 100) addIssue(['dimensions'], `维度权重合计应为 100，当前为 ${dimensionSum}`);
  const ids = new Set<string>();
  value.dimensions.forEach((dimension, di) => {
    if (ids.has(dimension.id)) addIssue(['dimensions', di, 'id'], `编号“${dimension.id}”重复`);
    ids.add(dimension.id);
    const indicatorSum = dimension.indicators.reduce((sum, i) => sum + i.weight, 0);
    if (indicatorSum !== 100)
      addIssue(['dimensions', di, 'indicators'], `“${dimension.name}”的指标权重合计应为 100，当前为 ${indicatorSum}`);
    dimension.indicators.forEach((indicator, ii) => {
      const at = ['dimensions', di, 'indicators', ii];
      if (ids.has(indicator.id)) addIssue([...at, 'id'], `编号“${indicator.id}”重复`);
      ids.add(indicator.id);
      if (indicator.ratingShare < 100 && !indicator.evidence)
        addIssue([...at, 'evidence'], `“${indicator.name}”有客观依据占比，请设置依据规则`);
      if (indicator.ratingShare === 100 && indicator.evidence)
        addIssue([...at, 'ratingShare'], `“${indicator.name}”设置了依据规则，评价占比应小于 100`);
      const scores = indicator.rubric.map((level) => level.score);
      if (new Set(scores).size !== scores.length) addIssue([...at, 'rubric'], `“${indicator.name}”的评分等级分值不能重复`);
      const mins = indicator.evidence?.bands.map((band) => band.min) ?? [];
      if (new Set(mins).size !== mins.length) addIssue([...at, 'evidence', 'bands'], `“${indicator.name}”的依据分档起点不能重复`);
    });
  });
  const bands = value.gradeBands;
  if (!(bands.优秀 > bands.称职 && bands.称职 > bands.基本称职))
    addIssue(['gradeBands'], '等次分数线应满足 优秀 > 称职 > 基本称职');
}

/** What org_admin edits: the content of one version of a framework. */
export const FrameworkContentSchema = FrameworkContentObject.superRefine((value, ctx) =>
  checkFrameworkContent(value, (path, message) => ctx.addIssue({ code: 'custom', path, message })),
);
export type FrameworkContent = z.infer<typeof FrameworkContentSchema>;
export type FrameworkContentInput = z.input<typeof FrameworkContentSchema>;

export const FRAMEWORK_STATUSES = ['draft', 'published'] as const;
export const FrameworkStatusSchema = z.enum(FRAMEWORK_STATUSES);

/**
 * One version of a framework. A draft is edited in place; publishing freezes it; a cycle may
 * only use a published version, and a version a cycle uses can never change (`locked`).
 */
export const FrameworkVersionSchema = FrameworkContentObject.extend({
  id: ObjectIdSchema,
  frameworkId: ObjectIdSchema.describe('the id shared by all versions of one framework'),
  version: z.number().int().min(1),
  status: FrameworkStatusSchema,
  locked: z.boolean().describe('true once a cycle has used this version: it can no longer change'),
  revision: z.number().int().nonnegative().describe('send back on update; a stale one gets 409'),
  createdAt: z.string(),
  createdBy: z.string(),
  publishedAt: z.string().nullable(),
});
export type FrameworkVersion = z.infer<typeof FrameworkVersionSchema>;

export const FrameworkVersionSummarySchema = FrameworkVersionSchema.pick({
  id: true, frameworkId: true, version: true, status: true, locked: true, name: true, createdAt: true, publishedAt: true,
});
export type FrameworkVersionSummary = z.infer<typeof FrameworkVersionSummarySchema>;
export const FrameworkVersionListSchema = z.object({ items: z.array(FrameworkVersionSummarySchema) });

export const FrameworkDraftUpdateSchema = z.object({ revision: z.number().int().nonnegative(), content: FrameworkContentSchema });
export type FrameworkDraftUpdate = z.infer<typeof FrameworkDraftUpdateSchema>;

/** A new framework starts as draft version 1 with this content. */
export const FrameworkCreateSchema = z.object({ content: FrameworkContentSchema }).strict();
export const FrameworkPublishSchema = z.object({ revision: z.number().int().nonnegative() }).strict();
