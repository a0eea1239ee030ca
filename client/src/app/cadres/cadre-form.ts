import { FormArray, FormControl, FormGroup, type AbstractControl, type ValidationErrors, type ValidatorFn } from '@angular/forms';
import {
  AnnualAssessmentEntrySchema,
  AppointmentFormFieldsSchema,
  CadreInputSchema,
  CommendationEntrySchema,
  EducationRowSchema,
  FamilyMemberSchema,
  ManualTagSchema,
  YearMonthSchema,
  parseResume,
  parseYearMonth,
  formatResume,
  type AnnualAssessmentEntry,
  type CadreInput,
  type CadreRecord,
  type CommendationEntry,
  type EducationRow,
  type FamilyMember,
} from '@cadre/shared-models';
import { schemaValidator } from '../core/forms/schema-validator';
import { dotted } from './record-format';
import { recordConsistencyValidator } from './record-consistency-validator';

const fields = CadreInputSchema.shape;
const formFields = AppointmentFormFieldsSchema.shape;

/**
 * A month typed as people write it on forms (1986.04, 198604, 1986-04) and checked as the API
 * will: the message is the shared schema's. `required: false` lets the box stay empty.
 */
export function monthValidator(required: boolean): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const text = String(control.value ?? '').trim();
    if (text === '') return required ? { schema: '请填写年月，如 1986.04' } : null;
    const month = parseYearMonth(text);
    const result = YearMonthSchema.safeParse(month ?? text);
    return result.success ? null : { schema: `“${text}”不是有效的年月，应如 1986.04` };
  };
}

/** The `yyyy-MM` a typed month names, or null for an empty box. */
export function monthValue(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : (parseYearMonth(trimmed) ?? trimmed);
}

function text(value: string, validators: ValidatorFn | ValidatorFn[] = []): FormControl<string> {
  return new FormControl(value, { nonNullable: true, validators });
}

function month(value: string | null, required: boolean): FormControl<string> {
  return text(dotted(value), monthValidator(required));
}

function choice<T>(value: T | null, schema: Parameters<typeof schemaValidator>[0]): FormControl<T | null> {
  return new FormControl<T | null>(value, { validators: schemaValidator(schema) });
}

export function educationGroup(row: EducationRow | null) {
  const s = EducationRowSchema.shape;
  return new FormGroup({
    education: choice(row?.education ?? null, s.education),
    degree: choice(row?.degree ?? null, s.degree),
    educationSchool: text(row?.educationSchool ?? '', schemaValidator(s.educationSchool)),
    degreeSchool: text(row?.degreeSchool ?? '', schemaValidator(s.degreeSchool)),
  });
}

export function commendationGroup(entry: CommendationEntry | null) {
  const s = CommendationEntrySchema.shape;
  return new FormGroup({
    kind: new FormControl<CommendationEntry['kind']>(entry?.kind ?? 'commendation', { nonNullable: true }),
    month: month(entry?.month ?? null, false),
    text: text(entry?.text ?? '', schemaValidator(s.text)),
  });
}
export type CommendationGroup = ReturnType<typeof commendationGroup>;

export function assessmentGroup(entry: AnnualAssessmentEntry | null) {
  const s = AnnualAssessmentEntrySchema.shape;
  return new FormGroup({
    year: new FormControl<number | null>(entry?.year ?? null, { validators: yearValidator(s.year) }),
    grade: choice(entry?.grade ?? null, s.grade),
  });
}
export type AssessmentGroup = ReturnType<typeof assessmentGroup>;

// The year box gives a number, or null when empty; the schema's message only fits a number.
function yearValidator(schema: typeof AnnualAssessmentEntrySchema.shape.year): ValidatorFn {
  return (control) => {
    if (control.value === null || control.value === '') return { schema: '请填写年度，如 2023' };
    return schemaValidator(schema)(control) ? { schema: `年度应为 1950–2100 之间的年份` } : null;
  };
}

export function familyGroup(member: FamilyMember | null) {
  const s = FamilyMemberSchema.shape;
  return new FormGroup({
    title: text(member?.title ?? '', schemaValidator(s.title)),
    name: text(member?.name ?? '', schemaValidator(s.name)),
    birthMonth: month(member?.birthMonth ?? null, false),
    politicalStatus: text(member?.politicalStatus ?? '', schemaValidator(s.politicalStatus)),
    workUnitAndPost: text(member?.workUnitAndPost ?? '', schemaValidator(s.workUnitAndPost)),
    // What an imported file held beyond the fields shown (unknown elements, dates as written)
    // rides along unseen, so the record still exports as it came.
    extras: new FormControl<FamilyMember['extras']>(member?.extras ?? [], { nonNullable: true }),
    asWritten: new FormControl<FamilyMember['asWritten'] | null>(member?.asWritten ?? null),
  });
}
export type FamilyGroup = ReturnType<typeof familyGroup>;

/** The 简历 text the editor starts from: the record's own text, or its entries formatted. */
export function resumeTextOf(record: CadreRecord | null): string {
  if (!record) return '';
  return record.resumeText || formatResume(record.positions);
}

/**
 * The whole edit form, filled from a record, or empty for a new cadre. The record rules across
 * boxes (shared with the API) put their messages on the boxes they name; `now` is their clock.
 */
export function buildCadreForm(record: CadreRecord | null, now: () => Date = () => new Date()) {
  const form = record?.appointmentForm;
  return new FormGroup({
    name: text(record?.name ?? '', schemaValidator(fields.name)),
    sex: choice(record?.sex ?? null, fields.sex),
    birthMonth: month(record?.birthMonth ?? null, true),
    ethnicity: text(record?.ethnicity ?? '汉族', schemaValidator(fields.ethnicity)),
    nativePlace: text(record?.nativePlace ?? '', schemaValidator(fields.nativePlace)),
    birthPlace: text(record?.birthPlace ?? '', schemaValidator(fields.birthPlace)),
    // Write-only: the stored number never comes back; an empty box keeps it as it is.
    idNumber: text('', schemaValidator(fields.idNumber, { optional: true })),
    partyJoinMonth: month(record?.partyJoinMonth ?? null, false),
    otherParty: choice(record?.otherParty ?? null, fields.otherParty),
    workStartMonth: month(record?.workStartMonth ?? null, true),
    health: choice(record?.health ?? '健康', fields.health),
    unitId: choice(record?.unitId ?? null, fields.unitId),
    post: text(record?.post ?? '', schemaValidator(fields.post)),
    postLevel: choice(record?.postLevel ?? null, fields.postLevel),
    rank: choice(record?.rank ?? null, fields.rank),
    postStartMonth: month(record?.postStartMonth ?? null, true),
    category: choice(record?.category ?? null, fields.category),
    appointmentType: choice(record?.appointmentType ?? null, fields.appointmentType),
    professionalTitle: text(record?.professionalTitle ?? '', schemaValidator(fields.professionalTitle)),
    expertise: text(record?.expertise ?? '', schemaValidator(fields.expertise)),
    fullTimeEducation: educationGroup(record?.fullTimeEducation ?? null),
    inServiceEducation: educationGroup(record?.inServiceEducation ?? null),
    resume: text(resumeTextOf(record)),
    commendations: new FormArray((record?.commendations ?? []).map(commendationGroup)),
    annualAssessments: new FormArray((record?.annualAssessments ?? []).map(assessmentGroup)),
    family: new FormArray((record?.family ?? []).map(familyGroup)),
    manualTags: new FormControl<string[]>([...(record?.manualTags ?? [])], {
      nonNullable: true,
      validators: schemaValidator(fields.manualTags),
    }),
    appointmentForm: new FormGroup({
      proposedPost: text(form?.proposedPost ?? '', schemaValidator(formFields.proposedPost)),
      postToRemove: text(form?.postToRemove ?? '', schemaValidator(formFields.postToRemove)),
      appointmentReason: text(form?.appointmentReason ?? '', schemaValidator(formFields.appointmentReason)),
      submittingUnit: text(form?.submittingUnit ?? '', schemaValidator(formFields.submittingUnit)),
      ageReferenceDate: text(form?.ageReferenceDate ?? '', formDateValidator),
      fillDate: text(form?.fillDate ?? '', formDateValidator),
      filledBy: text(form?.filledBy ?? '', schemaValidator(formFields.filledBy)),
    }),
  }, { validators: recordConsistencyValidator(now) });
}
export type CadreForm = ReturnType<typeof buildCadreForm>;

// 计算年龄时间 and 填表时间 are kept as the form writes them: yyyyMM or yyyyMMdd.
function formDateValidator(control: AbstractControl): ValidationErrors | null {
  const value = String(control.value ?? '').trim();
  if (value === '') return null;
  return /^\d{6}(\d{2})?$/.test(value) && parseYearMonth(value) !== null ? null : { schema: '应为 yyyyMM 或 yyyyMMdd，如 20240315' };
}

/** Whether a typed tag is one the API accepts. */
export function manualTagProblem(tag: string): string | null {
  const result = ManualTagSchema.safeParse(tag);
  return result.success ? null : (result.error.issues[0]?.message ?? '');
}

/**
 * The request body for the form's values. The 简历 is sent as entries: the record's own when
 * the text was not touched (nothing re-parsed, nothing lost), else what the text parses to.
 * Form-file details the page does not show (editor version, unknown elements, values as an
 * imported file wrote them) are kept.
 */
export function toCadreInput(form: CadreForm, original: CadreRecord | null): CadreInput {
  const v = form.getRawValue();
  const resumeUnchanged = original !== null && v.resume === resumeTextOf(original);
  return {
    name: v.name,
    sex: v.sex!,
    birthMonth: monthValue(v.birthMonth)!,
    ethnicity: v.ethnicity,
    nativePlace: v.nativePlace,
    birthPlace: v.birthPlace,
    partyJoinMonth: monthValue(v.partyJoinMonth),
    otherParty: v.otherParty,
    workStartMonth: monthValue(v.workStartMonth)!,
    health: v.health!,
    professionalTitle: v.professionalTitle,
    expertise: v.expertise,
    fullTimeEducation: v.fullTimeEducation,
    inServiceEducation: v.inServiceEducation,
    unitId: v.unitId!,
    post: v.post,
    postLevel: v.postLevel!,
    rank: v.rank!,
    postStartMonth: monthValue(v.postStartMonth)!,
    category: v.category!,
    appointmentType: v.appointmentType!,
    idNumber: v.idNumber.trim() === '' ? null : v.idNumber,
    positions: resumeUnchanged ? original.positions : parseResume(v.resume),
    commendations: v.commendations.map((c) => ({ kind: c.kind, month: monthValue(c.month), text: c.text })),
    annualAssessments: v.annualAssessments.map((a) => ({ year: a.year!, grade: a.grade! })),
    // A FormControl holds null for an absent value; the schema wants the key left out.
    family: v.family.map(({ asWritten, ...m }) => ({ ...m, birthMonth: monthValue(m.birthMonth), ...(asWritten ? { asWritten } : {}) })),
    manualTags: v.manualTags,
    appointmentForm: {
      ...v.appointmentForm,
      version: original?.appointmentForm.version ?? '',
      extras: original?.appointmentForm.extras ?? [],
      asWritten: original?.appointmentForm.asWritten,
    },
  };
}
