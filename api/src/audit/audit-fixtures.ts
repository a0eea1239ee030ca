import type { AuditFields } from './audit-chain.js';

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
