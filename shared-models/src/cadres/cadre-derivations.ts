import type { ResumeEntry } from '../lrmx/lrmx-resume.js';
import { computeAgeInYears } from '../stats/cadre-distribution.js';
import { EDUCATION_LEVELS, type Cadre } from './cadre.js';
import type {
  AnnualAssessmentEntry,
  CommendationEntry,
  DerivedTag,
  EducationRow,
  PoliticalStatus,
} from './cadre-record.js';

/** Every tag the platform derives, in the order the portrait shows them. */
export const DERIVED_TAGS = [
  '年轻干部',
  '女干部',
  '少数民族干部',
  '党外干部',
  '研究生学历',
  '基层经历',
  '企业经历',
  '近三年考核优秀',
  '受过处分',
  '任现职满五年',
  '聘任制公务员',
  '挂职干部',
] as const;
export type DerivedTagName = (typeof DERIVED_TAGS)[number];

export interface Highest {
  education: Cadre['education'];
  degree: Cadre['degree'];
  school: string;
}

const DEGREE_ORDER = ['博士', '硕士', '学士', '无'] as const;

/** 最高学历: the higher of the two education rows, 全日制 winning a tie; its degree and school. */
export function highestEducation(fullTime: EducationRow, inService: EducationRow): Highest {
  const rank = (row: EducationRow) => (row.education === null ? EDUCATION_LEVELS.length : EDUCATION_LEVELS.indexOf(row.education));
  const best = rank(inService) < rank(fullTime) ? inService : fullTime;
  const degree = [fullTime.degree, inService.degree]
    .filter((d): d is NonNullable<typeof d> => d !== null)
    .sort((a, b) => DEGREE_ORDER.indexOf(a) - DEGREE_ORDER.indexOf(b))[0];
  return {
    education: best.education ?? '高中及以下',
    degree: degree ?? '无',
    school: best.educationSchool,
  };
}

/**
 * The education rows a headline names, each whole (its 学历, its 学位, its school): the row of
 * the highest 学历, and the row of the highest 学位 when that is another row with a higher
 * degree. 最高学历 and 最高学位 may come from different rows (本科学士 full-time, then a 党校
 * 研究生 without a degree); joining one row's degree to the other's school would misstate both.
 */
export function headlineEducation(fullTime: EducationRow, inService: EducationRow): EducationRow[] {
  const filled = [fullTime, inService].filter((row) => row.education !== null || degreeRank(row) < DEGREE_ORDER.length - 1);
  if (filled.length === 0) return [];
  const educationRank = (row: EducationRow) => (row.education === null ? EDUCATION_LEVELS.length : EDUCATION_LEVELS.indexOf(row.education));
  // sort is stable: 全日制 comes first in a tie.
  const byEducation = [...filled].sort((a, b) => educationRank(a) - educationRank(b))[0]!;
  const byDegree = [...filled].sort((a, b) => degreeRank(a) - degreeRank(b))[0]!;
  return degreeRank(byDegree) < degreeRank(byEducation) ? [byEducation, byDegree] : [byEducation];
}

function degreeRank(row: EducationRow): number {
  return row.degree === null ? DEGREE_ORDER.length - 1 : DEGREE_ORDER.indexOf(row.degree);
}

/** 政治面貌 for the ledger: a join month without another party means CPC membership. */
export function politicalStatusOf(record: { partyJoinMonth: string | null; otherParty: string | null }): PoliticalStatus {
  if (record.otherParty === '无党派人士') return '无党派人士';
  if (record.otherParty !== null) return '民主党派';
  return record.partyJoinMonth !== null ? '中共党员' : '群众';
}

/** The facts the tag rules read. */
export interface TagSource {
  sex: Cadre['sex'];
  birthMonth: string;
  ethnicity: string;
  partyJoinMonth: string | null;
  otherParty: string | null;
  education: Cadre['education'];
  postLevel: Cadre['postLevel'];
  postStartMonth: string;
  appointmentType: Cadre['appointmentType'];
  unitName: string;
  unitType: string;
  positions: readonly ResumeEntry[];
  commendations: readonly CommendationEntry[];
  annualAssessments: readonly AnnualAssessmentEntry[];
}

/** The age limit of 年轻干部 at each level, as 组织部门 commonly set it. */
const YOUNG_CADRE_MAX_AGE: Record<Cadre['postLevel'], number> = {
  县处级正职: 45,
  县处级副职: 40,
  乡科级正职: 35,
  乡科级副职: 35,
  非领导职务: 35,
};

const GRASSROOTS = /街道|镇|乡|村|社区/;
// Words that hold those characters without naming a grassroots unit: 区住房城乡建委, 区农业农村委,
// 城镇化, 乡科级, 区乡村振兴局.
const NOT_GRASSROOTS = /城乡|农村|城镇|乡科级|乡村振兴局/g;
// 企业 alone names government work as often as a company (企业服务科, 中小企业局), so it earns nothing.
const ENTERPRISE = /公司|集团|厂/;
// A course names its school and major (重庆大学城乡规划专业学习, 某某镇中学读书): it is no post.
// It is the last words of the text, or the words before a comma that adds where (…学习，获硕士学位).
// Two plain tests rather than one pattern ending in `(?:[，,].*)?$`, which tries every study word
// against the whole rest of the text and so grows with the square of its length.
const STUDY_WORDS = '学习|进修|培训|读书|就读|研修|深造';
const STUDY_AT_END = new RegExp(`(?:${STUDY_WORDS})$`);
const STUDY_BEFORE_COMMA = new RegExp(`(?:${STUDY_WORDS})[，,]`);
// 攻读 opens a course wherever it stands (在西南大学攻读硕士学位).
const STUDY_ANYWHERE = /攻读/;
const GRASSROOTS_UNIT_TYPES = new Set(['street', 'town']);

/**
 * Whether a 简历 line is a period of study (全日制 or 在职 education, 党校 classes, 进修) rather
 * than a post held: the timeline labels it 学习, and it earns no experience tag.
 */
export function isStudyText(text: string): boolean {
  // `.` stops at line breaks and `$` is the end of the text, so only the last line ever counted.
  const lastLine = text.split(/[\n\r\u2028\u2029]/).at(-1)!.trim();
  return STUDY_AT_END.test(lastLine) || STUDY_BEFORE_COMMA.test(lastLine) || STUDY_ANYWHERE.test(lastLine);
}

const isGrassrootsPost = (text: string) => !isStudyText(text) && GRASSROOTS.test(text.replace(NOT_GRASSROOTS, ''));
const isEnterprisePost = (text: string) => !isStudyText(text) && ENTERPRISE.test(text);

function dotted(month: string): string {
  return month.replace('-', '.');
}

function period(entry: { start: string; end: string | null; text: string }): string {
  return `${dotted(entry.start)}—${entry.end === null ? '至今' : dotted(entry.end)} ${entry.text}`;
}

function firstPosition(positions: readonly ResumeEntry[], earns: (text: string) => boolean) {
  for (const entry of positions) {
    if (earns(entry.text)) return entry;
    const sub = entry.subEntries?.find((s) => earns(s.text));
    if (sub) return sub;
  }
  return undefined;
}

function monthsBetween(fromMonth: string, on: Date): number {
  const [year, month] = fromMonth.split('-').map(Number) as [number, number];
  return (on.getUTCFullYear() - year) * 12 + (on.getUTCMonth() + 1 - month);
}

/**
 * The tags a record earns, each with the fact behind it, so the portrait can show why and the
 * ledger can filter by them. Pure: the same record and date give the same tags.
 */
export function deriveTags(source: TagSource, asOf: Date): DerivedTag[] {
  const tags: DerivedTag[] = [];
  const add = (tag: DerivedTagName, evidence: string) => tags.push({ tag, evidence });

  const age = computeAgeInYears(source.birthMonth, asOf);
  const youngLimit = YOUNG_CADRE_MAX_AGE[source.postLevel];
  if (age <= youngLimit) add('年轻干部', `${age} 岁，${source.postLevel}（${youngLimit} 岁及以下）`);
  if (source.sex === '女') add('女干部', '性别：女');
  if (source.ethnicity !== '汉族') add('少数民族干部', `民族：${source.ethnicity}`);
  const status = politicalStatusOf(source);
  if (status !== '中共党员') add('党外干部', `政治面貌：${source.otherParty ?? status}`);
  if (source.education === '研究生') add('研究生学历', '最高学历：研究生');

  const grassroots = firstPosition(source.positions, isGrassrootsPost);
  if (grassroots) add('基层经历', period(grassroots));
  else if (GRASSROOTS_UNIT_TYPES.has(source.unitType)) add('基层经历', `现任职单位：${source.unitName}`);
  const enterprise = firstPosition(source.positions, isEnterprisePost);
  if (enterprise) add('企业经历', period(enterprise));
  else if (source.unitType === 'state_enterprise') add('企业经历', `现任职单位：${source.unitName}`);

  const recentExcellent = source.annualAssessments
    .filter((a) => a.grade === '优秀' && a.year >= asOf.getUTCFullYear() - 3)
    .sort((a, b) => b.year - a.year)[0];
  if (recentExcellent) add('近三年考核优秀', `${recentExcellent.year} 年度考核 优秀`);
  const sanction = source.commendations.find((c) => c.kind === 'sanction');
  if (sanction) add('受过处分', sanction.month ? `${dotted(sanction.month)} ${sanction.text}` : sanction.text);

  if (monthsBetween(source.postStartMonth, asOf) >= 60) add('任现职满五年', `${dotted(source.postStartMonth)} 起任现职`);
  if (source.appointmentType === '聘任制') add('聘任制公务员', '任用方式：聘任制');
  if (source.appointmentType === '挂职') add('挂职干部', '任用方式：挂职');
  return tags;
}

/**
 * The part of a record the tag rules can read: the first grassroots and the first enterprise
 * post (in the order the rules search them), the first sanction and the latest 优秀. deriveTags
 * gives it the same tags and evidence as the whole record at any date, so a long-lived read
 * model keeps this instead of every position and recomputes the tags when the date changes.
 */
export function tagRelevantSource<T extends Pick<TagSource, 'positions' | 'commendations' | 'annualAssessments'>>(source: T): T {
  const earning = new Set([firstPosition(source.positions, isGrassrootsPost), firstPosition(source.positions, isEnterprisePost)]);
  const positions: ResumeEntry[] = [];
  for (const entry of source.positions) {
    for (const post of [entry, ...(entry.subEntries ?? [])]) {
      if (earning.has(post)) positions.push({ start: post.start, end: post.end, text: post.text });
    }
  }
  const sanction = source.commendations.find((c) => c.kind === 'sanction');
  const latestExcellent = source.annualAssessments
    .filter((a) => a.grade === '优秀')
    .reduce<AnnualAssessmentEntry | undefined>((latest, a) => (latest === undefined || a.year > latest.year ? a : latest), undefined);
  return {
    ...source,
    positions,
    commendations: sanction ? [sanction] : [],
    annualAssessments: latestExcellent ? [latestExcellent] : [],
  };
}
