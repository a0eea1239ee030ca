import { computeFormAge, parsePartyField, parseYearMonth, type PartyField } from './lrmx-dates.js';

describe('parseYearMonth', () => {
  const cases: Array<[string, string | null]> = [
    ['199001', '1990-01'],
    ['19900115', '1990-01'],
    ['1990.01', '1990-01'],
    ['1990.1', '1990-01'],
    ['1990．12', '1990-12'],
    ['1990.01.15', '1990-01'],
    ['1990-01', '1990-01'],
    ['1990-01-15', '1990-01'],
    ['  198005 ', '1980-05'],
    ['', null],
    ['1990', null],
    ['199013', null],
    ['199000', null],
    ['19900230', null],
    ['18991201', null],
    ['1990/01', null],
    ['1990年1月', null],
    ['中共党员', null],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)} as ${expected}`, () => expect(parseYearMonth(text)).toBe(expected));
  }
});

describe('parsePartyField', () => {
  const cases: Array<[string, PartyField | null]> = [
    ['200106', { joinMonth: '2001-06', partyName: null }],
    ['200106；民盟', { joinMonth: '2001-06', partyName: '民盟' }],
    ['2001.06;民盟', { joinMonth: '2001-06', partyName: '民盟' }],
    ['民盟；200106', { joinMonth: '2001-06', partyName: '民盟' }],
    ['民盟', { joinMonth: null, partyName: '民盟' }],
    ['', { joinMonth: null, partyName: null }],
    ['200113', null],
    ['200106；200201', null],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)} as ${JSON.stringify(expected)}`, () => {
      expect(parsePartyField(text)).toEqual(expected);
    });
  }
});

describe('computeFormAge', () => {
  const today = new Date('2026-05-20T12:00:00Z');
  const cases: Array<[title: string, birth: string, reference: string | undefined, fill: string | undefined, age: number | null]> = [
    ['counts to 计算年龄时间 (yyyyMMdd) when given', '198005', '20260501', '202001', 46],
    ['takes one off while the birth month is not reached', '198006', '20260531', undefined, 45],
    ['accepts 计算年龄时间 as yyyyMM', '198006', '202606', undefined, 46],
    ['falls back to 填表时间 when 计算年龄时间 is empty', '198006', '', '202001', 39],
    ['falls back to 填表时间 when 计算年龄时间 does not parse', '198006', '2026', '202001', 39],
    ['falls back to today when neither is given', '198006', undefined, undefined, 45],
    ['falls back to today when both are empty', '198005', '', '', 46],
    ['gives null for a birth month that does not parse', '1980', '20260501', undefined, null],
  ];
  for (const [title, birth, reference, fill, age] of cases) {
    it(`${title}: born ${birth} → ${age}`, () => expect(computeFormAge(birth, reference, fill, today)).toBe(age));
  }
});
