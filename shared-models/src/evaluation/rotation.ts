import type { Grade } from './framework.js';

/** One year of a unit's annual results: each participant's grade and years of service that year. */
export interface UnitYear {
  year: number;
  cadres: readonly { cadreId: string; grade: Grade | null; serviceYears: number | null }[];
}

/** Years of 优秀 needed before a pattern says anything. */
const MIN_YEARS = 3;

/**
 * Patterns in a unit's 优秀 over the years: handed round (no one twice, a different holder each
 * year) or going to the longest-serving every year.
 */
export function detectRotationFlags(years: readonly UnitYear[]): { flag: 'rotation' | 'seniority'; detail: string }[] {
  const withExcellent = years
    .map((year) => ({ ...year, excellent: year.cadres.filter((c) => c.grade === '优秀') }))
    .filter((year) => year.excellent.length > 0)
    .sort((a, b) => a.year - b.year);
  if (withExcellent.length < MIN_YEARS) return [];
  const flags: { flag: 'rotation' | 'seniority'; detail: string }[] = [];
  const holders = withExcellent.flatMap((year) => year.excellent.map((c) => c.cadreId));
  if (new Set(holders).size === holders.length && holders.length >= MIN_YEARS) {
    flags.push({ flag: 'rotation', detail: `${withExcellent[0]!.year}–${withExcellent.at(-1)!.year} 年 ${holders.length} 个优秀由 ${holders.length} 人分别获得，无人重复` });
  }
  const mostSenior = withExcellent.filter((year) => {
    const known = year.cadres.filter((c) => c.serviceYears !== null).map((c) => c.serviceYears!).sort((a, b) => b - a);
    const threshold = known[year.excellent.length - 1];
    return threshold !== undefined && known.length > year.excellent.length && year.excellent.every((c) => c.serviceYears !== null && c.serviceYears >= threshold);
  });
  if (mostSenior.length === withExcellent.length) {
    flags.push({ flag: 'seniority', detail: `${withExcellent.length} 个年度的优秀均由本单位工龄最长的人员获得` });
  }
  return flags;
}
