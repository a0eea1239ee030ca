import { scopeFor, type Action, type PersonnelScope, type ScopeSubject } from '@cadre/shared-models';
import { AppError } from './errors.js';

/** The caller's scope for an action (`scopeFor`); a caller who reaches no records is refused outright. */
export function requireScope(subject: ScopeSubject, action: Action): PersonnelScope {
  const scope = scopeFor(subject, action);
  if (scope.kind === 'none') throw new AppError(403, 'forbidden', '您没有可访问的干部数据范围');
  return scope;
}

