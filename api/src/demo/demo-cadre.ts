import type { Cadre } from '@cadre/shared-models';
import { chooseSchooling, type Schooling } from './demo-schooling.js';
import { composeDemoPerson } from './demo-person.js';
import { DEMO_MARKER, type DemoUnit, type UnitProfile } from './district-units.js';
import type { IdNumberIssuer } from './id-number-issuer.js';
import { formatMonthIndex } from './month-index.js';
import type { SeededRandom, Weighted } from './random.js';

type PostLevel = Cadre['postLevel'];
type Rank = Cadre['rank'];

/** A cadre as the generator hands it out: keyed to its unit by code, with a resident ID number. */
export type DemoCadre = Omit<Cadre, 'id' | 'unitId' | 'idNumberMasked'> & { unitCode: string; idNumber: string };

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
const STAFF_AGE_BANDS: readonly Weighted<readonly [number, number]>[] = [
  [[23, 29], 18], [[30, 34], 16], [[35, 39], 16], [[40, 44], 15], [[45, 49], 15], [[50, 54], 13], [[55, 59], 7],
];

// Women below the 县处级 still mostly retire at 55; men and women leaders at 60.
const FEMALE_STAFF_MAX_AGE = 55;
const MAX_AGE = 59;

/** Nobody takes up a post of a level before this age, however long ago the post began. */
const MIN_APPOINTMENT_AGE: Record<PostLevel, number> = {
  县处级正职: 35,
  县处级副职: 30,
  乡科级正职: 27,
  乡科级副职: 25,
  非领导职务: 18,
};

// Team models require some non-Party cadres (党外干部), even among leaders.
const PARTY_SHARE: Record<PostLevel, number> = {
  县处级正职: 0.98,
  县处级副职: 0.9,
  乡科级正职: 0.92,
  乡科级副职: 0.88,
  非领导职务: 0.8,
};

/** Years of service after which a non-leading civil servant usually holds each rank. */
const STAFF_RANK_LADDER: ReadonlyArray<readonly [years: number, rank: Rank]> = [
  [1, '二级科员'], [5, '一级科员'], [9, '四级主任科员'], [13, '三级主任科员'],
  [18, '二级主任科员'], [24, '一级主任科员'], [30, '四级调研员'], [Infinity, '三级调研员'],
];

/** Ranks held alongside a leadership post: the usual one, and the one after long service. */
const LEADER_RANKS: Record<Exclude<PostLevel, '非领导职务'>, readonly [Rank, Rank, number]> = {
  县处级正职: ['二级调研员', '一级调研员', 25],
  县处级副职: ['四级调研员', '三级调研员', 20],
  乡科级正职: ['二级主任科员', '一级主任科员', 18],
  乡科级副职: ['四级主任科员', '三级主任科员', 12],
};

/** What every cadre of one generated district shares. */
export interface DemoRun {
  rng: SeededRandom;
  idNumbers: IdNumberIssuer;
  /** Month index of the reference date: ages are counted and careers end there. */
  asOfMonth: number;
}

/** A fictional cadre filling `slot` in `unit`, with dates and ranks that agree with each other and with the run's month. */
export function composeDemoCadre(run: DemoRun, unit: DemoUnit, profile: UnitProfile, slot: PostSlot): DemoCadre {
  const { rng, asOfMonth } = run;
  const { level } = slot;
  const appointmentType = chooseAppointmentType(rng, profile, level);
  const sex: Cadre['sex'] = rng.testChance(FEMALE_SHARE[level]) ? '女' : '男';
  const age = chooseAge(rng, level, sex, appointmentType);
  const birthMonth = asOfMonth - age * 12 - rng.nextInt(0, 11);
  const category = chooseCategory(rng, level, profile, appointmentType);
  const schooling = chooseSchooling(rng, { age, postLevel: level, category, appointmentType });
  // Graduates start work in the summer they leave school.
  const workStartMonth = (Math.floor(birthMonth / 12) + schooling.workStartAge) * 12 + 6 + rng.nextInt(0, 2);
  const postStartMonth = Math.max(
    workStartMonth,
    birthMonth + MIN_APPOINTMENT_AGE[level] * 12,
    asOfMonth - chooseMonthsInPost(rng, level, appointmentType),
  );
  const serviceYears = Math.floor((asOfMonth - workStartMonth) / 12);
  const rank = chooseRank(rng, level, serviceYears, schooling);
  const person = composeDemoPerson(rng, run.idNumbers, sex, birthMonth, age);
  return {
    name: person.name,
    sex,
    birthMonth: formatMonthIndex(birthMonth),
    ethnicity: person.ethnicity,
    nativePlace: person.nativePlace,
    partyJoinMonth: choosePartyJoinMonth(rng, level, age, birthMonth, schooling, workStartMonth, asOfMonth),
    workStartMonth: formatMonthIndex(workStartMonth),
    education: schooling.education,
    degree: schooling.degree,
    school: schooling.school,
    unitCode: unit.code,
    post: composePost(rng, unit, profile, slot, appointmentType, rank),
    postLevel: level,
    rank,
    postStartMonth: formatMonthIndex(postStartMonth),
    category,
    appointmentType,
    idNumber: person.idNumber,
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
    const [low, high] = rng.pickWeighted(STAFF_AGE_BANDS.filter(([[bandLow]]) => bandLow <= maxAge));
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

function chooseMonthsInPost(rng: SeededRandom, level: PostLevel, appointmentType: Cadre['appointmentType']): number {
  if (appointmentType === '挂职') return rng.nextInt(1, 18);
  if (appointmentType === '聘任制') return rng.nextInt(1, 48);
  return rng.nextInt(1, level === '非领导职务' ? 120 : 96);
}

function chooseRank(rng: SeededRandom, level: PostLevel, serviceYears: number, schooling: Schooling): Rank {
  if (level !== '非领导职务') {
    const [usual, senior, seniorAfterYears] = LEADER_RANKS[level];
    return serviceYears >= seniorAfterYears && rng.testChance(0.4) ? senior : usual;
  }
  // Graduates enter at a higher starting rank, and the pace of promotion varies from person to person.
  const headStart = schooling.education === '研究生' ? 2 : schooling.education === '大学本科' ? 0 : -2;
  const years = serviceYears + headStart + rng.nextInt(-2, 2);
  return STAFF_RANK_LADDER.find(([threshold]) => years < threshold)![1];
}

function choosePartyJoinMonth(
  rng: SeededRandom,
  level: PostLevel,
  age: number,
  birthMonth: number,
  schooling: Schooling,
  workStartMonth: number,
  asOfMonth: number,
): string | null {
  const share = PARTY_SHARE[level] * (age < 28 ? 0.85 : 1);
  if (!rng.testChance(share)) return null;
  const earliest = birthMonth + 18 * 12;
  // Students often join in their final years at university; others after some years at work.
  const joined =
    schooling.workStartAge >= 21 && rng.testChance(0.45)
      ? rng.nextInt(earliest, birthMonth + schooling.workStartAge * 12)
      : workStartMonth + rng.nextInt(6, 96);
  return formatMonthIndex(Math.min(asOfMonth - 1, Math.max(earliest, joined)));
}

function composePost(
  rng: SeededRandom,
  unit: DemoUnit,
  profile: UnitProfile,
  slot: PostSlot,
  appointmentType: Cadre['appointmentType'],
  rank: Rank,
): string {
  const prefix = unit.name.replace(DEMO_MARKER, '');
  if (appointmentType === '挂职' && profile.secondeeTitle !== null) return prefix + profile.secondeeTitle;
  if (appointmentType === '聘任制') return `${prefix}${rng.pick(profile.contractPosts)}（聘任制）`;
  if (slot.title !== null) return prefix + slot.title;
  return prefix + slot.section + (profile.staffTitle ?? rank);
}
