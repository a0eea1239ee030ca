import type { CycleRaterGroup } from './cycle.js';
import { DEFAULT_FRAMEWORK } from './default-framework.js';
import { FrameworkContentSchema, type Dimension, type EvidenceRule, type EvidenceSource, type Indicator, type RaterGroup, type VetoRule } from './framework.js';
import type { EvidenceItem, ToleranceInput } from './result.js';
import { RECORD_EVIDENCE_SOURCES } from './evidence.js';
import { applicableDimensions, roundScore, scoreCadre, type BallotScores, type ScoreInput } from './scoring.js';

const RUBRIC = [
  { label: '好', score: 95, description: '' },
  { label: '差', score: 50, description: '' },
];
const ALL = { tiers: [], categories: [] };

function indicator(id: string, weight: number, extra: Partial<Indicator> = {}): Indicator {
  return { id, name: id, description: '', weight, ratingShare: 100, rubric: RUBRIC, evidence: null, applicability: ALL, ...extra };
}
function dimension(id: string, weight: number, indicators: Indicator[], extra: Partial<Dimension> = {}): Dimension {
  return { id, name: id, description: '', weight, indicators, applicability: ALL, ...extra };
}
function evidenced(id: string, weight: number, ratingShare: number, source: EvidenceSource): Indicator {
  const rule: EvidenceRule = { source, description: '', bands: [{ min: 0, score: 40 }, { min: 2, score: 70 }, { min: 4, score: 100 }] };
  return indicator(id, weight, { ratingShare, evidence: rule });
}
const group = (name: RaterGroup, weight: number, minResponses: number): CycleRaterGroup => ({
  group: name, weight, minResponses, anonymous: minResponses >= 3,
});
/** One ballot per score, each rating indicator `id`. */
const ballots = (id: string, ...scores: number[]): BallotScores[] => scores.map((score) => ({ [id]: score }));
const item = (source: EvidenceSource, key: string, amount = 1): EvidenceItem => ({ source, key, text: `事项 ${key}`, month: '2026-03', amount });
const SANCTION_VETO: VetoRule = { id: 'serious', description: '严重处分不得评为优秀', source: 'serious_sanctions', min: 1, capGrade: '称职' };

function input(overrides: Partial<ScoreInput> = {}): ScoreInput {
  return {
    framework: { dimensions: [dimension('d', 100, [indicator('a', 100)])], vetoRules: [SANCTION_VETO], gradeBands: { 优秀: 90, 称职: 75, 基本称职: 60 } },
    ratee: { tier: '部门', category: '综合管理类' },
    raterGroups: [group('superior', 60, 1), group('peer', 40, 3)],
    settings: { trimExtremes: true },
    ballots: { superior: ballots('a', 90), peer: ballots('a', 80, 70, 90) },
    evidence: [],
    availableSources: RECORD_EVIDENCE_SOURCES,
    tolerances: [],
    asOf: '2026-12-31',
    ...overrides,
  };
}
const only = (score: ReturnType<typeof scoreCadre>) => score.dimensions[0]!.indicators[0]!;

describe('roundScore (two decimals, half away from zero)', () => {
  const cases: Array<[number, number]> = [
    [84.995, 85],
    [1.005, 1.01],
    [1.255, 1.26],
    [0.285, 0.29],
    [8.345, 8.35],
    [2.675, 2.68],
    [84.994, 84.99],
    [83.333333, 83.33],
    [100, 100],
    [0, 0],
    [-1.005, -1.01],
  ];
  for (const [x, expected] of cases) it(`rounds ${x} to ${expected}`, () => expect(roundScore(x)).toBe(expected));
});

describe('scoreCadre: rater groups', () => {
  it('weights the group means by the cycle weights', () => {
    const score = scoreCadre(input());
    expect(only(score).ratingScore).toBe(86);
    expect(only(score).groups.map((g) => [g.group, g.mean, g.effectiveWeight, g.shown])).toEqual([
      ['superior', 90, 60, true],
      ['peer', 80, 40, true],
    ]);
    expect(score.total).toBe(86);
    expect(score.missingGroups).toEqual([]);
  });

  it('leaves out a group below its minimum, lists it as missing and renormalizes the others', () => {
    const score = scoreCadre(input({ ballots: { superior: ballots('a', 90), peer: ballots('a', 40, 50) } }));
    const peer = only(score).groups[1]!;
    expect(peer).toEqual(jasmine.objectContaining({ shown: false, responses: 2, minResponses: 3, used: [], mean: null, effectiveWeight: 0 }));
    expect(only(score).groups[0]!.effectiveWeight).toBe(100);
    expect(only(score).ratingScore).toBe(90);
    expect(score.missingGroups).toEqual(['peer']);
  });

  it('never counts a weight-0 group and does not call it missing', () => {
    const score = scoreCadre(input({
      raterGroups: [group('superior', 100, 1), group('self', 0, 1)],
      ballots: { superior: ballots('a', 80), self: ballots('a', 100) },
    }));
    expect(only(score).ratingScore).toBe(80);
    expect(only(score).groups[1]).toEqual(jasmine.objectContaining({ shown: true, mean: 100, effectiveWeight: 0 }));
    expect(score.missingGroups).toEqual([]);
  });

  it('ignores ratings left empty and ballots of indicators that do not apply', () => {
    const score = scoreCadre(input({ ballots: { superior: [{ a: null, x: 10 }, { a: 70 }], peer: ballots('a', 80, 80, 80) } }));
    expect(only(score).groups[0]).toEqual(jasmine.objectContaining({ responses: 1, used: [70] }));
  });

  const trimCases: Array<[what: string, trim: boolean, scores: number[], used: number[], trimmed: number[], mean: number]> = [
    ['keeps all of 4 ratings', true, [50, 95, 70, 85], [50, 70, 85, 95], [], 75],
    ['drops the top and bottom of 5 ratings', true, [50, 95, 70, 85, 85], [70, 85, 85], [50, 95], 80],
    ['keeps all of 5 ratings when the cycle does not trim', false, [50, 95, 70, 85, 85], [50, 70, 85, 85, 95], [], 77],
    ['drops only one of equal top ratings', true, [95, 95, 95, 70, 50], [70, 95, 95], [50, 95], 86.67],
  ];
  for (const [what, trimExtremes, scores, used, trimmed, mean] of trimCases) {
    it(`trimming: ${what}`, () => {
      const score = scoreCadre(input({ settings: { trimExtremes }, raterGroups: [group('peer', 100, 3)], ballots: { peer: ballots('a', ...scores) } }));
      expect(only(score).groups[0]).toEqual(jasmine.objectContaining({ responses: scores.length, used, trimmed, mean }));
    });
  }

  it('scores nothing when no group is shown', () => {
    const score = scoreCadre(input({ ballots: { peer: ballots('a', 90, 90) } }));
    expect(only(score).ratingScore).toBeNull();
    expect(only(score).score).toBeNull();
    expect(only(score).weight).toBe(0);
    expect(score.dimensions[0]!.weight).toBe(0);
    expect([score.total, score.bandGrade, score.cappedGrade]).toEqual([null, null, null]);
    expect(score.missingGroups).toEqual(['superior', 'peer']);
  });
});

describe('scoreCadre: applicability', () => {
  const framework = {
    dimensions: [
      dimension('work', 60, [indicator('street_only', 60, { applicability: { tiers: ['街镇'], categories: [] } }), indicator('common', 40)]),
      dimension('law', 20, [indicator('law', 100)], { applicability: { tiers: [], categories: ['行政执法类'] } }),
      dimension('grass', 20, [indicator('grass', 100, { applicability: { tiers: ['街镇'], categories: [] } })]),
    ],
    vetoRules: [],
    gradeBands: { 优秀: 90, 称职: 75, 基本称职: 60 },
  };
  const cases: Array<[what: string, ratee: ScoreInput['ratee'], expected: Array<[string, string[]]>]> = [
    ['a department cadre keeps only what applies to every tier', { tier: '部门', category: '综合管理类' }, [['work', ['common']]]],
    ['a street cadre keeps the street indicators', { tier: '街镇', category: '综合管理类' }, [['work', ['street_only', 'common']], ['grass', ['grass']]]],
    ['a law-enforcement cadre keeps the law dimension', { tier: '部门', category: '行政执法类' }, [['work', ['common']], ['law', ['law']]]],
  ];
  for (const [what, ratee, expected] of cases) {
    it(`applicableDimensions: ${what}`, () => {
      expect(applicableDimensions(framework, ratee).map((d) => [d.id, d.indicators.map((i) => i.id)])).toEqual(expected);
    });
  }

  it('renormalizes the weights of what is left and reports them', () => {
    const score = scoreCadre(input({
      framework,
      ratee: { tier: '部门', category: '行政执法类' },
      raterGroups: [group('superior', 100, 1)],
      ballots: { superior: [{ common: 80, law: 95, street_only: 10, grass: 10 }] },
    }));
    expect(score.dimensions.map((d) => [d.dimensionId, d.weight, d.score])).toEqual([['work', 75, 80], ['law', 25, 95]]);
    expect(score.dimensions[0]!.indicators.map((i) => [i.indicatorId, i.weight])).toEqual([['common', 100]]);
    expect(score.total).toBe(83.75);
  });
});

describe('scoreCadre: evidence', () => {
  const withIndicator = (ind: Indicator, overrides: Partial<ScoreInput> = {}) =>
    input({ framework: { dimensions: [dimension('d', 100, [ind])], vetoRules: [], gradeBands: { 优秀: 90, 称职: 75, 基本称职: 60 } }, ...overrides });

  const bandCases: Array<[amounts: number[], value: number, score: number]> = [
    [[], 0, 40],
    [[1], 1, 40],
    [[1, 1], 2, 70],
    [[1.5, 1.5, 1.5], 4.5, 100],
  ];
  for (const [amounts, value, bandScore] of bandCases) {
    it(`takes the band with the highest start not above ${value}`, () => {
      const evidence = amounts.map((amount, i) => item('commendations', `c${i}`, amount));
      const score = scoreCadre(withIndicator(evidenced('a', 100, 40, 'commendations'), { evidence }));
      expect(only(score).evidence).toEqual(jasmine.objectContaining({ available: true, value, score: bandScore }));
      expect(only(score).ratingShare).toBe(40);
      expect(only(score).score).toBe(roundScore(0.4 * 86 + 0.6 * bandScore));
    });
  }

  it('scores 0 when every band starts above the value', () => {
    const ind = indicator('a', 100, { ratingShare: 50, evidence: { source: 'commendations', description: '', bands: [{ min: 1, score: 80 }] } });
    expect(only(scoreCadre(withIndicator(ind))).evidenceScore).toBe(0);
  });

  it('lets the ratings carry an indicator whose source nothing feeds yet', () => {
    const score = scoreCadre(withIndicator(evidenced('a', 100, 40, 'household_visits'), { evidence: [item('household_visits', 'v', 30)] }));
    expect(only(score).evidence).toEqual(jasmine.objectContaining({ source: 'household_visits', available: false, score: null }));
    expect(only(score).ratingShare).toBe(100);
    expect(only(score).score).toBe(86);
  });

  it('lets the evidence carry an indicator nobody rated', () => {
    const score = scoreCadre(withIndicator(evidenced('a', 100, 40, 'commendations'), { ballots: {}, evidence: [item('commendations', 'c', 4)] }));
    expect([only(score).ratingScore, only(score).evidenceScore, only(score).ratingShare, only(score).score]).toEqual([null, 100, 0, 100]);
  });
});

describe('scoreCadre: vetoes and tolerances', () => {
  const framework = {
    dimensions: [dimension('d', 100, [indicator('a', 50), evidenced('clean', 25, 50, 'sanctions'), evidenced('frontline', 25, 50, 'frontline_assignments')])],
    vetoRules: [SANCTION_VETO],
    gradeBands: { 优秀: 80, 称职: 60, 基本称职: 50 },
  };
  const sanction = [item('sanctions', 'commendations:2'), item('serious_sanctions', 'commendations:2')];
  const available = new Set<EvidenceSource>([...RECORD_EVIDENCE_SOURCES, 'frontline_assignments']);
  const tolerance = (outcome: ToleranceInput['outcome'], effectiveUntil: string | null = null): ToleranceInput => ({
    caseId: 'case1', matterKey: 'commendations:2', outcome, effectiveUntil,
  });
  const run = (tolerances: ToleranceInput[], evidence = sanction) =>
    scoreCadre(input({ framework, evidence, tolerances, availableSources: available, raterGroups: [group('superior', 100, 1)],
      ballots: { superior: [{ a: 95, clean: 95, frontline: 95 }] } }));

  const cases: Array<[what: string, tolerances: ToleranceInput[], sanctions: number, serious: number, frontline: number, grade: string, vetoed: boolean]> = [
    ['a serious sanction caps 优秀 at 称职', [], 1, 1, 0, '称职', true],
    ['an exempt (免责) case lifts the veto and counts as frontline evidence', [tolerance('exempt')], 0, 0, 1, '优秀', false],
    ['a lighter (从轻) case lifts the veto but the sanction still counts', [tolerance('lighter')], 1, 0, 0, '优秀', false],
    ['a reduced (减轻) case lifts the veto but the sanction still counts', [tolerance('reduced')], 1, 0, 0, '优秀', false],
    ['a tolerance still in force on the day applies', [tolerance('exempt', '2026-12-31')], 0, 0, 1, '优秀', false],
    ['an expired tolerance does not apply', [tolerance('exempt', '2026-12-30')], 1, 1, 0, '称职', true],
  ];
  for (const [what, tolerances, sanctions, serious, frontline, grade, vetoed] of cases) {
    it(what, () => {
      const score = run(tolerances);
      const [, clean, front] = score.dimensions[0]!.indicators;
      expect(clean!.evidence!.value).toBe(sanctions);
      expect(front!.evidence!.value).toBe(frontline);
      expect(score.vetoes.length > 0).toBe(vetoed);
      if (vetoed) expect(score.vetoes).toEqual([{ ruleId: 'serious', description: SANCTION_VETO.description, capGrade: '称职', value: serious }]);
      expect(score.cappedGrade as string).toBe(grade);
    });
  }

  it('explains which case kept a matter from counting and lists the applied tolerance', () => {
    const score = run([tolerance('exempt'), { ...tolerance('exempt'), caseId: 'case9', matterKey: 'nowhere' }]);
    const [, clean, front] = score.dimensions[0]!.indicators;
    expect(clean!.evidence!.items).toEqual([{ key: 'commendations:2', text: '事项 commendations:2', amount: 1, excludedBy: 'case1' }]);
    expect(front!.evidence!.items).toEqual([{ key: 'tolerance:case1', text: '已容错免责：事项 commendations:2', amount: 1, excludedBy: null }]);
    expect(score.tolerated).toEqual([{ caseId: 'case1', matterKey: 'commendations:2', outcome: 'exempt' }]);
    expect(score.bandGrade).toBe('优秀');
  });

  it('credits one exempt matter once even when two cases cover it', () => {
    const score = run([tolerance('exempt'), { ...tolerance('exempt'), caseId: 'case2' }]);
    expect(score.dimensions[0]!.indicators[2]!.evidence!.value).toBe(1);
    expect(score.dimensions[0]!.indicators[1]!.evidence!.items[0]!.excludedBy).toBe('case1');
  });

  it('reports a veto that does not lower a grade already below its cap', () => {
    const score = scoreCadre(input({ evidence: sanction, ballots: { superior: ballots('a', 70) }, raterGroups: [group('superior', 100, 1)] }));
    expect([score.bandGrade, score.cappedGrade, score.vetoes.length]).toEqual(['基本称职', '基本称职', 1]);
  });
});

describe('scoreCadre: totals', () => {
  it('grades the rounded total: 89.995 shows as 90.00 and is 优秀', () => {
    const score = scoreCadre(input({
      framework: { dimensions: [dimension('d', 100, [indicator('a', 50), indicator('b', 50)])], vetoRules: [], gradeBands: { 优秀: 90, 称职: 75, 基本称职: 60 } },
      raterGroups: [group('superior', 100, 1)],
      ballots: { superior: [{ a: 89.99, b: 90 }] },
    }));
    expect(score.total).toBe(90);
    expect(score.bandGrade).toBe('优秀');
  });

  it('rounds only at the output: dimension scores are combined unrounded', () => {
    // Rounded first, 80.01 and 80.00 would average to 80.005 and show 80.01; unrounded the total is 80.00405.
    const framework = {
      dimensions: [dimension('x', 50, [indicator('a', 100)]), dimension('y', 50, [indicator('b', 100)])],
      vetoRules: [], gradeBands: { 优秀: 90, 称职: 75, 基本称职: 60 },
    };
    const score = scoreCadre(input({ framework, raterGroups: [group('superior', 100, 1)], ballots: { superior: [{ a: 80.0051, b: 80.003 }] } }));
    expect(score.dimensions.map((d) => d.score)).toEqual([80.01, 80]);
    expect(score.total).toBe(80);
  });

  it('scores the default framework with the record sources only', () => {
    const framework = FrameworkContentSchema.parse(DEFAULT_FRAMEWORK);
    const every = Object.fromEntries(framework.dimensions.flatMap((d) => d.indicators.map((i) => [i.id, 85])));
    const score = scoreCadre(input({ framework, ballots: { superior: [every], peer: [every, every, every] } }));
    const clean = score.dimensions.find((d) => d.dimensionId === 'integrity')!.indicators[0]!;
    expect(clean.evidence).toEqual(jasmine.objectContaining({ source: 'sanctions', available: true, value: 0, score: 100 }));
    expect(clean.score).toBe(0.6 * 85 + 0.4 * 100);
    // Every other evidence source is not fed yet: the ratings carry those indicators.
    expect(score.total).toBe(roundScore(85 * 0.95 + 91 * 0.05));
    expect(score.bandGrade).toBe('称职');
  });
});
