import { DEFAULT_RATER_GROUPS, type Cycle, type LedgerRow, type CycleSummary, type FrameworkVersionSummary, type RateeAssignment } from '@cadre/shared-models';
import type { RateeAssignmentRow } from './cycles-api';

export const CYCLE_ID = '65f000000000000000000001';
export const FRAMEWORK_VERSION_ID = '65e100000000000000000001';
export const UNIT_ID = '65d000000000000000000001';
export const RATEE_ID = '65c000000000000000000011';

/** A cycle as GET /api/cycles/:id returns it; specs override what they test. */
export function aCycle(overrides: Partial<Cycle> = {}): Cycle {
  return {
    id: CYCLE_ID,
    name: '2025年度考核',
    type: 'annual',
    year: 2025,
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    dueDate: '2026-01-15',
    frameworkVersionId: FRAMEWORK_VERSION_ID,
    frameworkName: '干部能力评价体系',
    frameworkVersion: 2,
    population: { unitIds: [], tiers: [], categories: [] },
    raterGroups: [...DEFAULT_RATER_GROUPS],
    settings: { trimExtremes: true, excellentQuotaPercent: 20, excellentQuotaRaised: false },
    status: 'draft',
    revision: 3,
    counts: { population: 120, assignments: 960, submitted: 240, raters: 300 },
    createdAt: '2025-12-01T00:00:00.000Z',
    createdBy: 'demo.assessor',
    launchedAt: null,
    remindedAt: [],
    closedAt: null,
    lockedAt: null,
    ...overrides,
  };
}

export function aCycleSummary(overrides: Partial<CycleSummary> = {}): CycleSummary {
  const { id, name, type, year, status, dueDate, frameworkName, frameworkVersion, counts, createdAt } = aCycle();
  return { id, name, type, year, status, dueDate, frameworkName, frameworkVersion, counts, createdAt, ...overrides };
}

export function aPublishedFramework(overrides: Partial<FrameworkVersionSummary> = {}): FrameworkVersionSummary {
  return {
    id: FRAMEWORK_VERSION_ID,
    frameworkId: '65e000000000000000000001',
    version: 2,
    status: 'published',
    locked: false,
    name: '干部能力评价体系',
    createdAt: '2025-10-01T00:00:00.000Z',
    publishedAt: '2025-10-02T00:00:00.000Z',
    ...overrides,
  };
}

export function anAssignmentRow(overrides: Partial<RateeAssignmentRow> = {}): RateeAssignmentRow {
  return {
    cycleId: CYCLE_ID,
    cadreId: RATEE_ID,
    cadreName: '李强',
    unitId: UNIT_ID,
    unitName: '观音桥街道',
    post: '党工委副书记',
    revision: 1,
    raterCounts: { superior: 1, peer: 5, subordinate: 0, service_recipient: 0, self: 1 },
    ...overrides,
  };
}

export function anAssignment(overrides: Partial<RateeAssignment> = {}): RateeAssignment {
  return {
    cycleId: CYCLE_ID,
    cadreId: RATEE_ID,
    cadreName: '李强',
    unitId: UNIT_ID,
    unitName: '观音桥街道',
    post: '党工委副书记',
    raters: [
      { raterId: '65c000000000000000000021', raterName: '张伟', group: 'superior', submitted: false },
      { raterId: '65c000000000000000000022', raterName: '王芳', group: 'peer', submitted: true },
      { raterId: '65c000000000000000000023', raterName: '刘洋', group: 'peer', submitted: false },
    ],
    revision: 4,
    ...overrides,
  };
}

/** A cadre as the ledger search of the rater picker finds them. */
export function aLedgerRow(id: string, name: string): LedgerRow {
  return {
    id, name, sex: '男', birthMonth: '1980-01', age: 45, ethnicity: '汉族', nativePlace: '重庆', politicalStatus: '中共党员',
    partyJoinMonth: '2002-07', workStartMonth: '2003-07', education: '大学本科', degree: '学士', school: '西南大学', unitId: UNIT_ID,
    unitName: '观音桥街道', post: '科员', postLevel: '非领导职务', rank: '一级主任科员', postStartMonth: '2020-01', category: '综合管理类',
    appointmentType: '委任', professionalTitle: '', tags: [], idNumberMasked: null,
  };
}
