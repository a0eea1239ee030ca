import { DEFAULT_FRAMEWORK } from './default-framework.js';
import { FrameworkContentSchema, type FrameworkContentInput } from './framework.js';

/** The issues of a failed parse as "path: message". */
function issuesOf(content: FrameworkContentInput): string[] {
  const result = FrameworkContentSchema.safeParse(content);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}
const copy = (): FrameworkContentInput => JSON.parse(JSON.stringify(DEFAULT_FRAMEWORK)) as FrameworkContentInput;

describe('FrameworkContentSchema', () => {
  it('accepts the default framework', () => {
    expect(issuesOf(DEFAULT_FRAMEWORK)).toEqual([]);
    expect(FrameworkContentSchema.parse(DEFAULT_FRAMEWORK).dimensions.reduce((sum, d) => sum + d.weight, 0)).toBe(100);
  });

  const cases: Array<[what: string, change: (content: FrameworkContentInput) => void, expected: string]> = [
    ['dimension weights not summing to 100', (c) => { c.dimensions[0]!.weight = 25; }, 'dimensions: 维度权重合计应为 100，当前为 105'],
    ['indicator weights not summing to 100', (c) => { c.dimensions[1]!.indicators[0]!.weight = 50; },
      'dimensions.1.indicators: “专业能力”的指标权重合计应为 100，当前为 90'],
    ['a dimension id used twice', (c) => { c.dimensions[2]!.id = 'political'; }, 'dimensions.2.id: 编号“political”重复'],
    ['an indicator id used twice', (c) => { c.dimensions[4]!.indicators[2]!.id = 'courage'; }, 'dimensions.5.indicators.0.id: 编号“courage”重复'],
    ['an evidence share without a rule', (c) => { c.dimensions[0]!.indicators[0]!.ratingShare = 50; },
      'dimensions.0.indicators.0.evidence: “理想信念”有客观依据占比，请设置依据规则'],
    ['grade bands out of order', (c) => { c.gradeBands.称职 = 95; }, 'gradeBands: 等次分数线应满足 优秀 > 称职 > 基本称职'],
  ];
  for (const [what, change, expected] of cases) {
    it(`rejects ${what}`, () => {
      const content = copy();
      change(content);
      expect(issuesOf(content)).toEqual([expected]);
    });
  }
});
