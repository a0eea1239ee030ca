import type { AdjustmentRule } from './adjustment.js';
import type { AssessmentHistoryEntry } from './result.js';

export interface AdjustmentMatch {
  ruleId: string;
  basis: string;
}

/**
 * The adjustment rules one cadre's annual results meet. Only annual cycles count. A rule of `years`
 * years needs that many consecutive calendar years ending at the latest annual result, each meeting
 * the rule's condition: a year without an annual result breaks the run. Disabled rules never match.
 * `history` is the cadre's entries; it is read newest first whatever order it comes in.
 */
export function proposeAdjustments(history: readonly AssessmentHistoryEntry[], rules: readonly AdjustmentRule[]): AdjustmentMatch[] {
  const byYear = new Map<number, AssessmentHistoryEntry>();
  const annual = history
    .filter((entry) => entry.cycleType === 'annual')
    .sort((a, b) => b.year - a.year || b.lockedAt.localeCompare(a.lockedAt));
  // Should a year have two annual results, the one locked last stands.
  for (const entry of annual) if (!byYear.has(entry.year)) byYear.set(entry.year, entry);
  const latest = annual[0];
  if (!latest) return [];
  return rules.flatMap((rule) => {
    if (!rule.enabled) return [];
    const run: AssessmentHistoryEntry[] = [];
    for (let year = latest.year; year > latest.year - rule.years; year -= 1) {
      const entry = byYear.get(year);
      if (!entry || !meetsRule(entry, rule)) return [];
      run.unshift(entry);
    }
    return [{ ruleId: rule.id, basis: run.map((entry) => describeEntry(entry, rule)).join('；') }];
  });
}

function meetsRule(entry: AssessmentHistoryEntry, rule: AdjustmentRule): boolean {
  if (rule.topPercent !== null) return entry.rankPercentile !== null && entry.rankPercentile <= rule.topPercent;
  return entry.grade !== null && rule.grades.includes(entry.grade);
}

function describeEntry(entry: AssessmentHistoryEntry, rule: AdjustmentRule): string {
  const grade = entry.grade ?? '未定等次';
  if (rule.topPercent === null || entry.rankPercentile === null) return `${entry.year}年 ${grade}`;
  return `${entry.year}年 ${grade}（本单位排名百分位 ${Number(entry.rankPercentile.toFixed(1))}）`;
}
