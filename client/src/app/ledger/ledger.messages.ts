import {
  APPOINTMENT_TYPES,
  CADRE_CATEGORIES,
  CIVIL_SERVICE_RANKS,
  DEGREES,
  EDUCATION_LEVELS,
  LEDGER_COLUMN_LABELS,
  POLITICAL_STATUSES,
  POST_LEVELS,
  SEXES,
  type LedgerColumn,
} from '@cadre/shared-models';

type Labels<T extends readonly string[]> = Readonly<Record<T[number], string>>;

/** The enumerated values of a record, as the interface shows them. */
export interface LedgerValueLabels {
  readonly sex: Labels<typeof SEXES>;
  readonly education: Labels<typeof EDUCATION_LEVELS>;
  readonly degree: Labels<typeof DEGREES>;
  readonly postLevel: Labels<typeof POST_LEVELS>;
  readonly rank: Labels<typeof CIVIL_SERVICE_RANKS>;
  readonly category: Labels<typeof CADRE_CATEGORIES>;
  readonly appointmentType: Labels<typeof APPOINTMENT_TYPES>;
  readonly politicalStatus: Labels<typeof POLITICAL_STATUSES>;
}

/** The ledger page (台账): filters, columns, saved views, export. */
export interface LedgerMessages {
  readonly title: string;
  readonly columns: Readonly<Record<LedgerColumn, string>>;
  readonly values: LedgerValueLabels;
  readonly filters: string;
  activeFilters(count: number): string;
  readonly unit: string;
  readonly unitHint: string;
  readonly unitsUnavailable: string;
  readonly noUnitMatches: string;
  readonly clearUnit: string;
  readonly ageBand: string;
  readonly sex: string;
  readonly education: string;
  readonly category: string;
  readonly postLevel: string;
  readonly rank: string;
  readonly tags: string;
  readonly tagsHint: string;
  removeTag(tag: string): string;
  tagTooLong(max: number): string;
  tooManyTags(max: number): string;
  readonly search: string;
  readonly searchHint: string;
  readonly clearFilters: string;
  total(count: number): string;
  readonly empty: string;
  readonly emptyFiltered: string;
  readonly chooseColumns: string;
  readonly columnsTitle: string;
  readonly columnsHint: string;
  readonly nameAlwaysShown: string;
  moveUp(column: string): string;
  moveDown(column: string): string;
  readonly defaultColumns: string;
  readonly apply: string;
  readonly views: string;
  readonly noView: string;
  readonly viewModified: string;
  readonly viewsUnavailable: string;
  readonly saveView: string;
  readonly saveViewTitle: string;
  readonly viewName: string;
  readonly viewActions: string;
  readonly overwriteView: string;
  readonly renameView: string;
  renameViewTitle(name: string): string;
  readonly deleteView: string;
  confirmDeleteView(name: string): string;
  viewSaved(name: string): string;
  viewDeleted(name: string): string;
  readonly exportExcel: string;
  readonly exporting: string;
  exportTooLarge(total: number, max: number): string;
  exportFailed(reason: string): string;
  readonly exportLrmx: string;
  selected(count: number): string;
  readonly clearSelection: string;
  readonly selectPage: string;
  selectRow(name: string): string;
  lrmxTooMany(max: number): string;
  /** The row of chips naming each filter in force, each removable. */
  readonly activeFilterChips: string;
  /** A chip: what the filter is on and its value, e.g. 性别：女. */
  filterChip(label: string, value: string): string;
  removeFilter(chip: string): string;
  readonly pickUnitFromTree: string;
  readonly unitTreeTitle: string;
  readonly unitTreeHint: string;
  expandUnit(name: string): string;
  collapseUnit(name: string): string;
  pickUnit(name: string): string;
  readonly noUnitsToPick: string;
}

const identity = <T extends readonly string[]>(values: T): Labels<T> =>
  Object.fromEntries(values.map((value) => [value, value])) as Labels<T>;

export const LEDGER_ZH_CN: LedgerMessages = {
  title: '干部台账',
  columns: LEDGER_COLUMN_LABELS,
  // The record's values are Chinese terms already.
  values: {
    sex: identity(SEXES),
    education: identity(EDUCATION_LEVELS),
    degree: identity(DEGREES),
    postLevel: identity(POST_LEVELS),
    rank: identity(CIVIL_SERVICE_RANKS),
    category: identity(CADRE_CATEGORIES),
    appointmentType: identity(APPOINTMENT_TYPES),
    politicalStatus: identity(POLITICAL_STATUSES),
  },
  filters: '筛选条件',
  activeFilters: (count) => (count ? `已设 ${count} 项` : '未设置'),
  unit: '单位',
  unitHint: '含下级单位；可输入名称查找',
  unitsUnavailable: '单位列表暂时无法加载',
  noUnitMatches: '没有名称匹配的单位',
  clearUnit: '清除单位',
  ageBand: '年龄段',
  sex: '性别',
  education: '最高学历',
  category: '干部类别',
  postLevel: '职务层次',
  rank: '职级',
  tags: '标签',
  tagsHint: '选择派生标签，或输入后按回车',
  removeTag: (tag) => `移除标签“${tag}”`,
  tagTooLong: (max) => `标签不超过 ${max} 个字`,
  tooManyTags: (max) => `最多按 ${max} 个标签筛选`,
  search: '姓名或职务',
  searchHint: '输入后稍候即查询',
  clearFilters: '清除筛选',
  total: (count) => `共 ${count} 人`,
  empty: '台账中还没有干部。',
  emptyFiltered: '没有符合筛选条件的干部。',
  chooseColumns: '列设置',
  columnsTitle: '选择显示的列',
  columnsHint: '勾选要显示的列，用箭头调整顺序。导出 Excel 使用同样的列。',
  nameAlwaysShown: '姓名列始终显示在最前，用于打开画像',
  moveUp: (column) => `将“${column}”上移`,
  moveDown: (column) => `将“${column}”下移`,
  defaultColumns: '恢复默认',
  apply: '应用',
  views: '已保存的视图',
  noView: '不使用视图',
  viewModified: '当前设置与视图不同',
  viewsUnavailable: '视图列表暂时无法加载',
  saveView: '保存为视图',
  saveViewTitle: '保存当前筛选、排序和列为视图',
  viewName: '视图名称',
  viewActions: '视图操作',
  overwriteView: '用当前设置覆盖',
  renameView: '重命名',
  renameViewTitle: (name) => `重命名视图“${name}”`,
  deleteView: '删除视图',
  confirmDeleteView: (name) => `确定删除视图“${name}”吗？删除后无法恢复。`,
  viewSaved: (name) => `视图“${name}”已保存`,
  viewDeleted: (name) => `视图“${name}”已删除`,
  exportExcel: '导出 Excel',
  exporting: '正在导出…',
  exportTooLarge: (total, max) => `当前筛选共 ${total} 人，超过单次导出上限 ${max} 人，请先缩小筛选范围。`,
  exportFailed: (reason) => `导出失败：${reason}`,
  exportLrmx: '导出任免审批表 (.lrmx)',
  selected: (count) => `已选 ${count} 人`,
  clearSelection: '取消选择',
  selectPage: '选择本页全部干部',
  selectRow: (name) => `选择 ${name}`,
  lrmxTooMany: (max) => `一次最多导出 ${max} 人的任免审批表`,
  activeFilterChips: '已设的筛选条件',
  filterChip: (label, value) => `${label}：${value}`,
  removeFilter: (chip) => `移除“${chip}”`,
  pickUnitFromTree: '从组织树选择单位',
  unitTreeTitle: '选择单位',
  unitTreeHint: '选择一个单位，台账显示该单位及其下级单位的干部。',
  expandUnit: (name) => `展开“${name}”的下级单位`,
  collapseUnit: (name) => `收起“${name}”的下级单位`,
  pickUnit: (name) => `按“${name}”筛选`,
  noUnitsToPick: '没有可选的单位',
};

export const LEDGER_EN: LedgerMessages = {
  title: 'Cadre ledger',
  columns: {
    name: 'Name',
    sex: 'Sex',
    birthMonth: 'Born',
    age: 'Age',
    ethnicity: 'Ethnicity',
    nativePlace: 'Native place',
    politicalStatus: 'Political status',
    partyJoinMonth: 'Joined the Party',
    workStartMonth: 'Started work',
    education: 'Education',
    degree: 'Degree',
    school: 'School',
    unitName: 'Unit',
    post: 'Post',
    postLevel: 'Post level',
    rank: 'Rank',
    postStartMonth: 'In post since',
    category: 'Category',
    appointmentType: 'Appointment',
    professionalTitle: 'Professional title',
    tags: 'Tags',
    idNumberMasked: 'ID number',
  },
  values: {
    sex: { 男: 'Male', 女: 'Female' },
    education: {
      研究生: 'Postgraduate',
      大学本科: 'Bachelor level',
      大学专科: 'Junior college',
      中专: 'Secondary vocational',
      高中及以下: 'High school or below',
    },
    degree: { 博士: 'Doctorate', 硕士: "Master's", 学士: "Bachelor's", 无: 'None' },
    postLevel: {
      县处级正职: 'County level, principal',
      县处级副职: 'County level, deputy',
      乡科级正职: 'Section level, principal',
      乡科级副职: 'Section level, deputy',
      非领导职务: 'Non-leadership post',
    },
    rank: {
      一级调研员: 'Researcher, grade 1',
      二级调研员: 'Researcher, grade 2',
      三级调研员: 'Researcher, grade 3',
      四级调研员: 'Researcher, grade 4',
      一级主任科员: 'Principal staff member, grade 1',
      二级主任科员: 'Principal staff member, grade 2',
      三级主任科员: 'Principal staff member, grade 3',
      四级主任科员: 'Principal staff member, grade 4',
      一级科员: 'Staff member, grade 1',
      二级科员: 'Staff member, grade 2',
    },
    category: {
      综合管理类: 'General management',
      专业技术类: 'Professional and technical',
      行政执法类: 'Administrative law enforcement',
    },
    appointmentType: { 委任: 'Appointed', 聘任制: 'Contract', 挂职: 'Temporary secondment' },
    politicalStatus: {
      中共党员: 'CPC member',
      民主党派: 'Democratic party member',
      无党派人士: 'Independent',
      群众: 'No affiliation',
    },
  },
  filters: 'Filters',
  activeFilters: (count) => (count ? `${count} set` : 'None set'),
  unit: 'Unit',
  unitHint: 'Includes sub-units; type to search',
  unitsUnavailable: 'The unit list cannot be loaded right now',
  noUnitMatches: 'No unit has that name',
  clearUnit: 'Clear unit',
  ageBand: 'Age band',
  sex: 'Sex',
  education: 'Education',
  category: 'Category',
  postLevel: 'Post level',
  rank: 'Rank',
  tags: 'Tags',
  tagsHint: 'Pick a derived tag, or type one and press Enter',
  removeTag: (tag) => `Remove tag “${tag}”`,
  tagTooLong: (max) => `A tag has at most ${max} characters`,
  tooManyTags: (max) => `Filter by at most ${max} tags`,
  search: 'Name or post',
  searchHint: 'Searches as you type',
  clearFilters: 'Clear filters',
  total: (count) => `${count} ${count === 1 ? 'person' : 'people'}`,
  empty: 'The ledger has no cadres yet.',
  emptyFiltered: 'No cadre matches these filters.',
  chooseColumns: 'Columns',
  columnsTitle: 'Choose the columns to show',
  columnsHint: 'Tick the columns to show and order them with the arrows. The Excel export uses the same columns.',
  nameAlwaysShown: 'Name always comes first: it opens the portrait',
  moveUp: (column) => `Move “${column}” up`,
  moveDown: (column) => `Move “${column}” down`,
  defaultColumns: 'Defaults',
  apply: 'Apply',
  views: 'Saved views',
  noView: 'No view',
  viewModified: 'The current settings differ from the view',
  viewsUnavailable: 'Saved views cannot be loaded right now',
  saveView: 'Save as view',
  saveViewTitle: 'Save the current filters, sort and columns as a view',
  viewName: 'View name',
  viewActions: 'View actions',
  overwriteView: 'Overwrite with current settings',
  renameView: 'Rename',
  renameViewTitle: (name) => `Rename view “${name}”`,
  deleteView: 'Delete view',
  confirmDeleteView: (name) => `Delete the view “${name}”? This cannot be undone.`,
  viewSaved: (name) => `View “${name}” saved`,
  viewDeleted: (name) => `View “${name}” deleted`,
  exportExcel: 'Export to Excel',
  exporting: 'Exporting…',
  exportTooLarge: (total, max) =>
    `These filters match ${total} people, more than the ${max} one export allows. Narrow the filters first.`,
  exportFailed: (reason) => `Export failed: ${reason}`,
  exportLrmx: 'Export appointment forms (.lrmx)',
  selected: (count) => `${count} selected`,
  clearSelection: 'Clear selection',
  selectPage: 'Select everyone on this page',
  selectRow: (name) => `Select ${name}`,
  lrmxTooMany: (max) => `At most ${max} appointment forms per export`,
  activeFilterChips: 'Filters in force',
  filterChip: (label, value) => `${label}: ${value}`,
  removeFilter: (chip) => `Remove “${chip}”`,
  pickUnitFromTree: 'Pick a unit from the organization tree',
  unitTreeTitle: 'Pick a unit',
  unitTreeHint: 'Pick a unit: the ledger shows the cadres of that unit and its sub-units.',
  expandUnit: (name) => `Show the sub-units of “${name}”`,
  collapseUnit: (name) => `Hide the sub-units of “${name}”`,
  pickUnit: (name) => `Filter by “${name}”`,
  noUnitsToPick: 'No units to pick',
};
