import { ageBandOf, computeAgeInYears } from './cadre-distribution.js';

describe('computeAgeInYears', () => {
  const cases: Array<[string, string, number]> = [
    ['1980-05', '2026-05-01', 46],
    ['1980-05', '2026-04-30', 45],
    ['1980-12', '2026-11-26', 45],
    ['1980-01', '2026-01-01', 46],
    ['2000-06', '2026-07-15', 26],
  ];
  for (const [birth, on, expected] of cases) {
    it(`counts ${expected} years for born ${birth} on ${on}`, () => {
      expect(computeAgeInYears(birth, new Date(`${on}T12:00:00Z`))).toBe(expected);
    });
  }
});

describe('ageBandOf', () => {
  const cases: Array<[number, string]> = [
    [22, '35岁及以下'],
    [35, '35岁及以下'],
    [36, '36-40岁'],
    [40, '36-40岁'],
    [45, '41-45岁'],
    [46, '46-50岁'],
    [55, '51-55岁'],
    [56, '56岁及以上'],
    [63, '56岁及以上'],
  ];
  for (const [age, band] of cases) {
    it(`puts age ${age} in ${band}`, () => expect(ageBandOf(age)).toBe(band));
  }
});
