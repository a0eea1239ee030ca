import type { Cadre, CadreInputParsed } from '@cadre/shared-models';
import { DEMOCRATIC_PARTIES } from './career-data.js';
import { composeCareer, MIN_APPOINTMENT_AGE, staffRankAfter, type CareerPool, type CareerUnit } from './demo-career.js';
import { composeFamily } from './demo-family.js';
import { composeMerits } from './demo-merits.js';
import { composeDemoPerson } from './demo-person.js';
import { chooseExpertise, chooseProfessionalTitle } from './demo-qualifications.js';
import { chooseSchooling, type Schooling } from './demo-schooling.js';
import type { DemoUnit, UnitProfile } from './district-units.js';
import type { IdNumberIssuer } from './id-number-issuer.js';
import { formatMonthIndex } from './month-index.js';
import { type SeededRandom, WeightedTable } from './random.js';

type PostLevel = Cadre['postLevel'];
type Rank = Cadre['rank'];

/**
 * A cadre as the generator hands it out: the record as a user would enter it (every field of the
 * appointment form), keyed to its unit by code, with a resident ID number in the clear. `showcase`
 * marks the one cadre the demo `cadre` account is linked to.
 */
export type DemoCadre = Omit<CadreInputParsed, 'unitId' | 'idNumber'> & { unitCode: string; idNumber: string; showcase: boolean };

/** One position of a unit's establishment, filled by one generated cadre. */
export type PostSlot =
  // A leadership post, titled like 党组书记、局长 or 综合科科长.
  | { level: Exclude<PostLevel, '非领导职务'>; title: string }
  // A non-leading post in a section, titled by the cadre's rank once that is known.
  | { level: '非领导职务'; title: null; section: string };

const FEMALE_SHARE: Record<PostLevel, number> = {
  县处级正职: 0.14,
  县处级副职: 0.24,
  乡科级正职: 0.32,
  乡科级副职: 0.36,
  非领导职务: 0.43,
};

/** Youngest, most common and oldest age of leaders at each level. */
const LEADER_AGES: Record<Exclude<PostLevel, '非领导职务'>, readonly [number, number, number]> = {
  县处级正职: [40, 51, 59],
  县处级副职: [33, 46, 59],
  乡科级正职: [29, 43, 59],
  乡科级副职: [26, 37, 57],
};

// Non-leading staff are mostly young or mid-career; by their late fifties most have moved up or retired.
// Women's bands end at their retirement age (the last band is cut short).
const STAFF_AGE_BANDS = new WeightedTable<readonly [number, number]>([
  [[23, 29], 18], [[30, 34], 16], [[35, 39], 16], [[40, 44], 15], [[45, 49], 15], [[50, 54], 13], [[55, 59], 7],
]);

// Women below the 县处级 still mostly retire at 55; men and women leaders at 60.
const FEMALE_STAFF_MAX_AGE = 55;
const MAX_AGE = 59;

// Team models require some non-Party cadres (党外干部), even among leaders.
const PARTY_SHARE: Record<PostLevel, number> = {
  县处级正职: 0.98,
  县处级副职: 0.9,
  乡科级正职: 0.92,
  乡科级副职: 0.88,
  非领导职务: 0.8,
};

/**
 * What non-Party cadres are: leaders outside the CPC are mostly 民主党派 members or 无党派人士 (that
 * is why they are leaders: team models call for them); most non-Party staff are 群众.
 */
const NON_PARTY_LEADERS = new WeightedTable<'democratic' | 'independent' | 'none'>([['democratic', 70], ['independent', 25], ['none', 5]]);
const NON_PARTY_STAFF = new WeightedTable<'democratic' | 'independent' | 'none'>([['democratic', 20], ['independent', 5], ['none', 75]]);

/** Ranks held alongside a leadership post: the usual one, and the one after long service. */
const LEADER_RANKS: Record<Exclude<PostLevel, '非领导职务'>, readonly [Rank, Rank, number]> = {
  县处级正职: ['二级调研员', '一级调研员', 25],
  县处级副职: ['四级调研员', '三级调研员', 20],
  乡科级正职: ['二级主任科员', '一级主任科员', 18],
  乡科级副职: ['四级主任科员', '三级主任科员', 12],
};

/** Share of graduates since 2005 who joined as 选调生 (selected graduates), starting in a village or community. */
const SELECTION_GRADUATE_SHARE = 0.12;
const RESERVE_CADRE_SHARE = 0.15;

/** What every cadre of one generated district shares. */
export interface DemoRun {
  rng: SeededRandom;
  idNumbers: IdNumberIssuer;
  /** Month index of the reference date: ages are counted and careers end there. */
  asOfMonth: number;
  /** The district's units, where earlier posts of the 简历 are placed. */
  pool: CareerPool;
}

/**
 * A fictional cadre filling `slot` in `unit`, with a full appointment-form record whose dates,
 * ranks, education, 简历 and assessments agree with each other and with the run's month.
 * `showcase` gives the one cadre the demo account shows every part of the form.
 */
export function composeDemoCadre(run: DemoRun, unit: DemoUnit, place: CareerUnit, slot: PostSlot, showcase = false): DemoCadre {
  const { rng, asOfMonth } = run;
  const { level } = slot;
  const { profile } = place;
  const appointmentType = showcase ? '委任' : chooseAppointmentType(rng, profile, level);
  const sex: Cadre['sex'] = rng.testChance(FEMALE_SHARE[level]) ? '女' : '男';
  // The demo account's cadre is old enough to have studied part-time and moved around.
  const age = showcase ? rng.nextInt(38, 40) : chooseAge(rng, level, sex, appointmentType);
  const birthMonth = asOfMonth - age * 12 - rng.nextInt(0, 11);
  const category = chooseCategory(rng, level, profile, appointmentType);
  const schooling = chooseSchooling(rng, { age, postLevel: level, category, appointmentType, showcase });
  // Graduates start work in the summer they leave school.
  const graduationMonth = (Math.floor(birthMonth / 12) + schooling.workStartAge) * 12 + 6;
  const workStartMonth = graduationMonth + rng.nextInt(0, 2);
  const postStartMonth = choosePostStartMonth(rng, level, appointmentType, birthMonth, workStartMonth, asOfMonth);
  const serviceYears = Math.floor((asOfMonth - workStartMonth) / 12);
  const rank = chooseRank(rng, level, serviceYears, schooling);
  const person = composeDemoPerson(rng, run.idNumbers, sex, birthMonth, age);
  const affiliation = chooseAffiliation(rng, level, age, birthMonth, schooling, workStartMonth, asOfMonth);
  const post = composePost(rng, place.label, profile, slot, appointmentType, rank);
  const qualification = { age, category, appointmentType, unitType: unit.type, major: schooling.major, showcase };
  const professionalTitle = chooseProfessionalTitle(rng, qualification);
  const career = composeCareer({
    rng,
    pool: run.pool,
    unit: place,
    level,
    post,
    appointmentType,
    professionalTitle,
    schooling,
    birthMonth,
    graduationMonth,
    workStartMonth,
    postStartMonth,
    asOfMonth,
    selectionGraduate: appointmentType === '委任' && chooseSelectionGraduate(rng, schooling, graduationMonth, showcase),
    showcase,
  });
  const merits = composeMerits(rng, { level, workStartMonth, asOfMonth, partyJoinMonth: affiliation.cpcJoinMonth, showcase });
  const manualTags: string[] = [];
  if (career.selectionGraduate) manualTags.push('选调生');
  const reserveAge = level === '县处级副职' ? 45 : 40;
  if ((level === '乡科级正职' || level === '县处级副职') && age <= reserveAge && (showcase || rng.testChance(RESERVE_CADRE_SHARE))) {
    manualTags.push('后备干部');
  }
  return {
    name: person.name,
    sex,
    birthMonth: formatMonthIndex(birthMonth),
    ethnicity: person.ethnicity,
    nativePlace: person.nativePlace,
    birthPlace: person.birthPlace,
    partyJoinMonth: affiliation.partyJoinMonth,
    otherParty: affiliation.otherParty,
    workStartMonth: formatMonthIndex(workStartMonth),
    health: chooseHealth(rng, age),
    professionalTitle,
    expertise: chooseExpertise(rng, qualification),
    fullTimeEducation: schooling.fullTime,
    inServiceEducation: schooling.inService,
    unitCode: unit.code,
    post,
    postLevel: level,
    rank,
    postStartMonth: formatMonthIndex(postStartMonth),
    category,
    appointmentType,
    idNumber: person.idNumber,
    positions: career.positions,
    commendations: merits.commendations,
    annualAssessments: merits.annualAssessments,
    family: composeFamily(rng, { sex, surname: person.surname, birthMonth, asOfMonth, showcase }),
    manualTags,
    appointmentForm: {
      proposedPost: '',
      postToRemove: '',
      appointmentReason: '',
      submittingUnit: unit.name,
      ageReferenceDate: '',
      fillDate: '',
      filledBy: '',
      version: '',
      extras: [],
    },
    showcase,
  };
}

function chooseAppointmentType(rng: SeededRandom, profile: UnitProfile, level: PostLevel): Cadre['appointmentType'] {
  if (level === '县处级副职' && profile.secondeeTitle !== null && rng.testChance(0.05)) return '挂职';
  // Contract civil servants fill professional posts, never leadership ones.
  if (level === '非领导职务' && profile.contractPosts.length > 0 && rng.testChance(0.08)) return '聘任制';
  return '委任';
}

function chooseAge(rng: SeededRandom, level: PostLevel, sex: Cadre['sex'], appointmentType: Cadre['appointmentType']): number {
  // Doctoral service group members are young doctors; contract hires come mid-career.
  if (appointmentType === '挂职') return rng.nextInt(31, 42);
  if (appointmentType === '聘任制') return rng.nextInt(28, 45);
  const isLeader = level === '县处级正职' || level === '县处级副职';
  const maxAge = sex === '女' && !isLeader ? FEMALE_STAFF_MAX_AGE : MAX_AGE;
  if (level === '非领导职务') {
    const [low, high] = rng.pickWeighted(STAFF_AGE_BANDS);
    return rng.nextInt(low, Math.min(high, maxAge));
  }
  const [low, mode, high] = LEADER_AGES[level];
  return sampleTriangular(rng, low, Math.min(mode, maxAge), Math.min(high, maxAge));
}

/** An integer in [low, high] from a triangular distribution peaking at `mode`. */
function sampleTriangular(rng: SeededRandom, low: number, mode: number, high: number): number {
  const span = high + 1 - low;
  const u = rng.nextFloat();
  const peak = (mode - low) / span;
  const value = u < peak ? low + Math.sqrt(u * span * (mode - low)) : high + 1 - Math.sqrt((1 - u) * span * (high + 1 - mode));
  return Math.min(high, Math.floor(value));
}

function chooseCategory(
  rng: SeededRandom,
  level: PostLevel,
  profile: UnitProfile,
  appointmentType: Cadre['appointmentType'],
): Cadre['category'] {
  if (appointmentType === '聘任制') return '专业技术类';
  if (level === '县处级正职' || level === '县处级副职') return '综合管理类';
  const draw = rng.nextFloat();
  if (draw < profile.enforcementShare) return '行政执法类';
  if (draw < profile.enforcementShare + profile.professionalShare) return '专业技术类';
  return '综合管理类';
}

/**
 * When the present post began: never before work started or the level's minimum age. The first
 * year is probation: in it the first post is the present one; after it, the present post began
 * a year or more after work started.
 */
function choosePostStartMonth(
  rng: SeededRandom,
  level: PostLevel,
  appointmentType: Cadre['appointmentType'],
  birthMonth: number,
  workStartMonth: number,
  asOfMonth: number,
): number {
  const inPost = appointmentType === '挂职'
    ? rng.nextInt(1, 18)
    : appointmentType === '聘任制'
      ? rng.nextInt(1, 48)
      : rng.nextInt(1, level === '非领导职务' ? 120 : 96);
  const earliest = Math.max(workStartMonth, birthMonth + MIN_APPOINTMENT_AGE[level] * 12);
  const worked = asOfMonth - workStartMonth;
  if (worked <= 12) return earliest;
  const start = Math.max(earliest, asOfMonth - inPost);
  if (start - workStartMonth >= 12) return start;
  return workStartMonth + 12 + rng.nextInt(0, Math.min(worked - 13, 24));
}

function chooseRank(rng: SeededRandom, level: PostLevel, serviceYears: number, schooling: Schooling): Rank {
  if (level !== '非领导职务') {
    const [usual, senior, seniorAfterYears] = LEADER_RANKS[level];
    return serviceYears >= seniorAfterYears && rng.testChance(0.4) ? senior : usual;
  }
  // Graduates enter at a higher starting rank (by the 学历 they started work with), and the pace
  // of promotion varies from person to person.
  const entry = schooling.fullTime.education;
  const headStart = entry === '研究生' ? 2 : entry === '大学本科' ? 0 : -2;
  return staffRankAfter(serviceYears + headStart + rng.nextInt(-2, 2));
}

/**
 * 入党时间 and 民主党派 / 无党派人士: a join month for CPC and democratic-party members, none
 * otherwise; `cpcJoinMonth` (a month index) for the rules that concern CPC members only.
 */
function chooseAffiliation(
  rng: SeededRandom,
  level: PostLevel,
  age: number,
  birthMonth: number,
  schooling: Schooling,
  workStartMonth: number,
  asOfMonth: number,
): { partyJoinMonth: string | null; otherParty: CadreInputParsed['otherParty']; cpcJoinMonth: number | null } {
  const share = PARTY_SHARE[level] * (age < 28 ? 0.85 : 1);
  if (rng.testChance(share)) {
    const earliest = birthMonth + 18 * 12;
    // Students often join in their final years at university; others after some years at work.
    const joined =
      schooling.workStartAge >= 21 && rng.testChance(0.45)
        ? rng.nextInt(earliest, birthMonth + schooling.workStartAge * 12)
        : workStartMonth + rng.nextInt(6, 96);
    const month = Math.min(asOfMonth - 1, Math.max(earliest, joined));
    return { partyJoinMonth: formatMonthIndex(month), otherParty: null, cpcJoinMonth: month };
  }
  const kind = rng.pickWeighted(level === '非领导职务' ? NON_PARTY_STAFF : NON_PARTY_LEADERS);
  if (kind === 'independent') return { partyJoinMonth: null, otherParty: '无党派人士', cpcJoinMonth: null };
  // Democratic parties recruit established professionals, rarely before a few years at work.
  const earliest = Math.max(birthMonth + 24 * 12, workStartMonth + 24);
  if (kind === 'none' || earliest >= asOfMonth) return { partyJoinMonth: null, otherParty: null, cpcJoinMonth: null };
  return {
    partyJoinMonth: formatMonthIndex(rng.nextInt(earliest, asOfMonth - 1)),
    otherParty: rng.pickWeighted(DEMOCRATIC_PARTIES),
    cpcJoinMonth: null,
  };
}

function chooseHealth(rng: SeededRandom, age: number): CadreInputParsed['health'] {
  const draw = rng.nextFloat();
  if (draw < 0.003) return '较差';
  return draw < (age >= 50 ? 0.08 : 0.03) ? '一般' : '健康';
}

/** Graduates with a bachelor's or more, since the scheme spread in the 2000s; always the demo account's cadre. */
function chooseSelectionGraduate(rng: SeededRandom, schooling: Schooling, graduationMonth: number, showcase: boolean): boolean {
  const graduate = schooling.fullTime.education === '大学本科' || schooling.fullTime.education === '研究生';
  if (showcase) return true;
  return graduate && graduationMonth >= 2005 * 12 && rng.testChance(SELECTION_GRADUATE_SHARE);
}

function composePost(
  rng: SeededRandom,
  label: string,
  profile: UnitProfile,
  slot: PostSlot,
  appointmentType: Cadre['appointmentType'],
  rank: Rank,
): string {
  if (appointmentType === '挂职' && profile.secondeeTitle !== null) return label + profile.secondeeTitle;
  if (appointmentType === '聘任制') return `${label}${rng.pick(profile.contractPosts)}（聘任制）`;
  if (slot.title !== null) return label + slot.title;
  return label + slot.section + (profile.staffTitle ?? rank);
}
