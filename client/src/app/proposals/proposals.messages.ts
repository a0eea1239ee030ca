import { PROPOSAL_ACTION_LABELS, type ProposalAction } from '@cadre/shared-models';
import type { ProposalStatus } from './proposals-api';

/** Adjustment proposals (能上能下) and the rules that raise them. */
export interface ProposalsMessages {
  readonly title: string;
  readonly statuses: Readonly<Record<ProposalStatus, string>>;
  readonly actions: Readonly<Record<ProposalAction, string>>;
  readonly statusFilter: string;
  readonly all: string;
  readonly cycle: string;
  readonly allCycles: string;
  readonly nonePending: string;
  readonly noneFound: string;
  readonly basis: string;
  readonly rule: string;
  viewReport(cycle: string): string;
  createdAt(date: string): string;
  decidedBy(username: string, date: string): string;
  readonly decisionReason: string;
  readonly accept: string;
  readonly reject: string;
  readonly acceptTitle: string;
  readonly rejectTitle: string;
  decisionSummary(cadre: string, action: string): string;
  readonly decisionHint: string;
  readonly decisionReasonHint: string;
  acceptedDone(cadre: string): string;
  rejectedDone(cadre: string): string;
  readonly readOnlyHint: string;
  readonly editRules: string;

  // Rules
  readonly rulesTitle: string;
  readonly rulesHint: string;
  readonly ruleId: string;
  readonly description: string;
  readonly basisKind: string;
  readonly byGrade: string;
  readonly byRank: string;
  readonly grades: string;
  readonly topPercent: string;
  readonly years: string;
  readonly action: string;
  readonly enabled: string;
  readonly addRule: string;
  readonly remove: string;
  removeRule(index: number): string;
  ruleTitle(index: number): string;
  readonly noRules: string;
  readonly backToProposals: string;
  fixBeforeSaving(count: number): string;
}

export const PROPOSALS_ZH_CN: ProposalsMessages = {
  title: '调整建议',
  statuses: { pending: '待研判', accepted: '已采纳', rejected: '未采纳' },
  actions: PROPOSAL_ACTION_LABELS,
  statusFilter: '按状态筛选',
  all: '全部',
  cycle: '考核周期',
  allCycles: '全部周期',
  nonePending: '没有待研判的调整建议',
  noneFound: '没有符合条件的调整建议',
  basis: '依据',
  rule: '规则',
  viewReport: (cycle) => `${cycle}考核报告`,
  createdAt: (date) => `生成于 ${date}`,
  decidedBy: (username, date) => `${username} 研判于 ${date}`,
  decisionReason: '研判意见',
  accept: '采纳',
  reject: '不采纳',
  acceptTitle: '采纳调整建议',
  rejectTitle: '不采纳调整建议',
  decisionSummary: (cadre, action) => `${cadre}：${action}`,
  decisionHint: '平台只提出建议，由组织部研判决定，决定理由将记录在案。',
  decisionReasonHint: '必填，至少 5 个字',
  acceptedDone: (cadre) => `已采纳对 ${cadre} 的调整建议`,
  rejectedDone: (cadre) => `已记录不采纳对 ${cadre} 的调整建议`,
  readOnlyHint: '调整建议由组织部研判决定，此处仅供查看。',
  editRules: '调整规则',

  rulesTitle: '调整规则',
  rulesHint: '锁定年度考核等次时，按以下规则对最近连续的年度结果生成调整建议。规则按等次或按本单位排名百分比二选一。',
  ruleId: '编号',
  description: '规则说明',
  basisKind: '判断依据',
  byGrade: '按等次',
  byRank: '按排名',
  grades: '等次',
  topPercent: '位列本单位前（%）',
  years: '连续年数',
  action: '建议',
  enabled: '启用',
  addRule: '添加规则',
  remove: '删除',
  removeRule: (index) => `删除第 ${index} 条规则`,
  ruleTitle: (index) => `规则 ${index}`,
  noRules: '尚无规则，锁定考核时不会生成调整建议',
  backToProposals: '返回调整建议',
  fixBeforeSaving: (count) => `还有 ${count} 处需要修改`,
};

export const PROPOSALS_EN: ProposalsMessages = {
  title: 'Adjustment proposals',
  statuses: { pending: 'Pending', accepted: 'Accepted', rejected: 'Rejected' },
  actions: {
    unfit_review: 'Review fitness for the current post',
    promotion_pool: 'Add to the promotion pool',
    admonition: 'Reminder talk or admonition',
  },
  statusFilter: 'Filter by status',
  all: 'All',
  cycle: 'Cycle',
  allCycles: 'All cycles',
  nonePending: 'No proposals waiting for a decision',
  noneFound: 'No proposals match',
  basis: 'Basis',
  rule: 'Rule',
  viewReport: (cycle) => `Report: ${cycle}`,
  createdAt: (date) => `Raised ${date}`,
  decidedBy: (username, date) => `Decided by ${username} on ${date}`,
  decisionReason: 'Decision reason',
  accept: 'Accept',
  reject: 'Reject',
  acceptTitle: 'Accept proposal',
  rejectTitle: 'Reject proposal',
  decisionSummary: (cadre, action) => `${cadre}: ${action}`,
  decisionHint: 'The platform only proposes; the organization department decides, and the reason is recorded.',
  decisionReasonHint: 'Required, at least 5 characters',
  acceptedDone: (cadre) => `Accepted the proposal for ${cadre}`,
  rejectedDone: (cadre) => `Rejected the proposal for ${cadre}`,
  readOnlyHint: 'The organization department decides on proposals; this list is read-only.',
  editRules: 'Rules',

  rulesTitle: 'Adjustment rules',
  rulesHint: 'When annual grades are locked, these rules raise proposals from the latest consecutive annual results. A rule matches grades or a top share of the unit, not both.',
  ruleId: 'Id',
  description: 'Description',
  basisKind: 'Based on',
  byGrade: 'Grades',
  byRank: 'Rank',
  grades: 'Grades',
  topPercent: 'Within the unit’s top (%)',
  years: 'Consecutive years',
  action: 'Proposal',
  enabled: 'Enabled',
  addRule: 'Add rule',
  remove: 'Remove',
  removeRule: (index) => `Remove rule ${index}`,
  ruleTitle: (index) => `Rule ${index}`,
  noRules: 'No rules: locking a cycle raises no proposals',
  backToProposals: 'Back to proposals',
  fixBeforeSaving: (count) => `${count} ${count === 1 ? 'field needs' : 'fields need'} fixing`,
};
