import type { Grade } from './framework.js';

/** One unit's participants in one year's annual assessment. */
export interface UnitYear {
  year: number;
  participants: { cadreId: string; workStartMonth: string /* yyyy-MM */; total: number | null; grade: Grade | null }[];
}

export interface RotationFlag {
  flag: 'rotation' | 'seniority';
  detail: string;
}

/** Neither pattern can be told from chance in fewer years. */
export const FLAG_MIN_YEARS = 3;
/**
 * Rotation needs this many members present in every year of the window: with fewer, a 20% cap gives
 * one 优秀 a year and taking turns is hard to tell from ordinary change.
 */
export const ROTATION_MIN_STABLE_MEMBERS = 5;
/** Rotation needs more than this share of the stable members to have held 优秀 (once each). */
export const ROTATION_MIN_TURN_SHARE = 0.5;
/** Seniority looks at the latest this many years … */
export const SENIORITY_WINDOW_YEARS = 3;
/** … and flags when the pattern holds in at least this many of them. */
export const SENIORITY_MIN_YEARS = 2;

/**
 * Signs that a unit hands out 优秀 by turn or by seniority rather than by results (a prompt for the
 * calibration, never a verdict).
 *
 * rotation: over the latest years (at least FLAG_MIN_YEARS of them) nobody holds 优秀 twice, the unit
 * had at least ROTATION_MIN_STABLE_MEMBERS members present in every one of those years — so the same
 * strong performers could have repeated — and more than ROTATION_MIN_TURN_SHARE of those members held
 * 优秀 once: most of the stable team took a turn. The longest such window is reported.
 *
 * seniority: in at least SENIORITY_MIN_YEARS of the latest SENIORITY_WINDOW_YEARS years, every 优秀
 * holder is among the k most senior participants (earliest workStartMonth; k = the number of holders)
 * while at least one holder is not among the k highest totals. A year in which everyone is 优秀 says
 * nothing and does not count.
 */
export function detectRotationFlags(years: readonly UnitYear[]): RotationFlag[] {
  if (years.length < FLAG_MIN_YEARS) return [];
  const ordered = [...years].sort((a, b) => a.year - b.year);
  const flags: RotationFlag[] = [];
  const rotation = detectRotation(ordered);
  if (rotation) flags.push(rotation);
  const seniority = detectSeniority(ordered.slice(-SENIORITY_WINDOW_YEARS));
  if (seniority) flags.push(seniority);
  return flags;
}

function holdersOf(year: UnitYear): string[] {
  return year.participants.filter((p) => p.grade === '优秀').map((p) => p.cadreId);
}

function detectRotation(ordered: readonly UnitYear[]): RotationFlag | null {
  // The latest years in which nobody holds 优秀 twice, newest first.
  const seen = new Set<string>();
  let runStart = ordered.length;
  while (runStart > 0 && holdersOf(ordered[runStart - 1]!).every((id) => !seen.has(id))) {
    runStart -= 1;
    for (const id of holdersOf(ordered[runStart]!)) seen.add(id);
  }
  // A longer window shows more turns but keeps fewer members present throughout: report the longest that qualifies.
  for (let start = runStart; start <= ordered.length - FLAG_MIN_YEARS; start += 1) {
    const flag = checkRotationWindow(ordered.slice(start));
    if (flag) return flag;
  }
  return null;
}

function checkRotationWindow(window: readonly UnitYear[]): RotationFlag | null {
  const stable = window
    .map((year) => new Set(year.participants.map((p) => p.cadreId)))
    .reduce((common, ids) => new Set([...common].filter((id) => ids.has(id))));
  if (stable.size < ROTATION_MIN_STABLE_MEMBERS) return null;
  const holders = new Set(window.flatMap(holdersOf));
  const tookTurn = [...stable].filter((id) => holders.has(id)).length;
  if (tookTurn <= stable.size * ROTATION_MIN_TURN_SHARE) return null;
  return {
    flag: 'rotation',
    detail: `${listYears(window)}，优秀等次无人重复获得，${stable.size} 名连续在岗人员中有 ${tookTurn} 名各获得一次`,
  };
}

/** The ids ranked within the first `k` by `compare` (ties with the k-th included). */
function firstK<T extends { cadreId: string }>(items: readonly T[], k: number, compare: (a: T, b: T) => number): Set<string> {
  return new Set(items.filter((item) => items.filter((other) => compare(other, item) < 0).length < k).map((item) => item.cadreId));
}

function detectSeniority(window: readonly UnitYear[]): RotationFlag | null {
  const hits = window.filter((year) => {
    const holders = holdersOf(year);
    const k = holders.length;
    if (k === 0 || k === year.participants.length) return false;
    const senior = firstK(year.participants, k, (a, b) => a.workStartMonth.localeCompare(b.workStartMonth));
    const scored = year.participants.filter((p) => p.total !== null);
    const top = firstK(scored, k, (a, b) => b.total! - a.total!);
    return holders.every((id) => senior.has(id)) && holders.some((id) => !top.has(id));
  });
  if (hits.length < SENIORITY_MIN_YEARS) return null;
  return {
    flag: 'seniority',
    detail: `${listYears(hits)}，优秀等次均由参加工作最早的人员获得，且其中有人总分并非最高`,
  };
}

function listYears(years: readonly UnitYear[]): string {
  return `${years.map((year) => year.year).join('、')}年`;
}
