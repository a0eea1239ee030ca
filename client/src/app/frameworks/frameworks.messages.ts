import { EVIDENCE_SOURCE_LABELS, type EvidenceSource } from '@cadre/shared-models';

/** Assessment frameworks: the list of versions, the viewer and the draft editor. */
export interface FrameworksMessages {
  readonly title: string;
  readonly statuses: Readonly<Record<'draft' | 'published', string>>;
  readonly locked: string;
  readonly lockedHint: string;
  version(n: number): string;
  createdAt(date: string): string;
  publishedAt(date: string): string;
  readonly create: string;
  readonly created: string;
  readonly empty: string;
  readonly emptyHint: string;
  readonly back: string;

  // Viewer
  readonly weights: string;
  readonly chartTitle: string;
  readonly ratingShare: string;
  readonly evidence: string;
  readonly noEvidence: string;
  readonly rubric: string;
  readonly applicability: string;
  readonly appliesToAll: string;
  readonly vetoRules: string;
  readonly noVetoRules: string;
  vetoText(description: string, source: string, min: number, grade: string): string;
  readonly gradeBands: string;
  gradeBandText(grade: string, score: number): string;
  bandText(min: number, score: number): string;
  readonly publishedNotice: string;
  readonly lockedNotice: string;
  readonly sources: Readonly<Record<EvidenceSource, string>>;

  // Editor
  readonly basics: string;
  readonly name: string;
  readonly description: string;
  readonly dimensions: string;
  readonly dimensionName: string;
  readonly id: string;
  readonly idHint: string;
  readonly weight: string;
  readonly indicators: string;
  readonly indicatorName: string;
  readonly ratingShareHint: string;
  readonly levelLabel: string;
  readonly levelScore: string;
  readonly levelDescription: string;
  readonly addLevel: string;
  readonly evidenceSource: string;
  readonly evidenceDescription: string;
  readonly bandMin: string;
  readonly bandScore: string;
  readonly addBand: string;
  readonly tiers: string;
  readonly categories: string;
  readonly allHint: string;
  readonly addIndicator: string;
  readonly addDimension: string;
  readonly newDimension: string;
  readonly newIndicator: string;
  remove(what: string): string;
  readonly vetoDescription: string;
  readonly vetoSource: string;
  readonly vetoMin: string;
  readonly capGrade: string;
  readonly addVeto: string;
  readonly sumOk: string;
  readonly indicatorSumOk: string;
  dimensionSum(total: number): string;
  indicatorSum(total: number): string;
  readonly saveDraft: string;
  readonly saved: string;
  readonly publish: string;
  readonly publishConfirm: string;
  readonly publishedDone: string;
  readonly nextVersion: string;
  readonly nextVersionConfirm: string;
  nextVersionCreated(n: number): string;
  readonly conflict: string;
  readonly reload: string;
  invalid(count: number): string;
  readonly unsavedFirst: string;
}

export const FRAMEWORKS_ZH_CN: FrameworksMessages = {
  title: '评价体系',
  statuses: { draft: '草稿', published: '已发布' },
  locked: '已被考核使用',
  lockedHint: '此版本已被考核使用，永远不会再改变',
  version: (n) => `第 ${n} 版`,
  createdAt: (date) => `创建于 ${date}`,
  publishedAt: (date) => `发布于 ${date}`,
  create: '新建评价体系',
  created: '已按默认体系创建草稿，请修改后发布',
  empty: '还没有评价体系',
  emptyHint: '新建后可设置维度、指标、权重和等次分数线。',
  back: '返回评价体系',

  weights: '权重分布',
  chartTitle: '各维度权重',
  ratingShare: '评价占比',
  evidence: '客观依据',
  noEvidence: '无（全部由评价计分）',
  rubric: '评分等级',
  applicability: '适用范围',
  appliesToAll: '全部',
  vetoRules: '否决规则',
  noVetoRules: '没有否决规则',
  vetoText: (description, source, min, grade) => `${description}（${source}达到 ${min}，最高评为${grade}）`,
  gradeBands: '等次分数线',
  gradeBandText: (grade, score) => `${grade} ≥ ${score} 分`,
  bandText: (min, score) => `≥ ${min} 得 ${score} 分`,
  publishedNotice: '已发布的版本不能修改；如需调整，请创建新版本。',
  lockedNotice: '此版本已被考核使用，不能修改。',
  sources: EVIDENCE_SOURCE_LABELS,

  basics: '基本信息',
  name: '名称',
  description: '说明',
  dimensions: '维度与指标',
  dimensionName: '维度名称',
  id: '编号',
  idHint: '小写字母开头，如 political',
  weight: '权重',
  indicators: '指标',
  indicatorName: '指标名称',
  ratingShareHint: '其余按客观依据计分',
  levelLabel: '等级',
  levelScore: '分值',
  levelDescription: '等级说明',
  addLevel: '添加等级',
  evidenceSource: '依据来源',
  evidenceDescription: '依据说明',
  bandMin: '起点',
  bandScore: '得分',
  addBand: '添加分档',
  tiers: '适用层级',
  categories: '适用干部类别',
  allHint: '不选即全部适用',
  addIndicator: '添加指标',
  addDimension: '添加维度',
  newDimension: '新维度',
  newIndicator: '新指标',
  remove: (what) => `删除${what}`,
  vetoDescription: '否决规则说明',
  vetoSource: '依据来源',
  vetoMin: '达到次数',
  capGrade: '最高等次',
  addVeto: '添加否决规则',
  sumOk: '合计 100 ✓',
  indicatorSumOk: '指标合计 100 ✓',
  dimensionSum: (total) => `维度权重合计 ${total}，应为 100`,
  indicatorSum: (total) => `指标权重合计 ${total}，应为 100`,
  saveDraft: '保存草稿',
  saved: '草稿已保存',
  publish: '发布',
  publishConfirm: '发布后此版本不能再修改，考核可以选用它。确定发布吗？',
  publishedDone: '已发布',
  nextVersion: '创建新版本',
  nextVersionConfirm: '将复制此版本为新的草稿，原版本保持不变。确定创建吗？',
  nextVersionCreated: (n) => `已创建第 ${n} 版草稿`,
  conflict: '其他人已修改，请刷新',
  reload: '刷新',
  invalid: (count) => `还有 ${count} 处需要修改`,
  unsavedFirst: '请先保存草稿再发布',
};

export const FRAMEWORKS_EN: FrameworksMessages = {
  title: 'Frameworks',
  statuses: { draft: 'Draft', published: 'Published' },
  locked: 'Used by an assessment',
  lockedHint: 'An assessment uses this version: it will never change',
  version: (n) => `Version ${n}`,
  createdAt: (date) => `Created ${date}`,
  publishedAt: (date) => `Published ${date}`,
  create: 'New framework',
  created: 'Draft created from the default framework; edit it, then publish',
  empty: 'No frameworks yet',
  emptyHint: 'Create one to set its dimensions, indicators, weights and grade bands.',
  back: 'Back to frameworks',

  weights: 'Weights',
  chartTitle: 'Dimension weights',
  ratingShare: 'Rated share',
  evidence: 'Evidence',
  noEvidence: 'None (rated only)',
  rubric: 'Rubric',
  applicability: 'Applies to',
  appliesToAll: 'All',
  vetoRules: 'Veto rules',
  noVetoRules: 'No veto rules',
  vetoText: (description, source, min, grade) => `${description} (${source} at least ${min}: at best ${grade})`,
  gradeBands: 'Grade bands',
  gradeBandText: (grade, score) => `${grade} ≥ ${score}`,
  bandText: (min, score) => `≥ ${min} scores ${score}`,
  publishedNotice: 'A published version cannot change; create a new version to adjust it.',
  lockedNotice: 'An assessment uses this version; it cannot change.',
  sources: {
    political_study_hours: 'Political study hours',
    training_hours: 'Training hours',
    professional_training_hours: 'Professional training hours',
    practice_logs: 'Practice logs',
    household_visits: 'Household visits',
    frontline_assignments: 'Frontline assignments',
    project_results: 'Project results',
    commendations: 'Commendations',
    sanctions: 'Sanctions',
    serious_sanctions: 'Serious sanctions',
    tolerated_cases: 'Tolerated cases',
  },

  basics: 'Basics',
  name: 'Name',
  description: 'Description',
  dimensions: 'Dimensions and indicators',
  dimensionName: 'Dimension',
  id: 'Key',
  idHint: 'Starts with a lowercase letter, e.g. political',
  weight: 'Weight',
  indicators: 'Indicators',
  indicatorName: 'Indicator',
  ratingShareHint: 'The rest is scored from evidence',
  levelLabel: 'Level',
  levelScore: 'Score',
  levelDescription: 'Meaning',
  addLevel: 'Add level',
  evidenceSource: 'Evidence source',
  evidenceDescription: 'Evidence description',
  bandMin: 'From',
  bandScore: 'Score',
  addBand: 'Add band',
  tiers: 'Tiers',
  categories: 'Categories',
  allHint: 'None: applies to all',
  addIndicator: 'Add indicator',
  addDimension: 'Add dimension',
  newDimension: 'New dimension',
  newIndicator: 'New indicator',
  remove: (what) => `Remove ${what}`,
  vetoDescription: 'Veto rule',
  vetoSource: 'Evidence source',
  vetoMin: 'At least',
  capGrade: 'Best grade',
  addVeto: 'Add veto rule',
  sumOk: 'Total 100 ✓',
  indicatorSumOk: 'Indicators total 100 ✓',
  dimensionSum: (total) => `Dimension weights total ${total}, should be 100`,
  indicatorSum: (total) => `Indicator weights total ${total}, should be 100`,
  saveDraft: 'Save draft',
  saved: 'Draft saved',
  publish: 'Publish',
  publishConfirm: 'A published version can no longer change, and assessments can use it. Publish?',
  publishedDone: 'Published',
  nextVersion: 'New version',
  nextVersionConfirm: 'This version is copied into a new draft; it stays as it is. Create?',
  nextVersionCreated: (n) => `Draft version ${n} created`,
  conflict: 'Someone else changed this; please reload',
  reload: 'Reload',
  invalid: (count) => `${count} fields need attention`,
  unsavedFirst: 'Save the draft before publishing',
};
