import type { AdjustmentRule } from './adjustment.js';
import type { AssessmentHistoryEntry } from './result.js';

/** The rules a cadre's latest consecutive annual results meet, with the results as the basis. */
export function proposeAdjustments(history: readonly AssessmentHistoryEntry[], rules: readonly AdjustmentRule[]): { ruleId: string; basis: string }[] {
  const annual = history.filter((entry) => entry.cycleType === 'annual').sort((a, b) => b.year - a.year);
  const proposals: { ruleId: string; basis: string }[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const latest = annual.slice(0, rule.years);
    if (latest.length < rule.years) continue;
    const consecutive = latest.every((entry, i) => entry.year === latest[0]!.year - i);
    const meets = (entry: AssessmentHistoryEntry) =>
      rule.topPercent !== null
        ? entry.rankPercentile !== null && entry.rankPercentile < rule.topPercent
        : entry.grade !== null && rule.grades.includes(entry.grade);
    if (!consecutive || !latest.every(meets)) continue;
    const basis = [...latest]
      .reverse()
      .map((entry) => (rule.topPercent !== null ? `${entry.year} 位列本单位前 ${rule.topPercent}%` : `${entry.year} ${entry.grade}`))
      .join('；');
    proposals.push({ ruleId: rule.id, basis });
  }
  return proposals;
}
