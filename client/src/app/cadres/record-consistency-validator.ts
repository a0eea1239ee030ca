import type { AbstractControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import { SEXES, checkRecordConsistency, parseResume, parseYearMonth, type RecordConsistencyInput } from '@cadre/shared-models';

/** The error key a cross-field problem is kept under on the control it names. */
export const RECORD_ERROR = 'record';

/** Where a problem's path lands when the form holds it in another shape (简历 entries in one text box). */
const PATH_ALIASES: Readonly<Record<string, string>> = { positions: 'resume' };

/**
 * The shared record rules (checkRecordConsistency: ID number against 出生年月 and 性别, dates in the
 * future, dates in order) as a validator of the whole edit form. Each problem is put on the box it
 * names, under RECORD_ERROR, so it shows there as the user types, as the API would word it on save.
 * A box whose own value is not yet a valid month is left to its own check. `now` is the clock.
 */
export function recordConsistencyValidator(now: () => Date = () => new Date()): ValidatorFn {
  // The boxes flagged last time: a problem fixed in another box must leave this one too.
  let flagged = new Set<AbstractControl>();
  return (control: AbstractControl): ValidationErrors | null => {
    const form = control as FormGroup;
    const messages = new Map<AbstractControl, string[]>();
    for (const problem of checkRecordConsistency(consistencyInputOf(form), { now: now() })) {
      const target = controlAt(form, problem.path);
      if (target) messages.set(target, [...(messages.get(target) ?? []), problem.message]);
    }
    for (const stale of flagged) {
      if (!messages.has(stale) && stale.errors?.[RECORD_ERROR]) setRecordErrors(stale, null);
    }
    for (const [target, list] of messages) setRecordErrors(target, list);
    flagged = new Set(messages.keys());
    // The form as a whole is valid or not through its boxes; it carries no message of its own.
    return null;
  };
}

function setRecordErrors(control: AbstractControl, messages: string[] | null): void {
  const { [RECORD_ERROR]: _old, ...own } = control.errors ?? {};
  const errors = messages ? { ...own, [RECORD_ERROR]: messages } : own;
  // No events: this runs inside the form's own validation, which emits once it is done.
  control.setErrors(Object.keys(errors).length > 0 ? errors : null, { emitEvent: false });
  if (messages) control.markAsTouched();
}

/** The deepest control along the path (简历 entries land on the 简历 box), never the form itself. */
function controlAt(form: FormGroup, path: string): AbstractControl | null {
  const [head = '', ...rest] = path.split('.');
  const steps = [PATH_ALIASES[head] ?? head, ...rest];
  let found: AbstractControl | null = null;
  for (let depth = 1; depth <= steps.length; depth++) {
    const next = form.get(steps.slice(0, depth).join('.'));
    if (!next) break;
    found = next;
  }
  return found;
}

/** A typed month as `yyyy-MM`, or null while the box is empty or not yet a month. */
function monthOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? parseYearMonth(value) : null;
}

interface FormValue {
  sex?: unknown;
  birthMonth?: unknown;
  partyJoinMonth?: unknown;
  otherParty?: unknown;
  workStartMonth?: unknown;
  postStartMonth?: unknown;
  idNumber?: unknown;
  resume?: unknown;
  commendations?: Array<{ month?: unknown }>;
  annualAssessments?: Array<{ year?: unknown }>;
  family?: Array<{ birthMonth?: unknown }>;
  appointmentForm?: { fillDate?: unknown };
}

/**
 * What the rules read, from the form's values as typed. Rows keep their index (a problem names
 * `family.2`); a box not yet valid reads as empty, which the rules pass over.
 */
function consistencyInputOf(form: FormGroup): RecordConsistencyInput {
  const v = form.getRawValue() as FormValue;
  const sex = SEXES.find((each) => each === v.sex);
  const idNumber = typeof v.idNumber === 'string' && v.idNumber.trim() !== '' ? v.idNumber : null;
  return {
    sex: sex ?? null,
    birthMonth: monthOf(v.birthMonth),
    partyJoinMonth: monthOf(v.partyJoinMonth),
    otherParty: (v.otherParty ?? null) as RecordConsistencyInput['otherParty'],
    workStartMonth: monthOf(v.workStartMonth),
    postStartMonth: monthOf(v.postStartMonth),
    idNumber,
    positions: typeof v.resume === 'string' ? parseResume(v.resume) : [],
    commendations: (v.commendations ?? []).map((row) => ({ month: monthOf(row.month) })),
    annualAssessments: (v.annualAssessments ?? []).map((row) => ({ year: typeof row.year === 'number' ? row.year : null })),
    family: (v.family ?? []).map((row) => ({ birthMonth: monthOf(row.birthMonth) })),
    appointmentForm: { fillDate: typeof v.appointmentForm?.fillDate === 'string' ? v.appointmentForm.fillDate.trim() : '' },
  };
}
