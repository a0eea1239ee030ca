/** Excel and .lrmx import pages and .lrmx export. */
export interface ImportsMessages {
  readonly title: string;
}

export const IMPORTS_ZH_CN: ImportsMessages = {
  title: '导入干部信息',
};

export const IMPORTS_EN: ImportsMessages = {
  title: 'Import cadre records',
};
