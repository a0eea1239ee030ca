import type { CellValue } from 'exceljs';
import { MAX_CELL_TEXT_LENGTH, readCell, type CellKind, type CellReading } from './excel-cells.js';

describe('readCell', () => {
  const cases: Array<[title: string, value: CellValue, numFmt: string | undefined, kind: CellKind, expected: CellReading]> = [
    ['an empty cell', null, undefined, 'text', { text: '' }],
    ['text, trimmed, CRLF as LF', '  张三\r\n李四 ', undefined, 'text', { text: '张三\n李四' }],
    ['rich text as its plain text', { richText: [{ text: '某某' }, { text: '街道' }] }, undefined, 'text', { text: '某某街道' }],
    ['a hyperlink as its text', { text: '某某大学', hyperlink: 'https://example.invalid' }, undefined, 'text', { text: '某某大学' }],
    ['a formula by its result', { formula: 'A1&B1', result: '汉族' }, undefined, 'text', { text: '汉族' }],
    ['a shared formula by its result', { sharedFormula: 'C2', result: 198503 }, undefined, 'month', { text: '198503' }],
    ['a boolean', true, undefined, 'text', { text: 'TRUE' }],
    ['a month typed as text', '1985.03', undefined, 'month', { text: '1985.03' }],
    ['a month typed as the number 1985.03', 1985.03, undefined, 'month', { text: '1985.03' }],
    ['a month typed as the number 1985.3', 1985.3, undefined, 'month', { text: '1985.3' }],
    ['a month typed as the number 1985.12', 1985.12, undefined, 'month', { text: '1985.12' }],
    ['a month typed as the number 198503', 198503, undefined, 'month', { text: '198503' }],
    ['1985.1 shown with two decimals as October', 1985.1, '0.00', 'month', { text: '1985.10' }],
    ['1985.01 shown with two decimals', 1985.01, '0.00', 'month', { text: '1985.01' }],
    ['a month as an Excel date', new Date(Date.UTC(1985, 2, 15)), 'yyyy-mm-dd', 'month', { text: '1985-03' }],
    ['a date in a text column as the full date', new Date(Date.UTC(1985, 2, 15)), 'yyyy-mm-dd', 'text', { text: '1985-03-15' }],
    ['a month formula giving a date', { formula: 'DATE(1985,3,1)', result: new Date(Date.UTC(1985, 2, 1)) }, undefined, 'month', { text: '1985-03' }],
    ['an ID number typed as text', '11010519491231002x', undefined, 'idNumber', { text: '11010519491231002x' }],
    ['a number in a text column', 42, undefined, 'text', { text: '42' }],
  ];
  for (const [title, value, numFmt, kind, expected] of cases) {
    it(`reads ${title}`, () => expect(readCell(value, numFmt, kind)).toEqual(expected));
  }

  const problems: Array<[title: string, value: CellValue, numFmt: string | undefined, kind: CellKind, message: RegExp]> = [
    ['an ID number Excel turned into a number', 110105194912310020, undefined, 'idNumber', /存成了数字（显示为 1\.10E\+17）.*设为“文本”格式/],
    ['an ID number Excel turned into a date', new Date(Date.UTC(1949, 11, 31)), undefined, 'idNumber', /当成了日期/],
    ['1985.1 typed as a number in General format', 1985.1, undefined, 'month', /分不清是 1985 年 1 月还是 10 月.*1985\.01 或 1985\.10/],
    ['1985.1 typed as a number with a General format name', 1985.1, 'General', 'month', /1 月还是 10 月/],
    ['an error value', { error: '#N/A' }, undefined, 'text', /错误值 #N\/A/],
    ['a formula never calculated', { formula: 'A1+1' }, undefined, 'text', /没有计算结果的公式/],
    ['text over the cell cap', '2001.01--'.padEnd(MAX_CELL_TEXT_LENGTH + 1, ' '), undefined, 'text', /超过 20000 个字/],
    ['rich text over the cell cap', { richText: [{ text: '某'.repeat(MAX_CELL_TEXT_LENGTH) }, { text: '某' }] }, undefined, 'text', /超过 20000 个字/],
    ['text with a lone surrogate', '\ud800rt', undefined, 'text', /^单元格包含无效的字符编码$/],
    ['rich text with a lone surrogate', { richText: [{ text: '张' }, { text: '\udc00' }] }, undefined, 'text', /包含无效的字符编码/],
    ['a formula result with a lone surrogate', { formula: 'A1', result: 'x\ud800' }, undefined, 'month', /包含无效的字符编码/],
  ];
  for (const [title, value, numFmt, kind, message] of problems) {
    it(`refuses ${title}`, () => {
      const reading = readCell(value, numFmt, kind);
      expect('problem' in reading && reading.problem).toMatch(message);
    });
  }
});
