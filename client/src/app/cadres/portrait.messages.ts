/** The portrait (画像), the appointment form print layout and record editing. */
export interface PortraitMessages {
  readonly title: string;
}

export const PORTRAIT_ZH_CN: PortraitMessages = {
  title: '干部画像',
};

export const PORTRAIT_EN: PortraitMessages = {
  title: 'Cadre portrait',
};
