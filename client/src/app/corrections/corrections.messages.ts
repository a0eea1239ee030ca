/** Correction requests: a cadre submits, the unit manager decides. */
export interface CorrectionsMessages {
  readonly title: string;
}

export const CORRECTIONS_ZH_CN: CorrectionsMessages = {
  title: '信息更正申请',
};

export const CORRECTIONS_EN: CorrectionsMessages = {
  title: 'Correction requests',
};
