import type { Grade, GradeBands } from './framework.js';
import type { CalibrationRow } from './result.js';
import { GRADES } from './framework.js';

/** The grade the score bands alone give a total. */
export function gradeForScore(total: number, bands: GradeBands): Grade {
  if (total >= bands.优秀) return '优秀';
  if (total >= bands.称职) return '称职';
  if (total >= bands.基本称职) return '基本称职';
  return '不称职';
}

/** How many 优秀 a unit of this size may have: floor(n × pct / 100). */
export function excellentCapFor(unitSize: number, capPercent: number): number {
  return Math.floor((unitSize * capPercent) / 100);
}

/** Whether `a` is a better grade than `b`. */
export function isBetterGrade(a: Grade, b: Grade): boolean {
  return GRADES.indexOf(a) < GRADES.indexOf(b);
}

export interface QuotaInputRow {
  cadreId: string;
  total: number | null;
  cappedGrade: Grade | null;
}

export interface QuotaRow {
  cadreId: string;
  proposedGrade: Grade | null;
  rank: number | null;
  quotaNote: string | null;
}

/**
 * Ranks a unit by total (ties share a rank) and keeps 优秀 for as many as the cap allows, best
 * first; a tie that straddles the cap keeps none of its 优秀, since no rule tells the tied apart.
 */
export function applyQuota(rows: readonly QuotaInputRow[], capPercent: number): QuotaRow[] {
  const cap = excellentCapFor(rows.length, capPercent);
  const scored = rows.filter((row) => row.total !== null).sort((a, b) => b.total! - a.total!);
  const rank = new Map<string, number>();
  scored.forEach((row, i) => rank.set(row.cadreId, i > 0 && scored[i - 1]!.total === row.total ? rank.get(scored[i - 1]!.cadreId)! : i + 1));

  const notes = new Map<string, string>();
  const candidates = scored.filter((row) => row.cappedGrade === '优秀');
  let kept = 0;
  for (let i = 0; i < candidates.length; ) {
    let j = i;
    while (j < candidates.length && candidates[j]!.total === candidates[i]!.total) j += 1;
    const tie = candidates.slice(i, j);
    if (kept + tie.length <= cap) kept += tie.length;
    else {
      const note =
        kept < cap && tie.length > 1
          ? `${tie.length} 人同分并列，超出本单位优秀名额（${cap} 名），均未评为优秀`
          : `超出本单位优秀名额（${cap} 名），未评为优秀`;
      for (const row of candidates.slice(i)) notes.set(row.cadreId, note);
      break;
    }
    i = j;
  }
  return rows.map((row) => ({
    cadreId: row.cadreId,
    proposedGrade: notes.has(row.cadreId) ? '称职' : row.cappedGrade,
    rank: rank.get(row.cadreId) ?? null,
    quotaNote: notes.get(row.cadreId) ?? null,
  }));
}

/** Why a calibration change may not be made (Chinese), or null when it may. */
export function checkCalibrationChange(rows: readonly CalibrationRow[], change: { cadreId: string; grade: Grade }, excellentCap: number): string | null {
  const row = rows.find((r) => r.cadreId === change.cadreId);
  if (!row) return '该干部不在本单位的校准名单中';
  if (change.grade !== '优秀') return null;
  if (row.vetoed) return `${row.cadreName}触发否决规则，不能评为优秀`;
  const others = rows.filter((r) => r.cadreId !== change.cadreId && r.finalGrade === '优秀').length;
  if (others + 1 > excellentCap) return `本单位优秀名额为 ${excellentCap} 名，已用满，请先调整其他人员的等次`;
  return null;
}
