import { FormArray, FormControl, FormGroup } from '@angular/forms';
import {
  CycleRaterGroupSchema,
  CycleSchema,
  CycleSettingsSchema,
  DEFAULT_RATER_GROUPS,
  type Cycle,
  type CycleInputValues,
  type CycleRaterGroup,
  type CycleType,
  type RaterGroup,
  type Tier,
} from '@cadre/shared-models';
import type { z } from 'zod';
import { requiredSchemaValidator, schemaValidator } from '../core/forms/schema-validator';

type CadreCategory = z.infer<typeof CycleSchema.shape.population.shape.categories>[number];

const fields = CycleSchema.shape;
const groupFields = CycleRaterGroupSchema.shape;
const settingFields = CycleSettingsSchema.shape;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function raterGroupForm(group: CycleRaterGroup) {
  return new FormGroup({
    group: new FormControl<RaterGroup>(group.group, { nonNullable: true }),
    weight: new FormControl<number | null>(group.weight, { validators: requiredSchemaValidator(groupFields.weight, '请填写权重') }),
    minResponses: new FormControl<number | null>(group.minResponses, { validators: requiredSchemaValidator(groupFields.minResponses, '请填写最少回收份数') }),
    anonymous: new FormControl(group.anonymous, { nonNullable: true }),
  });
}
export type RaterGroupForm = ReturnType<typeof raterGroupForm>;

/** The setup form of a cycle, from a draft being edited or with the defaults of a new annual assessment. */
export function buildCycleForm(cycle: Cycle | null) {
  const year = cycle?.year ?? new Date().getFullYear();
  return new FormGroup({
    name: new FormControl(cycle?.name ?? `${year}年度考核`, { nonNullable: true, validators: schemaValidator(fields.name) }),
    type: new FormControl<CycleType>(cycle?.type ?? 'annual', { nonNullable: true }),
    year: new FormControl<number | null>(year, { validators: requiredSchemaValidator(fields.year, '请填写考核年度') }),
    periodStart: new FormControl(cycle?.periodStart ?? `${year}-01-01`, { nonNullable: true, validators: schemaValidator(fields.periodStart) }),
    periodEnd: new FormControl(cycle?.periodEnd ?? `${year}-12-31`, { nonNullable: true, validators: schemaValidator(fields.periodEnd) }),
    dueDate: new FormControl(cycle?.dueDate ?? today(), { nonNullable: true, validators: schemaValidator(fields.dueDate) }),
    frameworkVersionId: new FormControl<string | null>(cycle?.frameworkVersionId ?? null, {
      validators: requiredSchemaValidator(fields.frameworkVersionId, '请选择评价体系'),
    }),
    population: new FormGroup({
      unitIds: new FormControl<string[]>(cycle?.population.unitIds ?? [], { nonNullable: true }),
      tiers: new FormControl<Tier[]>(cycle?.population.tiers ?? [], { nonNullable: true }),
      categories: new FormControl<CadreCategory[]>(cycle?.population.categories ?? [], { nonNullable: true }),
    }),
    raterGroups: new FormArray((cycle?.raterGroups ?? DEFAULT_RATER_GROUPS).map(raterGroupForm)),
    settings: new FormGroup({
      trimExtremes: new FormControl(cycle?.settings.trimExtremes ?? true, { nonNullable: true }),
      excellentQuotaPercent: new FormControl<number | null>(cycle?.settings.excellentQuotaPercent ?? 20, {
        validators: requiredSchemaValidator(settingFields.excellentQuotaPercent, '请填写优秀比例上限'),
      }),
      excellentQuotaRaised: new FormControl(cycle?.settings.excellentQuotaRaised ?? false, { nonNullable: true }),
    }),
  });
}
export type CycleForm = ReturnType<typeof buildCycleForm>;

/** The form's value as the API takes it, before the schema's own check. */
export function toCycleInput(form: CycleForm): CycleInputValues {
  const value = form.getRawValue();
  return {
    ...value,
    year: value.year ?? Number.NaN,
    frameworkVersionId: value.frameworkVersionId ?? '',
    raterGroups: value.raterGroups.map((group) => ({
      ...group,
      weight: group.weight ?? Number.NaN,
      minResponses: group.minResponses ?? Number.NaN,
    })),
    settings: { ...value.settings, excellentQuotaPercent: value.settings.excellentQuotaPercent ?? Number.NaN },
  };
}

/** The weights of the rater groups added up, for the running total beside the table. */
export function sumWeights(groups: readonly { weight: number | null }[]): number {
  return groups.reduce((sum, group) => sum + (group.weight ?? 0), 0);
}
