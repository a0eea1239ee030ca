import { UnitCreateRequestSchema, UnitIdParamsSchema, UnitListSchema, UnitUpdateRequestSchema, UnitWithVersionSchema } from '@cadre/shared-models';
import type { ApiBuilder } from '../platform/endpoint.js';
import { createUnit, deleteUnit, listUnits, updateUnit } from './unit.service.js';

export function registerUnitRoutes(api: ApiBuilder): void {
  api.add({
    method: 'get',
    path: '/units',
    access: 'unit:read',
    operationId: 'listUnits',
    summary: 'The whole unit tree as a flat list (parentId, ancestorIds, sortOrder)',
    tags: ['units'],
    success: { status: 200, description: 'units', schema: UnitListSchema },
    handler: () => listUnits(),
  });

  api.add({
    method: 'post',
    path: '/units',
    access: 'unit:write',
    operationId: 'createUnit',
    summary: 'Add a unit under a parent',
    tags: ['units'],
    body: UnitCreateRequestSchema,
    success: { status: 201, description: 'created', schema: UnitWithVersionSchema },
    handler: ({ actor, body }) => createUnit(actor, body),
  });

  api.add({
    method: 'patch',
    path: '/units/:id',
    access: 'unit:write',
    operationId: 'updateUnit',
    summary: 'Rename, recode, retype or move a unit (optimistic concurrency by version)',
    tags: ['units'],
    params: UnitIdParamsSchema,
    body: UnitUpdateRequestSchema,
    success: { status: 200, description: 'updated', schema: UnitWithVersionSchema },
    handler: ({ actor, params, body }) => updateUnit(actor, params.id, body),
  });

  api.add({
    method: 'delete',
    path: '/units/:id',
    access: 'unit:write',
    operationId: 'deleteUnit',
    summary: 'Delete an empty unit (no sub-units, no cadres)',
    tags: ['units'],
    params: UnitIdParamsSchema,
    success: { status: 204, description: 'deleted' },
    handler: ({ actor, params }) => deleteUnit(actor, params.id),
  });
}
