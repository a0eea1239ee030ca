import { FormArray, FormControl, FormGroup } from '@angular/forms';
import {
  DimensionSchema,
  EvidenceBandSchema,
  FrameworkVersionSchema,
  GradeBandsSchema,
  IndicatorSchema,
  RubricLevelSchema,
  VetoRuleSchema,
  type Applicability,
  type Dimension,
  type EvidenceSource,
  type FrameworkContentInput,
  type Grade,
  type Indicator,
  type RubricLevel,
  type VetoRule,
} from '@cadre/shared-models';
import { requiredSchemaValidator, schemaValidator } from '../core/forms/schema-validator';

const dimensionFields = DimensionSchema.shape;
const indicatorFields = IndicatorSchema.shape;
const levelFields = RubricLevelSchema.shape;
const bandFields = EvidenceBandSchema.shape;
const vetoFields = VetoRuleSchema.shape;
const gradeFields = GradeBandsSchema.shape;

type Tier = Applicability['tiers'][number];
type Category = Applicability['categories'][number];

function text(value: string, schema: Parameters<typeof schemaValidator>[0]): FormControl<string> {
  return new FormControl(value, { nonNullable: true, validators: schemaValidator(schema) });
}

/** Number boxes give null when emptied, which is asked for rather than refused in the schema's generic words. */
function number(value: number | null, schema: Parameters<typeof schemaValidator>[0]): FormControl<number | null> {
  return new FormControl<number | null>(value, { validators: requiredSchemaValidator(schema, '请填写数值') });
}

function applicabilityGroup(value: Applicability) {
  return new FormGroup({
    tiers: new FormControl<Tier[]>([...value.tiers], { nonNullable: true }),
    categories: new FormControl<Category[]>([...value.categories], { nonNullable: true }),
  });
}

export function levelGroup(level: RubricLevel) {
  return new FormGroup({
    label: text(level.label, levelFields.label),
    score: number(level.score, levelFields.score),
    description: text(level.description, levelFields.description),
  });
}

export function bandGroup(band: { min: number; score: number }) {
  return new FormGroup({ min: number(band.min, bandFields.min), score: number(band.score, bandFields.score) });
}

export function indicatorGroup(indicator: Indicator) {
  return new FormGroup({
    id: text(indicator.id, indicatorFields.id),
    name: text(indicator.name, indicatorFields.name),
    description: text(indicator.description, indicatorFields.description),
    weight: number(indicator.weight, indicatorFields.weight),
    ratingShare: number(indicator.ratingShare, indicatorFields.ratingShare),
    rubric: new FormArray(indicator.rubric.map(levelGroup)),
    // No source means no evidence rule: the indicator is scored from ratings alone.
    evidence: new FormGroup({
      source: new FormControl<EvidenceSource | null>(indicator.evidence?.source ?? null),
      description: new FormControl(indicator.evidence?.description ?? '', { nonNullable: true }),
      bands: new FormArray((indicator.evidence?.bands ?? []).map(bandGroup)),
    }),
    applicability: applicabilityGroup(indicator.applicability),
  });
}
export type IndicatorForm = ReturnType<typeof indicatorGroup>;

export function dimensionGroup(dimension: Dimension) {
  return new FormGroup({
    id: text(dimension.id, dimensionFields.id),
    name: text(dimension.name, dimensionFields.name),
    description: text(dimension.description, dimensionFields.description),
    weight: number(dimension.weight, dimensionFields.weight),
    applicability: applicabilityGroup(dimension.applicability),
    indicators: new FormArray(dimension.indicators.map(indicatorGroup)),
  });
}
export type DimensionForm = ReturnType<typeof dimensionGroup>;

export function vetoGroup(rule: VetoRule) {
  return new FormGroup({
    id: text(rule.id, vetoFields.id),
    description: text(rule.description, vetoFields.description),
    source: new FormControl<EvidenceSource>(rule.source, { nonNullable: true }),
    min: number(rule.min, vetoFields.min),
    capGrade: new FormControl<Grade>(rule.capGrade, { nonNullable: true }),
  });
}

/** The editor's form, shaped like the content so the API's field paths name its controls. */
export function buildFrameworkForm(content: { name: string; description: string; dimensions: Dimension[]; vetoRules: VetoRule[]; gradeBands: Record<'优秀' | '称职' | '基本称职', number> }) {
  return new FormGroup({
    name: text(content.name, FrameworkVersionSchema.shape.name),
    description: text(content.description, FrameworkVersionSchema.shape.description),
    dimensions: new FormArray(content.dimensions.map(dimensionGroup)),
    vetoRules: new FormArray(content.vetoRules.map(vetoGroup)),
    gradeBands: new FormGroup({
      优秀: number(content.gradeBands.优秀, gradeFields.优秀),
      称职: number(content.gradeBands.称职, gradeFields.称职),
      基本称职: number(content.gradeBands.基本称职, gradeFields.基本称职),
    }),
  });
}
export type FrameworkForm = ReturnType<typeof buildFrameworkForm>;

const orNaN = (value: number | null): number => value ?? Number.NaN;

/** The form's value as the API takes it, before the schema's own check. */
export function toFrameworkContent(form: FrameworkForm): FrameworkContentInput {
  const value = form.getRawValue();
  return {
    name: value.name,
    description: value.description,
    gradeBands: { 优秀: orNaN(value.gradeBands.优秀), 称职: orNaN(value.gradeBands.称职), 基本称职: orNaN(value.gradeBands.基本称职) },
    vetoRules: value.vetoRules.map((rule) => ({ ...rule, min: orNaN(rule.min) })),
    dimensions: value.dimensions.map((dimension) => ({
      ...dimension,
      weight: orNaN(dimension.weight),
      indicators: dimension.indicators.map((indicator) => ({
        ...indicator,
        weight: orNaN(indicator.weight),
        ratingShare: orNaN(indicator.ratingShare),
        rubric: indicator.rubric.map((level) => ({ ...level, score: orNaN(level.score) })),
        evidence: indicator.evidence.source
          ? {
              source: indicator.evidence.source,
              description: indicator.evidence.description,
              bands: indicator.evidence.bands.map((band) => ({ min: orNaN(band.min), score: orNaN(band.score) })),
            }
          : null,
      })),
    })),
  };
}

/** An id not yet taken in the framework, for a dimension or indicator just added. */
export function freeId(prefix: string, taken: ReadonlySet<string>): string {
  let n = 1;
  while (taken.has(`${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
}

/** Every dimension and indicator id in the form. */
export function takenIds(form: FrameworkForm): Set<string> {
  const ids = new Set<string>();
  for (const dimension of form.controls.dimensions.controls) {
    ids.add(dimension.controls.id.value);
    for (const indicator of dimension.controls.indicators.controls) ids.add(indicator.controls.id.value);
  }
  return ids;
}

/** A rubric a new indicator starts with, so it is usable at once. */
export const STARTER_RUBRIC: readonly RubricLevel[] = [
  { label: '好', score: 95, description: '' },
  { label: '较好', score: 85, description: '' },
  { label: '一般', score: 70, description: '' },
  { label: '差', score: 50, description: '' },
];

export function newIndicator(id: string, name: string, weight: number): Indicator {
  return {
    id,
    name,
    description: '',
    weight,
    ratingShare: 100,
    rubric: [...STARTER_RUBRIC],
    evidence: null,
    applicability: { tiers: [], categories: [] },
  };
}

/** Weight totals as the editor shows them live: per dimension its indicators, and the dimensions overall. */
export interface WeightSummary {
  readonly total: number;
  readonly dimensions: readonly { readonly name: string; readonly weight: number; readonly indicatorTotal: number }[];
}

/** What the totals need, which both the form's value and a saved version provide. */
interface WeightedContent {
  readonly dimensions: readonly { readonly name: string; readonly weight: number | null; readonly indicators: readonly { readonly weight: number | null }[] }[];
}

export function summarizeWeights(value: WeightedContent): WeightSummary {
  const dimensions = value.dimensions.map((dimension) => ({
    name: dimension.name,
    weight: dimension.weight ?? 0,
    indicatorTotal: dimension.indicators.reduce((sum, indicator) => sum + (indicator.weight ?? 0), 0),
  }));
  return { total: dimensions.reduce((sum, dimension) => sum + dimension.weight, 0), dimensions };
}
