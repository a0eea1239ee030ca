import * as z from 'zod';
import { maskIdNumber } from '../audit/masking.js';
import { DEGREES, EDUCATION_LEVELS } from '../cadres/cadre.js';
import { CadreInputSchema, HEALTH_STATES, OTHER_PARTIES, type FamilyMember } from '../cadres/cadre-record.js';
import {
  formatAnnualAssessments,
  formatCommendations,
  parseAnnualAssessments,
  parseCommendations,
} from '../cadres/form-texts.js';
import { importIssueMessage } from '../imports/issue-messages.js';
import { parsePartyField, parseYearMonth } from './lrmx-dates.js';
import {
  LRMX_ELEMENTS,
  LRMX_FAMILY_ELEMENTS,
  LrmxPersonSchema,
  type LrmxFamilyMember,
  type LrmxPerson,
} from './lrmx-person.js';
import { formatResume, parseResume } from './lrmx-resume.js';
import { validateLrmxPerson, type LrmxFieldProblem } from './lrmx-validation.js';

export type LrmxElementName = (typeof LRMX_ELEMENTS)[number][0];
type EducationLevel = (typeof EDUCATION_LEVELS)[number];
type Degree = (typeof DEGREES)[number];
type OtherParty = (typeof OTHER_PARTIES)[number];

/** What each element means, as the printed form labels it: problem messages and change lists use these. */
export const LRMX_ELEMENT_LABELS: Record<LrmxElementName, string> = {
  XingMing: '姓名',
  XingBie: '性别',
  ChuShengNianYue: '出生年月',
  MinZu: '民族',
  JiGuan: '籍贯',
  ChuShengDi: '出生地',
  RuDangShiJian: '入党时间',
  CanJiaGongZuoShiJian: '参加工作时间',
  JianKangZhuangKuang: '健康状况',
  ZhuanYeJiShuZhiWu: '专业技术职务',
  ShuXiZhuanYeYouHeZhuanChang: '熟悉专业有何专长',
  QuanRiZhiJiaoYu_XueLi: '全日制教育学历',
  QuanRiZhiJiaoYu_XueWei: '全日制教育学位',
  QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '全日制学历毕业院校系',
  QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '全日制学位毕业院校系',
  ZaiZhiJiaoYu_XueLi: '在职教育学历',
  ZaiZhiJiaoYu_XueWei: '在职教育学位',
  ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '在职学历毕业院校系',
  ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '在职学位毕业院校系',
  XianRenZhiWu: '现任职务',
  NiRenZhiWu: '拟任职务',
  NiMianZhiWu: '拟免职务',
  JianLi: '简历',
  JiangChengQingKuang: '奖惩情况',
  NianDuKaoHeJieGuo: '年度考核结果',
  RenMianLiYou: '任免理由',
  JiaTingChengYuan: '家庭主要成员及重要社会关系',
  ChengBaoDanWei: '呈报单位',
  JiSuanNianLingShiJian: '计算年龄时间',
  TianBiaoShiJian: '填表时间',
  TianBiaoRen: '填表人',
  ShenFenZheng: '身份证号',
  ZhaoPian: '照片',
  Version: '版本',
};

const FAMILY_ELEMENT_LABELS: Record<(typeof LRMX_FAMILY_ELEMENTS)[number][0], string> = {
  ChengWei: '称谓',
  XingMing: '姓名',
  ChuShengRiQi: '出生日期',
  ZhengZhiMianMao: '政治面貌',
  GongZuoDanWeiJiZhiWu: '工作单位及职务',
};

/** The fields of a cadre record the appointment form carries; unit, rank, category and the rest are the platform's own. */
const LrmxFormFieldsSchema = CadreInputSchema.pick({
  name: true,
  sex: true,
  birthMonth: true,
  ethnicity: true,
  nativePlace: true,
  birthPlace: true,
  partyJoinMonth: true,
  otherParty: true,
  workStartMonth: true,
  health: true,
  professionalTitle: true,
  expertise: true,
  fullTimeEducation: true,
  inServiceEducation: true,
  post: true,
  idNumber: true,
  positions: true,
  commendations: true,
  annualAssessments: true,
  family: true,
  appointmentForm: true,
});
export type LrmxFormFields = z.output<typeof LrmxFormFieldsSchema>;
export const LRMX_FORM_FIELD_NAMES = Object.keys(LrmxFormFieldsSchema.shape) as Array<keyof LrmxFormFields>;

/** The form's free texts, kept verbatim beside the entries parsed from them (decision 0010). */
export interface LrmxFormTexts {
  resumeText: string;
  commendationsText: string;
  annualAssessmentsText: string;
}

/** A form read into the record's terms: the fields, the verbatim texts and the photo. */
export interface LrmxForm {
  fields: LrmxFormFields;
  texts: LrmxFormTexts;
  photoBase64: string | null;
}

export type LrmxMappingResult = ({ ok: true } & LrmxForm) | { ok: false; problems: LrmxFieldProblem[] };

/** What an export needs of a record: the form fields and texts, the ID number in clear and the photo. */
export type LrmxFormRecord = Omit<LrmxFormFields, 'idNumber'> &
  LrmxFormTexts & { idNumber: string | null; photoBase64: string | null };

// ——— value rules: how one element's text becomes a field value and back ———

type Reading<V> = { value: V } | { problem: string };

interface ValueRule<V> {
  read(text: string, label: string): Reading<V>;
  /** The standard text of a value; a file whose text differs keeps it in `asWritten`. */
  write(value: V): string;
}

const TEXT: ValueRule<string> = { read: (text) => ({ value: text }), write: (value) => value };

const OPTIONAL_TEXT: ValueRule<string | null> = {
  read: (text) => ({ value: text === '' ? null : text }),
  write: (value) => value ?? '',
};

const compactMonth = (yearMonth: string) => yearMonth.replace('-', '');

const REQUIRED_MONTH: ValueRule<string> = {
  read: (text, label) => {
    if (text === '') return { problem: `${label}不能为空` };
    const month = parseYearMonth(text);
    return month === null ? { problem: `${label}“${text}”无法识别，应为 yyyyMM` } : { value: month };
  },
  write: compactMonth,
};

const OPTIONAL_MONTH: ValueRule<string | null> = {
  read: (text, label) => (text === '' ? { value: null } : REQUIRED_MONTH.read(text, label)),
  write: (value) => (value === null ? '' : compactMonth(value)),
};

const HEALTH: ValueRule<(typeof HEALTH_STATES)[number]> = {
  // The form often leaves it blank; the record's default is 健康, and the blank is kept as written.
  read: (text, label) => {
    if (text === '') return { value: '健康' };
    return (HEALTH_STATES as readonly string[]).includes(text)
      ? { value: text as (typeof HEALTH_STATES)[number] }
      : { problem: `${label}“${text}”应为 ${HEALTH_STATES.join('、')} 之一` };
  },
  write: (value) => value,
};

/** The words other writers use for each 学历 (files from the official editor say 大学 for 大学本科). */
export const EDUCATION_LEVEL_ALIASES: Record<EducationLevel, readonly string[]> = {
  研究生: ['研究生', '博士研究生', '硕士研究生', '研究生班', '在职研究生'],
  大学本科: ['大学本科', '大学', '本科'],
  大学专科: ['大学专科', '大专', '专科'],
  中专: ['中专', '中等专科', '中等专业学校', '中技', '技工学校'],
  高中及以下: ['高中及以下', '高中', '职高', '初中', '小学'],
};

/** 学历 as people write it, or undefined when the text names none. `毕业` and `学历` after the name are allowed. */
export function parseEducationLevel(text: string): EducationLevel | undefined {
  const compact = text.replace(/\s+/g, '');
  // Stripped word by word: `(毕业|学历)+$` retries from every 毕业 and grows with the square of the text.
  let end = compact.length;
  while (compact.endsWith('毕业', end) || compact.endsWith('学历', end)) end -= 2;
  const name = compact.slice(0, end);
  return EDUCATION_LEVELS.find((level) => EDUCATION_LEVEL_ALIASES[level].includes(name));
}

/** 学位 as people write it (`经济学学士`, `工商管理硕士`, `无`), or undefined when it names none. */
export function parseDegree(text: string): Degree | undefined {
  const name = text.replace(/\s+/g, '').replace(/学位$/, '');
  if (name === '无') return '无';
  return DEGREES.find((degree) => degree !== '无' && name.endsWith(degree));
}

const EDUCATION: ValueRule<EducationLevel | null> = {
  read: (text, label) => {
    if (text === '') return { value: null };
    const level = parseEducationLevel(text);
    return level === undefined ? { problem: `${label}“${text}”无法识别，应为 ${EDUCATION_LEVELS.join('、')} 之一` } : { value: level };
  },
  write: (value) => value ?? '',
};

const DEGREE: ValueRule<Degree | null> = {
  read: (text, label) => {
    if (text === '') return { value: null };
    const degree = parseDegree(text);
    return degree === undefined ? { problem: `${label}“${text}”无法识别，应为 …博士、…硕士、…学士 或 无` } : { value: degree };
  },
  write: (value) => value ?? '',
};

/** Full names of the parties, for files that spell them out. */
export const OTHER_PARTY_ALIASES: Record<OtherParty, readonly string[]> = {
  民革: ['民革', '中国国民党革命委员会'],
  民盟: ['民盟', '中国民主同盟'],
  民建: ['民建', '中国民主建国会'],
  民进: ['民进', '中国民主促进会'],
  农工党: ['农工党', '农工', '中国农工民主党'],
  致公党: ['致公党', '中国致公党'],
  九三学社: ['九三学社', '九三'],
  台盟: ['台盟', '台湾民主自治同盟'],
  无党派人士: ['无党派人士', '无党派'],
};
// Written where a party name could stand, but meaning the CPC or no party at all.
const NO_OTHER_PARTY = ['中共', '中共党员', '中国共产党', '中共预备党员', '群众'];

/** A party other than the CPC as people write it; null for CPC or 群众; undefined when it names none. */
export function parseOtherParty(text: string): OtherParty | null | undefined {
  const name = text.replace(/\s+/g, '');
  if (name === '' || NO_OTHER_PARTY.includes(name)) return null;
  return OTHER_PARTIES.find((party) => OTHER_PARTY_ALIASES[party].includes(name));
}

interface Party {
  partyJoinMonth: string | null;
  otherParty: OtherParty | null;
}

const PARTY: ValueRule<Party> = {
  read: (text, label) => {
    const field = parsePartyField(text);
    if (field === null) return { problem: `${label}“${text}”无法识别，应为 yyyyMM、党派名称或两者（如 200106；民盟）` };
    const otherParty = field.partyName === null ? null : parseOtherParty(field.partyName);
    if (otherParty === undefined) {
      return { problem: `${label}中的党派“${field.partyName}”无法识别，应为 ${OTHER_PARTIES.join('、')} 之一` };
    }
    return { value: { partyJoinMonth: field.joinMonth, otherParty } };
  },
  write: ({ partyJoinMonth, otherParty }) =>
    [partyJoinMonth === null ? '' : compactMonth(partyJoinMonth), otherParty ?? ''].filter((part) => part !== '').join('；'),
};

// ——— element rules: which field of the record each element lands in ———

type Draft = Record<string, unknown>;

interface ElementRule {
  /** Field paths in the record (dotted), to say which element a schema problem belongs to. */
  paths: readonly string[];
  rule: ValueRule<never>;
  get(form: Omit<LrmxFormFields, 'idNumber'> & { idNumber: string | null }): unknown;
  set(draft: Draft, value: unknown): void;
}

function at<V>(path: string, rule: ValueRule<V>): ElementRule {
  const keys = path.split('.');
  return {
    paths: [path],
    rule: rule as ValueRule<never>,
    get: (form) => keys.reduce<unknown>((node, key) => (node as Draft)[key], form),
    set: (draft, value) => {
      let node = draft;
      for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Draft;
      node[keys.at(-1)!] = value;
    },
  };
}

const partyRule: ElementRule = {
  paths: ['partyJoinMonth', 'otherParty'],
  rule: PARTY as ValueRule<never>,
  get: (form): Party => ({ partyJoinMonth: form.partyJoinMonth, otherParty: form.otherParty }),
  set: (draft, value) => Object.assign(draft, value as Party),
};

/** The elements held by the form texts (简历, 奖惩, 考核), the family list, the photo and the unknown extras are mapped apart. */
type ScalarField = Exclude<keyof LrmxPerson, 'family' | 'extras' | 'photoBase64' | 'resume' | 'rewardsAndSanctions' | 'annualAssessments'>;

const ELEMENT_RULES: Record<ScalarField, ElementRule> = {
  name: at('name', TEXT),
  sex: at('sex', TEXT),
  birthMonth: at('birthMonth', REQUIRED_MONTH),
  ethnicity: at('ethnicity', TEXT),
  nativePlace: at('nativePlace', TEXT),
  birthPlace: at('birthPlace', TEXT),
  partyJoin: partyRule,
  workStartMonth: at('workStartMonth', REQUIRED_MONTH),
  health: at('health', HEALTH),
  professionalTitle: at('professionalTitle', TEXT),
  expertise: at('expertise', TEXT),
  fullTimeEducation: at('fullTimeEducation.education', EDUCATION),
  fullTimeDegree: at('fullTimeEducation.degree', DEGREE),
  fullTimeEducationSchool: at('fullTimeEducation.educationSchool', TEXT),
  fullTimeDegreeSchool: at('fullTimeEducation.degreeSchool', TEXT),
  inServiceEducation: at('inServiceEducation.education', EDUCATION),
  inServiceDegree: at('inServiceEducation.degree', DEGREE),
  inServiceEducationSchool: at('inServiceEducation.educationSchool', TEXT),
  inServiceDegreeSchool: at('inServiceEducation.degreeSchool', TEXT),
  currentPost: at('post', TEXT),
  proposedPost: at('appointmentForm.proposedPost', TEXT),
  postToRemove: at('appointmentForm.postToRemove', TEXT),
  appointmentReason: at('appointmentForm.appointmentReason', TEXT),
  submittingUnit: at('appointmentForm.submittingUnit', TEXT),
  ageReferenceDate: at('appointmentForm.ageReferenceDate', TEXT),
  fillDate: at('appointmentForm.fillDate', TEXT),
  filledBy: at('appointmentForm.filledBy', TEXT),
  idNumber: at('idNumber', OPTIONAL_TEXT),
  version: at('appointmentForm.version', TEXT),
};

/** 简历, 奖惩情况 and 年度考核结果: entries parsed from the text, the text itself kept verbatim. */
const TEXT_RULES = [
  { field: 'resume', path: 'positions', text: 'resumeText', parse: parseResume, format: formatResume },
  { field: 'rewardsAndSanctions', path: 'commendations', text: 'commendationsText', parse: parseCommendations, format: formatCommendations },
  {
    field: 'annualAssessments',
    path: 'annualAssessments',
    text: 'annualAssessmentsText',
    parse: parseAnnualAssessments,
    format: formatAnnualAssessments,
  },
] as const;

const FAMILY_RULES: Record<Exclude<keyof LrmxFamilyMember, 'extras'>, ValueRule<never>> = {
  title: TEXT as ValueRule<never>,
  name: TEXT as ValueRule<never>,
  birthMonth: OPTIONAL_MONTH as ValueRule<never>,
  politicalStatus: TEXT as ValueRule<never>,
  workUnitAndPost: TEXT as ValueRule<never>,
};

const elementOf = new Map<string, LrmxElementName>(LRMX_ELEMENTS.map(([element, field]) => [field, element]));
const familyElementOf = new Map<string, string>(LRMX_FAMILY_ELEMENTS.map(([element, field]) => [field, element]));

// ——— import ———

/**
 * Reads a form into the record's fields. Each problem names the element it comes from
 * (`ChuShengNianYue`, `JiaTingChengYuan[1].XingMing`); with any problem nothing is returned.
 * Texts the record normalises (a date written 19800512, 学历 written 大学) are kept in
 * `asWritten`, so exporting the record gives the file back.
 */
export function lrmxPersonToForm(person: LrmxPerson, today: Date = new Date()): LrmxMappingResult {
  const problems = new ProblemList(validateLrmxPerson(person, today));
  const draft: Draft = { appointmentForm: { extras: person.extras } };
  const asWritten: Record<string, string> = {};

  for (const [field, { rule, set }] of Object.entries(ELEMENT_RULES) as Array<[ScalarField, ElementRule]>) {
    const element = elementOf.get(field)!;
    const text = person[field];
    const reading = rule.read(text, LRMX_ELEMENT_LABELS[element]);
    if ('problem' in reading) {
      problems.add(element, reading.problem);
      continue;
    }
    set(draft, reading.value);
    if (rule.write(reading.value) !== text) asWritten[element] = text;
  }
  if (Object.keys(asWritten).length > 0) (draft['appointmentForm'] as Draft)['asWritten'] = asWritten;

  const texts = {} as Record<(typeof TEXT_RULES)[number]['text'], string>;
  for (const { field, path, text, parse } of TEXT_RULES) {
    draft[path] = parse(person[field]);
    texts[text] = person[field];
  }

  // A row left blank carries nothing the form shows; the record holds people, not empty lines.
  const familyIndexes: number[] = [];
  draft['family'] = person.family.flatMap((member, index) => {
    const values = Object.keys(FAMILY_RULES).map((key) => member[key as keyof typeof FAMILY_RULES]);
    if (values.every((value) => value === '') && member.extras.length === 0) return [];
    familyIndexes.push(index);
    return [readFamilyMember(member, index, problems)];
  });

  const parsed = LrmxFormFieldsSchema.safeParse(draft, { error: importIssueMessage });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [element, message] = locateIssue(issue.path, issue.message, person, familyIndexes);
      problems.add(element, message);
    }
  }
  if (!problems.isEmpty() || !parsed.success) return { ok: false, problems: problems.list() };
  return {
    ok: true,
    fields: parsed.data,
    texts,
    photoBase64: person.photoBase64 === '' ? null : person.photoBase64,
  };
}

function readFamilyMember(member: LrmxFamilyMember, index: number, problems: ProblemList): Draft {
  const row: Draft = { extras: member.extras };
  const asWritten: Record<string, string> = {};
  for (const [field, rule] of Object.entries(FAMILY_RULES) as Array<[keyof typeof FAMILY_RULES, ValueRule<never>]>) {
    const element = familyElementOf.get(field)!;
    const text = member[field];
    const reading = rule.read(text, `家庭成员第 ${index + 1} 行${FAMILY_ELEMENT_LABELS[element as keyof typeof FAMILY_ELEMENT_LABELS]}`);
    if ('problem' in reading) {
      problems.add(`JiaTingChengYuan[${index}].${element}`, reading.problem);
      continue;
    }
    row[field] = reading.value;
    if (rule.write(reading.value) !== text) asWritten[element] = text;
  }
  if (Object.keys(asWritten).length > 0) row['asWritten'] = asWritten;
  return row;
}

/** One problem per element: the first found is the one worth fixing first. */
class ProblemList {
  private readonly problems: LrmxFieldProblem[] = [];

  constructor(initial: readonly LrmxFieldProblem[]) {
    for (const problem of initial) this.add(problem.field, problem.message);
  }

  add(field: string, message: string): void {
    if (!this.problems.some((problem) => problem.field === field)) this.problems.push({ field, message });
  }

  isEmpty(): boolean {
    return this.problems.length === 0;
  }

  list(): LrmxFieldProblem[] {
    return [...this.problems];
  }
}

function locateIssue(
  path: readonly PropertyKey[],
  message: string,
  person: LrmxPerson,
  familyIndexes: readonly number[],
): [field: string, message: string] {
  const [head, second, third] = path.map(String);
  if (head === 'family' && second !== undefined) {
    const index = familyIndexes[Number(second)] ?? Number(second);
    const element = third === undefined ? undefined : familyElementOf.get(third);
    const row = `家庭成员第 ${index + 1} 行`;
    return element === undefined
      ? [`JiaTingChengYuan[${index}]`, `${row}：${message}`]
      : [`JiaTingChengYuan[${index}].${element}`, row + labelled(FAMILY_ELEMENT_LABELS[element as keyof typeof FAMILY_ELEMENT_LABELS], message)];
  }
  const textRule = TEXT_RULES.find((rule) => rule.path === head);
  if (textRule) {
    const element = elementOf.get(textRule.field)!;
    const item = second === undefined ? '' : `第 ${Number(second) + 1} 条`;
    return [element, `${LRMX_ELEMENT_LABELS[element]}${item}${third === undefined ? '' : '内容'}${message}`];
  }
  if (head === 'appointmentForm' && second === 'extras' && third !== undefined) {
    const extra = person.extras[Number(third)];
    return [extra?.name ?? 'extras', `元素 ${extra?.name ?? ''}：${message}`];
  }
  if (head === 'appointmentForm' && second === 'asWritten' && third !== undefined) {
    return [third, `${LRMX_ELEMENT_LABELS[third as LrmxElementName] ?? third}：${message}`];
  }
  const dotted = path.map(String).join('.');
  const element = lrmxElementOfField(dotted);
  return element === null ? [dotted, message] : [element, labelled(LRMX_ELEMENT_LABELS[element], message)];
}

/**
 * The element that holds a record field (`workStartMonth` → CanJiaGongZuoShiJian,
 * `positions.1.end` → JianLi), for problems found on the record after mapping; null for the
 * platform's own fields, which the form does not carry.
 */
export function lrmxElementOfField(path: string): LrmxElementName | null {
  const head = path.split('.')[0];
  if (head === 'family') return 'JiaTingChengYuan';
  const textRule = TEXT_RULES.find((rule) => rule.path === head);
  if (textRule) return elementOf.get(textRule.field)!;
  const entry = (Object.entries(ELEMENT_RULES) as Array<[ScalarField, ElementRule]>).find(([, rule]) =>
    rule.paths.some((rulePath) => path === rulePath || path.startsWith(`${rulePath}.`)),
  );
  return entry ? elementOf.get(entry[0])! : null;
}

// Schema messages sometimes name the field themselves (姓名至少 2 个字).
function labelled(label: string, message: string): string {
  return message.startsWith(label) ? message : `${label}${message}`;
}

// ——— export ———

/**
 * Writes a record as a form. Where the record keeps the text a file was imported with (the
 * verbatim 简历, a date written 19800512) and that text still reads as the record's value, the
 * text is written; otherwise the standard form of the value.
 */
export function formToLrmxPerson(record: LrmxFormRecord): LrmxPerson {
  const written = record.appointmentForm.asWritten ?? {};
  const person: Record<string, unknown> = {};
  for (const [field, { rule, get }] of Object.entries(ELEMENT_RULES) as Array<[ScalarField, ElementRule]>) {
    const element = elementOf.get(field)!;
    person[field] = writeValue(rule, get(record), written[element], LRMX_ELEMENT_LABELS[element]);
  }
  for (const { field, path, text, parse, format } of TEXT_RULES) {
    const entries = record[path] as never;
    const verbatim = record[text];
    person[field] = sameEntries(parse(verbatim), entries, path === 'annualAssessments') ? verbatim : format(entries);
  }
  person['family'] = record.family.map(writeFamilyMember);
  person['extras'] = record.appointmentForm.extras;
  person['photoBase64'] = record.photoBase64 ?? '';
  return LrmxPersonSchema.parse(person);
}

function writeFamilyMember(member: FamilyMember): LrmxFamilyMember {
  const written = member.asWritten ?? {};
  const row: Record<string, unknown> = { extras: member.extras };
  for (const [field, rule] of Object.entries(FAMILY_RULES) as Array<[keyof typeof FAMILY_RULES, ValueRule<never>]>) {
    const element = familyElementOf.get(field)!;
    row[field] = writeValue(rule, member[field], written[element], element);
  }
  return row as LrmxFamilyMember;
}

function writeValue(rule: ValueRule<never>, value: unknown, written: string | undefined, label: string): string {
  const standard = rule.write(value as never);
  if (written === undefined || written === standard) return standard;
  const reading = rule.read(written, label);
  return 'value' in reading && canonicalJson(reading.value) === canonicalJson(value) ? written : standard;
}

function sameEntries(parsed: readonly unknown[], entries: readonly unknown[], byYear: boolean): boolean {
  const order = (list: readonly unknown[]) =>
    byYear ? [...list].sort((a, b) => (a as { year: number }).year - (b as { year: number }).year) : list;
  return canonicalJson(order(parsed)) === canonicalJson(order(entries));
}

// Entries come back from the database and from forms with keys in any order, `undefined` members
// and empty sub-entry lists; none of that changes what the form prints.
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, node: unknown) => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
    const entries = Object.entries(node as Draft)
      .filter(([key, member]) => member !== undefined && !(key === 'subEntries' && Array.isArray(member) && member.length === 0))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  });
}

// ——— changes ———

export interface LrmxFieldChange {
  field: string;
  before: string;
  after: string;
}

/**
 * What importing `after` over a record exported as `before` would change, element by element,
 * as the form would print it. The editor version is bookkeeping, not a fact about the cadre, and
 * a file without a photo leaves the record's photo alone, so neither counts as a change.
 */
export function describeLrmxChanges(before: LrmxPerson, after: LrmxPerson): LrmxFieldChange[] {
  const changes: LrmxFieldChange[] = [];
  for (const [element, field] of LRMX_ELEMENTS) {
    const label = LRMX_ELEMENT_LABELS[element];
    if (field === 'version') continue;
    if (field === 'photoBase64') {
      if (after.photoBase64 !== '' && after.photoBase64 !== before.photoBase64) {
        changes.push({ field: label, before: before.photoBase64 === '' ? '无' : '原照片', after: '新照片' });
      }
      continue;
    }
    const [was, will] =
      field === 'family'
        ? [describeFamily(before.family), describeFamily(after.family)]
        : field === 'idNumber'
          ? [maskOrEmpty(before.idNumber), maskOrEmpty(after.idNumber)]
          : [before[field], after[field]];
    if (was !== will) changes.push({ field: label, before: was, after: will });
  }
  const [extrasBefore, extrasAfter] = [describeExtras(before.extras), describeExtras(after.extras)];
  if (extrasBefore !== extrasAfter) changes.push({ field: '其他元素', before: extrasBefore, after: extrasAfter });
  return changes;
}

function maskOrEmpty(idNumber: string): string {
  return idNumber === '' ? '' : maskIdNumber(idNumber);
}

function describeFamily(family: readonly LrmxFamilyMember[]): string {
  return family
    .map((member) =>
      [member.title, member.name, member.birthMonth, member.politicalStatus, member.workUnitAndPost, describeExtras(member.extras)]
        .filter((part) => part !== '')
        .join(' '),
    )
    .join('\n');
}

function describeExtras(extras: ReadonlyArray<{ name: string; value: string }>): string {
  return extras.map((extra) => `${extra.name}：${extra.value}`).join('\n');
}
