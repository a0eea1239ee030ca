import type { CADRE_CATEGORIES } from '../cadres/cadre.js';
import type { CycleRaterGroup } from './cycle.js';
import type {
  Applicability,
  Dimension,
  EvidenceRule,
  EvidenceSource,
  FrameworkContent,
  Grade,
  Indicator,
  RaterGroup,
  Tier,
} from './framework.js';
import { gradeForScore, isBetterGrade } from './grading.js';
import type { CadreScore, DimensionResult, EvidenceItem, IndicatorResult, ToleranceInput } from './result.js';
import { applyTolerances, sumEvidence, type WeighedEvidenceItem } from './tolerances.js';

/** The scores of one submitted form: indicator id → the rubric score picked. */
export type BallotScores = Readonly<Record<string, number | null>>;

type CadreCategory = (typeof CADRE_CATEGORIES)[number];

export interface Ratee {
  tier: Tier;
  category: CadreCategory;
}

export interface ScoreInput {
  framework: Pick<FrameworkContent, 'dimensions' | 'vetoRules' | 'gradeBands'>;
  ratee: Ratee;
  raterGroups: readonly CycleRaterGroup[];
  settings: { trimExtremes: boolean };
  ballots: Partial<Record<RaterGroup, readonly BallotScores[]>>;
  evidence: readonly EvidenceItem[];
  availableSources: ReadonlySet<EvidenceSource>;
  tolerances: readonly ToleranceInput[];
  /** yyyy-MM-dd: tolerances ending before this day no longer apply. */
  asOf: string;
}

type GroupExplanation = IndicatorResult['groups'][number];
type EvidenceExplanation = NonNullable<IndicatorResult['evidence']>;

/** Below this many ratings, dropping the top and the bottom one would leave too little to average. */
const TRIM_MIN_RATINGS = 5;

/**
 * Two decimals, half away from zero. The product is first cut to 15 significant digits so that
 * binary noise does not decide the half: 84.995 × 100 is 8499.499999999999 in floating point,
 * read back as 8499.5, so 84.995 rounds to 85.
 */
export function roundScore(x: number): number {
  const hundredths = Number((Math.abs(x) * 100).toPrecision(15));
  const rounded = Math.round(hundredths) / 100;
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

function appliesTo(applicability: Applicability, ratee: Ratee): boolean {
  return (
    (applicability.tiers.length === 0 || applicability.tiers.includes(ratee.tier)) &&
    (applicability.categories.length === 0 || applicability.categories.includes(ratee.category))
  );
}

/**
 * The dimensions that apply to a ratee, each with only its indicators that apply; a dimension left
 * without indicators drops out. Weights stay as configured: the scorer renormalizes them.
 */
export function applicableDimensions(framework: Pick<FrameworkContent, 'dimensions'>, ratee: Ratee): Dimension[] {
  return framework.dimensions.flatMap((dimension) => {
    if (!appliesTo(dimension.applicability, ratee)) return [];
    const indicators = dimension.indicators.filter((indicator) => appliesTo(indicator.applicability, ratee));
    return indicators.length > 0 ? [{ ...dimension, indicators }] : [];
  });
}

interface Part {
  value: number | null;
  weight: number;
}

/**
 * The weighted mean of the parts that have a value, with the weights renormalized over them, and
 * each part's effective share in percent (0 for a part that did not count). Null when nothing counts.
 */
function combineParts(parts: readonly Part[]): { mean: number | null; shares: number[] } {
  const totalWeight = parts.reduce((sum, part) => (part.value === null ? sum : sum + part.weight), 0);
  if (totalWeight <= 0) return { mean: null, shares: parts.map(() => 0) };
  const weighted = parts.reduce((sum, part) => (part.value === null ? sum : sum + part.value * part.weight), 0);
  return {
    mean: weighted / totalWeight,
    shares: parts.map((part) => (part.value === null ? 0 : (part.weight / totalWeight) * 100)),
  };
}

function explainGroup(config: CycleRaterGroup, input: ScoreInput, indicatorId: string): GroupExplanation & { rawMean: number | null } {
  const ratings = (input.ballots[config.group] ?? [])
    .map((ballot) => ballot[indicatorId])
    .filter((score): score is number => typeof score === 'number')
    .sort((a, b) => a - b);
  const shown = ratings.length >= config.minResponses;
  const trims = shown && input.settings.trimExtremes && ratings.length >= TRIM_MIN_RATINGS;
  const used = !shown ? [] : trims ? ratings.slice(1, -1) : ratings;
  const rawMean = used.length > 0 ? used.reduce((sum, score) => sum + score, 0) / used.length : null;
  return {
    group: config.group,
    weight: config.weight,
    effectiveWeight: 0,
    responses: ratings.length,
    minResponses: config.minResponses,
    shown,
    used,
    trimmed: trims ? [ratings[0]!, ratings[ratings.length - 1]!] : [],
    mean: rawMean === null ? null : roundScore(rawMean),
    rawMean,
  };
}

/** The score of the band with the highest start not above the value; 0 when every band starts above it. */
function scoreBands(rule: EvidenceRule, value: number): number {
  let best: { min: number; score: number } | null = null;
  for (const band of rule.bands) if (band.min <= value && (best === null || band.min > best.min)) best = band;
  return best?.score ?? 0;
}

function explainEvidence(rule: EvidenceRule, items: readonly WeighedEvidenceItem[], available: boolean): EvidenceExplanation {
  // The value is compared as shown (two decimals), so 0.1 + 0.2 hours reaches a band starting at 0.3.
  const value = roundScore(sumEvidence(items, rule.source));
  return {
    source: rule.source,
    available,
    value,
    score: available ? scoreBands(rule, value) : null,
    items: items
      .filter((item) => item.source === rule.source)
      .map((item) => ({ key: item.key, text: item.text, amount: item.amount, excludedBy: item.excludedBy })),
  };
}

function scoreIndicator(
  indicator: Indicator,
  input: ScoreInput,
  items: readonly WeighedEvidenceItem[],
  missing: Set<RaterGroup>,
): { result: Omit<IndicatorResult, 'weight'>; raw: number | null } {
  const explained = input.raterGroups.map((config) => explainGroup(config, input, indicator.id));
  const rating = combineParts(explained.map((group) => ({ value: group.rawMean, weight: group.weight })));
  const groups = explained.map(({ rawMean: _rawMean, ...group }, index) => ({
    ...group,
    effectiveWeight: roundScore(rating.shares[index]!),
  }));
  for (const group of groups) if (group.weight > 0 && !group.shown) missing.add(group.group);

  const evidence = indicator.evidence
    ? explainEvidence(indicator.evidence, items, input.availableSources.has(indicator.evidence.source))
    : null;
  const evidenceScore = evidence?.score ?? null;
  // With one part missing, the other carries the whole indicator whatever the configured share.
  let ratingShare = indicator.ratingShare;
  if (rating.mean !== null && evidenceScore === null) ratingShare = 100;
  if (rating.mean === null && evidenceScore !== null) ratingShare = 0;
  const raw =
    rating.mean === null && evidenceScore === null
      ? null
      : ((rating.mean ?? 0) * ratingShare + (evidenceScore ?? 0) * (100 - ratingShare)) / 100;
  return {
    raw,
    result: {
      indicatorId: indicator.id,
      name: indicator.name,
      ratingScore: rating.mean === null ? null : roundScore(rating.mean),
      evidenceScore,
      ratingShare,
      score: raw === null ? null : roundScore(raw),
      groups,
      evidence,
    },
  };
}

/**
 * Scores one cadre against a framework: ratings per rater group, evidence per rule (after
 * fault-tolerance results), weighted up through indicators and dimensions to a total, then the grade
 * from the bands and the vetoes. Only what applies to the ratee and what could be scored counts;
 * weights are renormalized over it and reported as used (0 for a part that did not count).
 * Everything is rounded to two decimals at the output only.
 */
export function scoreCadre(input: ScoreInput): CadreScore {
  const { items, tolerated } = applyTolerances(input.evidence, input.tolerances, input.asOf);
  const missing = new Set<RaterGroup>();
  const scoredDimensions = applicableDimensions(input.framework, input.ratee).map((dimension) => {
    const indicators = dimension.indicators.map((indicator) => ({
      ...scoreIndicator(indicator, input, items, missing),
      weight: indicator.weight,
    }));
    const combined = combineParts(indicators.map(({ raw, weight }) => ({ value: raw, weight })));
    return {
      raw: combined.mean,
      weight: dimension.weight,
      result: {
        dimensionId: dimension.id,
        name: dimension.name,
        score: combined.mean === null ? null : roundScore(combined.mean),
        indicators: indicators.map(({ result }, index) => ({ ...result, weight: roundScore(combined.shares[index]!) })),
      },
    };
  });
  const combined = combineParts(scoredDimensions.map(({ raw, weight }) => ({ value: raw, weight })));
  const dimensions: DimensionResult[] = scoredDimensions.map(({ result }, index) => ({
    ...result,
    weight: roundScore(combined.shares[index]!),
  }));
  const total = combined.mean === null ? null : roundScore(combined.mean);
  const bandGrade = gradeForScore(total, input.framework.gradeBands);

  // A veto counts the facts it is given even from a source not yet listed as fed: a sanction on file is a sanction.
  const vetoes = input.framework.vetoRules.flatMap((rule) => {
    const value = roundScore(sumEvidence(items, rule.source));
    return value >= rule.min ? [{ ruleId: rule.id, description: rule.description, capGrade: rule.capGrade, value }] : [];
  });
  let cappedGrade: Grade | null = bandGrade;
  for (const veto of vetoes) if (cappedGrade !== null && isBetterGrade(cappedGrade, veto.capGrade)) cappedGrade = veto.capGrade;

  return {
    total,
    dimensions,
    bandGrade,
    vetoes,
    cappedGrade,
    missingGroups: input.raterGroups.map((group) => group.group).filter((group) => missing.has(group)),
    tolerated,
  };
}
