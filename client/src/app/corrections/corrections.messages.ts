import { CORRECTABLE_FIELDS, type CorrectableField } from '@cadre/shared-models';
import type { CorrectionStatus } from './corrections-api';

/** Correction requests: a cadre submits, the unit manager decides. */
export interface CorrectionsMessages {
  readonly title: string;
  readonly fields: Readonly<Record<CorrectableField, string>>;
  readonly statuses: Readonly<Record<CorrectionStatus, string>>;

  // The cadre's side
  readonly ownTitle: string;
  readonly ownHint: string;
  readonly request: string;
  readonly requestTitle: string;
  readonly requestHint: string;
  readonly field: string;
  readonly chooseField: string;
  readonly currentValue: string;
  readonly empty: string;
  readonly proposedValue: string;
  readonly sameAsCurrent: string;
  readonly reason: string;
  readonly reasonHint: string;
  readonly submit: string;
  readonly submitted: string;
  readonly noneYet: string;
  decidedOutcome(name: string, date: string): string;
  readonly recordUpdated: string;
  readonly appliedValue: string;

  // The reviewer's side
  readonly statusFilter: string;
  readonly all: string;
  readonly nonePending: string;
  readonly noneFound: string;
  submittedAt(date: string): string;
  decidedBy(name: string, date: string): string;
  readonly approve: string;
  readonly reject: string;
  readonly approveTitle: string;
  readonly rejectTitle: string;
  decisionSummary(cadre: string, field: string): string;
  readonly approveHint: string;
  readonly decisionReason: string;
  readonly decisionReasonHint: string;
  approvedDone(cadre: string): string;
  rejectedDone(cadre: string): string;
  readonly approvedValue: string;
  readonly changedField: string;
  readonly noRecordChange: string;
  readonly notApplicable: string;
  readonly recordLoadFailed: string;
}

export const CORRECTIONS_ZH_CN: CorrectionsMessages = {
  title: '信息更正申请',
  // The shared list already names each field as the appointment form does.
  fields: Object.fromEntries(CORRECTABLE_FIELDS) as Record<CorrectableField, string>,
  statuses: { pending: '待审核', approved: '已同意', rejected: '已驳回' },

  ownTitle: '信息更正',
  ownHint: '如发现档案信息有误，可申请更正，由所在单位管理员审核。',
  request: '申请更正',
  requestTitle: '申请更正档案信息',
  requestHint: '请选择有误的项目，写明正确内容和理由。审核通过后档案随即更正。',
  field: '更正项目',
  chooseField: '请选择要更正的项目',
  currentValue: '档案现在的内容',
  empty: '（空）',
  proposedValue: '正确内容',
  sameAsCurrent: '正确内容与档案现在的内容相同',
  reason: '理由',
  reasonHint: '如：身份证、毕业证书等证明材料所载内容',
  submit: '提交申请',
  submitted: '更正申请已提交，等待单位审核',
  noneYet: '您还没有提交过更正申请',
  decidedOutcome: (name, date) => `${name}于 ${date} 审核`,
  recordUpdated: '档案已按审核结果更正',
  appliedValue: '档案已更正为',

  statusFilter: '按状态筛选',
  all: '全部',
  nonePending: '没有待审核的更正申请',
  noneFound: '没有符合条件的更正申请',
  submittedAt: (date) => `提交于 ${date}`,
  decidedBy: (name, date) => `${name} 审核于 ${date}`,
  approve: '同意',
  reject: '驳回',
  approveTitle: '同意更正申请',
  rejectTitle: '驳回更正申请',
  decisionSummary: (cadre, field) => `${cadre} 申请更正“${field}”。`,
  approveHint: '已按申请填入，可修改后再确认；同意后档案即按此更正。',
  decisionReason: '审核意见',
  decisionReasonHint: '将告知申请人，必填',
  approvedDone: (cadre) => `已同意 ${cadre} 的更正申请，档案已更正`,
  rejectedDone: (cadre) => `已驳回 ${cadre} 的更正申请`,
  approvedValue: '更正后的档案内容',
  changedField: '要修改的档案项目',
  noRecordChange: '不修改档案',
  notApplicable: '（请选择要修改的项目）',
  recordLoadFailed: '无法读取该干部的档案',
};

export const CORRECTIONS_EN: CorrectionsMessages = {
  title: 'Correction requests',
  fields: {
    name: 'Name',
    ethnicity: 'Ethnicity',
    nativePlace: 'Native place',
    birthPlace: 'Birthplace',
    birthMonth: 'Birth month',
    partyJoinMonth: 'Joined the Party',
    workStartMonth: 'Started work',
    health: 'Health',
    professionalTitle: 'Professional title',
    expertise: 'Expertise',
    fullTimeEducation: 'Full-time education',
    inServiceEducation: 'In-service education',
    positions: 'Resume',
    commendations: 'Rewards and sanctions',
    annualAssessments: 'Annual assessments',
    family: 'Family members',
    other: 'Other',
  },
  statuses: { pending: 'Pending', approved: 'Approved', rejected: 'Rejected' },

  ownTitle: 'Corrections',
  ownHint: 'If something in your record is wrong, ask for a correction; your unit manager reviews it.',
  request: 'Request a correction',
  requestTitle: 'Request a correction',
  requestHint: 'Choose the item that is wrong and give the correct text and why. Once approved, the record is corrected.',
  field: 'Item',
  chooseField: 'Choose the item to correct',
  currentValue: 'The record now says',
  empty: '(empty)',
  proposedValue: 'Correct text',
  sameAsCurrent: 'The correct text is the same as the record',
  reason: 'Reason',
  reasonHint: 'e.g. what your ID card or diploma says',
  submit: 'Submit',
  submitted: 'Request submitted; your unit will review it',
  noneYet: 'You have not requested any corrections',
  decidedOutcome: (name, date) => `Decided by ${name} on ${date}`,
  recordUpdated: 'Your record has been corrected accordingly',
  appliedValue: 'Record now says',

  statusFilter: 'Filter by status',
  all: 'All',
  nonePending: 'No requests waiting for review',
  noneFound: 'No requests match',
  submittedAt: (date) => `Submitted ${date}`,
  decidedBy: (name, date) => `Decided by ${name} on ${date}`,
  approve: 'Approve',
  reject: 'Reject',
  approveTitle: 'Approve correction request',
  rejectTitle: 'Reject correction request',
  decisionSummary: (cadre, field) => `${cadre} asks to correct “${field}”.`,
  approveHint: 'Filled in as requested; adjust if needed. Approving writes it into the record.',
  decisionReason: 'Decision reason',
  decisionReasonHint: 'Shown to the requester; required',
  approvedDone: (cadre) => `Approved the request of ${cadre}; the record is corrected`,
  rejectedDone: (cadre) => `Rejected the request of ${cadre}`,
  approvedValue: 'The record after correction',
  changedField: 'Record item to change',
  noRecordChange: 'Leave the record unchanged',
  notApplicable: '(choose the item to change)',
  recordLoadFailed: 'Could not read the cadre’s record',
};
