import type { Request } from 'express';
import { Types } from 'mongoose';
import { resolveDataScope, type DataScope } from '@cadre/shared-models';
import { AppError } from './errors.js';

/** The caller's scope over personnel data; a caller with none is refused outright. */
export function dataScopeOf(req: Request): Exclude<DataScope, { kind: 'none' }> {
  const auth = req.auth;
  if (!auth) throw new AppError(401, 'unauthenticated', '请先登录');
  const scope = resolveDataScope(auth.user);
  if (scope.kind === 'none') throw new AppError(403, 'forbidden', '您没有可访问的干部数据范围');
  return scope;
}

/**
 * The one filter every personnel query starts from, whether it lists, counts, exports or
 * aggregates: all cadres, a unit subtree (through the denormalised unitPath), or one's own record.
 */
export function cadreScopeFilter(req: Request): Record<string, unknown> {
  const scope = dataScopeOf(req);
  switch (scope.kind) {
    case 'all':
      return {};
    case 'subtree':
      return { unitPath: new Types.ObjectId(scope.unitId) };
    case 'self':
      return { _id: new Types.ObjectId(scope.cadreId) };
  }
}
