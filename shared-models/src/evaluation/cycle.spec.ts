import { CycleInputSchema, DEFAULT_RATER_GROUPS, excellentCapPercent, type CycleInputValues } from './cycle.js';

function issuesOf(input: CycleInputValues): string[] {
  const result = CycleInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}
const valid = (): CycleInputValues => ({
  name: '2026年度考核',
  type: 'annual',
  year: 2026,
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  dueDate: '2027-01-15',
  frameworkVersionId: '0123456789abcdef01234567',
  population: {},
  raterGroups: DEFAULT_RATER_GROUPS.map((group) => ({ ...group })),
  settings: {},
});

describe('CycleInputSchema', () => {
  it('accepts a cycle with the default rater groups', () => expect(issuesOf(valid())).toEqual([]));

  const cases: Array<[what: string, change: (input: CycleInputValues) => void, expected: string[]]> = [
    ['rater weights not summing to 100', (c) => { c.raterGroups[0]!.weight = 40; }, ['raterGroups: 评价主体权重合计应为 100，当前为 110']],
    ['a rater group listed twice', (c) => { c.raterGroups[4] = { ...c.raterGroups[1]!, weight: 10 }; }, ['raterGroups: 评价主体不能重复']],
    ['an anonymous group shown below 3 responses', (c) => { c.raterGroups[2]!.minResponses = 2; },
      ['raterGroups.2.minResponses: 匿名评价至少回收 3 份才能显示结果']],
    ['a period ending before it starts', (c) => { c.periodEnd = '2025-12-31'; }, ['periodEnd: 考核期结束日期不能早于开始日期']],
  ];
  for (const [what, change, expected] of cases) {
    it(`rejects ${what}`, () => {
      const input = valid();
      change(input);
      expect(issuesOf(input)).toEqual(expected);
    });
  }

  const caps: Array<[percent: number, raised: boolean, cap: number]> = [[20, false, 20], [20, true, 25], [30, true, 30], [15, false, 15]];
  for (const [percent, raised, cap] of caps) {
    it(`applies a ${cap}% cap for ${percent}%${raised ? ' raised' : ''}`, () => {
      expect(excellentCapPercent({ trimExtremes: true, excellentQuotaPercent: percent, excellentQuotaRaised: raised })).toBe(cap);
    });
  }
});
