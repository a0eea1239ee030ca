import type { z } from 'zod';
import type { CadreCategorySchema } from '../cadres/cadre.js';
import { MIN_ANONYMOUS_RESPONSES, type CycleRaterGroup } from './cycle.js';
import type { Applicability, Dimension, EvidenceRule, EvidenceSource, FrameworkContent, Grade, Indicator, RaterGroup, Tier } from './framework.js';
import { GRADES } from './framework.js';
import { gradeForScore } from './grading.js';
import type { BallotScoresSchema } from './rating.js';
import type { CadreScore, DimensionResult, EvidenceItem, IndicatorResult, ToleranceInput } from './result.js';

export type BallotScores = z.infer<typeof BallotScoresSchema>;
type CadreCategory = z.infer<typeof CadreCategorySchema>;

export interface ScoreInput {
  framework: Pick<FrameworkContent, 'dimensions' | 'vetoRules' | 'gradeBands'>;
  ratee: { tier: Tier; category: CadreCategory };
  raterGroups: readonly CycleRaterGroup[];
  settings: { trimExtremes: boolean };
  ballots: Partial<Record<RaterGroup, readonly BallotScores[]>>;
  evidence: readonly EvidenceItem[];
  availableSources: ReadonlySet<EvidenceSource>;
  tolerances: readonly ToleranceInput[];
  /** yyyy-MM-dd */
  asOf: string;
}

/** Two decimals. */
export function roundScore(x: number): number {
  return Math.round(x * 100) / 100;
}

function applies(applicability: Applicability, ratee: { tier: Tier; category: CadreCategory }): boolean {
  return (
    (applicability.tiers.length === 0 || applicability.tiers.includes(ratee.tier)) &&
    (applicability.categories.length === 0 || applicability.categories.includes(ratee.category))
  );
}

/** The dimensions that apply to a ratee, each with only the indicators that apply; empty ones left out. */
export function applicableDimensions(framework: Pick<FrameworkContent, 'dimensions'>, ratee: { tier: Tier; category: CadreCategory }): Dimension[] {
  return framework.dimensions
    .filter((dimension) => applies(dimension.applicability, ratee))
    .map((dimension) => ({ ...dimension, indicators: dimension.indicators.filter((indicator) => applies(indicator.applicability, ratee)) }))
    .filter((dimension) => dimension.indicators.length > 0);
}

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** Weighted mean of the parts that have a value, weights renormalized over them; with each part's effective weight. */
function weighted(parts: readonly { weight: number; value: number | null }[]): { value: number | null; effective: number[] } {
  const sum = parts.reduce((total, p) => total + (p.value === null ? 0 : p.weight), 0);
  const effective = parts.map((p) => (p.value === null || sum === 0 ? 0 : roundScore((p.weight / sum) * 100)));
  if (sum === 0) return { value: null, effective };
  return { value: parts.reduce((total, p) => total + (p.value === null ? 0 : (p.value * p.weight) / sum), 0), effective };
}

function scoreGroups(indicatorId: string, input: ScoreInput): { score: number | null; groups: IndicatorResult['groups'] } {
  const groups = input.raterGroups
    .filter((g) => g.weight > 0)
    .map((g) => {
      const ratings = (input.ballots[g.group] ?? []).map((b) => b[indicatorId]).filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
      const minResponses = g.anonymous ? Math.max(g.minResponses, MIN_ANONYMOUS_RESPONSES) : g.minResponses;
      const shown = ratings.length >= minResponses;
      const trim = shown && input.settings.trimExtremes && ratings.length >= 5;
      const used = !shown ? [] : trim ? ratings.slice(1, -1) : ratings;
      const trimmed = trim ? [ratings[0]!, ratings.at(-1)!] : [];
      return { group: g.group, weight: g.weight, responses: ratings.length, minResponses, shown, used, trimmed, mean: shown ? roundScore(mean(used)) : null };
    });
  const { value, effective } = weighted(groups.map((g) => ({ weight: g.weight, value: g.shown ? mean(g.used) : null })));
  return { score: value, groups: groups.map((g, i) => ({ ...g, effectiveWeight: effective[i]! })) };
}

interface Counted {
  items: EvidenceItem[];
  excludedBy: Map<string, string>;
}

/** 免责 removes a matter from scoring; 从轻/减轻 stop it counting as serious. Only tolerances in force on `asOf`. */
function countEvidence(input: ScoreInput): Counted & { tolerated: CadreScore['tolerated'] } {
  const excludedBy = new Map<string, string>();
  const tolerated: CadreScore['tolerated'] = [];
  const items = [...input.evidence];
  for (const tolerance of input.tolerances) {
    if (tolerance.effectiveUntil !== null && tolerance.effectiveUntil < input.asOf) continue;
    const matters = input.evidence.filter((item) => item.key === tolerance.matterKey);
    if (matters.length === 0) continue;
    tolerated.push({ caseId: tolerance.caseId, matterKey: tolerance.matterKey, outcome: tolerance.outcome });
    for (const item of matters) {
      if (tolerance.outcome === 'exempt' || item.source === 'serious_sanctions') excludedBy.set(`${item.source}|${item.key}`, tolerance.caseId);
    }
    if (tolerance.outcome === 'exempt') {
      items.push({ source: 'tolerated_cases', key: tolerance.matterKey, text: matters[0]!.text, month: matters[0]!.month, amount: 1 });
    }
  }
  return { items, excludedBy, tolerated };
}

function valueOf(source: EvidenceSource, counted: Counted): number {
  return counted.items.filter((i) => i.source === source && !counted.excludedBy.has(`${i.source}|${i.key}`)).reduce((sum, i) => sum + i.amount, 0);
}

function scoreEvidence(rule: EvidenceRule, input: ScoreInput, counted: Counted): NonNullable<IndicatorResult['evidence']> {
  const available = input.availableSources.has(rule.source);
  const value = available ? valueOf(rule.source, counted) : 0;
  const band = [...rule.bands].sort((a, b) => b.min - a.min).find((b) => b.min <= value);
  return {
    source: rule.source,
    available,
    value,
    score: available && band ? band.score : null,
    items: counted.items
      .filter((i) => i.source === rule.source)
      .map((i) => ({ key: i.key, text: i.text, amount: i.amount, excludedBy: counted.excludedBy.get(`${i.source}|${i.key}`) ?? null })),
  };
}

function scoreIndicator(indicator: Indicator, input: ScoreInput, counted: Counted): Omit<IndicatorResult, 'weight'> {
  const ratings = scoreGroups(indicator.id, input);
  const evidence = indicator.evidence && indicator.ratingShare < 100 ? scoreEvidence(indicator.evidence, input, counted) : null;
  const evidenceScore = evidence?.score ?? null;
  // A part without a value leaves the whole indicator to the other part.
  const ratingShare = evidenceScore === null ? 100 : ratings.score === null ? 0 : indicator.ratingShare;
  const score =
    ratings.score === null && evidenceScore === null
      ? null
      : ((ratings.score ?? 0) * ratingShare + (evidenceScore ?? 0) * (100 - ratingShare)) / 100;
  return {
    indicatorId: indicator.id,
    name: indicator.name,
    ratingScore: ratings.score === null ? null : roundScore(ratings.score),
    evidenceScore,
    ratingShare,
    score: score === null ? null : roundScore(score),
    groups: ratings.groups,
    evidence,
  };
}

const worse = (a: Grade, b: Grade): Grade => (GRADES.indexOf(a) > GRADES.indexOf(b) ? a : b);

/** One cadre's explained score: rater group means, evidence bands, weights renormalized over what could be scored, vetoes. */
export function scoreCadre(input: ScoreInput): CadreScore {
  const counted = countEvidence(input);
  const dimensions = applicableDimensions(input.framework, input.ratee).map((dimension) => {
    const indicators = dimension.indicators.map((indicator) => ({ indicator, result: scoreIndicator(indicator, input, counted) }));
    const { value, effective } = weighted(indicators.map(({ indicator, result }) => ({ weight: indicator.weight, value: result.score })));
    return {
      dimension,
      value,
      indicators: indicators.map(({ result }, i): IndicatorResult => ({ ...result, weight: effective[i]! })),
    };
  });
  const total = weighted(dimensions.map((d) => ({ weight: d.dimension.weight, value: d.value })));
  const results: DimensionResult[] = dimensions.map((d, i) => ({
    dimensionId: d.dimension.id,
    name: d.dimension.name,
    weight: total.effective[i]!,
    score: d.value === null ? null : roundScore(d.value),
    indicators: d.indicators,
  }));
  const roundedTotal = total.value === null ? null : roundScore(total.value);
  const bandGrade = roundedTotal === null ? null : gradeForScore(roundedTotal, input.framework.gradeBands);
  const vetoes = input.framework.vetoRules
    .filter((rule) => input.availableSources.has(rule.source))
    .map((rule) => ({ rule, value: valueOf(rule.source, counted) }))
    .filter(({ rule, value }) => value >= rule.min)
    .map(({ rule, value }) => ({ ruleId: rule.id, description: rule.description, capGrade: rule.capGrade, value }));
  const cappedGrade = bandGrade === null ? null : vetoes.reduce<Grade>((grade, veto) => worse(grade, veto.capGrade), bandGrade);
  const missingGroups = input.raterGroups
    .filter((g) => g.weight > 0 && (input.ballots[g.group] ?? []).length < (g.anonymous ? Math.max(g.minResponses, MIN_ANONYMOUS_RESPONSES) : g.minResponses))
    .map((g) => g.group);
  return { total: roundedTotal, dimensions: results, bandGrade, vetoes, cappedGrade, missingGroups, tolerated: counted.tolerated };
}
