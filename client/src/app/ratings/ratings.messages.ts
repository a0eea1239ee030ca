import { RATER_GROUP_LABELS, type RaterGroup } from '@cadre/shared-models';

export type RaterTaskState = 'pending' | 'draft' | 'submitted';

/** 我的测评: the rater's forms and the rating form itself. */
export interface RatingsMessages {
  readonly title: string;
  readonly groups: Readonly<Record<RaterGroup, string>>;
  readonly states: Readonly<Record<RaterTaskState, string>>;
  reminded(date: string): string;
  readonly empty: string;
  readonly emptyHint: string;
  due(date: string): string;
  submittedOf(done: number, total: number): string;
  asGroup(group: string): string;
  readonly anonymous: string;
  readonly named: string;
  readonly fill: string;
  readonly continue: string;

  // The form
  formTitle(ratee: string): string;
  readonly back: string;
  readonly anonymousNotice: string;
  readonly namedNotice: string;
  progress(done: number, total: number): string;
  readonly saveStates: Readonly<Record<'idle' | 'pending' | 'saving' | 'saved' | 'failed', string>>;
  readonly comment: string;
  readonly commentHint: string;
  readonly levels: string;
  readonly unanswered: string;
  missing(count: number): string;
  readonly submit: string;
  readonly confirmTitle: string;
  confirmMessage(ratee: string): string;
  readonly submitted: string;
  readonly alreadySubmitted: string;
  readonly noIndicators: string;
}

export const RATINGS_ZH_CN: RatingsMessages = {
  title: '我的测评',
  groups: RATER_GROUP_LABELS,
  states: { pending: '未填', draft: '草稿', submitted: '已提交' },
  reminded: (date) => `组织部已于 ${date} 提醒：请在截止日期前完成尚未提交的测评表。`,
  empty: '暂无测评任务',
  emptyHint: '考核测评开始后，需要您填写的测评表会列在这里。',
  due: (date) => `截止 ${date}`,
  submittedOf: (done, total) => `已提交 ${done}/${total}`,
  asGroup: (group) => `以${group}身份评价`,
  anonymous: '匿名',
  named: '实名',
  fill: '填写',
  continue: '继续填写',

  formTitle: (ratee) => `对 ${ratee} 的测评`,
  back: '返回我的测评',
  anonymousNotice: '本表匿名，提交后无法与您关联。',
  namedNotice: '本表实名：本组评价人名单公开，人数较少时评价结果可对应到您。',
  progress: (done, total) => `已评 ${done}/${total} 项`,
  saveStates: { idle: '', pending: '有未保存的修改', saving: '正在保存…', saved: '已保存', failed: '保存失败，将在下次修改时重试' },
  comment: '评语（选填）',
  commentHint: '不超过 500 个字',
  levels: '评价等级',
  unanswered: '请选择评价等级',
  missing: (count) => `还有 ${count} 项未评，请评完后再提交。`,
  submit: '提交',
  confirmTitle: '提交测评表',
  confirmMessage: (ratee) => `确定提交对 ${ratee} 的测评吗？提交后不能修改。`,
  submitted: '测评表已提交',
  alreadySubmitted: '本表已提交，不能修改。',
  noIndicators: '本表没有需要评价的指标。',
};

export const RATINGS_EN: RatingsMessages = {
  title: 'My ratings',
  groups: { superior: 'Superior', peer: 'Peer', subordinate: 'Subordinate', service_recipient: 'Service recipient', self: 'Self' },
  states: { pending: 'Not started', draft: 'Draft', submitted: 'Submitted' },
  reminded: (date) => `Reminder of ${date}: please finish the forms you have not submitted before the due date.`,
  empty: 'No rating forms',
  emptyHint: 'Once an assessment opens, the forms you are asked to fill appear here.',
  due: (date) => `Due ${date}`,
  submittedOf: (done, total) => `${done}/${total} submitted`,
  asGroup: (group) => `As ${group.toLowerCase()}`,
  anonymous: 'Anonymous',
  named: 'Named',
  fill: 'Fill in',
  continue: 'Continue',

  formTitle: (ratee) => `Rating of ${ratee}`,
  back: 'Back to my ratings',
  anonymousNotice: 'This form is anonymous: once submitted it cannot be linked to you.',
  namedNotice: 'This form is named: the raters of this group are listed, and with few raters your rating can be traced to you.',
  progress: (done, total) => `${done}/${total} rated`,
  saveStates: { idle: '', pending: 'Unsaved changes', saving: 'Saving…', saved: 'Saved', failed: 'Not saved; retrying on your next change' },
  comment: 'Comment (optional)',
  commentHint: 'Up to 500 characters',
  levels: 'Rating',
  unanswered: 'Choose a rating',
  missing: (count) => `${count} indicators are not rated yet; rate them all before submitting.`,
  submit: 'Submit',
  confirmTitle: 'Submit the form',
  confirmMessage: (ratee) => `Submit your rating of ${ratee}? It cannot be changed afterwards.`,
  submitted: 'Form submitted',
  alreadySubmitted: 'This form has been submitted and can no longer change.',
  noIndicators: 'This form has no indicators to rate.',
};
