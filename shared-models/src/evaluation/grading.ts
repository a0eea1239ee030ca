import { GRADES, type Grade, type GradeBands } from './framework.js';
import type { CalibrationRow } from './result.js';

/** The grade a total earns from the score bands alone; null when nothing could be scored. */
export function gradeForScore(total: number | null, bands: GradeBands): Grade | null {
  if (total === null) return null;
  if (total >= bands.优秀) return '优秀';
  if (total >= bands.称职) return '称职';
  if (total >= bands.基本称职) return '基本称职';
  return '不称职';
}

/** True when grade `a` is better than grade `b` (GRADES runs best first). */
export function isBetterGrade(a: Grade, b: Grade): boolean {
  return GRADES.indexOf(a) < GRADES.indexOf(b);
}

/**
 * How many 优秀 a unit may have: floor(unitSize × capPercent / 100). Both are whole numbers, so the
 * product is exact and the floor is an integer division: no float can turn 5 × 20 / 100 into 0.999….
 */
export function excellentCapFor(unitSize: number, capPercent: number): number {
  const product = unitSize * capPercent;
  return (product - (product % 100)) / 100;
}

export interface QuotaRow {
  cadreId: string;
  total: number | null;
  cappedGrade: Grade | null;
}

export interface QuotaResult {
  cadreId: string;
  proposedGrade: Grade | null;
  rank: number | null;
  quotaNote: string | null;
}

/**
 * Proposes the grades of one unit under its 优秀 cap. Rows are ranked by total, highest first, with
 * competition ranking (1, 2, 2, 4); rows without a total come last, unranked. Cadres whose grade
 * after vetoes is 优秀 keep it in rank order while the cap allows. The cap is a ceiling: when cadres
 * with the same total would together pass it, none of them gets 优秀 and the calibration decides,
 * and nobody ranked below them gets 优秀 either. Those held back are proposed 称职 with a note.
 * Returns the rows in rank order.
 */
export function applyQuota(rows: readonly QuotaRow[], capPercent: number): QuotaResult[] {
  const cap = excellentCapFor(rows.length, capPercent);
  const ranked = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => compareTotals(a.row.total, b.row.total) || a.index - b.index)
    .map(({ row }) => row);
  const results: QuotaResult[] = [];
  let granted = 0;
  let full = false;
  for (let start = 0; start < ranked.length; ) {
    const total = ranked[start]!.total;
    let end = start + 1;
    while (end < ranked.length && total !== null && ranked[end]!.total === total) end += 1;
    const tied = ranked.slice(start, end);
    const rank = total === null ? null : start + 1;
    const candidates = tied.filter((row) => row.cappedGrade === '优秀').length;
    const fits = !full && granted + candidates <= cap;
    // Only the tie that had room left but not enough is a calibration matter; below it, cadres are simply outside the cap.
    const straddles = !fits && !full && granted < cap;
    if (fits) granted += candidates;
    else if (candidates > 0) full = true;
    for (const row of tied) {
      if (row.cappedGrade !== '优秀' || fits) {
        results.push({ cadreId: row.cadreId, proposedGrade: row.cappedGrade, rank, quotaNote: null });
      } else {
        results.push({ cadreId: row.cadreId, proposedGrade: '称职', rank, quotaNote: explainHeldBack(straddles ? candidates - 1 : 0, cap) });
      }
    }
    start = end;
  }
  return results;
}

function compareTotals(a: number | null, b: number | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return b - a;
}

function explainHeldBack(othersTied: number, cap: number): string {
  if (othersTied > 0) return `与 ${othersTied} 名同分，超出优秀名额，由校准决定`;
  return `本单位优秀名额为 ${cap} 名，排名在名额之外，建议为称职`;
}

/**
 * Checks one calibration change against the unit's rows: a Chinese message saying why it cannot be
 * made, or null when it can.
 */
export function checkCalibrationChange(
  rows: readonly CalibrationRow[],
  change: { cadreId: string; grade: Grade },
  excellentCap: number,
): string | null {
  const row = rows.find((candidate) => candidate.cadreId === change.cadreId);
  if (!row) return '该干部不在本单位的校准名单中';
  if (row.finalGrade === change.grade) return `该干部当前已是“${change.grade}”，无需调整`;
  if (change.grade !== '优秀') return null;
  if (row.vetoed) return '受否决规则限制，不能评为优秀';
  const excellent = rows.filter((candidate) => candidate.finalGrade === '优秀').length;
  if (excellent + 1 > excellentCap) return `本单位优秀名额已满（${excellent}/${excellentCap}）`;
  return null;
}
