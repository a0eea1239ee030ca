import { FormArray, FormControl, FormGroup, type AbstractControl } from '@angular/forms';
import {
  CadreInputSchema,
  CORRECTABLE_FIELD_KEYS,
  HEALTH_STATES,
  OTHER_PARTIES,
  parseResume,
  parseYearMonth,
  type CadreRecord,
  type CorrectableField,
  type CorrectableKey,
  type CorrectionChange,
  type CorrectionRequest,
} from '@cadre/shared-models';
import { schemaValidator } from '../core/forms/schema-validator';
import {
  assessmentGroup,
  commendationGroup,
  educationGroup,
  familyGroup,
  monthValidator,
  monthValue,
  resumeTextOf,
  type AssessmentGroup,
  type CommendationGroup,
  type FamilyGroup,
} from '../cadres/cadre-form';
import { dotted } from '../cadres/record-format';

/*
 * The part of a record an approval changes, as a form: one control per record key the request's
 * field covers, filled from the record as it stands. Where the cadre's text reads as a value of
 * the key (a place, a month, a party), that value is filled in instead, so approving as asked is
 * one click and an adjustment starts from what the cadre wrote.
 */

export const TEXT_KEYS = ['name', 'ethnicity', 'nativePlace', 'birthPlace', 'professionalTitle', 'expertise'] as const;
export const MONTH_KEYS = ['birthMonth', 'workStartMonth', 'partyJoinMonth'] as const;
type TextKey = (typeof TEXT_KEYS)[number];
type MonthKey = (typeof MONTH_KEYS)[number];

const isText = (key: CorrectableKey): key is TextKey => (TEXT_KEYS as readonly string[]).includes(key);
const isMonth = (key: CorrectableKey): key is MonthKey => (MONTH_KEYS as readonly string[]).includes(key);

/** The keys an approval of `field` edits; for 其他, those of the field the approver chose (none: the record stays). */
export function editedKeys(field: CorrectableField, target: CorrectableField | null): readonly CorrectableKey[] {
  if (field !== 'other') return CORRECTABLE_FIELD_KEYS[field];
  return target && target !== 'other' ? CORRECTABLE_FIELD_KEYS[target] : [];
}

/** A month the cadre's text names (2004.06, 2004年6月, 200406), or null. */
function monthIn(text: string): string | null {
  const match = /(\d{4})\s*[.\-/年]?\s*(\d{1,2})/.exec(text);
  return match ? parseYearMonth(`${match[1]}.${match[2]!.padStart(2, '0')}`) : null;
}

function proposedText(key: TextKey, record: CadreRecord, proposed: string): string {
  const value = proposed.trim();
  return value !== '' && CadreInputSchema.shape[key].safeParse(value).success ? value : record[key];
}

function proposedMonth(key: MonthKey, record: CadreRecord, proposed: string): string {
  return dotted(monthIn(proposed) ?? record[key]);
}

function controlFor(key: CorrectableKey, record: CadreRecord, proposed: string): AbstractControl {
  const shape = CadreInputSchema.shape;
  if (isText(key)) return new FormControl(proposedText(key, record, proposed), { nonNullable: true, validators: schemaValidator(shape[key]) });
  if (isMonth(key)) return new FormControl(proposedMonth(key, record, proposed), { nonNullable: true, validators: monthValidator(key !== 'partyJoinMonth') });
  switch (key) {
    case 'otherParty': {
      const named = OTHER_PARTIES.find((party) => proposed.includes(party));
      return new FormControl(named ?? record.otherParty);
    }
    case 'health': {
      const named = HEALTH_STATES.find((state) => proposed.trim() === state);
      return new FormControl(named ?? record.health, { nonNullable: true });
    }
    case 'fullTimeEducation':
    case 'inServiceEducation':
      return educationGroup(record[key]);
    case 'positions':
      // The cadre edits the 简历 as its text; when that text reads as entries, it is the proposal.
      return new FormControl(parseResume(proposed).length > 0 ? proposed.trim() : resumeTextOf(record), { nonNullable: true });
    case 'commendations':
      return new FormArray<CommendationGroup>(record.commendations.map(commendationGroup));
    case 'annualAssessments':
      return new FormArray<AssessmentGroup>(record.annualAssessments.map(assessmentGroup));
    case 'family':
      return new FormArray<FamilyGroup>(record.family.map(familyGroup));
  }
}

/** The controls for `keys`, prefilled from the record and the request. */
export function buildChangeForm(keys: readonly CorrectableKey[], record: CadreRecord, request: Pick<CorrectionRequest, 'proposedValue'>): FormGroup {
  return new FormGroup(Object.fromEntries(keys.map((key) => [key, controlFor(key, record, request.proposedValue)])));
}

/** The change an approval sends: the edited keys only, as the record API takes them. */
export function toChange(form: FormGroup, record: CadreRecord): CorrectionChange {
  const values = form.getRawValue() as Record<string, unknown>;
  const change: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (isMonth(key as CorrectableKey)) change[key] = monthValue(String(value));
    else if (key === 'positions') change[key] = value === resumeTextOf(record) ? record.positions : parseResume(String(value));
    else if (key === 'commendations') {
      change[key] = (value as Array<{ kind: string; month: string; text: string }>).map((c) => ({ ...c, month: monthValue(c.month) }));
    } else if (key === 'family') {
      change[key] = (value as Array<{ birthMonth: string; asWritten: unknown }>).map(({ asWritten, ...member }) => ({
        ...member,
        birthMonth: monthValue(member.birthMonth),
        ...(asWritten ? { asWritten } : {}),
      }));
    } else change[key] = value;
  }
  return change as CorrectionChange;
}
