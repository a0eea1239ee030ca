import { AuditPageSchema, AuditQuerySchema, AuditVerificationSchema } from '@cadre/shared-models';
import type { Response } from 'express';
import type { SessionActor } from '../platform/actor.js';
import type { ApiBuilder } from '../platform/endpoint.js';
import { verifyAuditChain } from './audit-verification.js';
import {
  exportAudit,
  formatBeijingTime,
  queryAudit,
  recordAudit,
  type AuditExportResult,
  type AuditFilter,
} from './audit.service.js';

const AuditExportQuerySchema = AuditQuerySchema.omit({ page: true, size: true });

/**
 * The export is audited before the response completes: a download whose audit record could
 * not be written is cut off rather than delivered whole.
 */
async function streamAuditExport(query: AuditFilter, actor: SessionActor, res: Response): Promise<void> {
  const date = formatBeijingTime(new Date()).slice(0, 10);
  res.status(200);
  res.type('text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="audit-${date}.csv"`);
  let outcome: AuditExportResult;
  try {
    outcome = await exportAudit(query, res);
  } catch (err) {
    await recordAudit(actor, { action: 'audit.export', result: 'failure', objectType: 'audit_log', detail: { filter: query } });
    // Before the first byte the problem handler can still answer; after it, only dropping the download is left.
    if (!res.headersSent) throw err;
    actor.log.warn({ err }, 'audit export interrupted');
    res.destroy();
    return;
  }
  try {
    await recordAudit(actor, { action: 'audit.export', result: 'success', objectType: 'audit_log', detail: { filter: query, ...outcome } });
  } catch (err) {
    actor.log.error({ err }, 'audit export not delivered: its audit record could not be written');
    res.destroy();
    return;
  }
  res.end();
}

/** Read-only by design (security.md 15): no route changes or deletes an audit record. */
export function registerAuditRoutes(api: ApiBuilder): void {
  api.add({
    method: 'get',
    path: '/audit',
    access: 'audit:read',
    operationId: 'listAuditRecords',
    summary: 'Audit records matching the filters, newest first (time range is [from, to))',
    tags: ['audit'],
    query: AuditQuerySchema,
    success: { status: 200, description: 'one page of records', schema: AuditPageSchema },
    handler: ({ query }) => queryAudit(query),
  });

  api.add({
    method: 'get',
    path: '/audit/export',
    access: 'audit:export',
    operationId: 'exportAuditRecords',
    summary: 'The matching audit records as a CSV download (UTF-8 with BOM, at most 100,000 rows)',
    tags: ['audit'],
    query: AuditExportQuerySchema,
    success: { status: 200, description: 'CSV file', contentType: 'text/csv' },
    handler: ({ query, actor, res }) => streamAuditExport(query, actor, res),
  });

  api.add({
    method: 'get',
    path: '/audit/verification',
    access: 'audit:verify',
    operationId: 'verifyAuditChain',
    summary: 'Recomputes the hash chain of the whole audit log and reports every break (the first 100 listed)',
    tags: ['audit'],
    success: { status: 200, description: 'verification result', schema: AuditVerificationSchema },
    handler: () => verifyAuditChain(),
  });
}
