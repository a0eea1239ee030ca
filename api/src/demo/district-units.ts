import type { UnitType } from '@cadre/shared-models';

/** A unit of the demo tree, keyed by its code so that the loader can link parents before ids exist. */
export interface DemoUnit {
  code: string;
  name: string;
  type: UnitType;
  parentCode: string | null;
  sortOrder: number;
}

/** How a unit is staffed, so that generated posts read like that unit's posts. */
export interface UnitProfile {
  /** Cadres at the reference district size of about 1,200; other sizes scale every unit alike. */
  headcount: number;
  /** 县处级正职 posts, one cadre each, however large the district is scaled. */
  headTitles: readonly string[];
  /** 县处级副职 posts, reused in turn when a scaled unit has more deputies than titles. */
  deputyTitles: readonly string[];
  /** Post of a 中央博士服务团 secondee, or null where none is placed. */
  secondeeTitle: string | null;
  sections: readonly string[];
  /** How non-leading staff are titled; civil servants (null) are titled by their rank. */
  staffTitle: string | null;
  /** Share of section-level and non-leading cadres in the 行政执法类 category. */
  enforcementShare: number;
  /** Share of section-level and non-leading cadres in the 专业技术类 category. */
  professionalShare: number;
  /** Posts this unit fills with 聘任制 contract civil servants; empty where it hires none. */
  contractPosts: readonly string[];
}

/** Marks fictional names; posts drop it so that they read like posts. */
export const DEMO_MARKER = '（示例）';

/** A unit's name as posts and 简历 lines write it, without the demo marker. */
export function unitLabel(unit: { name: string }): string {
  return unit.name.replace(DEMO_MARKER, '');
}

/** The head of a section: 科长 of a 科, 经理 of a 部, 主任 of an office or centre. */
export function sectionHeadTitle(section: string): string {
  if (section.endsWith('科')) return '科长';
  if (section.endsWith('部')) return '经理';
  return '主任';
}

const DEPARTMENT_SECTIONS = ['办公室', '综合科', '政策法规科', '计划财务科', '人事科', '督查科', '发展规划科', '行政审批科'];

function describeGovernmentDepartment(head: string, headcount: number, extra: Partial<UnitProfile> = {}): UnitProfile {
  return {
    headcount,
    headTitles: [`党组书记、${head}`],
    deputyTitles: [`党组成员、副${head}`, `副${head}`, `副${head}`],
    secondeeTitle: `副${head}（挂职）`,
    sections: DEPARTMENT_SECTIONS,
    staffTitle: null,
    enforcementShare: 0,
    professionalShare: 0.05,
    contractPosts: [],
    ...extra,
  };
}

// Party organs have no 党组 of their own; the demo places doctoral secondees in government
// departments and streets only.
function describePartyDepartment(head: string, headcount: number, sections: readonly string[]): UnitProfile {
  return describeGovernmentDepartment(head, headcount, {
    headTitles: [head],
    deputyTitles: [`常务副${head}`, `副${head}`, `副${head}`],
    secondeeTitle: null,
    sections,
    professionalShare: 0,
  });
}

function describeStreet(headcount: number): UnitProfile {
  return {
    headcount,
    headTitles: ['党工委书记', '党工委副书记、办事处主任'],
    deputyTitles: [
      '党工委副书记', '办事处副主任', '党工委委员、纪工委书记', '党工委委员、武装部部长', '人大工委主任', '办事处副主任',
    ],
    secondeeTitle: '办事处副主任（挂职）',
    sections: [
      '党政办公室', '党建工作办公室', '经济发展办公室', '平安建设办公室',
      '民生服务办公室', '城市管理办公室', '社区治理办公室', '应急管理办公室',
    ],
    staffTitle: null,
    // Streets run their own 综合行政执法大队.
    enforcementShare: 0.1,
    professionalShare: 0,
    contractPosts: [],
  };
}

function describeTown(headcount: number): UnitProfile {
  return {
    ...describeStreet(headcount),
    headTitles: ['党委书记', '党委副书记、镇长'],
    deputyTitles: ['党委副书记', '副镇长', '党委委员、纪委书记', '人大主席', '党委委员、武装部部长', '副镇长'],
    secondeeTitle: null,
    sections: [
      '党政办公室', '党建工作办公室', '经济发展办公室', '乡村振兴办公室',
      '平安建设办公室', '社会事务办公室', '规划建设管理环保办公室',
    ],
  };
}

function describeStateEnterprise(headcount: number): UnitProfile {
  return {
    headcount,
    headTitles: ['党委书记、董事长', '党委副书记、总经理'],
    deputyTitles: ['副总经理', '纪委书记', '财务总监', '副总经理'],
    secondeeTitle: null,
    sections: [
      '综合办公室', '党群工作部', '财务部', '投资发展部', '工程管理部', '风控法务部', '人力资源部', '资产运营部',
    ],
    staffTitle: '职员',
    enforcementShare: 0,
    professionalShare: 0,
    contractPosts: [],
  };
}

function describePublicInstitution(headcount: number, sections: readonly string[], professionalShare: number): UnitProfile {
  return {
    headcount,
    headTitles: ['党委书记、主任'],
    deputyTitles: ['副主任'],
    secondeeTitle: null,
    sections,
    staffTitle: '工作人员',
    enforcementShare: 0,
    professionalShare,
    contractPosts: [],
  };
}

// District leaders (区委书记 and the like) rank above the post levels the cadre schema covers,
// so the party committee itself is staffed by nobody in the demo.
const UNSTAFFED: UnitProfile = {
  headcount: 0,
  headTitles: [],
  deputyTitles: [],
  secondeeTitle: null,
  sections: [],
  staffTitle: null,
  enforcementShare: 0,
  professionalShare: 0,
  contractPosts: [],
};

const ORG_DEPARTMENT_PROFILE = describePartyDepartment('部长', 25, [
  '办公室', '组织科', '干部一科', '干部二科', '干部监督科', '公务员科', '人才工作科', '干部教育科',
]);

interface UnitEntry {
  code: string;
  name: string;
  type: UnitType;
  parentCode: string | null;
  profile: UnitProfile;
}

const ROOT = 'JB-QW';

function listChildren(
  parentCode: string,
  type: UnitType,
  children: ReadonlyArray<readonly [code: string, name: string, profile: UnitProfile]>,
): UnitEntry[] {
  return children.map(([code, name, profile]) => ({ code, name, type, parentCode, profile }));
}

/** Listed parents first, as the loader links each unit to an already-written parent. */
const DISTRICT_UNITS: readonly UnitEntry[] = [
  { code: ROOT, name: `中共江北区委${DEMO_MARKER}`, type: 'party_committee', parentCode: null, profile: UNSTAFFED },
  ...listChildren(ROOT, 'org_department', [['JB-ZZB', '区委组织部', ORG_DEPARTMENT_PROFILE]]),
  ...listChildren(ROOT, 'department', [
    ['JB-D01', '区委办公室', describePartyDepartment('主任', 30, ['秘书科', '综合科', '督查科', '信息科', '机要科', '改革办'])],
    ['JB-D02', '区政府办公室', describeGovernmentDepartment('主任', 32)],
    ['JB-D03', '区纪委监委', describePartyDepartment('书记', 38, [
      '党风政风监督室', '第一纪检监察室', '第二纪检监察室', '案件审理室', '信访室', '案件监督管理室',
    ])],
    ['JB-D04', '区委宣传部', describePartyDepartment('部长', 22, ['理论科', '宣传科', '网络信息科', '文艺科', '办公室'])],
    ['JB-D05', '区发展改革委', describeGovernmentDepartment('主任', 36, {
      professionalShare: 0.1,
      contractPosts: ['经济运行分析专员', '产业研究专员'],
    })],
    ['JB-D06', '区教委', describeGovernmentDepartment('主任', 34, { professionalShare: 0.1 })],
    ['JB-D07', '区财政局', describeGovernmentDepartment('局长', 34, {
      professionalShare: 0.15,
      contractPosts: ['政府债务管理专员'],
    })],
    ['JB-D08', '区人力社保局', describeGovernmentDepartment('局长', 28, { enforcementShare: 0.15 })],
    ['JB-D09', '区规划自然资源局', describeGovernmentDepartment('局长', 32, {
      enforcementShare: 0.2,
      professionalShare: 0.2,
      contractPosts: ['国土空间规划专员'],
    })],
    ['JB-D10', '区生态环境局', describeGovernmentDepartment('局长', 26, { enforcementShare: 0.45, professionalShare: 0.15 })],
    ['JB-D11', '区住房城乡建委', describeGovernmentDepartment('主任', 36, {
      enforcementShare: 0.25,
      professionalShare: 0.2,
      contractPosts: ['工程造价审核专员'],
    })],
    ['JB-D12', '区城市管理局', describeGovernmentDepartment('局长', 40, { enforcementShare: 0.6 })],
    ['JB-D13', '区卫生健康委', describeGovernmentDepartment('主任', 30, {
      enforcementShare: 0.15,
      professionalShare: 0.25,
      contractPosts: ['公共卫生应急专员'],
    })],
    ['JB-D14', '区市场监管局', describeGovernmentDepartment('局长', 40, { enforcementShare: 0.6, professionalShare: 0.05 })],
    ['JB-D15', '区商务委', describeGovernmentDepartment('主任', 24, { contractPosts: ['招商引资专员'] })],
    ['JB-D16', '区司法局', describeGovernmentDepartment('局长', 26, { enforcementShare: 0.1 })],
    ['JB-D17', '区退役军人事务局', describeGovernmentDepartment('局长', 20)],
    ['JB-D18', '区医疗保障局', describeGovernmentDepartment('局长', 20, { enforcementShare: 0.2 })],
  ]),
  ...listChildren(ROOT, 'street', [
    ['JB-S01', '观音桥街道', describeStreet(50)],
    ['JB-S02', '华新街街道', describeStreet(40)],
    ['JB-S03', '五里店街道', describeStreet(38)],
    ['JB-S04', '江北城街道', describeStreet(34)],
    ['JB-S05', '石马河街道', describeStreet(36)],
    ['JB-S06', '大石坝街道', describeStreet(38)],
    ['JB-S07', '寸滩街道', describeStreet(34)],
    ['JB-S08', '郭家沱街道', describeStreet(30)],
    ['JB-S09', '铁山坪街道', describeStreet(30)],
  ]),
  ...listChildren(ROOT, 'town', [
    ['JB-T01', '鱼嘴镇', describeTown(40)],
    ['JB-T02', '复盛镇', describeTown(34)],
    ['JB-T03', '五宝镇', describeTown(30)],
  ]),
  ...listChildren(ROOT, 'state_enterprise', [
    ['JB-E01', `区城市建设发展集团${DEMO_MARKER}`, describeStateEnterprise(40)],
    ['JB-E02', `区国有资产经营公司${DEMO_MARKER}`, describeStateEnterprise(28)],
    ['JB-E03', `区产业投资集团${DEMO_MARKER}`, describeStateEnterprise(30)],
    ['JB-E04', `区交通建设公司${DEMO_MARKER}`, describeStateEnterprise(26)],
  ]),
  // Public institutions sit under the department that runs them, so the tree has a third level to scope by.
  ...listChildren('JB-D04', 'public_institution', [
    ['JB-P01', '区融媒体中心', describePublicInstitution(24, ['总编室', '新闻采编部', '新媒体部', '技术保障部'], 0.3)],
  ]),
  ...listChildren('JB-D02', 'public_institution', [
    ['JB-P02', '区政务服务中心', describePublicInstitution(26, ['综合办公室', '窗口管理科', '审批服务科', '数据管理科'], 0.1)],
  ]),
  ...listChildren('JB-D13', 'public_institution', [
    ['JB-P03', '区疾病预防控制中心', describePublicInstitution(28, [
      '综合办公室', '传染病防制科', '慢性病防制科', '卫生监测科', '检验科',
    ], 0.6)],
  ]),
];

const PROFILES_BY_CODE = new Map(DISTRICT_UNITS.map((entry) => [entry.code, entry.profile]));

// Units from outside the demo table (a caller's own tree) are staffed like a typical unit of their type.
const PROFILES_BY_TYPE: Record<UnitType, UnitProfile> = {
  party_committee: UNSTAFFED,
  org_department: ORG_DEPARTMENT_PROFILE,
  department: describeGovernmentDepartment('主任', 30),
  street: describeStreet(36),
  town: describeTown(34),
  state_enterprise: describeStateEnterprise(30),
  public_institution: describePublicInstitution(25, ['综合办公室', '业务科'], 0.2),
};

/** The fictional district's unit tree, parents before children, siblings numbered in order. */
export function generateDemoUnits(): DemoUnit[] {
  const siblingsSeen = new Map<string | null, number>();
  return DISTRICT_UNITS.map(({ code, name, type, parentCode }) => {
    const sortOrder = siblingsSeen.get(parentCode) ?? 0;
    siblingsSeen.set(parentCode, sortOrder + 1);
    return { code, name, type, parentCode, sortOrder };
  });
}

export function findUnitProfile(unit: DemoUnit): UnitProfile {
  return PROFILES_BY_CODE.get(unit.code) ?? PROFILES_BY_TYPE[unit.type];
}
