import {
  checkCalibrationChange,
  GRADES,
  type CalibrationChange,
  type CalibrationRow,
  type CalibrationUnitList,
  type Grade,
  type UnitCalibration,
} from '@cadre/shared-models';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../platform/errors.js';
import type { SessionActor } from '../platform/actor.js';
import { ResultModel, UnitCalibrationModel } from './evaluation.models.js';
import { claimRevision } from './result-claims.js';
import { requireCycle, type StoredCycle } from './cycle.service.js';
import { readByIds } from './scoring-reads.js';
import type { CalibrationDocument } from './scoring-units.js';

export type StoredCalibration = CalibrationDocument;

const CONCURRENT_CHANGE = '其他人刚修改了本单位的校准，请刷新后重试';

/** Grade counts of final grades; unscored rows (no grade) are not counted. */
export function countGrades(rows: readonly Pick<CalibrationRow, 'finalGrade'>[]): Record<Grade, number> {
  const counts = Object.fromEntries(GRADES.map((grade) => [grade, 0])) as Record<Grade, number>;
  for (const row of rows) if (row.finalGrade) counts[row.finalGrade] += 1;
  return counts;
}

export function toUnitCalibration(doc: StoredCalibration): UnitCalibration {
  return {
    cycleId: doc.cycleId,
    unitId: doc.unitId,
    unitName: doc.unitName,
    rows: doc.rows,
    excellentCap: doc.excellentCap,
    distribution: countGrades(doc.rows),
    flags: doc.flags,
    locked: doc.locked,
    revision: doc.revision,
  };
}

/** Refuses reading results of a cycle that is not closed yet: while raters can vote there are none. */
export function assertScored(cycle: StoredCycle): void {
  if (cycle.status !== 'closed' && cycle.status !== 'locked') throw new AppError(409, 'not_scored', '该考核尚未结束测评，还没有结果');
}

/** The cycle's unit calibrations by `_id`, in the cycle's unit order. */
export async function readCalibrations(cycle: StoredCycle): Promise<StoredCalibration[]> {
  const cycleId = String(cycle._id);
  const ids = cycle.unitIds.map((unitId) => `${cycleId}:${unitId}`);
  const found = await readByIds<StoredCalibration>(UnitCalibrationModel as never, ids);
  return ids.flatMap((id) => found.get(id) ?? []);
}

export async function listCalibrationUnits(cycleId: string): Promise<CalibrationUnitList> {
  const cycle = await requireCycle(cycleId);
  assertScored(cycle);
  const docs = await readCalibrations(cycle);
  return {
    items: docs.map((doc) => ({
      unitId: doc.unitId,
      unitName: doc.unitName,
      size: doc.rows.length,
      excellent: doc.rows.filter((row) => row.finalGrade === '优秀').length,
      excellentCap: doc.excellentCap,
      changed: doc.rows.filter((row) => row.changed).length,
      flagged: doc.flags.length > 0,
    })),
  };
}

async function readCalibration(cycle: StoredCycle, unitId: string): Promise<StoredCalibration> {
  const doc = await UnitCalibrationModel.findById(`${String(cycle._id)}:${unitId}`).lean<StoredCalibration>();
  if (!doc) throw new AppError(404, 'not_found', '该单位不在本次考核中');
  return doc;
}

export async function getUnitCalibration(cycleId: string, unitId: string): Promise<UnitCalibration> {
  const cycle = await requireCycle(cycleId);
  assertScored(cycle);
  return toUnitCalibration(await readCalibration(cycle, unitId));
}

/**
 * Changes one cadre's final grade with a reason. The 优秀 quota is checked against the unit's
 * document as read, and the save carries that revision in its filter: of two assessors changing
 * the same unit at once, one wins and the other is asked to refresh.
 */
export async function changeCalibration(actor: SessionActor, cycleId: string, unitId: string, change: CalibrationChange): Promise<UnitCalibration> {
  const cycle = await requireCycle(cycleId);
  if (cycle.status === 'locked' || cycle.lockedAt) throw new AppError(409, 'cycle_locked', '该考核已锁定，等次不能再调整');
  if (cycle.status !== 'closed') throw new AppError(409, 'not_scored', '该考核尚未结束测评，不能校准');
  const doc = await readCalibration(cycle, unitId);
  if (doc.locked) throw new AppError(409, 'cycle_locked', '该考核已锁定，等次不能再调整');
  if (doc.revision !== change.revision) throw new AppError(409, 'version_conflict', CONCURRENT_CHANGE);
  const row = doc.rows.find((r) => r.cadreId === change.cadreId);
  if (!row) throw new AppError(404, 'not_found', '该干部不在本单位的校准名单中');
  if (row.total === null) throw new AppError(409, 'not_scored', `${row.cadreName}没有得分，不能确定等次`);
  if (row.finalGrade === change.grade) throw new AppError(409, 'unchanged', `${row.cadreName}的等次已是${change.grade}`);
  const refusal = checkCalibrationChange(doc.rows, { cadreId: change.cadreId, grade: change.grade }, doc.excellentCap);
  if (refusal) throw new AppError(409, 'calibration_refused', refusal);

  if (!(await claimRevision(`calibration:${doc._id}`, doc.revision))) throw new AppError(409, 'version_conflict', CONCURRENT_CHANGE);
  const rows = doc.rows.map((r) => (r.cadreId === change.cadreId ? { ...r, finalGrade: change.grade, changed: change.grade !== r.proposedGrade } : r));
  const saved = await UnitCalibrationModel.findOneAndUpdate(
    { _id: doc._id, revision: doc.revision, locked: false },
    { $set: { rows }, $inc: { revision: 1 } },
    { returnDocument: 'after', lean: true },
  );
  if (!saved) throw new AppError(409, 'version_conflict', CONCURRENT_CHANGE);
  const entry = { from: row.finalGrade, to: change.grade, reason: change.reason, by: actor.username, at: new Date().toISOString() };
  await ResultModel.collection.updateOne({ _id: `${cycleId}:${change.cadreId}` as never }, { $set: { finalGrade: change.grade }, $push: { calibrations: entry } as never });
  await recordAudit(actor, {
    action: 'calibration.change',
    result: 'success',
    objectType: 'assessment_result',
    objectId: `${cycleId}:${change.cadreId}`,
    detail: { cycleId, unitId, cadreId: change.cadreId, changes: { finalGrade: { before: row.finalGrade, after: change.grade } }, reason: change.reason },
  });
  return toUnitCalibration(saved as unknown as StoredCalibration);
}
