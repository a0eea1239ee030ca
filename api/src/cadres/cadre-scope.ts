import type { Request } from 'express';
import type { Types } from 'mongoose';
import { ROLE_PERMISSIONS, type Action, type DataScope, type Role } from '@cadre/shared-models';
import { AppError } from '../platform/errors.js';

export type PersonnelScope = Exclude<DataScope, { kind: 'none' }>;

/**
 * The scope a caller has for one action, from only the roles that grant it: an assessor who is
 * also a unit manager reads the whole district but writes only the unit's subtree, which
 * `dataScopeOf` (the widest scope of all roles) would not tell apart.
 */
export function scopeForAction(req: Request, action: Action): PersonnelScope {
  const auth = req.auth;
  if (!auth) throw new AppError(401, 'unauthenticated', '请先登录');
  const { roles, unitId, cadreId } = auth.user;
  const granting = roles.filter((role: Role) => ROLE_PERMISSIONS[role].includes(action));
  if (granting.includes('org_admin') || granting.includes('assessor')) return { kind: 'all' };
  if (granting.includes('unit_manager') && unitId) return { kind: 'subtree', unitId };
  if (granting.includes('cadre') && cadreId) return { kind: 'self', cadreId };
  throw new AppError(403, 'forbidden', '您没有可访问的干部数据范围');
}

/**
 * Whether a cadre lies within a scope. Checked in memory on a document fetched by `_id`: the
 * embedded database answers only `_id` lookups without scanning the collection (decision 0008),
 * and this is the same rule `cadreScopeFilter` expresses as a query.
 */
export function cadreInScope(scope: PersonnelScope, cadre: { _id: Types.ObjectId; unitPath: readonly Types.ObjectId[] }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'subtree':
      return cadre.unitPath.some((id) => String(id) === scope.unitId);
    case 'self':
      return String(cadre._id) === scope.cadreId;
  }
}

/** Whether a cadre may be placed in this unit by someone with this scope. */
export function unitInScope(scope: PersonnelScope, unit: { _id: Types.ObjectId; ancestorIds: readonly Types.ObjectId[] }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'subtree':
      return String(unit._id) === scope.unitId || unit.ancestorIds.some((id) => String(id) === scope.unitId);
    case 'self':
      return false;
  }
}
