import { WeightedTable } from './random.js';

/** Where a Chongqing district's graduates come from: mostly universities in the city itself. */
export const UNIVERSITIES = new WeightedTable<string>([
  ['西南大学', 12], ['重庆大学', 10], ['西南政法大学', 10], ['重庆师范大学', 8], ['重庆工商大学', 7],
  ['重庆交通大学', 5], ['重庆邮电大学', 5], ['重庆医科大学', 3], ['重庆理工大学', 4], ['四川外国语大学', 3],
  ['重庆文理学院', 3], ['长江师范学院', 3], ['重庆三峡学院', 3], ['四川大学', 5], ['西南财经大学', 5],
  ['四川师范大学', 3], ['西华师范大学', 3], ['西南石油大学', 2], ['中国人民大学', 2], ['武汉大学', 2],
  ['华中师范大学', 2], ['南开大学', 1], ['北京师范大学', 1],
]);

/** Universities whose doctors the central doctoral service group (中央博士服务团) sends out. */
export const DOCTORAL_UNIVERSITIES: readonly string[] = [
  '北京大学', '清华大学', '中国人民大学', '复旦大学', '武汉大学', '南开大学', '浙江大学',
  '中国科学院大学', '重庆大学', '四川大学',
];

export const COLLEGES: readonly string[] = [
  '重庆电子工程职业学院', '重庆城市管理职业学院', '重庆工业职业技术学院', '重庆工程职业技术学院',
  '重庆三峡职业学院', '重庆广播电视大学', '四川广播电视大学',
];

export const SECONDARY_SCHOOLS: readonly string[] = [
  '重庆市财政学校', '重庆市工业学校', '重庆市经贸中等专业学校', '重庆市农业学校', '四川省南充师范学校',
];

export const HIGH_SCHOOLS: readonly string[] = ['重庆市第十八中学', '重庆市江北中学校', '重庆市字水中学', '重庆市第十九中学'];

export const GENERAL_MAJORS: readonly string[] = [
  '汉语言文学', '行政管理', '经济学', '法学', '马克思主义理论', '思想政治教育', '公共事业管理',
  '新闻学', '工商管理', '金融学', '历史学', '社会学', '财务管理', '国际经济与贸易',
];

export const ENFORCEMENT_MAJORS: readonly string[] = [
  '法学', '行政管理', '食品科学与工程', '药学', '环境工程', '城市管理', '治安学',
];

export const PROFESSIONAL_MAJORS: readonly string[] = [
  '计算机科学与技术', '土木工程', '城乡规划', '预防医学', '临床医学', '会计学', '统计学',
  '环境科学', '金融学', '工程管理', '软件工程', '数据科学与大数据技术',
];

/** Part-time master's programmes that serving cadres take, hence the later graduation. */
export const IN_SERVICE_MAJORS: readonly string[] = ['公共管理', '工商管理', '法律', '马克思主义中国化研究'];

export const DOCTORAL_MAJORS: readonly string[] = [
  '区域经济学', '公共管理', '城乡规划学', '环境科学与工程', '计算机科学与技术', '金融学', '社会学', '法学',
];

export const COLLEGE_MAJORS: readonly string[] = ['文秘', '会计', '计算机应用技术', '法律事务', '建筑工程技术', '行政管理'];

export const SECONDARY_MAJORS: readonly string[] = ['财会', '文秘', '机电技术', '农学', '师范'];

/** Where serving cadres studied part-time for a bachelor's: mostly party schools, whose courses give no degree. */
export const IN_SERVICE_BACHELOR_SCHOOLS = new WeightedTable<{ school: string; grantsDegree: boolean }>([
  [{ school: '中共重庆市委党校', grantsDegree: false }, 35],
  [{ school: '中央党校函授学院', grantsDegree: false }, 25],
  [{ school: '西南大学', grantsDegree: true }, 10],
  [{ school: '重庆师范大学', grantsDegree: true }, 8],
  [{ school: '重庆工商大学', grantsDegree: true }, 8],
  [{ school: '西南政法大学', grantsDegree: true }, 8],
  [{ school: '重庆广播电视大学', grantsDegree: false }, 6],
]);

export const PARTY_SCHOOL_MAJORS: readonly string[] = ['经济管理', '法律', '行政管理', '党政管理'];
export const PART_TIME_BACHELOR_MAJORS: readonly string[] = ['汉语言文学', '行政管理', '法学', '会计学', '工商管理'];

/** Part-time 大专 courses of cadres who started work from a secondary school. */
export const IN_SERVICE_COLLEGES: readonly string[] = ['重庆广播电视大学', '中共重庆市委党校', '重庆三峡职业学院'];
export const IN_SERVICE_COLLEGE_MAJORS: readonly string[] = ['行政管理', '法律事务', '会计', '经济管理'];

/** The party school's part-time postgraduate course: a 研究生 学历 without a degree. */
export const PARTY_SCHOOL_POSTGRADUATE_MAJORS: readonly string[] = ['经济管理', '法学', '政治学', '公共管理'];

/** Universities running part-time master's programmes (MPA, MBA, JM) for serving cadres. */
export const IN_SERVICE_MASTERS_UNIVERSITIES: readonly string[] = [
  '重庆大学', '西南大学', '西南政法大学', '重庆工商大学', '四川大学', '西南财经大学',
];

/** Faculties that the doctoral secondees come from, at the universities in DOCTORAL_UNIVERSITIES. */
export const ACADEMIC_SCHOOLS: readonly string[] = [
  '经济学院', '公共管理学院', '环境学院', '信息科学技术学院', '社会学院', '法学院', '建筑与城市规划学院',
];
