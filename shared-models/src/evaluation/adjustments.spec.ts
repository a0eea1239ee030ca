import { DEFAULT_ADJUSTMENT_RULES, type AdjustmentRule } from './adjustment.js';
import type { CycleType } from './cycle.js';
import type { Grade } from './framework.js';
import type { AssessmentHistoryEntry } from './result.js';
import { proposeAdjustments } from './adjustments.js';

function entry(year: number, grade: Grade | null, rankPercentile: number | null = 50, cycleType: CycleType = 'annual'): AssessmentHistoryEntry {
  return {
    cycleId: `c${year}${cycleType}`, cycleName: `${year}年度考核`, cycleType, year, total: 80, grade, rankPercentile, dimensions: [],
    lockedAt: `${year + 1}-01-20T00:00:00.000Z`,
  };
}
const disabled = (id: string): AdjustmentRule => ({ ...DEFAULT_ADJUSTMENT_RULES.find((rule) => rule.id === id)!, enabled: false });

describe('proposeAdjustments', () => {
  const cases: Array<[what: string, history: AssessmentHistoryEntry[], rules: readonly AdjustmentRule[], expected: Array<[string, string]>]> = [
    ['two consecutive years of 基本称职', [entry(2026, '基本称职'), entry(2025, '基本称职')], DEFAULT_ADJUSTMENT_RULES,
      [['basic_twice', '2025年 基本称职；2026年 基本称职']]],
    ['a gap year breaks the run', [entry(2026, '基本称职'), entry(2024, '基本称职')], DEFAULT_ADJUSTMENT_RULES, []],
    ['an older run does not count once the latest year breaks it', [entry(2026, '称职'), entry(2025, '基本称职'), entry(2024, '基本称职')], DEFAULT_ADJUSTMENT_RULES, []],
    ['only annual cycles count', [entry(2026, '基本称职', 50, 'special'), entry(2026, '称职'), entry(2025, '基本称职')], DEFAULT_ADJUSTMENT_RULES, []],
    ['a routine cycle does not fill a gap', [entry(2026, '基本称职'), entry(2025, '基本称职', 50, 'routine')], DEFAULT_ADJUSTMENT_RULES, []],
    ['one year of 不称职', [entry(2026, '不称职'), entry(2025, '称职')], DEFAULT_ADJUSTMENT_RULES, [['unfit_once', '2026年 不称职']]],
    ['不称职 then 基本称职 meet neither two-year rule', [entry(2026, '基本称职'), entry(2025, '不称职')], DEFAULT_ADJUSTMENT_RULES, []],
    ['a disabled rule never fires', [entry(2026, '不称职')], [disabled('unfit_once')], []],
    ['two years in the top 10% (0 = the top)', [entry(2025, '优秀', 0), entry(2026, '优秀', 10)], DEFAULT_ADJUSTMENT_RULES,
      [['top_ten_twice', '2025年 优秀（本单位排名百分位 0）；2026年 优秀（本单位排名百分位 10）']]],
    ['just outside the top 10%', [entry(2026, '优秀', 10.5), entry(2025, '优秀', 0)], DEFAULT_ADJUSTMENT_RULES, []],
    ['no rank percentile never meets a top rule', [entry(2026, '优秀', null), entry(2025, '优秀', 0)], DEFAULT_ADJUSTMENT_RULES, []],
    ['a grade list matches any of its grades', [entry(2026, '不称职'), entry(2025, '基本称职'), entry(2024, '基本称职')],
      [{ id: 'weak_three', description: '连续三年基本称职及以下', grades: ['基本称职', '不称职'], topPercent: null, years: 3, action: 'admonition', enabled: true }],
      [['weak_three', '2024年 基本称职；2025年 基本称职；2026年 不称职']]],
    ['no history', [], DEFAULT_ADJUSTMENT_RULES, []],
  ];
  for (const [what, history, rules, expected] of cases) {
    it(what, () => expect(proposeAdjustments(history, rules).map((m) => [m.ruleId, m.basis])).toEqual(expected));
  }
});
