import type { AdjustmentProposal, AdjustmentRules } from '@cadre/shared-models';
import { CYCLE_ID, UNIT_ID } from '../calibration/calibration.fixture';

export function aProposal(overrides: Partial<AdjustmentProposal> = {}): AdjustmentProposal {
  return {
    id: `${CYCLE_ID}:65c000000000000000000004:basic_twice`,
    cycleId: CYCLE_ID,
    cycleName: '2026年度考核',
    cadreId: '65c000000000000000000004',
    cadreName: '赵磊',
    unitId: UNIT_ID,
    unitName: '观音桥街道',
    ruleId: 'basic_twice',
    ruleDescription: '连续两年基本称职',
    action: 'unfit_review',
    basis: '2025 基本称职；2026 基本称职',
    status: 'pending',
    createdAt: '2027-01-20T08:00:00.000Z',
    decidedAt: null,
    decidedBy: null,
    decisionReason: null,
    ...overrides,
  };
}

export function someRules(overrides: Partial<AdjustmentRules> = {}): AdjustmentRules {
  return {
    rules: [
      { id: 'unfit_once', description: '年度考核不称职', grades: ['不称职'], topPercent: null, years: 1, action: 'unfit_review', enabled: true },
      { id: 'top_ten_twice', description: '连续两年位列本单位前 10%', grades: [], topPercent: 10, years: 2, action: 'promotion_pool', enabled: true },
    ],
    revision: 3,
    ...overrides,
  };
}
