import type { ResumeEntry } from '../lrmx/lrmx-resume.js';
import {
  DERIVED_TAGS,
  deriveTags,
  headlineEducation,
  highestEducation,
  isStudyText,
  politicalStatusOf,
  type Highest,
  type TagSource,
} from './cadre-derivations.js';
import type { EducationRow, PoliticalStatus } from './cadre-record.js';

function row(
  education: EducationRow['education'],
  degree: EducationRow['degree'] = null,
  educationSchool = '',
  degreeSchool = educationSchool,
): EducationRow {
  return { education, degree, educationSchool, degreeSchool };
}

const NONE = row(null);

describe('highestEducation', () => {
  const cases: Array<[title: string, fullTime: EducationRow, inService: EducationRow, highest: Highest]> = [
    [
      'takes the full-time row when the in-service row is empty',
      row('大学本科', '学士', '西南大学法学专业'),
      NONE,
      { education: '大学本科', degree: '学士', school: '西南大学法学专业' },
    ],
    [
      'takes an in-service row that is higher, with its school',
      row('大学专科', '无', '重庆城市管理职业学院文秘专业'),
      row('大学本科', '无', '中共重庆市委党校经济管理专业'),
      { education: '大学本科', degree: '无', school: '中共重庆市委党校经济管理专业' },
    ],
    [
      'takes an in-service master’s over a full-time bachelor’s, degree included',
      row('大学本科', '学士', '重庆师范大学汉语言文学专业'),
      row('研究生', '硕士', '重庆大学公共管理专业'),
      { education: '研究生', degree: '硕士', school: '重庆大学公共管理专业' },
    ],
    [
      'keeps the full-time school on a tie',
      row('大学本科', '学士', '重庆大学土木工程专业'),
      row('大学本科', '学士', '西南大学汉语言文学专业'),
      { education: '大学本科', degree: '学士', school: '重庆大学土木工程专业' },
    ],
    [
      'keeps the full-time row when the in-service one is lower',
      row('研究生', '硕士', '西南政法大学法学专业'),
      row('大学本科', '无', '中央党校函授学院经济管理专业'),
      { education: '研究生', degree: '硕士', school: '西南政法大学法学专业' },
    ],
    ['gives 高中及以下, 无 and no school for two empty rows', NONE, NONE, { education: '高中及以下', degree: '无', school: '' }],
    [
      'takes the in-service row when the full-time one is empty',
      NONE,
      row('大学专科', '无', '重庆广播电视大学行政管理专业'),
      { education: '大学专科', degree: '无', school: '重庆广播电视大学行政管理专业' },
    ],
    [
      'takes the higher degree from either row: an in-service degree without a new 学历',
      row('大学本科', '学士', '重庆工商大学经济学专业'),
      row(null, '硕士', '', '重庆大学公共管理专业'),
      { education: '大学本科', degree: '硕士', school: '重庆工商大学经济学专业' },
    ],
    [
      'keeps the full-time degree when a higher in-service 学历 came without one (党校 研究生)',
      row('大学本科', '学士', '西南大学历史学专业'),
      row('研究生', null, '中共重庆市委党校政治学专业'),
      { education: '研究生', degree: '学士', school: '中共重庆市委党校政治学专业' },
    ],
    [
      'ranks 博士 above 硕士 on a tie of 研究生',
      row('研究生', '博士', '四川大学区域经济学专业'),
      row('研究生', '硕士', '重庆大学工商管理专业'),
      { education: '研究生', degree: '博士', school: '四川大学区域经济学专业' },
    ],
    ['gives 无 when both rows say 无', row('中专', '无', '重庆市财政学校财会专业'), row('大学专科', '无', 'x'), { education: '大学专科', degree: '无', school: 'x' }],
  ];
  for (const [title, fullTime, inService, highest] of cases) {
    it(title, () => expect(highestEducation(fullTime, inService)).toEqual(highest));
  }
});

describe('headlineEducation', () => {
  const bachelor = row('大学本科', '学士', '西南大学经济管理学院');
  const partySchool = row('研究生', null, '中共重庆市委党校经济管理专业');
  const mpa = row('研究生', '硕士', '重庆大学公共管理学院');
  const cases: Array<[title: string, fullTime: EducationRow, inService: EducationRow, rows: EducationRow[]]> = [
    ['names nothing when both rows are empty', NONE, NONE, []],
    ['names the full-time row alone', bachelor, NONE, [bachelor]],
    ['names the in-service row alone', NONE, mpa, [mpa]],
    ['names the higher row when it also has the higher degree', bachelor, mpa, [mpa]],
    ['names the full-time row on a tie', mpa, row('研究生', '硕士', '西南大学'), [mpa]],
    [
      'names both rows, each whole, when the highest degree is in the other row (党校研究生 without a degree)',
      bachelor,
      partySchool,
      [partySchool, bachelor],
    ],
    ['names a degree-only row after the 学历 row', row('大学专科', null, '重庆电大'), row(null, '学士', '', '西南大学'), [row('大学专科', null, '重庆电大'), row(null, '学士', '', '西南大学')]],
    ['treats 无 as no degree', row('大学本科', '无', '西南大学'), row('大学专科', '无', '重庆电大'), [row('大学本科', '无', '西南大学')]],
  ];
  for (const [title, fullTime, inService, rows] of cases) {
    it(title, () => expect(headlineEducation(fullTime, inService)).toEqual(rows));
  }
});

describe('isStudyText', () => {
  const cases: Array<[text: string, study: boolean]> = [
    ['西南大学经济管理学院经济学专业学习', true],
    ['重庆大学研究生学习，获硕士学位', true],
    ['在中共重庆市委党校经济管理专业在职研究生学习', true],
    ['在区委党校中青年干部培训班学习', true],
    ['在区委党校科级干部进修班学习', true],
    ['五宝镇中学读书', true],
    ['在西南政法大学就读', true],
    ['在西南大学攻读公共管理硕士学位', true],
    ['在国家行政学院研修', true],
    ['观音桥街道办事处副主任', false],
    ['区教委学习宣传科科员', false],
    ['挂职任鱼嘴镇党委副书记', false],
    ['区委党校教研室教师', false],
  ];
  for (const [text, study] of cases) {
    it(`${text} → ${study ? 'study' : 'post'}`, () => expect(isStudyText(text)).toBe(study));
  }
});

describe('politicalStatusOf', () => {
  const cases: Array<[partyJoinMonth: string | null, otherParty: string | null, status: PoliticalStatus]> = [
    ['2001-07', null, '中共党员'],
    [null, null, '群众'],
    ['2005-03', '民盟', '民主党派'],
    [null, '九三学社', '民主党派'],
    ['2010-11', '农工党', '民主党派'],
    [null, '无党派人士', '无党派人士'],
    // A join month beside 无党派人士 cannot name a party; the named identity wins.
    ['2001-07', '无党派人士', '无党派人士'],
  ];
  for (const [partyJoinMonth, otherParty, status] of cases) {
    it(`gives ${status} for join month ${partyJoinMonth} and other party ${otherParty}`, () => {
      expect(politicalStatusOf({ partyJoinMonth, otherParty })).toBe(status);
    });
  }
});

describe('deriveTags', () => {
  // Mid-June, so that the birthday-month boundary falls inside the reference month.
  const asOf = new Date('2025-06-15T00:00:00Z');

  // Earns no tag: a 45-year-old Han man, CPC member, bachelor, section chief of a department for
  // three and a half years, with a career spent in that department.
  const base: TagSource = {
    sex: '男',
    birthMonth: '1980-03',
    ethnicity: '汉族',
    partyJoinMonth: '2003-06',
    otherParty: null,
    education: '大学本科',
    postLevel: '乡科级正职',
    postStartMonth: '2022-01',
    appointmentType: '委任',
    unitName: '区财政局',
    unitType: 'department',
    positions: [
      { start: '2000-09', end: '2004-07', text: '西南大学经济学专业学习' },
      { start: '2004-07', end: '2022-01', text: '区财政局综合科科员' },
      { start: '2022-01', end: null, text: '区财政局综合科科长' },
    ],
    commendations: [],
    annualAssessments: [
      { year: 2022, grade: '称职' },
      { year: 2023, grade: '称职' },
      { year: 2024, grade: '称职' },
    ],
  };

  const tagsOf = (patch: Partial<TagSource>) => deriveTags({ ...base, ...patch }, asOf);
  const career = (...texts: string[]): ResumeEntry[] => [
    { start: '2000-09', end: '2004-07', text: texts[0]! },
    { start: '2004-07', end: '2022-01', text: texts[1]!, subEntries: texts[2] ? [{ start: '2010-03', end: '2011-03', text: texts[2] }] : [] },
    { start: '2022-01', end: null, text: '区财政局综合科科长' },
  ];

  it('gives the base record no tag', () => expect(deriveTags(base, asOf)).toEqual([]));

  // [tag, why, a patch that earns it, the evidence, a patch that just misses it]
  const cases: Array<[tag: string, why: string, earns: Partial<TagSource>, evidence: string, misses: Partial<TagSource>]> = [
    // 年轻干部: the limit is the age reached in the birthday month, so born in July of the limit
    // year is still within it in June, and born in June is not.
    ['年轻干部', '县处级正职 at 45', { postLevel: '县处级正职', birthMonth: '1979-07' }, '45 岁，县处级正职（45 岁及以下）', { postLevel: '县处级正职', birthMonth: '1979-06' }],
    ['年轻干部', '县处级副职 at 40', { postLevel: '县处级副职', birthMonth: '1984-07' }, '40 岁，县处级副职（40 岁及以下）', { postLevel: '县处级副职', birthMonth: '1984-06' }],
    ['年轻干部', '乡科级正职 at 35', { postLevel: '乡科级正职', birthMonth: '1989-07' }, '35 岁，乡科级正职（35 岁及以下）', { postLevel: '乡科级正职', birthMonth: '1989-06' }],
    ['年轻干部', '乡科级副职 at 35', { postLevel: '乡科级副职', birthMonth: '1989-07' }, '35 岁，乡科级副职（35 岁及以下）', { postLevel: '乡科级副职', birthMonth: '1989-06' }],
    ['年轻干部', '非领导职务 at 35', { postLevel: '非领导职务', birthMonth: '1989-07' }, '35 岁，非领导职务（35 岁及以下）', { postLevel: '非领导职务', birthMonth: '1989-06' }],
    ['女干部', 'a woman', { sex: '女' }, '性别：女', { sex: '男' }],
    ['少数民族干部', 'a Tujia cadre', { ethnicity: '土家族' }, '民族：土家族', { ethnicity: '汉族' }],
    ['党外干部', 'a 民盟 member', { partyJoinMonth: '2008-05', otherParty: '民盟' }, '政治面貌：民盟', { partyJoinMonth: '2008-05', otherParty: null }],
    ['党外干部', 'a 无党派人士', { partyJoinMonth: null, otherParty: '无党派人士' }, '政治面貌：无党派人士', {}],
    ['党外干部', 'a 群众', { partyJoinMonth: null, otherParty: null }, '政治面貌：群众', { partyJoinMonth: '2003-06' }],
    ['研究生学历', 'a 研究生', { education: '研究生' }, '最高学历：研究生', { education: '大学本科' }],
    [
      '基层经历',
      'a street post in the 简历',
      { positions: career('西南大学经济学专业学习', '观音桥街道党政办公室科员') },
      '2004.07—2022.01 观音桥街道党政办公室科员',
      { positions: career('西南大学经济学专业学习', '区住房城乡建委综合科科员') },
    ],
    [
      '基层经历',
      'a 其间 secondment to a town',
      { positions: career('西南大学经济学专业学习', '区财政局综合科科员', '挂职任鱼嘴镇党委副书记') },
      '2010.03—2011.03 挂职任鱼嘴镇党委副书记',
      { positions: career('西南大学经济学专业学习', '区农业农村委综合科科员', '在区城镇化工作办公室帮助工作') },
    ],
    [
      '基层经历',
      'a community post',
      { positions: career('西南大学经济学专业学习', '观音桥街道建新社区党委书记') },
      '2004.07—2022.01 观音桥街道建新社区党委书记',
      // A study of 城乡规划 or of 农村 is no grassroots post, nor is a 乡科级 rank.
      { positions: career('重庆大学城乡规划专业学习', '区财政局乡科级干部', '在西南大学农村区域发展专业在职学习') },
    ],
    [
      '基层经历',
      'a town post, not the town school before it',
      { positions: career('五宝镇中学学习', '五宝镇党政办公室科员') },
      '2004.07—2022.01 五宝镇党政办公室科员',
      { positions: career('五宝镇中学学习', '区财政局综合科科员', '在鱼嘴镇干部学校进修') },
    ],
    [
      '基层经历',
      'a current post in a street, without one in the 简历',
      { unitType: 'street', unitName: '观音桥街道', positions: [] },
      '现任职单位：观音桥街道',
      { unitType: 'department', unitName: '区财政局', positions: [] },
    ],
    [
      '企业经历',
      'a post at a group company',
      { positions: career('西南大学经济学专业学习', '区城市建设发展集团工程管理部职员') },
      '2004.07—2022.01 区城市建设发展集团工程管理部职员',
      { positions: career('西南大学工商管理（企业管理）专业学习', '区经济信息委企业服务科科员') },
    ],
    [
      '企业经历',
      'a 其间 post at a company',
      { positions: career('西南大学经济学专业学习', '区财政局综合科科员', '在区国有资产经营公司挂职锻炼') },
      '2010.03—2011.03 在区国有资产经营公司挂职锻炼',
      { positions: career('西南大学经济学专业学习', '区财政局综合科科员', '在区商务委帮助工作') },
    ],
    [
      '企业经历',
      'a current post in a state enterprise, without one in the 简历',
      { unitType: 'state_enterprise', unitName: '区产业投资集团（示例）', positions: [] },
      '现任职单位：区产业投资集团（示例）',
      { unitType: 'public_institution', unitName: '区融媒体中心', positions: [] },
    ],
    [
      '近三年考核优秀',
      '优秀 three years back, the latest one named',
      { annualAssessments: [{ year: 2022, grade: '优秀' }, { year: 2020, grade: '优秀' }, { year: 2023, grade: '称职' }] },
      '2022 年度考核 优秀',
      { annualAssessments: [{ year: 2021, grade: '优秀' }, { year: 2022, grade: '称职' }, { year: 2024, grade: '基本称职' }] },
    ],
    [
      '近三年考核优秀',
      'two recent 优秀, the latest one named',
      { annualAssessments: [{ year: 2023, grade: '优秀' }, { year: 2024, grade: '优秀' }] },
      '2024 年度考核 优秀',
      { annualAssessments: [] },
    ],
    [
      '受过处分',
      'a dated sanction',
      {
        commendations: [
          { kind: 'commendation', month: '2018-01', text: '嘉奖' },
          { kind: 'sanction', month: '2019-05', text: '受到警告处分' },
        ],
      },
      '2019.05 受到警告处分',
      { commendations: [{ kind: 'commendation', month: '2018-01', text: '被评为全区优秀公务员' }] },
    ],
    [
      '受过处分',
      'an undated sanction',
      { commendations: [{ kind: 'sanction', month: null, text: '诫勉' }] },
      '诫勉',
      { commendations: [] },
    ],
    ['任现职满五年', 'sixty months in the post', { postStartMonth: '2020-06' }, '2020.06 起任现职', { postStartMonth: '2020-07' }],
    ['聘任制公务员', 'a contract hire', { appointmentType: '聘任制' }, '任用方式：聘任制', { appointmentType: '委任' }],
    ['挂职干部', 'a secondee', { appointmentType: '挂职' }, '任用方式：挂职', { appointmentType: '委任' }],
  ];
  for (const [tag, why, earns, evidence, misses] of cases) {
    it(`gives ${tag} to ${why}, with the evidence "${evidence}"`, () => {
      expect(tagsOf(earns)).toEqual([{ tag, evidence }]);
    });
    it(`gives no ${tag} when ${why} is just missed`, () => {
      expect(tagsOf(misses).map((t) => t.tag)).not.toContain(tag);
    });
  }

  it('lists every tag a record earns in the order of DERIVED_TAGS, each once', () => {
    const tags = deriveTags(
      {
        ...base,
        sex: '女',
        birthMonth: '1992-01',
        ethnicity: '苗族',
        partyJoinMonth: null,
        otherParty: null,
        education: '研究生',
        postLevel: '非领导职务',
        postStartMonth: '2019-09',
        appointmentType: '聘任制',
        unitName: '区城市建设发展集团（示例）',
        unitType: 'state_enterprise',
        positions: [
          { start: '2015-09', end: '2019-07', text: '观音桥街道建新社区工作人员' },
          { start: '2019-07', end: null, text: '重庆某某建设工程有限公司工程师', subEntries: [{ start: '2020-03', end: '2020-09', text: '在五宝镇驻村' }] },
        ],
        commendations: [{ kind: 'sanction', month: '2021-04', text: '受到通报批评' }, { kind: 'sanction', month: '2022-04', text: '警告' }],
        annualAssessments: [{ year: 2024, grade: '优秀' }],
      },
      asOf,
    );
    expect(tags.map((t) => t.tag)).toEqual(DERIVED_TAGS.filter((tag) => tag !== '挂职干部'));
    expect(tags.find((t) => t.tag === '基层经历')?.evidence).toBe('2015.09—2019.07 观音桥街道建新社区工作人员');
    expect(tags.find((t) => t.tag === '企业经历')?.evidence).toBe('2019.07—至今 重庆某某建设工程有限公司工程师');
    expect(tags.find((t) => t.tag === '受过处分')?.evidence).toBe('2021.04 受到通报批评');
  });
});
