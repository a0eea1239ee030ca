import type { Grade } from '@cadre/shared-models';

/** Calibrating grades of a closed cycle and locking them. */
export interface CalibrationMessages {
  readonly title: string;
  readonly grades: Readonly<Record<Grade, string>>;
  readonly units: string;
  readonly noUnits: string;
  people(count: number): string;
  excellentUsed(used: number, cap: number): string;
  changedCount(count: number): string;
  readonly overQuota: string;
  readonly flaggedUnit: string;
  readonly distribution: string;
  readonly lock: string;
  readonly lockTitle: string;
  readonly lockMessage: string;
  readonly lockConfirm: string;
  readonly lockedDone: string;
  readonly lockedNotice: string;
  readonly notClosedNotice: string;
  readonly backToUnits: string;
  readonly chartTitle: string;
  capLine(cap: number): string;
  readonly ranking: string;
  readonly rank: string;
  readonly name: string;
  readonly post: string;
  readonly total: string;
  readonly bandGrade: string;
  readonly proposedGrade: string;
  readonly finalGrade: string;
  readonly markers: string;
  readonly vetoed: string;
  readonly changed: string;
  readonly unscored: string;
  readonly change: string;
  changeFor(name: string): string;
  readonly noRows: string;
  readonly flagsTitle: string;
  changeTitle(name: string): string;
  changeSummary(proposed: string, current: string): string;
  readonly newGrade: string;
  readonly sameGrade: string;
  readonly reason: string;
  readonly reasonHint: string;
  readonly save: string;
  changedDone(name: string, grade: string): string;
}

export const CALIBRATION_ZH_CN: CalibrationMessages = {
  title: '等次校准',
  grades: { 优秀: '优秀', 称职: '称职', 基本称职: '基本称职', 不称职: '不称职' },
  units: '参评单位',
  noUnits: '本周期没有需要校准的单位',
  people: (count) => `${count} 人`,
  excellentUsed: (used, cap) => `优秀 ${used}/${cap}`,
  changedCount: (count) => `已调整 ${count} 人`,
  overQuota: '优秀超出名额',
  flaggedUnit: '疑似“优秀轮流当”，请查看单位详情',
  distribution: '等次分布',
  lock: '锁定等次',
  lockTitle: '锁定考核等次',
  lockMessage: '锁定后等次不能再修改。锁定后将生成考核档案和调整建议，干部本人可查看结果。确定锁定吗？',
  lockConfirm: '锁定',
  lockedDone: '等次已锁定',
  lockedNotice: '本周期已锁定，等次不能再修改。',
  notClosedNotice: '测评结束（关闭周期）后才能校准等次。',
  backToUnits: '返回单位列表',
  chartTitle: '等次分布',
  capLine: (cap) => `优秀名额 ${cap}`,
  ranking: '排名与等次',
  rank: '排名',
  name: '姓名',
  post: '职务',
  total: '总分',
  bandGrade: '分数等次',
  proposedGrade: '建议等次',
  finalGrade: '最终等次',
  markers: '标记',
  vetoed: '否决',
  changed: '已调整',
  unscored: '未评分',
  change: '调整',
  changeFor: (name) => `调整 ${name} 的等次`,
  noRows: '本单位没有参评干部',
  flagsTitle: '需要注意',
  changeTitle: (name) => `调整等次：${name}`,
  changeSummary: (proposed, current) => `建议等次：${proposed}；当前等次：${current}`,
  newGrade: '调整为',
  sameGrade: '请选择与当前不同的等次',
  reason: '调整理由',
  reasonHint: '记入校准记录，干部本人可见',
  save: '确认调整',
  changedDone: (name, grade) => `已将 ${name} 调整为“${grade}”`,
};

export const CALIBRATION_EN: CalibrationMessages = {
  title: 'Grade calibration',
  grades: { 优秀: 'Excellent', 称职: 'Competent', 基本称职: 'Basically competent', 不称职: 'Incompetent' },
  units: 'Units',
  noUnits: 'No units to calibrate in this cycle',
  people: (count) => `${count} ${count === 1 ? 'person' : 'people'}`,
  excellentUsed: (used, cap) => `Excellent ${used}/${cap}`,
  changedCount: (count) => `${count} changed`,
  overQuota: 'Excellent over quota',
  flaggedUnit: 'Possible rotation of “Excellent”: see the unit',
  distribution: 'Grade distribution',
  lock: 'Lock grades',
  lockTitle: 'Lock the grades',
  lockMessage: 'Once locked, grades can no longer be changed. Locking writes the assessment histories and adjustment proposals, and cadres can see their results. Lock now?',
  lockConfirm: 'Lock',
  lockedDone: 'Grades locked',
  lockedNotice: 'This cycle is locked: grades can no longer be changed.',
  notClosedNotice: 'Grades can be calibrated once the cycle is closed.',
  backToUnits: 'Back to units',
  chartTitle: 'Grade distribution',
  capLine: (cap) => `Excellent quota ${cap}`,
  ranking: 'Ranking and grades',
  rank: 'Rank',
  name: 'Name',
  post: 'Post',
  total: 'Total',
  bandGrade: 'Score grade',
  proposedGrade: 'Proposed',
  finalGrade: 'Final',
  markers: 'Marks',
  vetoed: 'Veto',
  changed: 'Changed',
  unscored: 'Not scored',
  change: 'Change',
  changeFor: (name) => `Change the grade of ${name}`,
  noRows: 'No cadres assessed in this unit',
  flagsTitle: 'Worth a look',
  changeTitle: (name) => `Change grade: ${name}`,
  changeSummary: (proposed, current) => `Proposed: ${proposed}; now: ${current}`,
  newGrade: 'New grade',
  sameGrade: 'Choose a grade other than the current one',
  reason: 'Reason',
  reasonHint: 'Kept in the calibration record; the cadre can see it',
  save: 'Change grade',
  changedDone: (name, grade) => `${name} is now “${grade}”`,
};
