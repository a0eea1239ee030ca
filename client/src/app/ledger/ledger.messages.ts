/** The ledger page (台账): filters, columns, saved views, export. */
export interface LedgerMessages {
  readonly title: string;
}

export const LEDGER_ZH_CN: LedgerMessages = {
  title: '干部台账',
};

export const LEDGER_EN: LedgerMessages = {
  title: 'Cadre ledger',
};
