import { FormArray, FormControl, FormGroup, type AbstractControl, type ValidationErrors, type ValidatorFn } from '@angular/forms';
import { AdjustmentRuleSchema, AdjustmentRulesUpdateSchema, type AdjustmentRule, type Grade, type ProposalAction } from '@cadre/shared-models';
import type { ZodType } from 'zod';
import { schemaValidator } from '../core/forms/schema-validator';

/** A rule matches either grades or a top share of the unit; the form asks which before showing either field. */
export type RuleBasis = 'grades' | 'rank';

export type RuleGroup = FormGroup<{
  id: FormControl<string>;
  description: FormControl<string>;
  basis: FormControl<RuleBasis>;
  grades: FormControl<Grade[]>;
  topPercent: FormControl<number | null>;
  years: FormControl<number | null>;
  action: FormControl<ProposalAction>;
  enabled: FormControl<boolean>;
}>;
export type RulesForm = FormGroup<{ rules: FormArray<RuleGroup> }>;

const shape = AdjustmentRuleSchema.shape;

/**
 * The shared schema decides; the message is ours where the schema only has zod's generic
 * (English) one, such as for an empty number box.
 */
function checkedBy(schema: ZodType, message: string): ValidatorFn {
  return (field) => (schema.safeParse(field.value).success ? null : { schema: message });
}

const gradesField = checkedBy(shape.grades.unwrap().min(1), '请选择至少一个等次');
const topPercentField = checkedBy(shape.topPercent.unwrap().unwrap(), '请填写 1–50 之间的整数');

/** The field the chosen basis needs must be filled; the other one is ignored. */
function basisFieldValidator(basis: RuleBasis, field: AbstractControl): ValidationErrors | null {
  const group = field.parent as RuleGroup | null;
  if (!group || group.controls.basis.value !== basis) return null;
  return (basis === 'grades' ? gradesField : topPercentField)(field);
}

export function buildRuleGroup(rule?: AdjustmentRule): RuleGroup {
  const group: RuleGroup = new FormGroup({
    id: new FormControl(rule?.id ?? '', { nonNullable: true, validators: schemaValidator(shape.id) }),
    description: new FormControl(rule?.description ?? '', { nonNullable: true, validators: schemaValidator(shape.description) }),
    basis: new FormControl<RuleBasis>(rule && rule.topPercent !== null ? 'rank' : 'grades', { nonNullable: true }),
    grades: new FormControl<Grade[]>(rule?.grades ?? [], { nonNullable: true, validators: (field) => basisFieldValidator('grades', field) }),
    topPercent: new FormControl<number | null>(rule?.topPercent ?? null, { validators: (field) => basisFieldValidator('rank', field) }),
    years: new FormControl<number | null>(rule?.years ?? 1, { validators: checkedBy(shape.years, '请填写 1–5 之间的整数') }),
    action: new FormControl<ProposalAction>(rule?.action ?? 'unfit_review', { nonNullable: true }),
    enabled: new FormControl(rule?.enabled ?? true, { nonNullable: true }),
  });
  // Which of the two fields is required depends on the basis, which the fields only see through
  // their parent: check them once the group exists and again whenever the basis changes.
  const checkBasisFields = () => {
    group.controls.grades.updateValueAndValidity();
    group.controls.topPercent.updateValueAndValidity();
  };
  checkBasisFields();
  group.controls.basis.valueChanges.subscribe(checkBasisFields);
  return group;
}

export function buildRulesForm(rules: readonly AdjustmentRule[]): RulesForm {
  return new FormGroup({ rules: new FormArray(rules.map((rule) => buildRuleGroup(rule))) });
}

/** The rules as the API takes them, checked with the shared schema: the field left unused by the basis is cleared. */
export function readRules(form: RulesForm, revision: number): ReturnType<typeof AdjustmentRulesUpdateSchema.safeParse> {
  const rules = form.controls.rules.controls.map((group) => {
    const value = group.getRawValue();
    return {
      id: value.id,
      description: value.description,
      grades: value.basis === 'grades' ? value.grades : [],
      topPercent: value.basis === 'rank' ? value.topPercent : null,
      years: value.years,
      action: value.action,
      enabled: value.enabled,
    };
  });
  return AdjustmentRulesUpdateSchema.safeParse({ revision, rules });
}
