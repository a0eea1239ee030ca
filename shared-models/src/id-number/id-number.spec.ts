import { computeIdNumberCheckDigit, normalizeIdNumber, validateIdNumber } from './id-number.js';

const today = new Date('2026-05-01T12:00:00Z');

describe('computeIdNumberCheckDigit', () => {
  // The first two are the examples printed in GB 11643-1999.
  const cases: Array<[string, string]> = [
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['50010519800101000', '0'],
    ['32010219840229002', '0'],
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

describe('normalizeIdNumber', () => {
  const cases: Array<[string, string]> = [
    ['11010519491231002x', '11010519491231002X'],
    ['  110101 19900307 4514\t', '110101199003074514'],
    ['110101\u300019900307\u30004514', '110101199003074514'],
  ];
  for (const [text, normalized] of cases) {
    it(`turns ${JSON.stringify(text)} into ${normalized}`, () => expect(normalizeIdNumber(text)).toBe(normalized));
  }
});

describe('validateIdNumber', () => {
  const valid: Array<[text: string, idNumber: string, birthDate: string, sex: '男' | '女']> = [
    ['11010519491231002X', '11010519491231002X', '1949-12-31', '女'],
    ['11010519491231002x', '11010519491231002X', '1949-12-31', '女'],
    [' 110101 19900307 4514 ', '110101199003074514', '1990-03-07', '男'],
    ['320102198402290020', '320102198402290020', '1984-02-29', '女'],
    ['500105198001010000', '500105198001010000', '1980-01-01', '女'],
  ];
  for (const [text, idNumber, birthDate, sex] of valid) {
    it(`accepts ${JSON.stringify(text)} as ${idNumber}, born ${birthDate}, ${sex}`, () => {
      expect(validateIdNumber(text, today)).toEqual({ ok: true, idNumber, birthDate, sex });
    });
  }

  const invalid: Array<[text: string, reason: string]> = [
    ['', '身份证号为空'],
    ['   ', '身份证号为空'],
    ['11010519491231002', '身份证号应为 18 位，实为 17 位'],
    ['11010519491231002XX', '身份证号应为 18 位，实为 19 位'],
    ['1101051949123100AX', '身份证号前 17 位应为数字，末位应为数字或 X'],
    ['11010519491231002Y', '身份证号前 17 位应为数字，末位应为数字或 X'],
    ['32010219850229001X', '身份证号中的出生日期 19850229 无效'],
    ['320102198513010016', '身份证号中的出生日期 19851301 无效'],
    ['440524188001010014', '身份证号中的出生日期 18800101 无效'],
    ['110101209901010017', '身份证号中的出生日期 20990101 晚于今天'],
    ['110105194912310021', '身份证号校验码错误，应为 X'],
    ['500105198001010001', '身份证号校验码错误，应为 0'],
    ['110105********002X', '身份证号是脱敏后的号码（前6后4），请填写完整的身份证号'],
    ['110105********002x', '身份证号是脱敏后的号码（前6后4），请填写完整的身份证号'],
    ['1101051949123*002X', '身份证号是脱敏后的号码（前6后4），请填写完整的身份证号'],
  ];
  for (const [text, reason] of invalid) {
    it(`refuses ${JSON.stringify(text)}: ${reason}`, () => {
      expect(validateIdNumber(text, today)).toEqual({ ok: false, reason });
    });
  }

  it('accepts a birth date of today but not of tomorrow', () => {
    const bornToday = '11010120260501001';
    const bornTomorrow = '11010120260502001';
    expect(validateIdNumber(bornToday + computeIdNumberCheckDigit(bornToday), today).ok).toBeTrue();
    expect(validateIdNumber(bornTomorrow + computeIdNumberCheckDigit(bornTomorrow), today).ok).toBeFalse();
  });
});
