import type { CorrectionRequest } from '@cadre/shared-models';
import { RECORD_ID, UNIT_ID } from '../cadres/cadre-record.fixture';

/** A request as GET /api/corrections lists it; specs override what they test. */
export function aCorrection(overrides: Partial<CorrectionRequest> = {}): CorrectionRequest {
  return {
    id: '65e000000000000000000001',
    cadreId: RECORD_ID,
    cadreName: '陈静',
    unitId: UNIT_ID,
    unitName: '观音桥街道',
    field: 'birthPlace',
    currentValue: '重庆石柱',
    proposedValue: '重庆石柱县南宾镇',
    reason: '以户口簿为准',
    status: 'pending',
    submittedAt: '2025-03-02T08:00:00.000Z',
    decidedAt: null,
    decidedByName: null,
    decisionReason: null,
    appliedVersion: null,
    appliedValue: null,
    ...overrides,
  };
}
