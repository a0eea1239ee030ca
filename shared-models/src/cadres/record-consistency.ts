import { normalizeIdNumber, validateIdNumber } from '../id-number/id-number.js';
import type { ResumeEntry } from '../lrmx/lrmx-resume.js';
import type { CadreInputParsed } from './cadre-record.js';

/**
 * The rules across the fields of a cadre record that no single field's schema can state. One
 * function for the editor (as the user types), the record endpoints and both imports, so all
 * three refuse the same record with the same words on the same field.
 */

/** A problem at a path of the record input (`birthMonth`, `positions.2.end`, `family.0.birthMonth`). */
export interface RecordProblem {
  path: string;
  message: string;
}

/**
 * What the rules read: a parsed input, or as much of one as the editor has while the user types
 * (a month box not yet a month reads as null and is passed over).
 */
export interface RecordConsistencyInput {
  sex: CadreInputParsed['sex'] | null | undefined;
  birthMonth: string | null;
  partyJoinMonth: string | null;
  otherParty: CadreInputParsed['otherParty'];
  workStartMonth: string | null;
  postStartMonth: string | null;
  idNumber: string | null;
  positions: readonly ResumeEntry[];
  commendations: ReadonlyArray<{ month: string | null }>;
  annualAssessments: ReadonlyArray<{ year: number | null }>;
  family: ReadonlyArray<{ birthMonth: string | null }>;
  appointmentForm?: { fillDate?: string };
}

export interface RecordConsistencyOptions {
  /** The clock; injected by tests. */
  now?: Date;
  /**
   * The ID number already on file, checked when the input carries none (an update keeps the
   * stored number). Its problems land on the typed field (出生年月, 性别), since the user cannot
   * see the stored number, only its mask.
   */
  storedIdNumber?: string | null;
}

// The department works in China Standard Time (no daylight saving): on the 1st at 07:00 in
// 北京 it is already the new month, though UTC still says the last one.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `yyyy-MM` of `now` in China Standard Time. */
export function currentChinaMonth(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 7);
}

/** `yyyy-MM` as the form prints it: 1986.04. */
function dotted(month: string): string {
  return month.replace('-', '.');
}

/**
 * Every cross-field problem of a record, in field order; empty when the record is consistent.
 *
 * Which dates may lie in the future (each refused one says 不能晚于本月 / 不能晚于今年):
 *  - never: 出生年月, 参加工作时间, 入党时间, 任现职时间, the start and end of each 简历 entry,
 *    the start of a 简历 “其间” item, 奖惩 months, family members' birth months, 填表时间;
 *  - 年度考核 may name this year (the assessment is made in December), never a later one;
 *  - allowed: the end of a 简历 “其间” item, where a study or training period still under way
 *    is written with its expected end (2024.09—2027.07 在职研究生学习); and 计算年龄时间, which a
 *    proposal may set to a future date (the age at a 换届). The education rows carry no dates.
 */
export function checkRecordConsistency(input: RecordConsistencyInput, options: RecordConsistencyOptions = {}): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  const now = options.now ?? new Date();
  const thisMonth = currentChinaMonth(now);
  const thisYear = Number(thisMonth.slice(0, 4));
  const future = (month: string | null | undefined): boolean => typeof month === 'string' && month > thisMonth;

  const months: Array<['birthMonth' | 'workStartMonth' | 'partyJoinMonth' | 'postStartMonth', string, string | null]> = [
    ['birthMonth', '出生年月', input.birthMonth],
    ['workStartMonth', '参加工作时间', input.workStartMonth],
    ['partyJoinMonth', '入党时间', input.partyJoinMonth],
    ['postStartMonth', '任现职时间', input.postStartMonth],
  ];
  for (const [field, label, value] of months) {
    if (future(value)) report(field, `${label}不能晚于本月（所填为 ${dotted(value!)}）`);
  }
  const known = (month: string | null | undefined): month is string => typeof month === 'string' && month !== '';
  if (known(input.workStartMonth) && known(input.birthMonth) && input.workStartMonth < input.birthMonth) {
    report('workStartMonth', '参加工作时间不能早于出生年月');
  }
  if (known(input.partyJoinMonth) && known(input.birthMonth) && input.partyJoinMonth < input.birthMonth) {
    report('partyJoinMonth', '入党时间不能早于出生年月');
  }
  if (known(input.postStartMonth) && known(input.workStartMonth) && input.postStartMonth < input.workStartMonth) {
    report('postStartMonth', '任现职时间不能早于参加工作时间');
  }
  if (input.otherParty === '无党派人士' && input.partyJoinMonth !== null) report('partyJoinMonth', '无党派人士不填写入党时间');

  checkIdNumber(input, options.storedIdNumber ?? null, now, report);

  input.positions.forEach((entry, index) => {
    const which = `简历第 ${index + 1} 段`;
    if (future(entry.start)) report(`positions.${index}.start`, `${which}的开始年月 ${dotted(entry.start)} 晚于本月`);
    if (future(entry.end)) report(`positions.${index}.end`, `${which}的结束年月 ${dotted(entry.end!)} 晚于本月；仍在任的一段不写结束年月`);
    else if (entry.end !== null && entry.end < entry.start) report(`positions.${index}.end`, `${which}的结束年月早于开始年月`);
    entry.subEntries?.forEach((sub, subIndex) => {
      const path = `positions.${index}.subEntries.${subIndex}`;
      const item = `${which}“其间”第 ${subIndex + 1} 项`;
      if (future(sub.start)) report(`${path}.start`, `${item}的开始年月 ${dotted(sub.start)} 晚于本月`);
      if (sub.end !== null && sub.end < sub.start) report(`${path}.end`, `${item}的结束年月早于开始年月`);
    });
  });
  input.commendations.forEach((entry, index) => {
    if (future(entry.month)) report(`commendations.${index}.month`, `奖惩第 ${index + 1} 项的年月 ${dotted(entry.month!)} 晚于本月`);
  });
  input.annualAssessments.forEach((entry, index) => {
    if (entry.year !== null && entry.year > thisYear) report(`annualAssessments.${index}.year`, `${entry.year} 年度的考核尚未进行，年度不能晚于今年`);
  });
  input.family.forEach((member, index) => {
    if (future(member.birthMonth)) report(`family.${index}.birthMonth`, `出生年月 ${dotted(member.birthMonth!)} 晚于本月`);
  });
  const fillDate = input.appointmentForm?.fillDate ?? '';
  if (/^\d{6}/.test(fillDate) && `${fillDate.slice(0, 4)}-${fillDate.slice(4, 6)}` > thisMonth) {
    report('appointmentForm.fillDate', '填表时间晚于本月');
  }
  return problems;
}

/**
 * Sex and birth date against the ID number. A number that is absent, masked or invalid is left
 * to the field's own check (the schema explains what is wrong with it); 15-digit numbers are
 * refused there too, so only the 18-digit form reaches this rule.
 */
function checkIdNumber(
  input: RecordConsistencyInput,
  stored: string | null,
  now: Date,
  report: (path: string, message: string) => void,
): void {
  const typed = input.idNumber !== null && input.idNumber.trim() !== '';
  const number = typed ? input.idNumber : stored;
  if (number === null) return;
  const id = validateIdNumber(normalizeIdNumber(number), now);
  if (!id.ok) return;
  const idMonth = id.birthDate.slice(0, 7);
  if (input.birthMonth && idMonth !== input.birthMonth) {
    const shown = `${dotted(idMonth)}`;
    if (typed) report('idNumber', `身份证号中的出生年月为 ${shown}，与所填出生年月 ${dotted(input.birthMonth)} 不一致`);
    else report('birthMonth', `已登记的身份证号中的出生年月为 ${shown}，与所填出生年月不一致`);
  }
  if (input.sex && id.sex !== input.sex) {
    if (typed) report('idNumber', `身份证号显示性别为${id.sex}，与所填性别不一致`);
    else report('sex', `已登记的身份证号显示性别为${id.sex}，与所填性别不一致`);
  }
}
