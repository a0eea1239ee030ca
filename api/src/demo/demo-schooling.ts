import type { Cadre, EducationRow } from '@cadre/shared-models';
import { WeightedTable, type SeededRandom, type Weighted } from './random.js';
import {
  COLLEGES,
  COLLEGE_MAJORS,
  DOCTORAL_MAJORS,
  DOCTORAL_UNIVERSITIES,
  ENFORCEMENT_MAJORS,
  GENERAL_MAJORS,
  HIGH_SCHOOLS,
  IN_SERVICE_BACHELOR_SCHOOLS,
  IN_SERVICE_COLLEGES,
  IN_SERVICE_COLLEGE_MAJORS,
  IN_SERVICE_MAJORS,
  IN_SERVICE_MASTERS_UNIVERSITIES,
  PARTY_SCHOOL_MAJORS,
  PARTY_SCHOOL_POSTGRADUATE_MAJORS,
  PART_TIME_BACHELOR_MAJORS,
  PROFESSIONAL_MAJORS,
  SECONDARY_MAJORS,
  SECONDARY_SCHOOLS,
  UNIVERSITIES,
} from './school-data.js';

type Education = Cadre['education'];

/** A full-time course as the 简历 lists it; it ends in a July and lasts whole school years. */
export interface Course {
  years: number;
  text: string;
}

export interface Schooling {
  fullTime: EducationRow;
  /** The empty row when the cadre never studied part-time for a higher 学历 or degree. */
  inService: EducationRow;
  /** The full-time major, which professional titles and expertise follow. */
  major: string;
  /** Age at which the cadre left full-time education and started work. */
  workStartAge: number;
  /** Full-time courses, oldest first; the last one ends in the summer work started. */
  courses: Course[];
  /** The part-time course behind the in-service row; the career dates it within a post. */
  inServiceCourse: Course | null;
}

export interface SchoolingContext {
  age: number;
  postLevel: Cadre['postLevel'];
  category: Cadre['category'];
  appointmentType: Cadre['appointmentType'];
  /** The demo account's cadre, whose record shows every part of the form. */
  showcase: boolean;
}

const EMPTY_EDUCATION_ROW: EducationRow = { education: null, degree: null, educationSchool: '', degreeSchool: '' };

// The highest 学历 follows the expansion of higher education: the older the cohort, the more 专科 and 中专.
const EDUCATION_BY_AGE: ReadonlyArray<readonly [maxAge: number, weights: Record<Education, number>]> = [
  [34, { 研究生: 28, 大学本科: 66, 大学专科: 6, 中专: 0, 高中及以下: 0 }],
  [44, { 研究生: 18, 大学本科: 68, 大学专科: 12, 中专: 2, 高中及以下: 0 }],
  [54, { 研究生: 14, 大学本科: 60, 大学专科: 20, 中专: 5, 高中及以下: 1 }],
  [Infinity, { 研究生: 8, 大学本科: 52, 大学专科: 28, 中专: 9, 高中及以下: 3 }],
];

/**
 * Share of bachelors of each age who started work from a 专科 or 中专 and took the bachelor's
 * part-time (函授, 党校): most older cadres reached their 学历 that way.
 */
const PART_TIME_BACHELOR_SHARE: ReadonlyArray<readonly [minAge: number, share: number]> = [
  [50, 0.5],
  [45, 0.4],
  [38, 0.25],
];

/**
 * Full-time and in-service education consistent with the cadre's age, level and category. The
 * highest of the two rows keeps the distribution of 学历 by age; only the route to it varies.
 */
export function chooseSchooling(rng: SeededRandom, context: SchoolingContext): Schooling {
  const { age, appointmentType, showcase } = context;
  if (appointmentType === '挂职') return doctorate(rng, age);
  // The demo account's cadre shows both rows: a bachelor's, then a master's studied part-time.
  if (showcase) return { ...bachelor(rng, context), ...partTimeMasters(rng) };
  // Only cadres appointed in the usual way spent years in posts while studying part-time.
  const serving = appointmentType === '委任';
  const highest = chooseEducation(rng, context);
  if (highest === '研究生') {
    if (age >= 30 && rng.testChance(0.04)) return doctorate(rng, age);
    // Many older cadres took their master's part-time, years after they started work.
    if (serving && age >= 40 && rng.testChance(0.6)) return { ...bachelor(rng, context), ...partTimeMasters(rng) };
    return masters(rng, context);
  }
  if (highest === '大学本科') {
    const share = PART_TIME_BACHELOR_SHARE.find(([minAge]) => age >= minAge)?.[1] ?? 0;
    if (serving && rng.testChance(share)) {
      const start = age >= 45 && rng.testChance(0.25) ? secondary(rng) : college(rng);
      return { ...start, ...partTimeBachelors(rng) };
    }
    const full = bachelor(rng, context);
    // Before 2016 a part-time MPA gave the degree without the 研究生 学历.
    if (serving && age >= 40 && rng.testChance(0.06)) return { ...full, ...partTimeMastersDegree(rng) };
    return full;
  }
  if (highest === '大学专科') {
    if (serving && age >= 45 && rng.testChance(0.3)) {
      return { ...(rng.testChance(0.7) ? secondary(rng) : highSchool(rng)), ...partTimeCollege(rng) };
    }
    return college(rng);
  }
  return highest === '中专' ? secondary(rng) : highSchool(rng);
}

function chooseEducation(rng: SeededRandom, { age, postLevel, appointmentType }: SchoolingContext): Education {
  if (appointmentType === '聘任制') return rng.testChance(0.7) ? '研究生' : '大学本科';
  const band = EDUCATION_BY_AGE.findIndex(([maxAge]) => age <= maxAge);
  const tier = postLevel === '县处级正职' || postLevel === '县处级副职' ? 2 : postLevel === '非领导职务' ? 0 : 1;
  const key = (band * 3 + tier) * 2 + (age < 26 ? 1 : 0);
  let table = EDUCATION_TABLES.get(key);
  if (table === undefined) {
    table = educationTable(EDUCATION_BY_AGE[band][1], tier, age < 26);
    EDUCATION_TABLES.set(key, table);
  }
  return rng.pickWeighted(table);
}

/** Tables for each age band, tier (staff, section, county) and youth, built once: a cadre is drawn from one. */
const EDUCATION_TABLES = new Map<number, WeightedTable<Education>>();

function educationTable(byAge: Record<Education, number>, tier: number, young: boolean): WeightedTable<Education> {
  const weights = { ...byAge };
  if (tier === 2) {
    weights.研究生 *= 2;
    weights.中专 = 0;
    weights.高中及以下 = 0;
  } else if (tier === 1) {
    weights.高中及以下 = 0;
  }
  // Nobody under 26 has had the time for a master's after a bachelor's.
  if (young) weights.研究生 = 0;
  return new WeightedTable(Object.entries(weights).map(([level, weight]): Weighted<Education> => [level as Education, weight]));
}

type PartTime = Pick<Schooling, 'inService' | 'inServiceCourse'>;

function fullTime(
  education: Education,
  degree: EducationRow['degree'],
  school: string,
  major: string,
  workStartAge: number,
  courses: Course[],
): Schooling {
  return {
    fullTime: { education, degree, educationSchool: school, degreeSchool: degree === null ? '' : school },
    inService: EMPTY_EDUCATION_ROW,
    major,
    workStartAge,
    courses,
    inServiceCourse: null,
  };
}

function bachelor(rng: SeededRandom, context: SchoolingContext): Schooling {
  const major = pickMajor(rng, context.category);
  const school = `${rng.pickWeighted(UNIVERSITIES)}${major}专业`;
  // Adult-education bachelors of the older cohorts often came without a degree.
  const degree = context.age >= 45 && rng.testChance(0.08) ? null : '学士';
  const workStartAge = Math.min(context.age - 1, rng.nextInt(21, 23));
  return fullTime('大学本科', degree, school, major, workStartAge, [{ years: 4, text: `${school}学习` }]);
}

function masters(rng: SeededRandom, context: SchoolingContext): Schooling {
  const major = pickMajor(rng, context.category);
  const undergraduate = `${rng.pickWeighted(UNIVERSITIES)}${major}专业`;
  const school = `${rng.pickWeighted(UNIVERSITIES)}${major}专业`;
  const workStartAge = Math.min(context.age - 1, rng.nextInt(24, 26));
  return fullTime('研究生', '硕士', school, major, workStartAge, [
    { years: 4, text: `${undergraduate}学习` },
    { years: 3, text: `${school}研究生学习，获硕士学位` },
  ]);
}

function doctorate(rng: SeededRandom, age: number): Schooling {
  const major = rng.pick(DOCTORAL_MAJORS);
  const school = `${rng.pick(DOCTORAL_UNIVERSITIES)}${major}专业`;
  const workStartAge = Math.min(age - 1, rng.nextInt(28, 30));
  return fullTime('研究生', '博士', school, major, workStartAge, [
    { years: 4, text: `${rng.pickWeighted(UNIVERSITIES)}${major}专业学习` },
    { years: 3, text: `${rng.pick(DOCTORAL_UNIVERSITIES)}${major}专业研究生学习，获硕士学位` },
    { years: 3, text: `${school}博士研究生学习，获博士学位` },
  ]);
}

function college(rng: SeededRandom): Schooling {
  const major = rng.pick(COLLEGE_MAJORS);
  const school = `${rng.pick(COLLEGES)}${major}专业`;
  return fullTime('大学专科', null, school, major, rng.nextInt(19, 21), [{ years: 3, text: `${school}学习` }]);
}

function secondary(rng: SeededRandom): Schooling {
  const major = rng.pick(SECONDARY_MAJORS);
  const school = `${rng.pick(SECONDARY_SCHOOLS)}${major}专业`;
  return fullTime('中专', null, school, major, rng.nextInt(18, 19), [{ years: 3, text: `${school}学习` }]);
}

function highSchool(rng: SeededRandom): Schooling {
  const school = rng.pick(HIGH_SCHOOLS);
  return fullTime('高中及以下', null, school, '', rng.nextInt(18, 19), [{ years: 3, text: `${school}高中学习` }]);
}

function partTimeBachelors(rng: SeededRandom): PartTime {
  const { school, grantsDegree } = rng.pickWeighted(IN_SERVICE_BACHELOR_SCHOOLS);
  const major = rng.pick(grantsDegree ? PART_TIME_BACHELOR_MAJORS : PARTY_SCHOOL_MAJORS);
  const where = `${school}${major}专业`;
  const degree = grantsDegree && rng.testChance(0.35) ? '学士' : null;
  return {
    inService: { education: '大学本科', degree, educationSchool: where, degreeSchool: degree === null ? '' : where },
    inServiceCourse: { years: 3, text: `在${where}在职大学学习${degree === null ? '' : '，获学士学位'}` },
  };
}

function partTimeCollege(rng: SeededRandom): PartTime {
  const where = `${rng.pick(IN_SERVICE_COLLEGES)}${rng.pick(IN_SERVICE_COLLEGE_MAJORS)}专业`;
  return {
    inService: { education: '大学专科', degree: null, educationSchool: where, degreeSchool: '' },
    inServiceCourse: { years: 3, text: `在${where}在职大专学习` },
  };
}

function partTimeMasters(rng: SeededRandom): PartTime {
  if (rng.testChance(0.35)) {
    const where = `中共重庆市委党校${rng.pick(PARTY_SCHOOL_POSTGRADUATE_MAJORS)}专业`;
    return {
      inService: { education: '研究生', degree: null, educationSchool: where, degreeSchool: '' },
      inServiceCourse: { years: 3, text: `在${where}在职研究生学习` },
    };
  }
  const where = `${rng.pick(IN_SERVICE_MASTERS_UNIVERSITIES)}${rng.pick(IN_SERVICE_MAJORS)}专业`;
  return {
    inService: { education: '研究生', degree: '硕士', educationSchool: where, degreeSchool: where },
    inServiceCourse: { years: 3, text: `在${where}在职研究生学习，获硕士学位` },
  };
}

function partTimeMastersDegree(rng: SeededRandom): PartTime {
  const where = `${rng.pick(IN_SERVICE_MASTERS_UNIVERSITIES)}${rng.pick(IN_SERVICE_MAJORS)}专业`;
  return {
    inService: { education: null, degree: '硕士', educationSchool: '', degreeSchool: where },
    inServiceCourse: { years: 2, text: `在${where}在职学习，获硕士学位` },
  };
}

function pickMajor(rng: SeededRandom, category: Cadre['category']): string {
  if (category === '行政执法类') return rng.pick(ENFORCEMENT_MAJORS);
  if (category === '专业技术类') return rng.pick(PROFESSIONAL_MAJORS);
  return rng.pick(GENERAL_MAJORS);
}
