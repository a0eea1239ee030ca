import { RATER_GROUP_LABELS, type RaterGroup } from '@cadre/shared-models';

/** A cadre's result report, the history of their results, and a cycle's grade distribution. */
export interface ResultsMessages {
  readonly title: string;
  readonly total: string;
  readonly finalGrade: string;
  readonly proposedGrade: string;
  readonly notLocked: string;
  readonly noGrade: string;
  readonly unscored: string;
  readonly rank: string;
  rankInUnit(rank: number, size: number): string;
  readonly radar: string;
  readonly dimensionBars: string;
  readonly self: string;
  readonly unitAverage: string;
  readonly explanation: string;
  readonly explanationHint: string;
  dimensionHeader(weight: number, score: string): string;
  indicatorLine(weight: number, score: string): string;
  ratingPart(share: number, score: string): string;
  evidencePart(share: number, score: string): string;
  readonly group: string;
  readonly weight: string;
  readonly responses: string;
  readonly used: string;
  readonly trimmed: string;
  readonly mean: string;
  readonly groups: Readonly<Record<RaterGroup, string>>;
  notShown(min: number): string;
  effectiveWeight(configured: number, effective: number): string;
  readonly evidence: string;
  evidenceValue(value: number, score: string): string;
  readonly evidenceUnavailable: string;
  excludedBy(reason: string): string;
  readonly noEvidenceItems: string;
  readonly vetoes: string;
  vetoLine(description: string, grade: string): string;
  readonly quotaNote: string;
  readonly calibrations: string;
  calibrationLine(from: string, to: string): string;
  calibratedBy(by: string, at: string): string;
  readonly missingGroups: string;
  readonly history: string;
  readonly historyEmpty: string;
  readonly year: string;
  readonly cycle: string;
  readonly grade: string;
  readonly viewReport: string;
  readonly historyChartTitle: string;
  readonly portrait: string;

  // Distribution
  readonly distributionTitle: string;
  readonly districtTotals: string;
  scoredLine(scored: number, unscored: number): string;
  readonly byUnit: string;
  readonly unit: string;
  readonly flagged: string;
  readonly noUnits: string;
  readonly calibration: string;
  readonly gradeLegend: string;
  readonly countAxis: string;
}

export const RESULTS_ZH_CN: ResultsMessages = {
  title: '考核结果',
  total: '总分',
  finalGrade: '最终等次',
  proposedGrade: '建议等次',
  notLocked: '尚未锁定，等次可能在校准中调整',
  noGrade: '暂无',
  unscored: '未评分',
  rank: '本单位排名',
  rankInUnit: (rank, size) => `第 ${rank} 名（共 ${size} 人）`,
  radar: '各维度得分',
  dimensionBars: '与本单位平均比较',
  self: '本人',
  unitAverage: '单位平均',
  explanation: '得分说明',
  explanationHint: '展开维度查看各指标的计算：各评价主体的回收份数、计入的评分、去掉的最高最低分和平均分，以及客观依据。',
  dimensionHeader: (weight, score) => `权重 ${weight}% · 得分 ${score}`,
  indicatorLine: (weight, score) => `权重 ${weight}% · 得分 ${score}`,
  ratingPart: (share, score) => `评价 ${share}%：${score}`,
  evidencePart: (share, score) => `客观依据 ${share}%：${score}`,
  group: '评价主体',
  weight: '权重',
  responses: '回收',
  used: '计入评分',
  trimmed: '去掉',
  mean: '平均',
  groups: RATER_GROUP_LABELS,
  notShown: (min) => `回收不足 ${min} 份，不显示`,
  effectiveWeight: (configured, effective) => (configured === effective ? `${configured}%` : `${configured}% → ${effective}%`),
  evidence: '客观依据',
  evidenceValue: (value, score) => `计数 ${value} · 得分 ${score}`,
  evidenceUnavailable: '尚无数据来源，本项按评价计分',
  excludedBy: (reason) => `不计入：${reason}`,
  noEvidenceItems: '考核期内无记录',
  vetoes: '否决事项',
  vetoLine: (description, grade) => `${description}：等次最高为“${grade}”`,
  quotaNote: '名额说明',
  calibrations: '校准记录',
  calibrationLine: (from, to) => `${from} → ${to}`,
  calibratedBy: (by, at) => `${by} 于 ${at}`,
  missingGroups: '以下评价主体回收不足，未计入：',
  history: '历年考核',
  historyEmpty: '尚无已锁定的考核结果',
  year: '年度',
  cycle: '考核',
  grade: '等次',
  viewReport: '查看报告',
  historyChartTitle: '历年总分',
  portrait: '干部画像',

  distributionTitle: '等次分布',
  districtTotals: '全区合计',
  scoredLine: (scored, unscored) => (unscored > 0 ? `已评分 ${scored} 人，未评分 ${unscored} 人` : `已评分 ${scored} 人`),
  byUnit: '各单位等次分布',
  unit: '单位',
  flagged: '疑似“优秀轮流当”',
  noUnits: '本周期尚无评分结果',
  calibration: '等次校准',
  gradeLegend: '等次',
  countAxis: '人数',
};

export const RESULTS_EN: ResultsMessages = {
  title: 'Assessment result',
  total: 'Total',
  finalGrade: 'Final grade',
  proposedGrade: 'Proposed grade',
  notLocked: 'Not locked yet: calibration may still change the grade',
  noGrade: 'None',
  unscored: 'Not scored',
  rank: 'Rank in unit',
  rankInUnit: (rank, size) => `${rank} of ${size}`,
  radar: 'Dimension scores',
  dimensionBars: 'Against the unit average',
  self: 'This cadre',
  unitAverage: 'Unit average',
  explanation: 'How the score came about',
  explanationHint: 'Open a dimension to see each indicator: responses per rater group, ratings counted, top and bottom dropped, the mean, and the evidence.',
  dimensionHeader: (weight, score) => `weight ${weight}% · score ${score}`,
  indicatorLine: (weight, score) => `weight ${weight}% · score ${score}`,
  ratingPart: (share, score) => `ratings ${share}%: ${score}`,
  evidencePart: (share, score) => `evidence ${share}%: ${score}`,
  group: 'Rater group',
  weight: 'Weight',
  responses: 'Responses',
  used: 'Counted',
  trimmed: 'Dropped',
  mean: 'Mean',
  groups: { superior: 'Superiors', peer: 'Peers', subordinate: 'Subordinates', service_recipient: 'Service recipients', self: 'Self' },
  notShown: (min) => `Fewer than ${min} responses: not shown`,
  effectiveWeight: (configured, effective) => (configured === effective ? `${configured}%` : `${configured}% → ${effective}%`),
  evidence: 'Evidence',
  evidenceValue: (value, score) => `count ${value} · score ${score}`,
  evidenceUnavailable: 'No source feeds this yet: ratings carry the indicator',
  excludedBy: (reason) => `Not counted: ${reason}`,
  noEvidenceItems: 'Nothing recorded in the period',
  vetoes: 'Vetoes',
  vetoLine: (description, grade) => `${description}: grade at best “${grade}”`,
  quotaNote: 'Quota note',
  calibrations: 'Calibrations',
  calibrationLine: (from, to) => `${from} → ${to}`,
  calibratedBy: (by, at) => `${by} on ${at}`,
  missingGroups: 'Too few responses, left out: ',
  history: 'Past assessments',
  historyEmpty: 'No locked results yet',
  year: 'Year',
  cycle: 'Cycle',
  grade: 'Grade',
  viewReport: 'View report',
  historyChartTitle: 'Totals by year',
  portrait: 'Portrait',

  distributionTitle: 'Grade distribution',
  districtTotals: 'District totals',
  scoredLine: (scored, unscored) => (unscored > 0 ? `${scored} scored, ${unscored} not scored` : `${scored} scored`),
  byUnit: 'Grades by unit',
  unit: 'Unit',
  flagged: 'Possible rotation of “Excellent”',
  noUnits: 'No scored results in this cycle yet',
  calibration: 'Calibration',
  gradeLegend: 'Grade',
  countAxis: 'People',
};
