import { z } from 'zod';
import {
  AssignmentEditSchema,
  CycleInputSchema,
  CycleListQuerySchema,
  CycleListSchema,
  CycleSchema,
  CycleTransitionSchema,
  CycleUpdateSchema,
  ObjectIdSchema,
  RateeAssignmentListQuerySchema,
  RateeAssignmentListSchema,
  RateeAssignmentSchema,
} from '@cadre/shared-models';
import type { ApiBuilder } from '../platform/endpoint.js';
import { createCycle, getCycle, launchCycle, listCycles, remindCycle, updateCycle } from './cycle.service.js';
import { editAssignment, getAssignment, listAssignments } from './assignment.service.js';

const IdParamsSchema = z.object({ id: ObjectIdSchema }).strict();
const AssignmentParamsSchema = z.object({ id: ObjectIdSchema, cadreId: ObjectIdSchema }).strict();
const tags = ['evaluation'];

export function registerCycleRoutes(api: ApiBuilder): void {
  api.add({
    method: 'get',
    path: '/cycles',
    access: 'cycle:read',
    operationId: 'listCycles',
    summary: 'Assessment cycles, newest first, optionally of one status',
    tags,
    query: CycleListQuerySchema,
    success: { status: 200, description: 'a page of cycles and the count', schema: CycleListSchema },
    handler: ({ query }) => listCycles(query),
  });

  api.add({
    method: 'get',
    path: '/cycles/:id',
    access: 'cycle:read',
    operationId: 'getCycle',
    summary: 'One assessment cycle with its settings and counts',
    tags,
    params: IdParamsSchema,
    success: { status: 200, description: 'the cycle', schema: CycleSchema },
    handler: ({ params }) => getCycle(params.id),
  });

  api.add({
    method: 'post',
    path: '/cycles',
    access: 'cycle:manage',
    operationId: 'createCycle',
    summary: 'A new draft cycle; its population is taken from the ledger and its raters are assigned',
    tags,
    body: CycleInputSchema,
    success: { status: 201, description: 'the draft cycle', schema: CycleSchema },
    handler: ({ actor, body }) => createCycle(actor, body),
  });

  api.add({
    method: 'put',
    path: '/cycles/:id',
    access: 'cycle:manage',
    operationId: 'updateCycle',
    summary: 'Replace the settings of a draft cycle; its assignments are planned again',
    tags,
    params: IdParamsSchema,
    body: CycleUpdateSchema,
    success: { status: 200, description: 'the updated draft', schema: CycleSchema },
    handler: ({ actor, params, body }) => updateCycle(actor, params.id, body.revision, body.input),
  });

  api.add({
    method: 'post',
    path: '/cycles/:id/launch',
    access: 'cycle:manage',
    operationId: 'launchCycle',
    summary: 'Open a draft cycle for rating; its framework version is locked',
    tags,
    params: IdParamsSchema,
    body: CycleTransitionSchema,
    success: { status: 200, description: 'the open cycle', schema: CycleSchema },
    handler: ({ actor, params, body }) => launchCycle(actor, params.id, body.revision),
  });

  api.add({
    method: 'post',
    path: '/cycles/:id/reminders',
    access: 'cycle:manage',
    operationId: 'remindCycleRaters',
    summary: 'Remind the raters of an open cycle who still have forms to fill',
    tags,
    params: IdParamsSchema,
    body: CycleTransitionSchema,
    success: { status: 200, description: 'the cycle with the reminder recorded', schema: CycleSchema },
    handler: ({ actor, params, body }) => remindCycle(actor, params.id, body.revision),
  });

  api.add({
    method: 'get',
    path: '/cycles/:id/assignments',
    access: 'cycle:read',
    operationId: 'listCycleAssignments',
    summary: 'The ratees of a cycle by name, with how many raters of each group they have',
    tags,
    params: IdParamsSchema,
    query: RateeAssignmentListQuerySchema,
    success: { status: 200, description: 'a page of ratees and the count', schema: RateeAssignmentListSchema },
    handler: ({ scope, params, query }) => listAssignments(scope, params.id, query),
  });

  api.add({
    method: 'get',
    path: '/cycles/:id/assignments/:cadreId',
    access: 'cycle:read',
    operationId: 'getCycleAssignment',
    summary: 'Who rates one cadre in a cycle, and whether each has submitted (never what)',
    tags,
    params: AssignmentParamsSchema,
    success: { status: 200, description: 'the raters of the cadre', schema: RateeAssignmentSchema },
    handler: ({ scope, params }) => getAssignment(scope, params.id, params.cadreId),
  });

  api.add({
    method: 'patch',
    path: '/cycles/:id/assignments/:cadreId',
    access: 'cycle:manage',
    operationId: 'editCycleAssignment',
    summary: 'Add or remove raters of one cadre (draft or open cycle; a rater who submitted stays)',
    tags,
    params: AssignmentParamsSchema,
    body: AssignmentEditSchema,
    success: { status: 200, description: 'the raters of the cadre', schema: RateeAssignmentSchema },
    handler: ({ actor, scope, params, body }) => editAssignment(actor, scope, params.id, params.cadreId, body),
  });
}
