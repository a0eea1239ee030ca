import {
  CreateUserRequestSchema,
  CreatedUserSchema,
  GrantRolesRequestSchema,
  PasswordResetSchema,
  UpdateUserRequestSchema,
  UserIdParamsSchema,
  UserListQuerySchema,
  UserListSchema,
  UserSchema,
} from '@cadre/shared-models';
import type { ApiBuilder } from '../platform/endpoint.js';
import { changeAccountState, createUser, grantRoles, listUsers, resetPassword, updateUser, type AccountAction } from './user.service.js';

const ACCOUNT_ACTIONS: Array<[AccountAction, string]> = [
  ['disable', 'Disable an account and end its sessions'],
  ['enable', 'Enable a disabled account'],
  ['unlock', 'Lift a lockout after failed logins'],
];

export function registerUserRoutes(api: ApiBuilder): void {
  api.add({
    method: 'get',
    path: '/users',
    access: 'user:read',
    operationId: 'listUsers',
    summary: 'Accounts, searched by username or name prefix',
    tags: ['users'],
    query: UserListQuerySchema,
    success: { status: 200, description: 'a page of accounts', schema: UserListSchema },
    handler: ({ query }) => listUsers(query),
  });

  api.add({
    method: 'post',
    path: '/users',
    access: 'user:create',
    operationId: 'createUser',
    summary: 'Create an account without roles; returns its one-time password once',
    tags: ['users'],
    body: CreateUserRequestSchema,
    success: { status: 201, description: 'created', schema: CreatedUserSchema },
    handler: ({ actor, body }) => createUser(actor, { ...body, roles: [] }),
  });

  api.add({
    method: 'patch',
    path: '/users/:id',
    access: 'user:update',
    operationId: 'updateUser',
    summary: 'Change display name, unit or cadre link (optimistic concurrency by version)',
    tags: ['users'],
    params: UserIdParamsSchema,
    body: UpdateUserRequestSchema,
    success: { status: 200, description: 'updated', schema: UserSchema },
    handler: ({ actor, params, body }) => updateUser(actor, params.id, body),
  });

  for (const [action, summary] of ACCOUNT_ACTIONS) {
    api.add({
      method: 'post',
      path: `/users/:id/${action}`,
      access: 'user:update',
      operationId: `${action}User`,
      summary,
      tags: ['users'],
      params: UserIdParamsSchema,
      success: { status: 200, description: 'done', schema: UserSchema },
      handler: ({ actor, params }) => changeAccountState(actor, params.id, action),
    });
  }

  api.add({
    method: 'post',
    path: '/users/:id/password-reset',
    access: 'user:update',
    operationId: 'resetUserPassword',
    summary: 'Issue a new one-time password that must be changed at next login',
    tags: ['users'],
    params: UserIdParamsSchema,
    success: { status: 200, description: 'new one-time password', schema: PasswordResetSchema },
    handler: async ({ actor, params }) => ({ oneTimePassword: (await resetPassword(actor, params.id)).oneTimePassword! }),
  });

  api.add({
    method: 'put',
    path: '/users/:id/roles',
    access: 'user:grant',
    operationId: 'grantUserRoles',
    summary: 'Set the roles of an account (三员分立 enforced)',
    tags: ['users'],
    params: UserIdParamsSchema,
    body: GrantRolesRequestSchema,
    success: { status: 200, description: 'granted', schema: UserSchema },
    handler: ({ actor, params, body }) => grantRoles(actor, params.id, body.version, body.roles),
  });
}
