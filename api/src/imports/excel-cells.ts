import type { CellValue } from 'exceljs';
import { MALFORMED_TEXT_MESSAGE, isWellFormedText } from '@cadre/shared-models';

/** How a column's cells are read: months and ID numbers suffer from Excel's number handling. */
export type CellKind = 'text' | 'month' | 'idNumber';

export type CellReading = { text: string } | { problem: string };

/** The 简历 column holds a few thousand characters at most; longer text is refused before any rule parses it. */
export const MAX_CELL_TEXT_LENGTH = 20_000;

/**
 * The text a cell shows, whatever Excel stored: numbers, dates, rich text, hyperlinks and the
 * results of formulas. Month cells typed as numbers (1985.03) and dates become month texts the
 * row rules parse; an ID number stored as a number has lost digits and is refused.
 * `numFmt` is the cell's number format, which decides how many decimals a number shows.
 */
export function readCell(value: CellValue, numFmt: string | undefined, kind: CellKind): CellReading {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') {
    if (value.length > MAX_CELL_TEXT_LENGTH) return { problem: `单元格内容超过 ${MAX_CELL_TEXT_LENGTH} 个字的上限` };
    // exceljs's XML parser refuses surrogate character references today; the rows must not
    // depend on that: a lone surrogate would be replaced silently when the record is stored.
    if (!isWellFormedText(value)) return { problem: `单元格${MALFORMED_TEXT_MESSAGE}` };
    return { text: value.replace(/\r\n?/g, '\n').trim() };
  }
  if (typeof value === 'number') return readNumber(value, numFmt, kind);
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return readDate(value, kind);
  if ('richText' in value) return readCell(value.richText.map((run) => run.text).join(''), numFmt, kind);
  if ('hyperlink' in value) return readCell(value.text as CellValue, numFmt, kind);
  if ('error' in value) return { problem: `单元格是错误值 ${value.error}，请改为实际内容` };
  if ('result' in value && value.result !== undefined) return readCell(value.result, numFmt, kind);
  // A formula saved by a tool that does not calculate (or never recalculated) has no value to read.
  return { problem: '单元格是没有计算结果的公式，请复制后“选择性粘贴 → 数值”' };
}

function readNumber(value: number, numFmt: string | undefined, kind: CellKind): CellReading {
  if (kind === 'idNumber') {
    return {
      problem: `身份证号被 Excel 存成了数字（显示为 ${value.toExponential(2).toUpperCase()}），后几位已经丢失；请把该列设为“文本”格式后重新输入完整号码`,
    };
  }
  const text = displayedNumber(value, numFmt);
  // 1985.10 typed into a General cell is stored, and shown, as 1985.1: October and January look alike.
  if (kind === 'month' && /^\d{4}\.1$/.test(text)) {
    const year = text.slice(0, 4);
    return {
      problem: `“${text}”是数字，分不清是 ${year} 年 1 月还是 10 月；请输入 ${year}.01 或 ${year}.10，并把该列设为“文本”格式`,
    };
  }
  return { text };
}

/** The number as Excel shows it: with the decimals a fixed format asks for, else its shortest form. */
function displayedNumber(value: number, numFmt: string | undefined): string {
  const decimals = /(?:^|[^\\"])0\.(0+)/.exec(numFmt ?? '')?.[1]?.length;
  return decimals === undefined ? String(value) : value.toFixed(decimals);
}

// exceljs reads a date serial as midnight UTC of that day, so the UTC fields are the cell's date.
function readDate(value: Date, kind: CellKind): CellReading {
  if (kind === 'idNumber') return { problem: '身份证号被 Excel 当成了日期，请把该列设为“文本”格式后重新输入' };
  const month = `${value.getUTCFullYear()}-${String(value.getUTCMonth() + 1).padStart(2, '0')}`;
  return { text: kind === 'month' ? month : `${month}-${String(value.getUTCDate()).padStart(2, '0')}` };
}
