import { z } from 'zod';
import {
  FrameworkCreateSchema,
  FrameworkDraftUpdateSchema,
  FrameworkPublishSchema,
  FrameworkVersionListSchema,
  FrameworkVersionSchema,
  ObjectIdSchema,
} from '@cadre/shared-models';
import type { ApiBuilder } from '../platform/endpoint.js';
import {
  createFramework,
  createNextFrameworkVersion,
  getFrameworkVersion,
  listFrameworkVersions,
  publishFrameworkVersion,
  updateFrameworkDraft,
} from './framework.service.js';

const IdParamsSchema = z.object({ id: ObjectIdSchema }).strict();
const tags = ['evaluation'];

export function registerFrameworkRoutes(api: ApiBuilder): void {
  api.add({
    method: 'get',
    path: '/frameworks',
    access: 'framework:read',
    operationId: 'listFrameworkVersions',
    summary: 'Every version of every evaluation framework, newest framework first',
    tags,
    success: { status: 200, description: 'the versions', schema: FrameworkVersionListSchema },
    handler: () => listFrameworkVersions(),
  });

  api.add({
    method: 'get',
    path: '/framework-versions/:id',
    access: 'framework:read',
    operationId: 'getFrameworkVersion',
    summary: 'One version of a framework with its dimensions, indicators, veto rules and grade bands',
    tags,
    params: IdParamsSchema,
    success: { status: 200, description: 'the version', schema: FrameworkVersionSchema },
    handler: ({ params }) => getFrameworkVersion(params.id),
  });

  api.add({
    method: 'post',
    path: '/frameworks',
    access: 'framework:write',
    operationId: 'createFramework',
    summary: 'A new framework: draft version 1 with the given content',
    tags,
    body: FrameworkCreateSchema,
    success: { status: 201, description: 'the draft version', schema: FrameworkVersionSchema },
    handler: ({ actor, body }) => createFramework(actor, body.content),
  });

  api.add({
    method: 'put',
    path: '/framework-versions/:id',
    access: 'framework:write',
    operationId: 'updateFrameworkDraft',
    summary: 'Replace the content of a draft version (409 when published, used by a cycle or edited since read)',
    tags,
    params: IdParamsSchema,
    body: FrameworkDraftUpdateSchema,
    success: { status: 200, description: 'the updated draft', schema: FrameworkVersionSchema },
    handler: ({ actor, params, body }) => updateFrameworkDraft(actor, params.id, body),
  });

  api.add({
    method: 'post',
    path: '/framework-versions/:id/publish',
    access: 'framework:write',
    operationId: 'publishFrameworkVersion',
    summary: 'Publish a draft version: cycles may then use it, and it never changes again',
    tags,
    params: IdParamsSchema,
    body: FrameworkPublishSchema,
    success: { status: 200, description: 'the published version', schema: FrameworkVersionSchema },
    handler: ({ actor, params, body }) => publishFrameworkVersion(actor, params.id, body.revision),
  });

  api.add({
    method: 'post',
    path: '/framework-versions/:id/next-version',
    access: 'framework:write',
    operationId: 'createNextFrameworkVersion',
    summary: 'A new draft version of the framework, copying this version',
    tags,
    params: IdParamsSchema,
    success: { status: 201, description: 'the new draft', schema: FrameworkVersionSchema },
    handler: ({ actor, params }) => createNextFrameworkVersion(actor, params.id),
  });
}
