import type { Cadre, ResumeEntry, UnitType } from '@cadre/shared-models';
import {
  COMMUNITY_NAMES,
  PARTY_SCHOOL_TRAINING,
  PRIOR_EMPLOYERS,
  PRIOR_EMPLOYER_TITLES,
  SECONDMENT_POSTS,
  VILLAGE_NAMES,
} from './career-data.js';
import { ACADEMIC_TITLES } from './demo-qualifications.js';
import type { Course, Schooling } from './demo-schooling.js';
import { sectionHeadTitle, type UnitProfile } from './district-units.js';
import { formatMonthIndex } from './month-index.js';
import type { SeededRandom } from './random.js';
import { ACADEMIC_SCHOOLS, DOCTORAL_UNIVERSITIES } from './school-data.js';

type PostLevel = Cadre['postLevel'];
type Rank = Cadre['rank'];

/** A unit a cadre serves or served in: its name as posts write it, and how it is staffed. */
export interface CareerUnit {
  label: string;
  type: UnitType;
  profile: UnitProfile;
}

/** The district's staffed units by the experience a post there gives. */
export interface CareerPool {
  grassroots: CareerUnit[];
  enterprises: CareerUnit[];
  offices: CareerUnit[];
}

export function buildCareerPool(units: readonly CareerUnit[]): CareerPool {
  const staffed = units.filter((unit) => unit.profile.headTitles.length > 0);
  return {
    grassroots: staffed.filter((unit) => unit.type === 'street' || unit.type === 'town'),
    enterprises: staffed.filter((unit) => unit.type === 'state_enterprise'),
    offices: staffed.filter((unit) => unit.type !== 'street' && unit.type !== 'town' && unit.type !== 'state_enterprise'),
  };
}

/** Post levels from the bottom up; a career climbs them one step at a time. */
const LEVELS: readonly PostLevel[] = ['非领导职务', '乡科级副职', '乡科级正职', '县处级副职', '县处级正职'];

/** Nobody takes up a post of a level before this age, however long ago the post began. */
export const MIN_APPOINTMENT_AGE: Record<PostLevel, number> = {
  县处级正职: 35,
  县处级副职: 30,
  乡科级正职: 27,
  乡科级副职: 25,
  非领导职务: 18,
};

/** Years of service after which a non-leading civil servant usually holds each rank. */
const STAFF_RANK_LADDER: ReadonlyArray<readonly [years: number, rank: Rank]> = [
  [1, '二级科员'], [5, '一级科员'], [9, '四级主任科员'], [13, '三级主任科员'],
  [18, '二级主任科员'], [24, '一级主任科员'], [30, '四级调研员'], [Infinity, '三级调研员'],
];

export function staffRankAfter(years: number): Rank {
  return STAFF_RANK_LADDER.find(([threshold]) => years < threshold)![1];
}

// 职务与职级并行 (June 2019) retitled non-leading posts: 科员 / 主任科员 became ranks like 四级主任科员.
const RANK_REFORM_MONTH = 2019 * 12 + 5;

/** How likely an earlier post was in the cadre's present unit, by present level (staff stay most). */
const STAY_CHANCE = [0.6, 0.45, 0.4, 0.3, 0.2];
/** How likely an earlier post elsewhere was in a street or town, by present level (leaders rotate through them). */
const GRASSROOTS_CHANCE = [0.12, 0.2, 0.2, 0.35, 0.35];

const SELECTION_POST_MONTHS = 24;
const MAX_EARLIER_POSTS = 5;

export interface CareerContext {
  rng: SeededRandom;
  pool: CareerPool;
  unit: CareerUnit;
  level: PostLevel;
  post: string;
  appointmentType: Cadre['appointmentType'];
  professionalTitle: string;
  schooling: Schooling;
  /** Month indices (see month-index.ts). */
  birthMonth: number;
  graduationMonth: number;
  workStartMonth: number;
  postStartMonth: number;
  asOfMonth: number;
  /** Whether the cadre should have started as a 选调生 in a village or community. */
  selectionGraduate: boolean;
  showcase: boolean;
}

export interface Career {
  positions: ResumeEntry[];
  /** True when the 简历 does start with a 选调生 post (there may have been no time or place for one). */
  selectionGraduate: boolean;
}

/** A closed period: a course, or a 其间 line. */
interface Period {
  start: number;
  end: number;
  text: string;
}

/** A post; the present one is still open (`end` null). */
interface Post {
  start: number;
  end: number | null;
  text: string;
  /** Index into LEVELS. */
  level: number;
  subEntries: Period[];
}

/**
 * The 简历: full-time courses up to graduation, then posts without a gap from the month work
 * started, climbing to the present post, which starts in `postStartMonth` and is still open.
 * 其间 lines inside the posts date the part-time course of the in-service education row, party
 * school training and secondments.
 */
export function composeCareer(context: CareerContext): Career {
  const earlier = composeEarlierPosts(context);
  const present: Post = {
    start: context.postStartMonth,
    end: null,
    text: context.post,
    level: LEVELS.indexOf(context.level),
    subEntries: [],
  };
  const posts = [...earlier.posts, present];
  addSubEntries(context, posts);
  return {
    positions: [...datedCourses(context.schooling.courses, context.graduationMonth), ...posts].map(toResumeEntry),
    selectionGraduate: earlier.selectionGraduate,
  };
}

function datedCourses(courses: readonly Course[], graduationMonth: number): Period[] {
  const dated: Period[] = new Array(courses.length);
  // Courses run from a September to a July, the later one starting the September after.
  let end = graduationMonth;
  for (let i = courses.length - 1; i >= 0; i--) {
    const start = end - courses[i].years * 12 + 2;
    dated[i] = { start, end, text: courses[i].text };
    end = start - 2;
  }
  return dated;
}

function composeEarlierPosts(context: CareerContext): { posts: Post[]; selectionGraduate: boolean } {
  if (context.postStartMonth <= context.workStartMonth) return { posts: [], selectionGraduate: false };
  if (context.appointmentType === '挂职') return { posts: composeAcademicPosts(context), selectionGraduate: false };
  if (context.appointmentType === '聘任制') return { posts: composeCompanyPosts(context), selectionGraduate: false };
  return composeCivilPosts(context);
}

/** Doctoral secondees come from a university post, held since their doctorate. */
function composeAcademicPosts({ rng, workStartMonth, postStartMonth, professionalTitle }: CareerContext): Post[] {
  const employer = `${rng.pick(DOCTORAL_UNIVERSITIES)}${rng.pick(ACADEMIC_SCHOOLS)}`;
  const rank = Math.max(0, (ACADEMIC_TITLES as readonly string[]).indexOf(professionalTitle));
  const promoted = rank > 0 && postStartMonth - workStartMonth >= 72;
  const titles = promoted ? [ACADEMIC_TITLES[rank - 1], ACADEMIC_TITLES[rank]] : [ACADEMIC_TITLES[rank]];
  return splitPeriod(rng, workStartMonth, postStartMonth, titles.length).map(([start, end], i) => post(start, end, `${employer}${titles[i]}`, 0));
}

/** Contract civil servants are hired from companies, where they rose over a few posts. */
function composeCompanyPosts({ rng, workStartMonth, postStartMonth }: CareerContext): Post[] {
  const span = postStartMonth - workStartMonth;
  const count = clamp(Math.ceil(span / (12 * rng.nextInt(3, 6))), 1, Math.min(PRIOR_EMPLOYER_TITLES.length, Math.max(1, Math.floor(span / 12))));
  let employer = rng.pick(PRIOR_EMPLOYERS);
  return splitPeriod(rng, workStartMonth, postStartMonth, count).map(([start, end], i) => {
    if (i > 0 && rng.testChance(0.5)) employer = rng.pick(PRIOR_EMPLOYERS);
    return post(start, end, employer + PRIOR_EMPLOYER_TITLES[i], 0);
  });
}

/** Civil servants climb a level at a time, through their own unit, others, streets, towns and companies. */
function composeCivilPosts(context: CareerContext): { posts: Post[]; selectionGraduate: boolean } {
  const { rng, pool, workStartMonth, postStartMonth, birthMonth, showcase } = context;
  const posts: Post[] = [];
  let from = workStartMonth;
  // 选调生 start with two years in a village or community.
  if (context.selectionGraduate && postStartMonth - from >= SELECTION_POST_MONTHS + 6 && pool.grassroots.length > 0) {
    const place = rng.pick(pool.grassroots);
    const text =
      place.type === 'town'
        ? `${place.label}${rng.pick(VILLAGE_NAMES)}村党支部书记助理`
        : `${place.label}${rng.pick(COMMUNITY_NAMES)}社区党委书记助理`;
    posts.push(post(from, from + SELECTION_POST_MONTHS, text, 0));
    from += SELECTION_POST_MONTHS;
  }
  const span = postStartMonth - from;
  const present = LEVELS.indexOf(context.level);
  const wanted = Math.max(present, Math.ceil(span / (12 * rng.nextInt(4, 7))), showcase ? 3 : 1);
  const count = clamp(wanted, 1, Math.min(MAX_EARLIER_POSTS - posts.length, Math.max(1, Math.floor(span / 12))));
  const periods = splitPeriod(rng, from, postStartMonth, count);
  periods.forEach(([start, end], i) => {
    // From the bottom to one level below the present post, never above what the age then allowed.
    const climbed = count === 1 ? present - 1 : Math.round((i * (present - 1)) / (count - 1));
    const level = clamp(Math.min(climbed, highestLevelAtAge(Math.floor((start - birthMonth) / 12))), 0, Math.max(0, present - 1));
    const unit = chooseEarlierUnit(context, i, count);
    const text = unit.label + titleIn(rng, unit, level, start, start - workStartMonth);
    const previous = posts.at(-1);
    // The same post drawn twice in a row is one longer stint.
    if (previous !== undefined && previous.text === text) previous.end = end;
    else posts.push(post(start, end, text, level));
  });
  return { posts, selectionGraduate: posts.length > 0 && posts[0].start === workStartMonth && from > workStartMonth };
}

const MIN_AGE_BY_LEVEL = LEVELS.map((level) => MIN_APPOINTMENT_AGE[level]);

function highestLevelAtAge(age: number): number {
  let level = 0;
  while (level + 1 < LEVELS.length && age >= MIN_AGE_BY_LEVEL[level + 1]) level++;
  return level;
}

function chooseEarlierUnit(context: CareerContext, index: number, count: number): CareerUnit {
  const { rng, pool, unit, showcase } = context;
  // The demo account's cadre has been everywhere: a company first, the present unit last.
  if (showcase && index === 0 && pool.enterprises.length > 0) return rng.pick(pool.enterprises);
  if (showcase && index === count - 1) return unit;
  const present = LEVELS.indexOf(context.level);
  if (rng.testChance(STAY_CHANCE[present])) return unit;
  const grassrootsChance = unit.type === 'street' || unit.type === 'town' ? 0.45 : GRASSROOTS_CHANCE[present];
  const enterpriseChance = unit.type === 'state_enterprise' ? 0.45 : 0.05;
  const draw = rng.nextFloat();
  if (draw < grassrootsChance && pool.grassroots.length > 0) return rng.pick(pool.grassroots);
  if (draw < grassrootsChance + enterpriseChance && pool.enterprises.length > 0) return rng.pick(pool.enterprises);
  return pool.offices.length > 0 ? rng.pick(pool.offices) : unit;
}

/** A post of `level` in `unit` as titled at `month`, after `serviceMonths` of work. */
function titleIn(rng: SeededRandom, unit: CareerUnit, level: number, month: number, serviceMonths: number): string {
  const { profile } = unit;
  if (level === 4) return rng.pick(profile.headTitles);
  if (level === 3) return rng.pick(profile.deputyTitles);
  const section = rng.pick(profile.sections);
  if (level === 2) return section + sectionHeadTitle(section);
  if (level === 1) return `${section}副${sectionHeadTitle(section)}`;
  if (profile.staffTitle !== null) return section + profile.staffTitle;
  const years = Math.floor(serviceMonths / 12);
  if (month >= RANK_REFORM_MONTH) return section + staffRankAfter(years);
  return section + (years < 4 ? '科员' : years < 10 ? '副主任科员' : '主任科员');
}

/** 其间 lines: the part-time course, a party-school class, a year's secondment. */
function addSubEntries(context: CareerContext, posts: Post[]): void {
  const { rng, schooling, showcase, asOfMonth } = context;
  const course = schooling.inServiceCourse;
  if (course !== null) {
    // Part-time courses also run September to July.
    placeWithin(rng, posts, course.years * 12 - 2, 8, () => course.text, asOfMonth);
  }
  const leading = posts.filter((p) => p.level >= 1);
  if (leading.length > 0 && (showcase || rng.testChance(0.35))) {
    // The class fits the post held at the time: 区委党校 for section chiefs, the city's for county level.
    const classFor = (host: Post) => rng.pick(host.level >= 3 ? PARTY_SCHOOL_TRAINING.county : PARTY_SCHOOL_TRAINING.section);
    placeWithin(rng, leading, 4, rng.testChance(0.5) ? 2 : 8, classFor, asOfMonth);
  }
  // Secondments (挂职锻炼) are for cadres who already lead a section or more.
  if (leading.length > 0 && context.appointmentType === '委任' && (showcase || rng.testChance(0.07))) {
    const text = describeSecondment(rng, context.pool, showcase);
    if (text !== null) placeWithin(rng, leading, 12, 2, () => text, asOfMonth);
  }
  for (const p of posts) p.subEntries.sort((a, b) => a.start - b.start);
}

function describeSecondment(rng: SeededRandom, pool: CareerPool, showcase: boolean): string | null {
  if ((showcase || rng.testChance(0.7)) && pool.grassroots.length > 0) {
    const place = rng.pick(pool.grassroots);
    if (rng.testChance(0.3)) {
      return `在${place.label}${rng.pick(COMMUNITY_NAMES)}社区挂职任${rng.pick(SECONDMENT_POSTS.community)}`;
    }
    return `挂职任${place.label}${rng.pick(place.type === 'town' ? SECONDMENT_POSTS.town : SECONDMENT_POSTS.street)}`;
  }
  return pool.enterprises.length > 0 ? `在${rng.pick(pool.enterprises).label}挂职锻炼` : null;
}

/**
 * Places a `months`-long 其间 line in one of `posts` with room for it, starting in the given month
 * of the year where possible and overlapping no other 其间 line there. Nothing is placed when no
 * post has room: the 简历 then simply does not mention it, as real ones often do not.
 */
function placeWithin(
  rng: SeededRandom,
  posts: readonly Post[],
  months: number,
  monthOfYear: number,
  describe: (host: Post) => string,
  asOfMonth: number,
): void {
  const roomy = posts.filter((p) => (p.end ?? asOfMonth) - p.start > months);
  for (const host of roomy.length > 1 ? rng.shuffle(roomy) : roomy) {
    const latest = (host.end ?? asOfMonth) - months - 1;
    const first = host.start + ((monthOfYear - (host.start % 12) + 12) % 12);
    const start = first <= latest ? first + 12 * rng.nextInt(0, Math.floor((latest - first) / 12)) : rng.nextInt(host.start, latest);
    const end = start + months;
    if (host.subEntries.some((other) => start <= other.end && other.start <= end)) continue;
    host.subEntries.push({ start, end, text: describe(host) });
    return;
  }
}

/** Cuts [from, to) into `count` consecutive periods of uneven length. */
function splitPeriod(rng: SeededRandom, from: number, to: number, count: number): Array<[number, number]> {
  const weights: number[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    weights.push(0.6 + rng.nextFloat() * 0.8);
    total += weights[i];
  }
  const periods: Array<[number, number]> = [];
  let start = from;
  let reached = 0;
  for (let i = 0; i < count; i++) {
    reached += weights[i];
    const end = i === count - 1 ? to : from + Math.round(((to - from) * reached) / total);
    periods.push([start, end]);
    start = end;
  }
  return periods;
}

function post(start: number, end: number, text: string, level: number): Post {
  return { start, end, text, level, subEntries: [] };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function toResumeEntry(period: Period | Post): ResumeEntry {
  const entry: ResumeEntry = {
    start: formatMonthIndex(period.start),
    end: period.end === null ? null : formatMonthIndex(period.end),
    text: period.text,
  };
  if ('subEntries' in period && period.subEntries.length > 0) {
    entry.subEntries = period.subEntries.map((sub) => ({ start: formatMonthIndex(sub.start), end: formatMonthIndex(sub.end), text: sub.text }));
  }
  return entry;
}
