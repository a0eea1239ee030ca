import {
  computeAgeInYears,
  computeFormAge,
  type CadreRecord,
  type EducationRow,
  type FamilyMember,
} from '@cadre/shared-models';

/** A month as the appointment form prints it: `yyyy-MM` → `yyyy.MM`; '' for none. */
export function dotted(month: string | null | undefined): string {
  return month ? month.replace('-', '.') : '';
}

/** Full years of age today, as the portrait shows it. */
export function ageToday(birthMonth: string, today: Date = new Date()): number {
  return computeAgeInYears(birthMonth, today);
}

/**
 * 入党时间 as the form prints it: the CPC join month, the other party with its join month
 * (`2001.06；民盟`), 无党派人士, or nothing for 群众.
 */
export function partyText(record: Pick<CadreRecord, 'partyJoinMonth' | 'otherParty'>): string {
  const month = dotted(record.partyJoinMonth);
  if (record.otherParty === null) return month;
  return month ? `${month}；${record.otherParty}` : record.otherParty;
}

/** 学历 and 学位 of one education row, on one line; '' when the row is empty. */
export function educationText(row: EducationRow): string {
  return [row.education, row.degree !== '无' ? row.degree : null].filter((part) => part).join(' ');
}

/** The school of a row: the 学历 school, and the 学位 school only when it differs. */
export function schoolText(row: EducationRow): string {
  const schools = [row.educationSchool, row.degreeSchool].filter((school) => school !== '');
  return [...new Set(schools)].join('；');
}

/** The birth cell of the form: `yyyy.MM（N岁）`, the age counted as docs/lrmx.md says. */
export function birthWithFormAge(record: Pick<CadreRecord, 'birthMonth' | 'appointmentForm'>, today: Date = new Date()): string {
  const age = formAgeOf(record.birthMonth, record, today);
  return age === null ? dotted(record.birthMonth) : `${dotted(record.birthMonth)}（${age}岁）`;
}

/** A family member's age on the form, at the same reference date as the cadre's; null without a birth month. */
export function familyAge(
  member: Pick<FamilyMember, 'birthMonth'>,
  record: Pick<CadreRecord, 'appointmentForm'>,
  today: Date = new Date(),
): number | null {
  return member.birthMonth === null ? null : formAgeOf(member.birthMonth, record, today);
}

function formAgeOf(birthMonth: string, record: Pick<CadreRecord, 'appointmentForm'>, today: Date): number | null {
  return computeFormAge(birthMonth, record.appointmentForm.ageReferenceDate, record.appointmentForm.fillDate, today);
}
