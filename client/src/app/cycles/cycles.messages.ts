import { CYCLE_STATUS_LABELS, CYCLE_TYPE_LABELS, type CycleStatus, type CycleType } from '@cadre/shared-models';
import type { CycleTransition } from './cycles-api';

/** Assessment cycles: the list, setting one up, running it, and who rates whom. */
export interface CyclesMessages {
  readonly title: string;
  readonly statuses: Readonly<Record<CycleStatus, string>>;
  readonly types: Readonly<Record<CycleType, string>>;
  readonly statusFilter: string;
  readonly all: string;
  readonly create: string;
  readonly empty: string;
  progress(submitted: number, total: number): string;
  due(date: string): string;
  frameworkVersion(name: string, version: number): string;

  // Setting up
  readonly createTitle: string;
  editTitle(name: string): string;
  readonly basics: string;
  readonly name: string;
  readonly type: string;
  readonly year: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly dueDate: string;
  readonly framework: string;
  readonly noPublishedFramework: string;
  readonly population: string;
  readonly units: string;
  readonly unitsHint: string;
  readonly unitsUnavailable: string;
  removeUnit(name: string): string;
  readonly noUnitMatches: string;
  readonly tiers: string;
  readonly categories: string;
  readonly allHint: string;
  readonly raterGroups: string;
  readonly group: string;
  readonly weight: string;
  readonly minResponses: string;
  readonly anonymous: string;
  readonly addGroup: string;
  removeGroup(name: string): string;
  weightSum(sum: number): string;
  readonly settings: string;
  readonly trimExtremes: string;
  readonly excellentQuota: string;
  readonly excellentQuotaRaised: string;
  readonly save: string;
  readonly created: string;
  readonly conflict: string;
  readonly reload: string;
  invalid(count: number): string;
  readonly notDraft: string;

  // Running
  readonly period: string;
  readonly counts: { readonly population: string; readonly assignments: string; readonly submitted: string; readonly raters: string };
  readonly edit: string;
  readonly assignmentsLink: string;
  readonly calibrationLink: string;
  readonly distributionLink: string;
  readonly actions: Readonly<Record<CycleTransition, string>>;
  readonly confirmTitles: Readonly<Record<CycleTransition, string>>;
  readonly confirmMessages: Readonly<Record<CycleTransition, string>>;
  readonly done: Readonly<Record<CycleTransition, string>>;
  reminders(count: number, latest: string): string;
  readonly back: string;

  // Who rates whom
  assignmentsTitle(name: string): string;
  readonly search: string;
  readonly unit: string;
  readonly allUnits: string;
  readonly ratee: string;
  readonly noRatees: string;
  readonly editRaters: string;
  editRatersTitle(name: string): string;
  readonly noRaters: string;
  readonly submittedMark: string;
  remove(name: string): string;
  readonly undo: string;
  readonly toRemove: string;
  readonly toAdd: string;
  readonly raterSearch: string;
  readonly raterSearchHint: string;
  readonly raterGroup: string;
  readonly noCadreMatches: string;
  readonly alreadyAssigned: string;
  readonly ratersSaved: string;
  readonly ratersReadOnly: string;
}

export const CYCLES_ZH_CN: CyclesMessages = {
  title: '考核测评',
  statuses: CYCLE_STATUS_LABELS,
  types: CYCLE_TYPE_LABELS,
  statusFilter: '按状态筛选',
  all: '全部',
  create: '新建考核',
  empty: '暂无考核',
  progress: (submitted, total) => `已提交 ${submitted}/${total}`,
  due: (date) => `截止 ${date}`,
  frameworkVersion: (name, version) => `${name}（第 ${version} 版）`,

  createTitle: '新建考核',
  editTitle: (name) => `编辑考核：${name}`,
  basics: '基本信息',
  name: '考核名称',
  type: '考核类型',
  year: '考核年度',
  periodStart: '考核期开始',
  periodEnd: '考核期结束',
  dueDate: '测评截止日期',
  framework: '评价体系',
  noPublishedFramework: '还没有已发布的评价体系，请先在“评价体系”中发布一个版本。',
  population: '考核对象',
  units: '单位',
  unitsHint: '不选即全区；选中的单位包含其下级单位',
  unitsUnavailable: '单位列表暂时无法加载',
  removeUnit: (name) => `移除 ${name}`,
  noUnitMatches: '没有匹配的单位',
  tiers: '层级',
  categories: '干部类别',
  allHint: '不选即全部',
  raterGroups: '评价主体',
  group: '评价主体',
  weight: '权重',
  minResponses: '最少回收份数',
  anonymous: '匿名',
  addGroup: '添加评价主体',
  removeGroup: (name) => `删除评价主体 ${name}`,
  weightSum: (sum) => (sum === 100 ? '合计 100 ✓' : `合计 ${sum}，应为 100`),
  settings: '计分设置',
  trimExtremes: '一组至少 5 份时去掉一个最高分和一个最低分',
  excellentQuota: '优秀比例上限（%）',
  excellentQuotaRaised: '已批准将优秀比例提高到 25%',
  save: '保存',
  created: '考核已创建',
  conflict: '其他人已修改，请刷新',
  reload: '刷新',
  invalid: (count) => `还有 ${count} 处需要修改`,
  notDraft: '考核已启动，设置不能再修改。',

  period: '考核期',
  counts: { population: '考核对象', assignments: '测评表', submitted: '已提交', raters: '评价人' },
  edit: '编辑',
  assignmentsLink: '测评分工',
  calibrationLink: '校准等次',
  distributionLink: '等次分布',
  actions: { launch: '启动测评', reminders: '发送提醒', close: '结束测评' },
  confirmTitles: { launch: '启动测评', reminders: '发送提醒', close: '结束测评' },
  confirmMessages: {
    launch: '启动后评价人即可填写测评表，考核设置不能再修改。确定启动吗？',
    reminders: '将提醒尚未提交测评表的评价人。确定发送吗？',
    close: '结束后评价人不能再提交，系统将计算得分并进入校准。确定结束测评吗？',
  },
  done: { launch: '测评已启动', reminders: '提醒已发送', close: '测评已结束，进入校准' },
  reminders: (count, latest) => `已提醒 ${count} 次，最近一次 ${latest}`,
  back: '返回考核列表',

  assignmentsTitle: (name) => `测评分工：${name}`,
  search: '按姓名搜索',
  unit: '单位',
  allUnits: '全部单位',
  ratee: '被评价人',
  noRatees: '没有符合条件的被评价人',
  editRaters: '调整评价人',
  editRatersTitle: (name) => `调整 ${name} 的评价人`,
  noRaters: '还没有评价人',
  submittedMark: '已提交',
  remove: (name) => `移除 ${name}`,
  undo: '撤销',
  toRemove: '待移除',
  toAdd: '待添加',
  raterSearch: '搜索干部',
  raterSearchHint: '输入姓名或职务',
  raterGroup: '评价身份',
  noCadreMatches: '没有找到匹配的干部',
  alreadyAssigned: '该干部已是这一身份的评价人',
  ratersSaved: '评价人已更新',
  ratersReadOnly: '考核已结束，评价人不能再调整。',
};

export const CYCLES_EN: CyclesMessages = {
  title: 'Assessments',
  statuses: { draft: 'Preparing', open: 'Rating', closed: 'Calibrating', locked: 'Locked' },
  types: { routine: 'Routine', annual: 'Annual', special: 'Special', term: 'Term' },
  statusFilter: 'Filter by status',
  all: 'All',
  create: 'New assessment',
  empty: 'No assessments',
  progress: (submitted, total) => `${submitted}/${total} submitted`,
  due: (date) => `Due ${date}`,
  frameworkVersion: (name, version) => `${name} (version ${version})`,

  createTitle: 'New assessment',
  editTitle: (name) => `Edit: ${name}`,
  basics: 'Basics',
  name: 'Name',
  type: 'Type',
  year: 'Year',
  periodStart: 'Period start',
  periodEnd: 'Period end',
  dueDate: 'Rating due',
  framework: 'Framework',
  noPublishedFramework: 'No framework is published yet; publish a version under Frameworks first.',
  population: 'Who is assessed',
  units: 'Units',
  unitsHint: 'None: the whole district; a unit includes those below it',
  unitsUnavailable: 'Units cannot be loaded right now',
  removeUnit: (name) => `Remove ${name}`,
  noUnitMatches: 'No matching unit',
  tiers: 'Tiers',
  categories: 'Categories',
  allHint: 'None: all',
  raterGroups: 'Rater groups',
  group: 'Group',
  weight: 'Weight',
  minResponses: 'Minimum responses',
  anonymous: 'Anonymous',
  addGroup: 'Add rater group',
  removeGroup: (name) => `Remove group ${name}`,
  weightSum: (sum) => (sum === 100 ? 'Total 100 ✓' : `Total ${sum}, should be 100`),
  settings: 'Scoring',
  trimExtremes: 'Drop the highest and lowest rating of a group with at least 5',
  excellentQuota: 'Cap on 优秀 (%)',
  excellentQuotaRaised: 'Raise of the 优秀 cap to 25% approved',
  save: 'Save',
  created: 'Assessment created',
  conflict: 'Someone else changed this; please reload',
  reload: 'Reload',
  invalid: (count) => `${count} fields need attention`,
  notDraft: 'The assessment has started; its setup can no longer change.',

  period: 'Period',
  counts: { population: 'Assessed', assignments: 'Forms', submitted: 'Submitted', raters: 'Raters' },
  edit: 'Edit',
  assignmentsLink: 'Raters',
  calibrationLink: 'Calibrate grades',
  distributionLink: 'Grade distribution',
  actions: { launch: 'Start rating', reminders: 'Send reminder', close: 'End rating' },
  confirmTitles: { launch: 'Start rating', reminders: 'Send reminder', close: 'End rating' },
  confirmMessages: {
    launch: 'Raters can then fill their forms and the setup can no longer change. Start?',
    reminders: 'Raters who have not submitted will be reminded. Send?',
    close: 'Raters can then no longer submit; scores are computed for calibration. End rating?',
  },
  done: { launch: 'Rating started', reminders: 'Reminder sent', close: 'Rating ended; calibration next' },
  reminders: (count, latest) => `Reminded ${count} times, last on ${latest}`,
  back: 'Back to assessments',

  assignmentsTitle: (name) => `Raters: ${name}`,
  search: 'Search by name',
  unit: 'Unit',
  allUnits: 'All units',
  ratee: 'Assessed cadre',
  noRatees: 'Nobody matches',
  editRaters: 'Edit raters',
  editRatersTitle: (name) => `Raters of ${name}`,
  noRaters: 'No raters yet',
  submittedMark: 'Submitted',
  remove: (name) => `Remove ${name}`,
  undo: 'Undo',
  toRemove: 'To remove',
  toAdd: 'To add',
  raterSearch: 'Find a cadre',
  raterSearchHint: 'Type a name or post',
  raterGroup: 'Rates as',
  noCadreMatches: 'No matching cadre',
  alreadyAssigned: 'Already rates in this group',
  ratersSaved: 'Raters updated',
  ratersReadOnly: 'The assessment has ended; raters can no longer change.',
};
