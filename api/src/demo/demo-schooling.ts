import type { Cadre } from '@cadre/shared-models';
import type { SeededRandom, Weighted } from './random.js';
import {
  COLLEGES,
  COLLEGE_MAJORS,
  DOCTORAL_MAJORS,
  DOCTORAL_UNIVERSITIES,
  ENFORCEMENT_MAJORS,
  GENERAL_MAJORS,
  HIGH_SCHOOLS,
  IN_SERVICE_MAJORS,
  PROFESSIONAL_MAJORS,
  SECONDARY_MAJORS,
  SECONDARY_SCHOOLS,
  UNIVERSITIES,
} from './school-data.js';

type Education = Cadre['education'];

export interface Schooling {
  education: Education;
  degree: Cadre['degree'];
  school: string;
  /** Age at which the cadre left full-time education and started work. */
  workStartAge: number;
}

export interface SchoolingContext {
  age: number;
  postLevel: Cadre['postLevel'];
  category: Cadre['category'];
  appointmentType: Cadre['appointmentType'];
}

// Degrees follow the expansion of higher education: the older the cohort, the more 专科 and 中专.
const EDUCATION_BY_AGE: ReadonlyArray<readonly [maxAge: number, weights: Record<Education, number>]> = [
  [34, { 研究生: 28, 大学本科: 66, 大学专科: 6, 中专: 0, 高中及以下: 0 }],
  [44, { 研究生: 18, 大学本科: 68, 大学专科: 12, 中专: 2, 高中及以下: 0 }],
  [54, { 研究生: 14, 大学本科: 60, 大学专科: 20, 中专: 5, 高中及以下: 1 }],
  [Infinity, { 研究生: 8, 大学本科: 52, 大学专科: 28, 中专: 9, 高中及以下: 3 }],
];

/** Education, degree and school consistent with the cadre's age, level and category. */
export function chooseSchooling(rng: SeededRandom, context: SchoolingContext): Schooling {
  const { age, appointmentType } = context;
  if (appointmentType === '挂职') return chooseDoctorate(rng, age);
  const education = chooseEducation(rng, context);
  if (education === '研究生') {
    if (age >= 30 && rng.testChance(0.04)) return chooseDoctorate(rng, age);
    // Many older cadres took their master's part-time, years after they started work.
    if (age >= 40 && appointmentType === '委任' && rng.testChance(0.6)) {
      const school = `${rng.pickWeighted(UNIVERSITIES)}${rng.pick(IN_SERVICE_MAJORS)}专业`;
      return { education, degree: '硕士', school, workStartAge: rng.nextInt(21, 23) };
    }
    const school = `${rng.pickWeighted(UNIVERSITIES)}${pickMajor(rng, context.category)}专业`;
    return { education, degree: '硕士', school, workStartAge: Math.min(age - 1, rng.nextInt(24, 26)) };
  }
  if (education === '大学本科') {
    // Adult-education bachelors of the older cohorts often came without a degree.
    const degree = age >= 45 && rng.testChance(0.08) ? '无' : '学士';
    const school = `${rng.pickWeighted(UNIVERSITIES)}${pickMajor(rng, context.category)}专业`;
    return { education, degree, school, workStartAge: Math.min(age - 1, rng.nextInt(21, 23)) };
  }
  if (education === '大学专科') {
    const school = `${rng.pick(COLLEGES)}${rng.pick(COLLEGE_MAJORS)}专业`;
    return { education, degree: '无', school, workStartAge: rng.nextInt(19, 21) };
  }
  if (education === '中专') {
    const school = `${rng.pick(SECONDARY_SCHOOLS)}${rng.pick(SECONDARY_MAJORS)}专业`;
    return { education, degree: '无', school, workStartAge: rng.nextInt(17, 19) };
  }
  return { education, degree: '无', school: rng.pick(HIGH_SCHOOLS), workStartAge: rng.nextInt(18, 19) };
}

function chooseEducation(rng: SeededRandom, { age, postLevel, appointmentType }: SchoolingContext): Education {
  if (appointmentType === '聘任制') return rng.testChance(0.7) ? '研究生' : '大学本科';
  const weights = { ...EDUCATION_BY_AGE.find(([maxAge]) => age <= maxAge)![1] };
  if (postLevel === '县处级正职' || postLevel === '县处级副职') {
    weights.研究生 *= 2;
    weights.中专 = 0;
    weights.高中及以下 = 0;
  } else if (postLevel !== '非领导职务') {
    weights.高中及以下 = 0;
  }
  // Nobody under 26 has had the time for a master's after a bachelor's.
  if (age < 26) weights.研究生 = 0;
  const choices: Weighted<Education>[] = Object.entries(weights).map(([level, weight]) => [level as Education, weight]);
  return rng.pickWeighted(choices);
}

function chooseDoctorate(rng: SeededRandom, age: number): Schooling {
  const school = `${rng.pick(DOCTORAL_UNIVERSITIES)}${rng.pick(DOCTORAL_MAJORS)}专业`;
  return { education: '研究生', degree: '博士', school, workStartAge: Math.min(age - 1, rng.nextInt(28, 30)) };
}

function pickMajor(rng: SeededRandom, category: Cadre['category']): string {
  if (category === '行政执法类') return rng.pick(ENFORCEMENT_MAJORS);
  if (category === '专业技术类') return rng.pick(PROFESSIONAL_MAJORS);
  return rng.pick(GENERAL_MAJORS);
}
