import { Types } from 'mongoose';
import type { UnitCreateRequest, UnitUpdateRequest } from '@cadre/shared-models';
import { AppError } from '../platform/errors.js';
import { assertVersion, updateVersioned } from '../db/versioned-update.js';
import { describeChanges } from '../audit/audit-changes.js';
import { recordAudit } from '../audit/audit.service.js';
import { CadreModel } from '../cadres/cadre.model.js';
import { CorrectionModel } from '../corrections/correction.model.js';
import { noteUnitsChanged } from '../ledger/ledger-changes.js';
import { noteUnitCorrectionsChanged } from '../corrections/correction-list.js';
import { UnitModel, type UnitDocument } from './unit.model.js';
import type { Actor } from '../platform/actor.js';

type UnitRecord = UnitDocument & { _id: Types.ObjectId; __v: number };

export function toUnit(doc: UnitRecord) {
  return {
    id: String(doc._id),
    name: doc.name,
    code: doc.code,
    type: doc.type,
    parentId: doc.parentId ? String(doc.parentId) : null,
    ancestorIds: doc.ancestorIds.map(String),
    sortOrder: doc.sortOrder,
    version: doc.__v,
  };
}

export async function listUnits() {
  const docs = await UnitModel.find().sort({ sortOrder: 1, _id: 1 }).lean<UnitRecord[]>();
  return { items: docs.map(toUnit) };
}

async function loadUnit(id: string, field = 'params.id'): Promise<UnitRecord> {
  const doc = await UnitModel.findById(id).lean<UnitRecord>();
  if (!doc) throw new AppError(404, 'not_found', '单位不存在', [{ path: field, message: '单位不存在' }]);
  return doc;
}

async function assertCodeFree(code: string, exceptId?: string): Promise<void> {
  const other = await UnitModel.findOne({ code }).lean<UnitRecord>();
  if (other && String(other._id) !== exceptId) {
    throw new AppError(409, 'unit_code_taken', `单位代码 ${code} 已被“${other.name}”使用`);
  }
}

export async function createUnit(actor: Actor, input: UnitCreateRequest) {
  const parent = await loadUnit(input.parentId, 'body.parentId');
  await assertCodeFree(input.code);
  const doc = await UnitModel.create({ ...input, parentId: parent._id, ancestorIds: [...parent.ancestorIds, parent._id] });
  const unit = toUnit(doc.toObject() as UnitRecord);
  await recordAudit(actor, { action: 'unit.create', result: 'success', objectType: 'unit', objectId: unit.id, detail: { after: input } });
  return unit;
}

/**
 * Moving a unit rewrites the ancestor lists of its subtree and the unit paths of the cadres in
 * it. Without transactions on the embedded database, the unit itself is written last, after its
 * descendants, so a retry of a failed move finds the same subtree and completes it.
 */
async function moveSubtree(unit: UnitRecord, newParent: UnitRecord): Promise<void> {
  if (String(newParent._id) === String(unit._id) || newParent.ancestorIds.some((a) => String(a) === String(unit._id))) {
    throw new AppError(400, 'validation_failed', '不能把单位移到它自己或它的下级单位之下', [{ path: 'body.parentId', message: '会形成循环' }]);
  }
  const newPrefix = [...newParent.ancestorIds, newParent._id];
  const descendants = await UnitModel.find({ ancestorIds: unit._id }).lean<UnitRecord[]>();
  for (const child of descendants) {
    const index = child.ancestorIds.findIndex((a) => String(a) === String(unit._id));
    const ancestorIds = [...newPrefix, ...child.ancestorIds.slice(index)];
    await UnitModel.updateOne({ _id: child._id }, { $set: { ancestorIds } });
    await moveUnitMembers(child._id, [...ancestorIds, child._id]);
  }
  await moveUnitMembers(unit._id, [...newPrefix, unit._id]);
}

// Cadres and their correction requests carry the unit path, so both follow the unit.
async function moveUnitMembers(unitId: Types.ObjectId, unitPath: Types.ObjectId[]): Promise<void> {
  await CadreModel.updateMany({ unitId }, { $set: { unitPath } });
  await CorrectionModel.updateMany({ unitId }, { $set: { unitPath } });
  await noteUnitCorrectionsChanged(String(unitId));
}

export async function updateUnit(actor: Actor, id: string, input: UnitUpdateRequest) {
  const before = await loadUnit(id);
  const { version, parentId, ...fields } = input;
  if (fields.code) await assertCodeFree(fields.code, id);
  const changes: Record<string, unknown> = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  // A move or a retype rewrites other documents first; a stale save must not get that far.
  assertVersion(before.__v, version, '单位');
  if (parentId && parentId !== String(before.parentId)) {
    if (!before.parentId) throw new AppError(400, 'validation_failed', '根单位不能移动', [{ path: 'body.parentId', message: '根单位不能移动' }]);
    const parent = await loadUnit(parentId, 'body.parentId');
    await moveSubtree(before, parent);
    changes['parentId'] = parent._id;
    changes['ancestorIds'] = [...parent.ancestorIds, parent._id];
  }
  if (changes['name']) await CorrectionModel.updateMany({ unitId: before._id }, { $set: { unitName: changes['name'] } });
  if (changes['type']) await CadreModel.updateMany({ unitId: before._id }, { $set: { unitType: changes['type'] } });
  const after = toUnit(await updateVersioned<UnitRecord>(UnitModel as never, id, version, changes, '单位'));
  // The ledger places every cadre by the unit tree: name, place, type and order show in its rows.
  if (['name', 'type', 'parentId', 'sortOrder'].some((field) => field in changes)) await noteUnitsChanged();
  const diff = describeChanges(toUnit(before), after, Object.keys(changes));
  await recordAudit(actor, { action: 'unit.update', result: 'success', objectType: 'unit', objectId: id, detail: { changes: diff } });
  return after;
}

export async function deleteUnit(actor: Actor, id: string): Promise<void> {
  const unit = await loadUnit(id);
  const [children, cadres] = await Promise.all([
    UnitModel.countDocuments({ parentId: unit._id }),
    CadreModel.countDocuments({ unitId: unit._id }),
  ]);
  if (children > 0 || cadres > 0) {
    throw new AppError(409, 'unit_not_empty', `该单位下还有 ${children} 个下级单位、${cadres} 名干部，不能删除`);
  }
  await UnitModel.deleteOne({ _id: unit._id });
  await recordAudit(actor, { action: 'unit.delete', result: 'success', objectType: 'unit', objectId: id, detail: { before: toUnit(unit) } });
}
