import type { Cadre, FamilyMember } from '@cadre/shared-models';
import { RELATIVE_JOBS, RETIRED_JOBS, SCHOOL_PUPIL, SCHOOL_STUDENT, WORKING_PARENT_JOBS } from './career-data.js';
import { composeGivenName, pickSurname } from './demo-person.js';
import { formatMonthIndex } from './month-index.js';
import { type SeededRandom, WeightedTable } from './random.js';
import { UNIVERSITIES } from './school-data.js';

export interface FamilyContext {
  sex: Cadre['sex'];
  surname: string;
  birthMonth: number;
  asOfMonth: number;
  showcase: boolean;
}

/** Who is married at each age (the share rises steeply through the late twenties). */
const MARRIED_SHARE: ReadonlyArray<readonly [maxAge: number, share: number]> = [
  [25, 0.2],
  [29, 0.6],
  [34, 0.85],
  [Infinity, 0.93],
];

// Those born before 1975 had their children under the one-child policy.
const CHILDREN_UNDER_POLICY = new WeightedTable<number>([[0, 5], [1, 85], [2, 10]]);
const CHILDREN_SINCE = new WeightedTable<number>([[0, 10], [1, 60], [2, 30]]);
const POLICY_COHORT_END = 1975 * 12;

const SPOUSE_STATUSES = new WeightedTable<string>([['中共党员', 42], ['群众', 56], ['民盟盟员', 1], ['九三学社社员', 1]]);

/**
 * 家庭主要成员及重要社会关系 as page 2 of the form lists them: spouse, children oldest first,
 * then father and mother. Everyone is invented; employers are written 某某.
 */
export function composeFamily(rng: SeededRandom, context: FamilyContext): FamilyMember[] {
  const { sex, birthMonth, asOfMonth, showcase } = context;
  const age = Math.floor((asOfMonth - birthMonth) / 12);
  const members: FamilyMember[] = [];

  const married = showcase || rng.testChance(MARRIED_SHARE.find(([maxAge]) => age <= maxAge)![1]);
  let spouseSurname = '';
  if (married) {
    // Husbands are mostly a little older than their wives.
    const gap = rng.nextInt(-24, 60);
    const spouseBirth = Math.min(sex === '男' ? birthMonth + gap : birthMonth - gap, asOfMonth - 22 * 12);
    const spouseSex = sex === '男' ? '女' : '男';
    const spouseAge = Math.floor((asOfMonth - spouseBirth) / 12);
    spouseSurname = pickSurname(rng);
    const retired = spouseAge >= (spouseSex === '女' ? 55 : 60);
    members.push(member(
      sex === '男' ? '妻子' : '丈夫',
      spouseSurname + composeGivenName(rng, spouseSex, spouseAge),
      spouseBirth,
      rng.pickWeighted(SPOUSE_STATUSES),
      retired ? rng.pickWeighted(RETIRED_JOBS) : rng.pickWeighted(RELATIVE_JOBS),
    ));
  }

  if (married && age >= 26) {
    const count = showcase ? 2 : rng.pickWeighted(birthMonth < POLICY_COHORT_END ? CHILDREN_UNDER_POLICY : CHILDREN_SINCE);
    // Children take the father's surname.
    const childSurname = sex === '男' ? context.surname : spouseSurname;
    let childBirth = birthMonth + (sex === '男' ? rng.nextInt(25, 33) : rng.nextInt(24, 31)) * 12 + rng.nextInt(0, 11);
    for (let i = 0; i < count && childBirth < asOfMonth; i++) {
      members.push(composeChild(rng, childSurname, childBirth, asOfMonth));
      childBirth += rng.nextInt(24, 96);
    }
  }

  const fatherBirth = birthMonth - rng.nextInt(23, 33) * 12 - rng.nextInt(0, 11);
  const motherBirth = Math.min(fatherBirth + rng.nextInt(-24, 60), birthMonth - 18 * 12);
  members.push(composeParent(rng, '父亲', context.surname, '男', fatherBirth, asOfMonth, showcase));
  members.push(composeParent(rng, '母亲', pickSurname(rng), '女', motherBirth, asOfMonth, showcase));
  return members;
}

function composeChild(rng: SeededRandom, surname: string, birth: number, asOfMonth: number): FamilyMember {
  const sex = rng.testChance(0.5) ? '男' : '女';
  const age = Math.floor((asOfMonth - birth) / 12);
  let status = '群众';
  if (age >= 20 && rng.testChance(0.12)) status = '中共党员';
  else if (age >= 14 && age <= 27 && rng.testChance(0.65)) status = '共青团员';
  let occupation: string;
  if (age < 6) occupation = '学龄前';
  else if (age < 12) occupation = SCHOOL_PUPIL;
  else if (age < 18) occupation = SCHOOL_STUDENT;
  else if (age < 22) occupation = `${rng.pickWeighted(UNIVERSITIES)}学生`;
  else if (age < 25 && rng.testChance(0.4)) occupation = `${rng.pickWeighted(UNIVERSITIES)}研究生`;
  else occupation = rng.testChance(0.05) ? '待业' : rng.pickWeighted(RELATIVE_JOBS);
  return member(sex === '男' ? '儿子' : '女儿', surname + composeGivenName(rng, sex, age), birth, status, occupation);
}

function composeParent(
  rng: SeededRandom,
  title: '父亲' | '母亲',
  surname: string,
  sex: Cadre['sex'],
  birth: number,
  asOfMonth: number,
  showcase: boolean,
): FamilyMember {
  const age = Math.floor((asOfMonth - birth) / 12);
  const status = rng.testChance(sex === '男' ? 0.35 : 0.2) ? '中共党员' : '群众';
  const deceasedChance = age >= 90 ? 0.75 : age >= 80 ? 0.35 : age >= 70 ? 0.12 : 0.03;
  let occupation: string;
  if (!showcase && rng.testChance(deceasedChance)) occupation = '已故';
  else if (age >= (sex === '女' ? 55 : 60)) occupation = rng.pickWeighted(RETIRED_JOBS);
  else occupation = rng.pickWeighted(WORKING_PARENT_JOBS);
  return member(title, surname + composeGivenName(rng, sex, age), birth, status, occupation);
}

function member(title: string, name: string, birth: number, politicalStatus: string, workUnitAndPost: string): FamilyMember {
  return { title, name, birthMonth: formatMonthIndex(birth), politicalStatus, workUnitAndPost, extras: [] };
}
