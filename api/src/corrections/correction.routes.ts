import { z } from 'zod';
import {
  CorrectionDecisionSchema,
  CorrectionListQuerySchema,
  CorrectionListSchema,
  CorrectionRequestInputSchema,
  CorrectionRequestSchema,
  ObjectIdSchema,
} from '@cadre/shared-models';
import type { ApiBuilder } from '../platform/endpoint.js';
import { decideCorrection, listCorrections, submitCorrection } from './correction.service.js';

const IdParamsSchema = z.object({ id: ObjectIdSchema }).strict();

export function registerCorrectionRoutes(api: ApiBuilder): void {
  api.add({
    method: 'post',
    path: '/cadres/:id/corrections',
    access: 'correction:submit',
    operationId: 'submitCorrection',
    summary: 'A cadre asks for a correction of a field of their own record',
    tags: ['corrections'],
    params: IdParamsSchema,
    body: CorrectionRequestInputSchema,
    success: { status: 201, description: 'the pending request', schema: CorrectionRequestSchema },
    handler: ({ actor, scope, params, body }) => submitCorrection(actor, scope, params.id, body),
  });

  api.add({
    method: 'get',
    path: '/corrections',
    access: 'correction:read',
    operationId: 'listCorrections',
    summary: 'Correction requests: a cadre’s own, a unit manager’s subtree, or all for org_admin; newest first',
    tags: ['corrections'],
    query: CorrectionListQuerySchema,
    success: { status: 200, description: 'a page of requests and the count', schema: CorrectionListSchema },
    handler: ({ scope, query }) => listCorrections(scope, query),
  });

  api.add({
    method: 'post',
    path: '/corrections/:id/decision',
    access: 'correction:review',
    operationId: 'decideCorrection',
    summary: 'Approve or reject a pending request, with a reason (the cadre’s unit manager or org_admin)',
    tags: ['corrections'],
    params: IdParamsSchema,
    body: CorrectionDecisionSchema,
    success: { status: 200, description: 'the decided request', schema: CorrectionRequestSchema },
    handler: ({ actor, scope, params, body }) => decideCorrection(actor, scope, params.id, body),
  });
}
