import type { AssessmentHistoryEntry, CadreResult, CycleDistribution, DimensionResult } from '@cadre/shared-models';
import { CYCLE_ID, UNIT_ID } from '../calibration/calibration.fixture';

export const CADRE_ID = '65c000000000000000000001';

function aDimension(dimensionId: string, name: string, weight: number, score: number | null): DimensionResult {
  return {
    dimensionId,
    name,
    weight,
    score,
    indicators: [
      {
        indicatorId: `${dimensionId}_rating`,
        name: `${name}评价`,
        weight: 100,
        ratingScore: score,
        evidenceScore: null,
        ratingShare: 100,
        score,
        groups: [],
        evidence: null,
      },
    ],
  };
}

/** 政治素质 explained in full: peers with one top and one bottom rating dropped, subordinates below their minimum, and evidence with a tolerated sanction. */
export function aCadreResult(overrides: Partial<CadreResult> = {}): CadreResult {
  return {
    cycleId: CYCLE_ID,
    cycleName: '2026年度考核',
    cycleType: 'annual',
    year: 2026,
    cadreId: CADRE_ID,
    cadreName: '陈静',
    unitId: UNIT_ID,
    unitName: '观音桥街道',
    post: '观音桥街道办事处副主任',
    total: 86.4,
    dimensions: [
      {
        dimensionId: 'political',
        name: '政治素质',
        weight: 20,
        score: 88,
        indicators: [
          {
            indicatorId: 'political_stance',
            name: '政治立场',
            weight: 60,
            ratingScore: 87.5,
            evidenceScore: 90,
            ratingShare: 80,
            score: 88,
            groups: [
              { group: 'superior', weight: 30, effectiveWeight: 37.5, responses: 1, minResponses: 1, shown: true, used: [90], trimmed: [], mean: 90 },
              { group: 'peer', weight: 50, effectiveWeight: 62.5, responses: 6, minResponses: 3, shown: true, used: [80, 85, 85, 90], trimmed: [60, 100], mean: 85 },
              { group: 'subordinate', weight: 20, effectiveWeight: 0, responses: 2, minResponses: 3, shown: false, used: [], trimmed: [], mean: null },
            ],
            evidence: {
              source: 'sanctions',
              available: true,
              value: 0,
              score: 90,
              items: [{ key: 'commendations:2', text: '2026.03 警告处分', amount: 1, excludedBy: '容错免责（2026-07 认定）' }],
            },
          },
        ],
      },
      aDimension('professional', '专业能力', 15, 82),
      aDimension('results', '实干实绩', 30, 90),
      aDimension('clean', '清正廉洁', 5, null),
    ],
    bandGrade: '优秀',
    vetoes: [{ ruleId: 'serious_sanction', description: '受到严重处分', capGrade: '称职', value: 1 }],
    cappedGrade: '称职',
    missingGroups: ['subordinate'],
    tolerated: [],
    proposedGrade: '称职',
    finalGrade: '称职',
    quotaNote: '与第 2 名同分，按名额排在其后',
    rankInUnit: 2,
    unitSize: 10,
    unitAverages: [
      { dimensionId: 'political', score: 80 },
      { dimensionId: 'professional', score: 78 },
      { dimensionId: 'results', score: 84 },
      { dimensionId: 'clean', score: null },
    ],
    calibrations: [{ from: '优秀', to: '称职', reason: '年内发生安全生产责任事故', by: 'demo.assessor', at: '2027-01-18T08:00:00.000Z' }],
    locked: true,
    ...overrides,
  };
}

export function aHistoryEntry(overrides: Partial<AssessmentHistoryEntry> = {}): AssessmentHistoryEntry {
  return {
    cycleId: CYCLE_ID,
    cycleName: '2026年度考核',
    cycleType: 'annual',
    year: 2026,
    total: 86.4,
    grade: '称职',
    rankPercentile: 10,
    dimensions: [
      { dimensionId: 'political', name: '政治素质', score: 88 },
      { dimensionId: 'professional', name: '专业能力', score: 82 },
      { dimensionId: 'results', name: '实干实绩', score: 90 },
      { dimensionId: 'clean', name: '清正廉洁', score: null },
    ],
    lockedAt: '2027-01-20T08:00:00.000Z',
    ...overrides,
  };
}

/** Two locked years, the older first as the API keeps them. */
export function aHistory(): { cadreId: string; entries: AssessmentHistoryEntry[] } {
  return {
    cadreId: CADRE_ID,
    entries: [
      aHistoryEntry({
        cycleId: '66a000000000000000000000',
        cycleName: '2025年度考核',
        year: 2025,
        total: 91.2,
        grade: '优秀',
        dimensions: [{ dimensionId: 'political', name: '政治素质', score: 95 }],
        lockedAt: '2026-01-20T08:00:00.000Z',
      }),
      aHistoryEntry(),
    ],
  };
}

export function aDistribution(overrides: Partial<CycleDistribution> = {}): CycleDistribution {
  return {
    cycleId: CYCLE_ID,
    district: { 优秀: 3, 称职: 10, 基本称职: 1, 不称职: 1 },
    units: [
      { unitId: UNIT_ID, unitName: '观音桥街道', counts: { 优秀: 2, 称职: 6, 基本称职: 1, 不称职: 1 }, flagged: true },
      { unitId: '65b000000000000000000012', unitName: '区发展改革委', counts: { 优秀: 1, 称职: 4, 基本称职: 0, 不称职: 0 }, flagged: false },
    ],
    scored: 15,
    unscored: 1,
    ...overrides,
  };
}
