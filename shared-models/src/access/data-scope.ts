import type { Role } from './roles.js';
import { ROLE_PERMISSIONS, type Action } from './permissions.js';

/**
 * Which personnel records a caller reaches for one action: all of them, the subtrees of some
 * units together with some individual records, or none.
 */
export type DataScope =
  | { kind: 'all' }
  | { kind: 'limited'; unitIds: readonly string[]; cadreIds: readonly string[] }
  | { kind: 'none' };
export type PersonnelScope = Exclude<DataScope, { kind: 'none' }>;

/** What of an account decides its scope. */
export interface ScopeSubject {
  roles: readonly Role[];
  unitId: string | null;
  cadreId: string | null;
}

/**
 * How far the personnel actions a role grants (ROLE_PERMISSIONS) reach. Roles without
 * personnel actions reach nothing, whatever else they may do.
 */
export const ROLE_REACH: Record<Role, 'district' | 'unit_subtree' | 'own_record' | 'nothing'> = {
  org_admin: 'district',
  assessor: 'district',
  unit_manager: 'unit_subtree',
  cadre: 'own_record',
  reviewer: 'nothing',
  sys_admin: 'nothing',
  security_admin: 'nothing',
  audit_admin: 'nothing',
};

const NONE: DataScope = { kind: 'none' };

/**
 * The records an account reaches for one action: the union of what each role that grants the
 * action reaches, so a role that does not grant it widens nothing (an assessor who is also a
 * unit manager reads the district but exports only the unit's subtree).
 */
export function scopeFor(subject: ScopeSubject, action: Action): DataScope {
  const unitIds = new Set<string>();
  const cadreIds = new Set<string>();
  for (const role of subject.roles) {
    if (!ROLE_PERMISSIONS[role].includes(action)) continue;
    const reach = ROLE_REACH[role];
    if (reach === 'district') return { kind: 'all' };
    if (reach === 'unit_subtree' && subject.unitId) unitIds.add(subject.unitId);
    if (reach === 'own_record' && subject.cadreId) cadreIds.add(subject.cadreId);
  }
  if (unitIds.size === 0 && cadreIds.size === 0) return NONE;
  return { kind: 'limited', unitIds: [...unitIds], cadreIds: [...cadreIds] };
}

/** Whether a cadre, placed at the end of `unitPath` (its unit and the units above), lies within the scope. */
export function isCadreInScope(scope: DataScope, cadre: { id: string; unitPath: readonly string[] }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'limited':
      return scope.cadreIds.includes(cadre.id) || cadre.unitPath.some((unitId) => scope.unitIds.includes(unitId));
  }
}

/** Whether records may be placed in this unit within the scope: only unit subtrees hold units, own records do not. */
export function isUnitInScope(scope: DataScope, unit: { id: string; ancestorIds: readonly string[] }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'limited':
      return scope.unitIds.includes(unit.id) || unit.ancestorIds.some((unitId) => scope.unitIds.includes(unitId));
  }
}
