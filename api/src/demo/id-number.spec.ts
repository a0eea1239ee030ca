import { composeIdNumber, computeIdNumberCheckDigit } from './id-number.js';

describe('computeIdNumberCheckDigit', () => {
  // The first two are the examples printed in GB 11643-1999.
  const cases: Array<[string, string]> = [
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['50010519800101000', '0'],
    ['50010519800101005', '1'],
  ];
  for (const [first17, check] of cases) {
    it(`gives ${check} for ${first17}`, () => expect(computeIdNumberCheckDigit(first17)).toBe(check));
  }

  for (const bad of ['', '1101051949123100', '110105194912310021', '1101051949123100A']) {
    it(`refuses "${bad}", which is not 17 digits`, () => {
      expect(() => computeIdNumberCheckDigit(bad)).toThrowError(RangeError);
    });
  }
});

describe('composeIdNumber', () => {
  const cases: Array<[sex: '男' | '女', serial: number, orderCode: string]> = [
    ['男', 0, '001'],
    ['女', 0, '000'],
    ['男', 499, '999'],
    ['女', 499, '998'],
  ];
  for (const [sex, serial, orderCode] of cases) {
    it(`encodes serial ${serial} of a ${sex === '男' ? 'man' : 'woman'} as order code ${orderCode}`, () => {
      const id = composeIdNumber({ areaCode: '500105', year: 1985, month: 3, day: 9, serial, sex });
      expect(id.slice(0, 14)).toBe('50010519850309');
      expect(id.slice(14, 17)).toBe(orderCode);
      expect(id[17]).toBe(computeIdNumberCheckDigit(id.slice(0, 17)));
    });
  }
});
