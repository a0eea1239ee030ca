import {
  AccountChangeApprovalSchema,
  AccountChangeDecisionSchema,
  AccountChangeRejectionSchema,
  CadreCandidateListSchema,
  CadreCandidateQuerySchema,
  CreateUserRequestSchema,
  CreatedUserSchema,
  GrantRolesRequestSchema,
  PasswordPartSchema,
  PasswordResetSchema,
  UpdateUserRequestSchema,
  UserIdParamsSchema,
  UserListQuerySchema,
  UserListSchema,
  UserSchema,
} from '@cadre/shared-models';
import type { ApiBuilder } from '../platform/endpoint.js';
import { changeAccountState, createUser, grantRoles, listUsers, requestPasswordReset, updateUser, type AccountAction } from './user.service.js';
import { approveChange, collectPasswordPart, rejectChange } from './account-change.service.js';
import { searchCadreCandidates } from './cadre-candidates.js';

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
    method: 'get',
    path: '/users/cadre-candidates',
    access: 'user:update',
    operationId: 'searchCadreCandidates',
    summary: 'Cadre records to link an account to, by words of name, unit or post: id, name, unit and post only, at most 10 (decision 0019); audited',
    tags: ['users'],
    query: CadreCandidateQuerySchema,
    success: { status: 200, description: 'the first matches by name', schema: CadreCandidateListSchema },
    handler: ({ actor, query }) => searchCadreCandidates(actor, query.q),
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
    summary: 'Change display name, unit or cadre link (optimistic concurrency by version); a link change that widens a personnel account waits for a security_admin (`pendingChange`)',
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
    summary: 'Reset the password: at once with a one-time password for an account without roles, else requested for a security_admin to approve',
    tags: ['users'],
    params: UserIdParamsSchema,
    success: { status: 200, description: 'the one-time password, or null and the pending request', schema: PasswordResetSchema },
    handler: ({ actor, params }) => requestPasswordReset(actor, params.id),
  });

  api.add({
    method: 'post',
    path: '/users/:id/password-part',
    access: 'user:update',
    operationId: 'collectPasswordPart',
    summary: 'The requester collects, once, the second half of the one-time password of an approved reset',
    tags: ['users'],
    params: UserIdParamsSchema,
    success: { status: 200, description: 'the second half', schema: PasswordPartSchema },
    handler: ({ actor, params }) => collectPasswordPart(actor, params.id),
  });

  api.add({
    method: 'post',
    path: '/users/:id/pending-change/approval',
    access: 'user:approve',
    operationId: 'approveAccountChange',
    summary: 'Approve the account’s pending change (a security_admin other than the requester); a reset returns the first half of the new password',
    tags: ['users'],
    params: UserIdParamsSchema,
    body: AccountChangeDecisionSchema,
    success: { status: 200, description: 'applied', schema: AccountChangeApprovalSchema },
    handler: ({ actor, params, body }) => approveChange(actor, params.id, body.version),
  });

  api.add({
    method: 'post',
    path: '/users/:id/pending-change/rejection',
    access: 'user:approve',
    operationId: 'rejectAccountChange',
    summary: 'Reject the account’s pending change with a reason (a security_admin other than the requester)',
    tags: ['users'],
    params: UserIdParamsSchema,
    body: AccountChangeRejectionSchema,
    success: { status: 200, description: 'dropped', schema: UserSchema },
    handler: ({ actor, params, body }) => rejectChange(actor, params.id, body),
  });

  api.add({
    method: 'put',
    path: '/users/:id/roles',
    access: 'user:grant',
    operationId: 'grantUserRoles',
    summary: 'Set the roles of an account (三员分立 enforced); adding a role waits for another security_admin (`pendingChange`)',
    tags: ['users'],
    params: UserIdParamsSchema,
    body: GrantRolesRequestSchema,
    success: { status: 200, description: 'granted', schema: UserSchema },
    handler: ({ actor, params, body }) => grantRoles(actor, params.id, body.version, body.roles),
  });
}
