import { MAX_IMPORT_BYTES } from '@cadre/shared-models';
import {
  EXCEL_FILES,
  LRMX_FILES,
  checkImportFile,
  formatFileSize,
  type FileRefusal,
  type FileRules,
} from './import-files';

describe('checkImportFile', () => {
  const cases: readonly [name: string, size: number, rules: FileRules, expected: FileRefusal | null][] = [
    ['干部名册.xlsx', 20_000, EXCEL_FILES, null],
    ['ROSTER.XLSX', 20_000, EXCEL_FILES, null],
    ['exactly-the-limit.xlsx', MAX_IMPORT_BYTES, EXCEL_FILES, null],
    ['one-byte-over.xlsx', MAX_IMPORT_BYTES + 1, EXCEL_FILES, { reason: 'tooLarge', limit: MAX_IMPORT_BYTES }],
    ['empty.xlsx', 0, EXCEL_FILES, { reason: 'empty' }],
    ['old-format.xls', 20_000, EXCEL_FILES, { reason: 'wrongType', extensions: ['.xlsx'] }],
    ['no-extension', 20_000, EXCEL_FILES, { reason: 'wrongType', extensions: ['.xlsx'] }],
    ['张三.lrmx', 8_000, LRMX_FILES, null],
    ['第一批.zip', 800_000, LRMX_FILES, null],
    ['张三.xml', 8_000, LRMX_FILES, { reason: 'wrongType', extensions: ['.lrmx', '.zip'] }],
    // The contract names no limit for appointment forms; the server's own cap answers with 413.
    ['large.zip', MAX_IMPORT_BYTES * 2, LRMX_FILES, null],
    ['empty.lrmx', 0, LRMX_FILES, { reason: 'empty' }],
  ];

  for (const [name, size, rules, expected] of cases) {
    it(`${expected ? `refuses ${name} (${expected.reason})` : `accepts ${name}`} of ${size} bytes`, () => {
      expect(checkImportFile({ name, size }, rules)).toEqual(expected);
    });
  }
});

describe('formatFileSize', () => {
  const cases: readonly [bytes: number, expected: string][] = [
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [250 * 1024, '250 KB'],
    [MAX_IMPORT_BYTES, '10 MB'],
    [Math.round(2.25 * 1024 * 1024), '2.3 MB'],
  ];

  for (const [bytes, expected] of cases) {
    it(`shows ${bytes} bytes as ${expected}`, () => {
      expect(formatFileSize(bytes)).toBe(expected);
    });
  }
});
