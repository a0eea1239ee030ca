import { FormArray, type FormGroup } from '@angular/forms';
import { compareEdits, mergeEdits, type CadreRecord, type EditChoice, type EditState } from '@cadre/shared-models';
import { assessmentGroup, buildCadreForm, commendationGroup, familyGroup, type CadreForm } from './cadre-form';
import type { PortraitMessages } from './portrait.messages';
import { educationText, schoolText } from './record-format';

export type EditValue = ReturnType<CadreForm['getRawValue']>;
export type EditField = keyof EditValue & string;

/** The editor's fields in the order the page shows them: the order the panel lists them in. */
export const EDIT_FIELDS = Object.keys(buildCadreForm(null).controls) as EditField[];

/** One field as the conflict panel shows it. */
export interface FieldConflictRow {
  readonly field: EditField;
  readonly label: string;
  readonly state: EditState;
  readonly mine: string;
  readonly theirs: string;
}

/**
 * A save refused because someone else saved first: the values the editor started from (base),
 * what the person has typed (mine) and the record as the other person saved it (theirs).
 */
export interface EditConflict {
  readonly current: CadreRecord;
  readonly base: EditValue;
  readonly mine: EditValue;
  readonly theirs: EditValue;
}

/** The editor's values for a record, as a freshly opened form holds them. */
export function editValueOf(record: CadreRecord | null): EditValue {
  return buildCadreForm(record).getRawValue();
}

/** The label of a field as the form names it (the form's 简历 box edits the record's positions). */
export function editFieldLabel(field: EditField, text: PortraitMessages): string {
  if (field === 'resume') return text.fields.positions;
  if (field === 'otherParty') return text.otherParty;
  return text.fields[field];
}

/** Every field that changed on either side, with both sides' values as text. */
export function describeEditConflict(
  conflict: EditConflict,
  text: PortraitMessages,
  unitName: (id: string | null) => string,
): FieldConflictRow[] {
  return compareEdits(conflict.base, conflict.mine, conflict.theirs, EDIT_FIELDS)
    .filter(({ state }) => state !== 'unchanged')
    .map(({ field, state }) => ({
      field,
      state,
      label: editFieldLabel(field, text),
      mine: valueText(field, conflict.mine, unitName),
      theirs: valueText(field, conflict.theirs, unitName),
    }));
}

/**
 * A form to continue from after a conflict: the other side's record with what only this person
 * changed kept and each conflicting field from the side chosen.
 */
export function mergeEditConflict(conflict: EditConflict, choices: Readonly<Partial<Record<EditField, EditChoice>>>): CadreForm {
  const merged = mergeEdits(conflict.base, conflict.mine, conflict.theirs, choices);
  const form = buildCadreForm(conflict.current);
  for (const field of EDIT_FIELDS) fillControl(form, field, merged[field]);
  return form;
}

/** Puts a value into one control; the rows of a list are rebuilt to the value's length. */
function fillControl(form: CadreForm, field: EditField, value: EditValue[EditField]): void {
  const control = form.controls[field];
  if (control instanceof FormArray) {
    const rows = value as readonly Record<string, unknown>[];
    const array = control as FormArray<FormGroup>;
    array.clear();
    for (const row of rows) {
      const group = newRow(field);
      group.setValue(row);
      array.push(group);
    }
  } else {
    control.setValue(value as never);
  }
  // What the merge put in is not yet saved.
  control.markAsDirty();
}

function newRow(field: EditField): FormGroup {
  if (field === 'commendations') return commendationGroup(null);
  if (field === 'annualAssessments') return assessmentGroup(null);
  return familyGroup(null);
}

/** A field's value as one text (several lines for lists); '' for an empty one. */
function valueText(field: EditField, value: EditValue, unitName: (id: string | null) => string): string {
  switch (field) {
    case 'unitId':
      return unitName(value.unitId);
    case 'idNumber':
      // Write-only: the typed number is shown masked like the stored one.
      return value.idNumber ? `${value.idNumber.slice(0, 6)}********${value.idNumber.slice(-4)}` : '';
    case 'fullTimeEducation':
    case 'inServiceEducation': {
      const row = value[field];
      return [educationText(row), schoolText(row)].filter((part) => part).join('，');
    }
    case 'commendations':
      return value.commendations.map((entry) => [entry.month, entry.text].filter((part) => part).join(' ')).join('\n');
    case 'annualAssessments':
      return value.annualAssessments.map((entry) => `${entry.year ?? ''}年度${entry.grade ?? ''}`).join('；');
    case 'family':
      return value.family
        .map((m) => [m.title, m.name, m.birthMonth, m.politicalStatus, m.workUnitAndPost].filter((part) => part).join(' '))
        .join('\n');
    case 'manualTags':
      return value.manualTags.join('、');
    case 'appointmentForm': {
      const form = value.appointmentForm;
      return [form.proposedPost, form.postToRemove, form.appointmentReason, form.submittingUnit, form.filledBy, form.fillDate, form.ageReferenceDate]
        .filter((part) => part)
        .join('；');
    }
    default:
      return String(value[field] ?? '');
  }
}
