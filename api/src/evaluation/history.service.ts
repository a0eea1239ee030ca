import { isCadreInScope, type AssessmentHistoryEntry, type PersonnelScope } from '@cadre/shared-models';
import { recordAudit } from '../audit/audit.service.js';
import { CadreModel } from '../cadres/cadre.model.js';
import { AppError } from '../platform/errors.js';
import type { SessionActor } from '../platform/actor.js';
import { AssessmentHistoryModel } from './evaluation.models.js';

/** A cadre's locked results, newest first (the portrait radar draws the latest), within the caller's cadre:read scope. */
export async function getAssessmentHistory(actor: SessionActor, scope: PersonnelScope, cadreId: string): Promise<{ cadreId: string; entries: AssessmentHistoryEntry[] }> {
  const cadre = await CadreModel.findById(cadreId).select('unitPath').lean<{ unitPath: unknown[] }>();
  if (!cadre || !isCadreInScope(scope, { id: cadreId, unitPath: cadre.unitPath.map(String) })) {
    await recordAudit(actor, { action: 'assessment_history.read', result: cadre ? 'denied' : 'failure', objectType: 'cadre', objectId: cadreId });
    throw new AppError(404, 'not_found', '干部不存在或不在您的查看范围内');
  }
  const history = await AssessmentHistoryModel.findById(cadreId).lean<{ entries: AssessmentHistoryEntry[] }>();
  return { cadreId, entries: history?.entries ?? [] };
}
