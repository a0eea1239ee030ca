import * as z from 'zod';
import { ObjectIdSchema } from '../units/unit.js';
import { GradeSchema } from './framework.js';

/** What a proposal asks the organization department to consider (能者上、庸者下、劣者汰). */
export const PROPOSAL_ACTIONS = ['unfit_review', 'promotion_pool', 'admonition'] as const;
export const ProposalActionSchema = z.enum(PROPOSAL_ACTIONS);
export type ProposalAction = z.infer<typeof ProposalActionSchema>;
export const PROPOSAL_ACTION_LABELS: Record<ProposalAction, string> = {
  unfit_review: '研判是否不适宜担任现职',
  promotion_pool: '纳入优秀年轻干部/提拔使用人选池',
  admonition: '提醒谈话、诫勉',
};

/**
 * A rule: the latest `years` consecutive annual results each meet the condition. `grades` matches
 * any of those grades; `topPercent` matches a place within that top share of the unit.
 */
export const AdjustmentRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, '编号应为 2–40 位小写字母、数字或下划线'),
    description: z.string().trim().min(2, '请填写规则说明').max(100, '不超过 100 个字'),
    grades: z.array(GradeSchema).max(4).default([]),
    topPercent: z.number().int().min(1).max(50).nullable().default(null),
    years: z.number().int().min(1, '至少 1 年').max(5, '不超过 5 年'),
    action: ProposalActionSchema,
    enabled: z.boolean().default(true),
  })
  .refine((rule) => (rule.grades.length > 0) !== (rule.topPercent !== null), {
    message: '规则应按等次或按排名百分比二选一',
    path: ['grades'],
  });
export type AdjustmentRule = z.infer<typeof AdjustmentRuleSchema>;

export const AdjustmentRulesSchema = z.object({
  rules: z.array(AdjustmentRuleSchema).max(20),
  revision: z.number().int().nonnegative(),
});
export type AdjustmentRules = z.infer<typeof AdjustmentRulesSchema>;

export const DEFAULT_ADJUSTMENT_RULES: readonly AdjustmentRule[] = [
  { id: 'unfit_once', description: '年度考核不称职', grades: ['不称职'], topPercent: null, years: 1, action: 'unfit_review', enabled: true },
  { id: 'basic_twice', description: '连续两年基本称职', grades: ['基本称职'], topPercent: null, years: 2, action: 'unfit_review', enabled: true },
  { id: 'top_ten_twice', description: '连续两年位列本单位前 10%', grades: [], topPercent: 10, years: 2, action: 'promotion_pool', enabled: true },
];

export const PROPOSAL_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export const ProposalStatusSchema = z.enum(PROPOSAL_STATUSES);

export const AdjustmentProposalSchema = z.object({
  id: z.string(),
  cycleId: ObjectIdSchema,
  cycleName: z.string(),
  cadreId: ObjectIdSchema,
  cadreName: z.string(),
  unitId: ObjectIdSchema,
  unitName: z.string(),
  ruleId: z.string(),
  ruleDescription: z.string(),
  action: ProposalActionSchema,
  basis: z.string().describe('the results that met the rule, e.g. "2025 基本称职；2026 基本称职"'),
  status: ProposalStatusSchema,
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionReason: z.string().nullable(),
});
export type AdjustmentProposal = z.infer<typeof AdjustmentProposalSchema>;
export const AdjustmentProposalListSchema = z.object({ items: z.array(AdjustmentProposalSchema), total: z.number().int() });
export const AdjustmentProposalListQuerySchema = z
  .object({
    status: ProposalStatusSchema.optional(),
    cycleId: ObjectIdSchema.optional(),
    page: z.coerce.number().int().min(0).default(0),
    size: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export const ProposalDecisionSchema = z
  .object({
    decision: z.enum(['accepted', 'rejected']),
    reason: z.string().trim().min(5, '请填写决定理由（至少 5 个字）').max(500, '不超过 500 个字'),
  })
  .strict();
export type ProposalDecision = z.infer<typeof ProposalDecisionSchema>;

export const AdjustmentRulesUpdateSchema = z.object({ revision: z.number().int().nonnegative(), rules: z.array(AdjustmentRuleSchema).max(20) }).strict();
