import type { Types } from 'mongoose';
import { isCadreInScope, isUnitInScope, type DataScope } from '@cadre/shared-models';

/**
 * Whether a stored cadre lies within a scope. Checked in memory on a document fetched by `_id`:
 * the embedded database answers only `_id` lookups without scanning the collection (decision 0008).
 */
export function cadreInScope(scope: DataScope, cadre: { _id: Types.ObjectId; unitPath: readonly Types.ObjectId[] }): boolean {
  return isCadreInScope(scope, { id: String(cadre._id), unitPath: cadre.unitPath.map(String) });
}

/** Whether a cadre may be placed in this stored unit by someone with this scope. */
export function unitInScope(scope: DataScope, unit: { _id: Types.ObjectId; ancestorIds: readonly Types.ObjectId[] }): boolean {
  return isUnitInScope(scope, { id: String(unit._id), ancestorIds: unit.ancestorIds.map(String) });
}
