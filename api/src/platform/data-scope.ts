import { Types } from 'mongoose';
import { scopeFor, type Action, type PersonnelScope, type ScopeSubject } from '@cadre/shared-models';
import { AppError } from './errors.js';

/** The caller's scope for an action (`scopeFor`); a caller who reaches no records is refused outright. */
export function requireScope(subject: ScopeSubject, action: Action): PersonnelScope {
  const scope = scopeFor(subject, action);
  if (scope.kind === 'none') throw new AppError(403, 'forbidden', '您没有可访问的干部数据范围');
  return scope;
}

/**
 * The scope as a query on cadres, for the few personnel queries the read model does not serve:
 * unit subtrees through the denormalised unitPath, own records by `_id`.
 */
export function cadreScopeFilter(scope: PersonnelScope): Record<string, unknown> {
  if (scope.kind === 'all') return {};
  return {
    $or: [
      ...scope.unitIds.map((unitId) => ({ unitPath: new Types.ObjectId(unitId) })),
      ...scope.cadreIds.map((cadreId) => ({ _id: new Types.ObjectId(cadreId) })),
    ],
  };
}
