import { formatAnnualAssessments, formatCommendations, formatResume, latestAssessments, type CadreRecord } from '@cadre/shared-models';
import { birthWithFormAge, dotted, educationText, familyAge, partyText, schoolText } from './record-format';

/** The form prints at least this many family rows, blank ones ruled for handwriting. */
export const MIN_FAMILY_ROWS = 7;

/** One line of 简历: the period in its own column so a wrapped text hangs under its start. */
export interface ResumeLine {
  readonly period: string;
  readonly text: string;
}

export interface FamilyRow {
  readonly title: string;
  readonly name: string;
  readonly age: string;
  readonly politicalStatus: string;
  readonly workUnitAndPost: string;
}

/** Everything the two pages of 干部任免审批表 print, as text. */
export interface AppointmentFormView {
  readonly name: string;
  readonly sex: string;
  readonly birth: string;
  readonly ethnicity: string;
  readonly nativePlace: string;
  readonly birthPlace: string;
  readonly party: string;
  readonly workStart: string;
  readonly health: string;
  readonly professionalTitle: string;
  readonly expertise: string;
  readonly fullTime: { readonly education: string; readonly school: string };
  readonly inService: { readonly education: string; readonly school: string };
  readonly currentPost: string;
  readonly proposedPost: string;
  readonly postToRemove: string;
  readonly resume: readonly ResumeLine[];
  readonly commendations: string;
  readonly annualAssessments: string;
  readonly appointmentReason: string;
  readonly family: readonly FamilyRow[];
  readonly submittingUnit: string;
  readonly filledBy: string;
  readonly fillDate: string;
}

// A resume line as formatResume writes it and the official editor does: the period, two spaces, the text.
// The end date carries its own spaces and the text takes whatever is left, so no run of spaces can
// be split several ways (`\s*(?:end)?\s+(.*)$` took seconds on a long line holding U+2028).
const RESUME_LINE = /^(\d{4}\.\d{2}\s*-{1,2}(?:\s*\d{4}\.\d{2})?)\s+([^]*)$/;

function resumeLines(text: string): ResumeLine[] {
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const match = RESUME_LINE.exec(line.trimEnd());
      return match ? { period: match[1]!.trim(), text: match[2]!.trim() } : { period: '', text: line.trim() };
    });
}

/** A form date as written (`20240315`, `202403`) in the dotted form the form prints. */
export function formDateText(written: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})?$/.exec(written.trim());
  if (!match) return written.trim();
  return [match[1], match[2], match[3]].filter((part) => part !== undefined).join('.');
}

/**
 * The appointment form of a record. The 简历, 奖惩 and 考核 texts are printed as kept (an
 * imported file prints as it came), else as the platform formats its entries; ages are counted
 * at the form's reference date.
 */
export function buildAppointmentForm(record: CadreRecord, today: Date = new Date()): AppointmentFormView {
  const form = record.appointmentForm;
  const family: FamilyRow[] = record.family.map((member) => ({
    title: member.title,
    name: member.name,
    age: String(familyAge(member, record, today) ?? ''),
    politicalStatus: member.politicalStatus,
    workUnitAndPost: member.workUnitAndPost,
  }));
  const blank: FamilyRow = { title: '', name: '', age: '', politicalStatus: '', workUnitAndPost: '' };
  return {
    name: record.name,
    sex: record.sex,
    birth: birthWithFormAge(record, today),
    ethnicity: record.ethnicity,
    nativePlace: record.nativePlace,
    birthPlace: record.birthPlace,
    party: partyText(record),
    workStart: dotted(record.workStartMonth),
    health: record.health,
    professionalTitle: record.professionalTitle,
    expertise: record.expertise,
    fullTime: { education: educationText(record.fullTimeEducation), school: schoolText(record.fullTimeEducation) },
    inService: { education: educationText(record.inServiceEducation), school: schoolText(record.inServiceEducation) },
    currentPost: record.post,
    proposedPost: form.proposedPost,
    postToRemove: form.postToRemove,
    resume: resumeLines(record.resumeText || formatResume(record.positions)),
    commendations: record.commendationsText || formatCommendations(record.commendations),
    // The form asks for the last three years; the portrait's timeline keeps them all. Text an
    // imported file held without readable years is printed as it came.
    annualAssessments:
      record.annualAssessments.length > 0 ? formatAnnualAssessments(latestAssessments(record.annualAssessments)) : record.annualAssessmentsText,
    appointmentReason: form.appointmentReason,
    family: [...family, ...Array.from({ length: Math.max(0, MIN_FAMILY_ROWS - family.length) }, () => blank)],
    submittingUnit: form.submittingUnit,
    filledBy: form.filledBy,
    fillDate: formDateText(form.fillDate),
  };
}

/** The printed labels of the official form: a Chinese document, so they are not translated. */
export const FORM_LABELS = {
  title: '干部任免审批表',
  name: '姓名',
  sex: '性别',
  birth: '出生年月（岁）',
  photo: '照片',
  ethnicity: '民族',
  nativePlace: '籍贯',
  birthPlace: '出生地',
  party: '入党时间',
  workStart: '参加工作时间',
  health: '健康状况',
  professionalTitle: '专业技术职务',
  expertise: '熟悉专业有何专长',
  education: '学历学位',
  fullTime: '全日制教育',
  inService: '在职教育',
  school: '毕业院校系及专业',
  currentPost: '现任职务',
  proposedPost: '拟任职务',
  postToRemove: '拟免职务',
  resume: '简历',
  commendations: '奖惩情况',
  annualAssessments: '年度考核结果',
  appointmentReason: '任免理由',
  family: '家庭主要成员及重要社会关系',
  familyTitle: '称谓',
  familyName: '姓名',
  familyAge: '年龄',
  familyPolitical: '政治面貌',
  familyWork: '工作单位及职务',
  submittingUnit: '呈报单位',
  approvingOpinion: '审批机关意见',
  appointingOpinion: '行政机关任免意见',
  seal: '（盖章）',
  date: '年　　月　　日',
  filledBy: '填表人',
  fillDate: '填表时间',
} as const;
