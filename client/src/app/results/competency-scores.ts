import type { CompetencyScore } from '../cadres/competency-radar';

/** The radar's spokes from a result's dimensions: a dimension nothing could score has no point to draw. */
export function competencyScoresOf(dimensions: readonly { readonly name: string; readonly score: number | null }[]): CompetencyScore[] {
  return dimensions.flatMap((dimension) => (dimension.score === null ? [] : [{ dimension: dimension.name, score: dimension.score }]));
}
