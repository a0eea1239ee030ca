import { computeIdNumberCheckDigit } from './id-number.js';
import { IdNumberIssuer } from './id-number-issuer.js';
import { SeededRandom } from './random.js';

describe('IdNumberIssuer', () => {
  const months: Array<[year: number, month: number, days: number]> = [
    [2023, 2, 28],
    [2024, 2, 29],
    [1985, 4, 30],
    [1970, 1, 31],
  ];
  for (const [year, month, days] of months) {
    it(`issues all ${days * 500} numbers of ${year}-${month} once each, then refuses`, () => {
      const issuer = new IdNumberIssuer(new SeededRandom(year));
      const issued = new Set<string>();
      for (let i = 0; i < days * 500; i++) issued.add(issuer.issue('500105', year, month, '女'));
      expect(issued.size).toBe(days * 500);
      for (const id of issued) {
        expect(Number(id.slice(12, 14))).toBeLessThanOrEqual(days);
        expect(id[17]).toBe(computeIdNumberCheckDigit(id.slice(0, 17)));
      }
      expect(() => issuer.issue('500105', year, month, '女')).toThrowError(RangeError);
    });
  }

  it('keeps separate sequences per area code and sex', () => {
    const issuer = new IdNumberIssuer(new SeededRandom(1));
    const ids = [
      issuer.issue('500105', 1990, 5, '男'),
      issuer.issue('500112', 1990, 5, '男'),
      issuer.issue('500105', 1990, 5, '女'),
    ];
    expect(ids.map((id) => id.slice(0, 6))).toEqual(['500105', '500112', '500105']);
    expect(ids.map((id) => Number(id[16]) % 2)).toEqual([1, 1, 0]);
  });
});
