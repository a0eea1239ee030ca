import { isCadreInScope, type CadreResult, type PersonnelScope } from '@cadre/shared-models';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../platform/errors.js';
import type { SessionActor } from '../platform/actor.js';
import { readStoredResult, toCadreResult } from './result-store.js';
import { assertScored } from './calibration.service.js';
import { requireCycle, type StoredCycle } from './cycle.service.js';

const NOT_FOUND = '该考核结果不存在或不在您的查看范围内';

/**
 * Whether the caller may read results of this cycle yet: the organization department (a
 * district-wide scope) from close, for calibration; unit managers and cadres once it is locked.
 */
export function resultsPublishedTo(scope: PersonnelScope, cycle: StoredCycle): boolean {
  return cycle.status === 'locked' || (cycle.status === 'closed' && scope.kind === 'all');
}

/** One cadre's explained result: only within the caller's scope (404 otherwise, as for a missing one, audited). */
export async function getResult(actor: SessionActor, scope: PersonnelScope, cycleId: string, cadreId: string): Promise<CadreResult> {
  const cycle = await requireCycle(cycleId);
  assertScored(cycle);
  const objectId = `${cycleId}:${cadreId}`;
  const doc = await readStoredResult(objectId);
  if (!doc || !isCadreInScope(scope, { id: cadreId, unitPath: doc.unitPath.map(String) })) {
    await recordAudit(actor, { action: 'result.read', result: doc ? 'denied' : 'failure', objectType: 'assessment_result', objectId });
    throw new AppError(404, 'not_found', NOT_FOUND);
  }
  if (!resultsPublishedTo(scope, cycle)) {
    await recordAudit(actor, { action: 'result.read', result: 'denied', objectType: 'assessment_result', objectId, detail: { reason: 'not_published' } });
    throw new AppError(409, 'not_published', '考核结果尚未锁定公布，请在锁定后查看');
  }
  await recordAudit(actor, { action: 'result.read', result: 'success', objectType: 'assessment_result', objectId });
  return toCadreResult(doc);
}
