import { fileNameFromDisposition } from './file-download';

describe('fileNameFromDisposition', () => {
  const CASES: readonly [string, string | null, string][] = [
    ['no header: the fallback', null, 'fallback.xlsx'],
    ['the UTF-8 extended name', "attachment; filename*=UTF-8''%E5%B9%B2%E9%83%A8%E5%8F%B0%E8%B4%A6.xlsx", '干部台账.xlsx'],
    [
      'the extended name over the plain one',
      "attachment; filename=\"ledger.xlsx\"; filename*=UTF-8''%E5%8F%B0%E8%B4%A6.xlsx",
      '台账.xlsx',
    ],
    ['a quoted plain name', 'attachment; filename="ledger 2026.xlsx"', 'ledger 2026.xlsx'],
    ['an unquoted plain name', 'attachment; filename=forms.zip', 'forms.zip'],
    ['a folder part is dropped', "attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd", 'passwd'],
    ['broken percent-encoding falls back to the plain name', "attachment; filename=\"a.zip\"; filename*=UTF-8''%E5%ZZ", 'a.zip'],
    ['a header without a name: the fallback', 'attachment', 'fallback.xlsx'],
    ['an empty name: the fallback', 'attachment; filename=""', 'fallback.xlsx'],
  ];

  for (const [name, header, expected] of CASES) {
    it(name, () => {
      expect(fileNameFromDisposition(header, 'fallback.xlsx')).toBe(expected);
    });
  }
});
