import { WeightedTable } from './random.js';

// Names below a street or town (社区, 村) are invented; organisations outside the demo district are
// written 某某, as sample forms do, so that no real body is named as a fictional person's employer.

export const COMMUNITY_NAMES: readonly string[] = ['建新', '望江', '北城', '华新', '嘉陵', '红旗', '民生', '兴隆', '桥北', '滨江'];
export const VILLAGE_NAMES: readonly string[] = ['石坝', '新桥', '柏林', '双河', '龙井', '青杠', '大湾', '水口', '高峰', '长岭'];

/** Employers of contract civil servants before they were hired (聘任制 recruits come from outside). */
export const PRIOR_EMPLOYERS: readonly string[] = [
  '重庆某某科技有限公司', '重庆某某工程咨询有限公司', '重庆某某规划设计研究院有限公司', '某某银行重庆分行',
  '重庆某某会计师事务所有限公司', '重庆某某数据服务有限公司', '某某证券重庆分公司',
];
export const PRIOR_EMPLOYER_TITLES: readonly string[] = ['职员', '主管', '部门副经理', '部门经理'];

/** Party-school courses as the 简历 writes them, by the level of the post held at the time. */
export const PARTY_SCHOOL_TRAINING = {
  section: ['在区委党校中青年干部培训班学习', '在区委党校科级干部进修班学习'],
  county: ['在中共重庆市委党校中青年干部培训班学习', '在中共重庆市委党校处级干部进修班学习'],
} as const;

/** Posts a cadre is seconded to for a year (挂职锻炼), by the kind of unit. */
export const SECONDMENT_POSTS = {
  street: ['党工委副书记', '办事处副主任'],
  town: ['党委副书记', '副镇长'],
  community: ['党委副书记', '居委会副主任'],
} as const;

/** Jobs of spouses and grown children; 某某 keeps employers fictional. */
export const RELATIVE_JOBS = new WeightedTable<string>([
  ['江北区某某小学教师', 10], ['江北区某某中学教师', 8], ['重庆某某医院医生', 5], ['重庆某某医院护士', 5],
  ['重庆某某有限公司职员', 18], ['某某银行重庆分行职员', 6], ['重庆某某大学教师', 3], ['重庆某某集团职员', 6],
  ['个体经营', 5], ['自由职业', 3],
]);

/** What retired parents and spouses did; 务农 for those who never left the land. */
export const RETIRED_JOBS = new WeightedTable<string>([
  ['重庆某某厂退休职工', 20], ['江北区某某小学退休教师', 8], ['重庆某某公司退休职工', 14],
  ['某某区某某局退休干部', 6], ['某某医院退休职工', 4], ['务农', 20], ['退休', 10],
]);
export const WORKING_PARENT_JOBS = new WeightedTable<string>([
  ['务农', 30], ['个体经营', 20], ['重庆某某有限公司职员', 30], ['自由职业', 10],
]);

export const SCHOOL_PUPIL = '江北区某某小学学生';
export const SCHOOL_STUDENT = '重庆市某某中学学生';

/** Honours given by the district (全区) or the city, and when they are given. */
export const HONOURS = new WeightedTable<{ text: string; partyOnly: boolean; month: number | null }>([
  // month: the fixed month of an event's commendation, as a month index; null for any year.
  [{ text: '被评为全区优秀公务员', partyOnly: false, month: null }, 30],
  [{ text: '被评为全区优秀共产党员', partyOnly: true, month: null }, 25],
  [{ text: '被评为全区优秀党务工作者', partyOnly: true, month: null }, 8],
  [{ text: '被评为全区脱贫攻坚工作先进个人', partyOnly: false, month: 2021 * 12 + 1 }, 12],
  [{ text: '被评为全区疫情防控工作先进个人', partyOnly: false, month: 2020 * 12 + 8 }, 15],
  [{ text: '被评为重庆市优秀公务员', partyOnly: false, month: null }, 4],
]);

/** Sanctions of the past, worded as the form writes them; `heavy` ones cap that year's grade at 基本称职. */
export const PARTY_SANCTIONS = new WeightedTable<{ text: string; heavy: boolean }>([
  [{ text: '受到党内警告处分', heavy: false }, 30],
  [{ text: '受到诫勉', heavy: false }, 30],
  [{ text: '受到政务警告处分', heavy: false }, 15],
  [{ text: '受到通报批评', heavy: false }, 15],
  [{ text: '受到党内严重警告处分', heavy: true }, 5],
  [{ text: '受到政务记过处分', heavy: true }, 5],
]);
export const NON_PARTY_SANCTIONS = new WeightedTable<{ text: string; heavy: boolean }>([
  [{ text: '受到诫勉', heavy: false }, 40],
  [{ text: '受到政务警告处分', heavy: false }, 40],
  [{ text: '受到通报批评', heavy: false }, 15],
  [{ text: '受到政务记过处分', heavy: true }, 5],
]);

/** 民主党派 and how common each is among cadres: 民盟 and 九三学社 recruit teachers and scientists. */
export const DEMOCRATIC_PARTIES = new WeightedTable<'民革' | '民盟' | '民建' | '民进' | '农工党' | '致公党' | '九三学社' | '台盟'>([
  ['民盟', 22], ['九三学社', 16], ['民建', 15], ['民进', 13], ['农工党', 12], ['民革', 12], ['致公党', 8], ['台盟', 2],
]);
