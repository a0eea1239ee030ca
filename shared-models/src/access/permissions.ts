import type { Role } from './roles.js';

/**
 * Everything a route can require. Personnel reads are further narrowed by data scope
 * (see `scopeFor`): the permission says whether, the scope says which records.
 */
export const ACTIONS = [
  'district:read',
  'stats:read',
  'unit:read',
  'unit:write',
  'cadre:read',
  'cadre:reveal_id',
  'cadre:write',
  'cadre:import',
  'cadre:export',
  'ledger:read',
  'correction:submit',
  'correction:read',
  'correction:review',
  'user:read',
  'user:create',
  'user:update',
  'user:grant',
  'user:approve',
  'audit:read',
  'audit:export',
  'audit:verify',
  'framework:read',
  'framework:write',
  'cycle:read',
  'cycle:manage',
  'rating:submit',
  'result:read',
  'calibration:write',
  'proposal:read',
  'proposal:decide',
] as const;
export type Action = (typeof ACTIONS)[number];

/** The role → action table: the server checks it on every route, the client only hides by it. */
export const ROLE_PERMISSIONS: Record<Role, readonly Action[]> = {
  // Only the organization department may see a full ID number; everyone else sees it masked.
  org_admin: [
    'district:read', 'stats:read', 'unit:read', 'unit:write', 'cadre:read', 'cadre:reveal_id', 'cadre:write',
    'cadre:import', 'cadre:export', 'ledger:read', 'correction:read', 'correction:review',
    'framework:read', 'framework:write', 'cycle:read', 'cycle:manage', 'result:read', 'calibration:write',
    'proposal:read', 'proposal:decide',
  ],
  // The assessor runs cycles and calibrations on the framework org_admin set; people decisions stay with org_admin.
  assessor: [
    'district:read', 'stats:read', 'unit:read', 'cadre:read', 'ledger:read', 'framework:read', 'cycle:read',
    'cycle:manage', 'result:read', 'calibration:write', 'proposal:read',
  ],
  // 责任部门 keep the records of their own subtree: edit, import, export, and rule on corrections.
  unit_manager: [
    'district:read', 'stats:read', 'unit:read', 'cadre:read', 'cadre:write', 'cadre:import', 'cadre:export',
    'ledger:read', 'correction:read', 'correction:review', 'result:read',
  ],
  // A cadre reads their own record and asks for corrections; they never edit it directly.
  cadre: ['district:read', 'unit:read', 'cadre:read', 'correction:submit', 'correction:read', 'rating:submit', 'result:read'],
  reviewer: ['district:read', 'unit:read'],
  // sys_admin manages accounts and configuration: no personnel data, no audit log.
  sys_admin: ['district:read', 'unit:read', 'user:read', 'user:create', 'user:update'],
  // security_admin grants roles but cannot create accounts, and approves the account changes that
  // would widen access to personnel data (four-eyes: never a change they requested themselves).
  security_admin: ['district:read', 'unit:read', 'user:read', 'user:grant', 'user:approve'],
  // audit_admin reads the audit log and nothing else.
  audit_admin: ['audit:read', 'audit:export', 'audit:verify'],
};

/** True when any of the roles grants the action. */
export function isAllowed(roles: readonly Role[], action: Action): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(action));
}

/** Every action the roles grant, for the client to decide what to show. */
export function listPermissions(roles: readonly Role[]): Action[] {
  return [...new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]))];
}
