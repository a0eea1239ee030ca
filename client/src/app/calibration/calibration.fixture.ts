import type { CalibrationRow, CalibrationUnitList, Cycle, UnitCalibration } from '@cadre/shared-models';

export const CYCLE_ID = '66a000000000000000000001';
export const UNIT_ID = '65b000000000000000000011';

export function aCycle(overrides: Partial<Cycle> = {}): Cycle {
  return {
    id: CYCLE_ID,
    name: '2026年度考核',
    type: 'annual',
    year: 2026,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    dueDate: '2027-01-15',
    frameworkVersionId: '66b000000000000000000001',
    frameworkName: '江北区干部能力评价体系',
    frameworkVersion: 1,
    population: { unitIds: [], tiers: [], categories: [] },
    raterGroups: [{ group: 'superior', weight: 100, minResponses: 1, anonymous: false }],
    settings: { trimExtremes: true, excellentQuotaPercent: 20, excellentQuotaRaised: false },
    status: 'closed',
    revision: 4,
    counts: { population: 10, assignments: 40, submitted: 38, raters: 12 },
    createdAt: '2026-12-01T08:00:00.000Z',
    createdBy: 'demo.assessor',
    launchedAt: '2026-12-02T08:00:00.000Z',
    remindedAt: [],
    closedAt: '2027-01-16T08:00:00.000Z',
    lockedAt: null,
    ...overrides,
  };
}

export function aUnitList(overrides: Partial<CalibrationUnitList['items'][number]> = {}): CalibrationUnitList {
  return {
    items: [
      { unitId: UNIT_ID, unitName: '观音桥街道', size: 10, excellent: 2, excellentCap: 2, changed: 1, flagged: true, ...overrides },
      { unitId: '65b000000000000000000012', unitName: '区发展改革委', size: 5, excellent: 0, excellentCap: 1, changed: 0, flagged: false },
    ],
  };
}

export function aRow(overrides: Partial<CalibrationRow> = {}): CalibrationRow {
  return {
    cadreId: '65c000000000000000000001',
    cadreName: '陈静',
    post: '观音桥街道办事处副主任',
    total: 91.25,
    rank: 1,
    bandGrade: '优秀',
    proposedGrade: '优秀',
    finalGrade: '优秀',
    vetoed: false,
    changed: false,
    ...overrides,
  };
}

/** A unit of five: one 优秀 under a cap of one, so raising anyone else breaks the quota. */
export function aUnitCalibration(overrides: Partial<UnitCalibration> = {}): UnitCalibration {
  return {
    cycleId: CYCLE_ID,
    unitId: UNIT_ID,
    unitName: '观音桥街道',
    rows: [
      aRow(),
      aRow({ cadreId: '65c000000000000000000002', cadreName: '王强', post: '党工委委员', total: 88.5, rank: 2, bandGrade: '优秀', proposedGrade: '称职', finalGrade: '称职' }),
      aRow({ cadreId: '65c000000000000000000003', cadreName: '李娜', post: '科员', total: 80, rank: 3, bandGrade: '称职', proposedGrade: '称职', finalGrade: '称职' }),
      aRow({ cadreId: '65c000000000000000000004', cadreName: '赵磊', post: '科员', total: 79, rank: 4, bandGrade: '称职', proposedGrade: '称职', finalGrade: '基本称职', changed: true }),
      aRow({ cadreId: '65c000000000000000000005', cadreName: '孙敏', post: '科员', total: 70, rank: 5, bandGrade: '称职', proposedGrade: '不称职', finalGrade: '不称职', vetoed: true }),
    ],
    excellentCap: 1,
    distribution: { 优秀: 1, 称职: 2, 基本称职: 1, 不称职: 1 },
    flags: [{ flag: 'rotation', detail: '近三年优秀依次为 王强、陈静、王强' }],
    locked: false,
    revision: 7,
    ...overrides,
  };
}
