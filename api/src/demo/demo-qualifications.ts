import type { Cadre, UnitType } from '@cadre/shared-models';
import type { SeededRandom } from './random.js';

/** Title series from 初级 to 正高级. */
type TitleLadder = readonly [junior: string, intermediate: string, associateSenior: string, senior: string];

const ENGINEER: TitleLadder = ['助理工程师', '工程师', '高级工程师', '正高级工程师'];
const ECONOMIST: TitleLadder = ['助理经济师', '经济师', '高级经济师', '正高级经济师'];
const ACCOUNTANT: TitleLadder = ['助理会计师', '会计师', '高级会计师', '正高级会计师'];
const STATISTICIAN: TitleLadder = ['助理统计师', '统计师', '高级统计师', '正高级统计师'];
const PHYSICIAN: TitleLadder = ['医师', '主治医师', '副主任医师', '主任医师'];
const PHARMACIST: TitleLadder = ['药师', '主管药师', '副主任药师', '主任药师'];
const JOURNALIST: TitleLadder = ['助理记者', '记者', '主任记者', '高级记者'];

/** Titles of the doctoral secondees at their universities, lowest first. */
export const ACADEMIC_TITLES = ['讲师', '副教授', '教授'] as const;

const LADDER_BY_MAJOR: Readonly<Record<string, TitleLadder>> = {
  计算机科学与技术: ENGINEER,
  土木工程: ENGINEER,
  城乡规划: ENGINEER,
  环境科学: ENGINEER,
  环境工程: ENGINEER,
  工程管理: ENGINEER,
  软件工程: ENGINEER,
  数据科学与大数据技术: ENGINEER,
  食品科学与工程: ENGINEER,
  建筑工程技术: ENGINEER,
  计算机应用技术: ENGINEER,
  预防医学: PHYSICIAN,
  临床医学: PHYSICIAN,
  药学: PHARMACIST,
  会计学: ACCOUNTANT,
  会计: ACCOUNTANT,
  财会: ACCOUNTANT,
  财务管理: ACCOUNTANT,
  统计学: STATISTICIAN,
  新闻学: JOURNALIST,
};

/** What a cadre knows best (熟悉专业有何专长), from the major studied… */
const EXPERTISE_BY_MAJOR: Readonly<Record<string, string>> = {
  计算机科学与技术: '信息化建设',
  软件工程: '软件开发',
  数据科学与大数据技术: '数据分析',
  土木工程: '工程建设管理',
  工程管理: '工程项目管理',
  城乡规划: '城乡规划',
  环境科学: '生态环境保护',
  环境工程: '生态环境保护',
  预防医学: '公共卫生',
  临床医学: '医疗卫生管理',
  药学: '药品监管',
  食品科学与工程: '食品安全监管',
  会计学: '会计核算',
  财务管理: '财务管理',
  统计学: '统计分析',
  金融学: '金融管理',
  经济学: '经济管理',
  法学: '法律事务',
  治安学: '综合执法',
  城市管理: '城市管理',
  汉语言文学: '文字综合',
  新闻学: '新闻宣传',
  区域经济学: '区域经济研究',
  公共管理: '公共政策研究',
};

/** …and from the work of the unit. */
const EXPERTISE_BY_UNIT_TYPE: Readonly<Record<UnitType, readonly string[]>> = {
  party_committee: ['党建工作', '文字综合'],
  org_department: ['组织工作', '干部管理', '党建工作', '人才工作'],
  department: ['经济管理', '政策研究', '文字综合', '行政管理', '项目管理', '财政管理', '法律事务'],
  street: ['基层治理', '社区工作', '群众工作', '城市管理', '安全生产', '应急管理'],
  town: ['乡村振兴', '基层治理', '群众工作', '农业农村工作', '安全生产'],
  state_enterprise: ['企业管理', '投融资管理', '工程管理', '资产运营', '财务管理'],
  public_institution: ['新闻宣传', '政务服务', '公共卫生', '信息化建设'],
};

export interface QualificationContext {
  age: number;
  category: Cadre['category'];
  appointmentType: Cadre['appointmentType'];
  unitType: UnitType;
  /** Full-time major; '' for those who left school after 高中. */
  major: string;
  showcase: boolean;
}

/**
 * 专业技术职务: every professional-technical cadre holds one fitting their major and age; some
 * others (state-enterprise staff above all) earned one along the way.
 */
export function chooseProfessionalTitle(rng: SeededRandom, context: QualificationContext): string {
  const { age, category, appointmentType, unitType, major } = context;
  if (appointmentType === '挂职') {
    return ACADEMIC_TITLES[age >= 38 && rng.testChance(0.25) ? 2 : rng.testChance(0.7) ? 1 : 0];
  }
  const ladder = LADDER_BY_MAJOR[major];
  if (category === '专业技术类') return (ladder ?? ECONOMIST)[chooseTitleGrade(rng, age)];
  const holdsOne = unitType === 'state_enterprise' ? 0.3 : age >= 40 ? 0.06 : 0.02;
  if (!(context.showcase || rng.testChance(holdsOne))) return '';
  // A title outside one's post is rarely above 中级 (intermediate).
  return (ladder ?? ECONOMIST)[Math.min(1, chooseTitleGrade(rng, age))];
}

function chooseTitleGrade(rng: SeededRandom, age: number): number {
  if (age < 28) return 0;
  if (age < 36) return rng.testChance(0.8) ? 1 : 0;
  if (age < 45) return rng.testChance(0.5) ? 2 : 1;
  if (age >= 50 && rng.testChance(0.05)) return 3;
  return rng.testChance(0.7) ? 2 : 1;
}

/** 熟悉专业有何专长: one or two fields, from the major and the unit's work; young staff often leave it empty. */
export function chooseExpertise(rng: SeededRandom, context: QualificationContext): string {
  if (!context.showcase && context.age < 30 && rng.testChance(0.25)) return '';
  const fromMajor = EXPERTISE_BY_MAJOR[context.major];
  const fromUnit = rng.pick(EXPERTISE_BY_UNIT_TYPE[context.unitType]);
  // Professionals name their own field first; generalists the work of their unit.
  const technical = context.category !== '综合管理类' || context.appointmentType !== '委任';
  const primary = technical && fromMajor !== undefined ? fromMajor : fromUnit;
  const secondary = primary === fromUnit ? fromMajor : fromUnit;
  const both = secondary !== undefined && secondary !== primary && (context.showcase || rng.testChance(0.4));
  return both ? `${primary}、${secondary}` : primary;
}
