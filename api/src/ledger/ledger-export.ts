import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { LEDGER_COLUMN_LABELS, type LedgerColumn, type LedgerRow } from '@cadre/shared-models';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Column widths in characters, wide enough for typical values without wrapping. */
const WIDTHS: Record<LedgerColumn, number> = {
  name: 10,
  sex: 6,
  birthMonth: 10,
  age: 6,
  ethnicity: 9,
  nativePlace: 12,
  politicalStatus: 11,
  partyJoinMonth: 10,
  workStartMonth: 13,
  education: 11,
  degree: 7,
  school: 30,
  unitName: 26,
  post: 30,
  postLevel: 12,
  rank: 13,
  postStartMonth: 12,
  category: 12,
  appointmentType: 10,
  professionalTitle: 16,
  tags: 36,
  idNumberMasked: 21,
};

/** Rows written between yields to the event loop, so a large export does not stall other requests. */
const ROWS_PER_TURN = 500;

function cell(row: LedgerRow, column: LedgerColumn): string | number {
  if (column === 'tags') return row.tags.join('、');
  return row[column] ?? '';
}

/**
 * Streams the rows as one worksheet to `output`: the header in the chosen column order, frozen,
 * then one line per cadre. Values are written as text or numbers, never as formulas. Ends
 * `output` and resolves with the number of rows once the file is complete.
 */
export async function writeLedgerWorkbook(rows: Iterable<LedgerRow>, columns: readonly LedgerColumn[], output: Writable): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('干部台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: LEDGER_COLUMN_LABELS[column], key: column, width: WIDTHS[column] }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  let written = 0;
  for (const row of rows) {
    sheet.addRow(columns.map((column) => cell(row, column))).commit();
    written += 1;
    if (written % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  return written;
}

/** `干部台账-20261126.xlsx` for the given day (yyyy-MM-dd). */
export function ledgerFileName(day: string): string {
  return `干部台账-${day.replaceAll('-', '')}.xlsx`;
}
