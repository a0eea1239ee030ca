import type { CalibrationRow } from './result.js';
import type { Grade } from './framework.js';

/** How many 优秀 a unit of this size may have under a cap in percent; whole people, never rounded up. */
export function excellentCapFor(unitSize: number, capPercent: number): number {
  return Math.floor((unitSize * capPercent) / 100);
}

/**
 * Why a calibration change cannot be made, or null when it can: the unit's 优秀 would exceed
 * the cap once the change is applied. Lowering a grade is always within the quota.
 */
export function checkCalibrationChange(
  rows: readonly CalibrationRow[],
  change: { readonly cadreId: string; readonly grade: Grade },
  excellentCap: number,
): string | null {
  const row = rows.find((candidate) => candidate.cadreId === change.cadreId);
  if (!row) return '该干部不在本单位的校准名单中';
  if (change.grade !== '优秀' || row.finalGrade === '优秀') return null;
  const excellent = rows.filter((candidate) => candidate.finalGrade === '优秀').length;
  return excellent + 1 > excellentCap ? `本单位“优秀”名额为 ${excellentCap} 个，已用满，请先调整其他人的等次` : null;
}
