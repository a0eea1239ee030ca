import { z } from 'zod';
import {
  AdjustmentProposalListQuerySchema,
  AdjustmentProposalListSchema,
  AdjustmentProposalSchema,
  AdjustmentRulesSchema,
  AdjustmentRulesUpdateSchema,
  AssessmentHistorySchema,
  CadreResultSchema,
  CalibrationChangeSchema,
  CalibrationUnitListSchema,
  CycleDistributionSchema,
  CycleSchema,
  CycleTransitionSchema,
  ObjectIdSchema,
  ProposalDecisionSchema,
  UnitCalibrationSchema,
} from '@cadre/shared-models';
import type { ApiBuilder } from '../platform/endpoint.js';
import { changeCalibration, getUnitCalibration, listCalibrationUnits } from './calibration.service.js';
import { getDistribution } from './distribution.service.js';
import { getAssessmentHistory } from './history.service.js';
import { decideProposal, listProposals } from './proposal.service.js';
import { readAdjustmentRules, updateAdjustmentRules } from './proposal-rules.js';
import { lockCycle } from './result-lock.js';
import { getResult } from './result.service.js';
import { closeCycle } from './scoring-close.js';

const CycleParams = z.object({ id: ObjectIdSchema }).strict();
const UnitParams = z.object({ id: ObjectIdSchema, unitId: ObjectIdSchema }).strict();
const CadreResultParams = z.object({ id: ObjectIdSchema, cadreId: ObjectIdSchema }).strict();
const ProposalParams = z
  .object({ id: z.string().regex(/^[0-9a-f]{24}:[0-9a-f]{24}:[a-z][a-z0-9_]{1,39}$/, '调整建议编号格式不正确') })
  .strict();
const tags = ['evaluation'];

/** Closing and locking cycles, calibration, results, distributions, histories and adjustment proposals. */
export function registerEvaluationResultRoutes(api: ApiBuilder): void {
  api.add({
    method: 'post', path: '/cycles/:id/close', access: 'cycle:manage', operationId: 'closeCycle', tags,
    summary: 'End rating and score every ratee (result reports, unit calibrations); the cycle becomes closed',
    params: CycleParams, body: CycleTransitionSchema,
    success: { status: 200, description: 'the closed cycle', schema: CycleSchema },
    handler: ({ actor, params, body }) => closeCycle(actor, params.id, body),
  });
  api.add({
    method: 'get', path: '/cycles/:id/calibration-units', access: 'calibration:write', operationId: 'listCalibrationUnits', tags,
    summary: 'The units of a closed cycle with their 优秀 count against the quota',
    params: CycleParams,
    success: { status: 200, description: 'the units', schema: CalibrationUnitListSchema },
    handler: ({ params }) => listCalibrationUnits(params.id),
  });
  api.add({
    method: 'get', path: '/cycles/:id/calibration/:unitId', access: 'calibration:write', operationId: 'getUnitCalibration', tags,
    summary: 'One unit’s ranked rows, quota and flags',
    params: UnitParams,
    success: { status: 200, description: 'the unit calibration', schema: UnitCalibrationSchema },
    handler: ({ params }) => getUnitCalibration(params.id, params.unitId),
  });
  api.add({
    method: 'post', path: '/cycles/:id/calibration/:unitId', access: 'calibration:write', operationId: 'changeCalibration', tags,
    summary: 'Change one cadre’s final grade with a reason, within the unit’s 优秀 quota',
    params: UnitParams, body: CalibrationChangeSchema,
    success: { status: 200, description: 'the unit calibration after the change', schema: UnitCalibrationSchema },
    handler: ({ actor, params, body }) => changeCalibration(actor, params.id, params.unitId, body),
  });
  api.add({
    method: 'post', path: '/cycles/:id/lock', access: 'cycle:manage', operationId: 'lockCycle', tags,
    summary: 'Fix the final grades, extend the histories and make adjustment proposals; the cycle becomes locked',
    params: CycleParams, body: CycleTransitionSchema,
    success: { status: 200, description: 'the locked cycle', schema: CycleSchema },
    handler: ({ actor, params, body }) => lockCycle(actor, params.id, body),
  });
  api.add({
    method: 'get', path: '/cycles/:id/results/:cadreId', access: 'result:read', operationId: 'getCadreResult', tags,
    summary: 'One cadre’s explained result: assessor and org_admin from close; unit managers (subtree) and the cadre once locked',
    params: CadreResultParams,
    success: { status: 200, description: 'the result report', schema: CadreResultSchema },
    handler: ({ actor, scope, params }) => getResult(actor, scope, params.id, params.cadreId),
  });
  api.add({
    method: 'get', path: '/cycles/:id/distribution', access: 'result:read', operationId: 'getCycleDistribution', tags,
    summary: 'Grade counts per unit and for the district, within the caller’s scope',
    params: CycleParams,
    success: { status: 200, description: 'the distribution', schema: CycleDistributionSchema },
    handler: ({ scope, params }) => getDistribution(scope, params.id),
  });
  api.add({
    method: 'get', path: '/cadres/:id/assessment-history', access: 'cadre:read', operationId: 'getAssessmentHistory', tags,
    summary: 'A cadre’s locked results, newest first',
    params: CycleParams,
    success: { status: 200, description: 'the history', schema: AssessmentHistorySchema },
    handler: ({ actor, scope, params }) => getAssessmentHistory(actor, scope, params.id),
  });
  api.add({
    method: 'get', path: '/adjustment-proposals', access: 'proposal:read', operationId: 'listAdjustmentProposals', tags,
    summary: 'Adjustment proposals, newest first',
    query: AdjustmentProposalListQuerySchema,
    success: { status: 200, description: 'a page of proposals and the count', schema: AdjustmentProposalListSchema },
    handler: ({ query }) => listProposals(query),
  });
  api.add({
    method: 'post', path: '/adjustment-proposals/:id/decision', access: 'proposal:decide', operationId: 'decideAdjustmentProposal', tags,
    summary: 'Accept or reject a pending proposal with a reason (org_admin)',
    params: ProposalParams, body: ProposalDecisionSchema,
    success: { status: 200, description: 'the decided proposal', schema: AdjustmentProposalSchema },
    handler: ({ actor, params, body }) => decideProposal(actor, params.id, body),
  });
  api.add({
    method: 'get', path: '/adjustment-rules', access: 'proposal:read', operationId: 'getAdjustmentRules', tags,
    summary: 'The rules adjustment proposals are made by',
    success: { status: 200, description: 'the rules', schema: AdjustmentRulesSchema },
    handler: () => readAdjustmentRules(),
  });
  api.add({
    method: 'put', path: '/adjustment-rules', access: 'proposal:decide', operationId: 'updateAdjustmentRules', tags,
    summary: 'Replace the adjustment rules (org_admin)',
    body: AdjustmentRulesUpdateSchema,
    success: { status: 200, description: 'the saved rules', schema: AdjustmentRulesSchema },
    handler: ({ actor, body }) => updateAdjustmentRules(actor, body),
  });
}
