import type { Applicability, BallotDraft, Dimension, FrameworkVersion, RatingForm, Tier } from '@cadre/shared-models';
import { AppError } from '../platform/errors.js';

/** Whether a dimension or indicator applies to a ratee of this tier and category (empty lists mean all). */
function applies(applicability: Applicability, ratee: { tier: Tier; category: string }): boolean {
  return (
    (applicability.tiers.length === 0 || applicability.tiers.includes(ratee.tier)) &&
    (applicability.categories.length === 0 || (applicability.categories as string[]).includes(ratee.category))
  );
}

/**
 * The dimensions that apply to the ratee with only the indicators that apply; dimensions left
 * without indicators are dropped. The same rule as the scorer's `applicableDimensions`.
 */
export function filterApplicable(framework: Pick<FrameworkVersion, 'dimensions'>, ratee: { tier: Tier; category: string }): Dimension[] {
  return framework.dimensions
    .filter((dimension) => applies(dimension.applicability, ratee))
    .map((dimension) => ({ ...dimension, indicators: dimension.indicators.filter((indicator) => applies(indicator.applicability, ratee)) }))
    .filter((dimension) => dimension.indicators.length > 0);
}

/**
 * What a rater is asked: the applicable indicators scored at least partly from ratings (one
 * scored from evidence alone has nothing to rate).
 */
export function formDimensions(framework: Pick<FrameworkVersion, 'dimensions'>, ratee: { tier: Tier; category: string }): RatingForm['dimensions'] {
  return filterApplicable(framework, ratee)
    .map((dimension) => ({
      id: dimension.id,
      name: dimension.name,
      description: dimension.description,
      indicators: dimension.indicators
        .filter((indicator) => indicator.ratingShare > 0)
        .map(({ id, name, description, rubric }) => ({ id, name, description, rubric })),
    }))
    .filter((dimension) => dimension.indicators.length > 0);
}

const invalid = (path: string, message: string) => new AppError(400, 'validation_failed', message, [{ path, message }]);

/**
 * The scores of a form checked against its indicators: each must be one of the form's indicators
 * and a score of its rubric; with `complete`, every indicator needs one. Returns the scores in the
 * form's order, nulls dropped.
 */
export function checkBallotScores(dimensions: RatingForm['dimensions'], draft: BallotDraft, complete: boolean): Record<string, number> {
  const indicators = dimensions.flatMap((dimension) => dimension.indicators);
  const known = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  for (const [id, score] of Object.entries(draft.scores)) {
    const indicator = known.get(id);
    if (!indicator) throw invalid(`body.scores.${id}`, '评价表中没有这个指标');
    if (score !== null && !indicator.rubric.some((level) => level.score === score)) {
      throw invalid(`body.scores.${id}`, `“${indicator.name}”的分值应为评分等级之一：${indicator.rubric.map((level) => `${level.label} ${level.score}`).join('、')}`);
    }
  }
  const scores: Record<string, number> = {};
  for (const indicator of indicators) {
    const score = draft.scores[indicator.id];
    if (score === undefined || score === null) {
      if (complete) throw invalid(`body.scores.${indicator.id}`, `请为“${indicator.name}”选择评分等级`);
      continue;
    }
    scores[indicator.id] = score;
  }
  return scores;
}
