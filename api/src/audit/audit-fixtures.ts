import type { AuditFields } from './audit-chain.js';
import { auditTrailSettings, useAuditTrail } from './audit-key.js';

/** Test data: the fields of one audit record, with overrides (a factory, as in test/factories.ts). */
export function auditFields(overrides: Partial<AuditFields> = {}): AuditFields {
  return {
    time: new Date(),
    userId: null,
    username: 'auditor',
    ip: '127.0.0.1',
    action: 'cadre.read',
    objectType: 'cadre',
    objectId: 'c1',
    result: 'success',
    detail: null,
    requestId: 'req-00000001',
    ...overrides,
  };
}

/** Runs `body` with the retention setting the verifier checks the anchor against. */
export async function withRetentionSetting(retentionDays: number, body: () => Promise<void>): Promise<void> {
  const settings = auditTrailSettings();
  useAuditTrail({ ...settings, retentionDays });
  try {
    await body();
  } finally {
    useAuditTrail(settings);
  }
}
