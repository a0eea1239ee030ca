import { codesEqual, computeTotp, currentTotpStep, matchTotp } from './totp.js';
import { referenceTotp } from '../test/reference-totp.js';

// RFC 6238 Appendix B, SHA-1 column: the ASCII key "12345678901234567890" at each time, 8 digits.
// A 6-digit code is the same number modulo 10^6 (RFC 4226 §5.3), i.e. its last six digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_VECTORS: Array<[unixSeconds: number, eightDigits: string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('computeTotp', () => {
  for (const [seconds, expected] of RFC_VECTORS) {
    it(`gives the RFC 6238 code at T=${seconds}`, () => {
      expect(computeTotp(RFC_SECRET, Math.floor(seconds / 30))).toBe(expected.slice(-6));
    });
  }
});

describe('referenceTotp (the specs’ own code generator)', () => {
  for (const [seconds, expected] of RFC_VECTORS) {
    it(`gives the RFC 6238 code at T=${seconds}, 8 and 6 digits`, () => {
      expect(referenceTotp(RFC_SECRET, seconds, 8)).toBe(expected);
      expect(referenceTotp(RFC_SECRET, seconds)).toBe(expected.slice(-6));
    });
  }
});

describe('matchTotp', () => {
  const at = 1111111111 * 1000;
  const step = Math.floor(1111111111 / 30);

  it('accepts the RFC code of the current step', () => expect(matchTotp(RFC_SECRET, '050471', at, null)).toBe(step));
  it('accepts the code of the step before and after, for clock drift', () => {
    expect(matchTotp(RFC_SECRET, referenceTotp(RFC_SECRET, 1111111111 - 30), at, null)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, referenceTotp(RFC_SECRET, 1111111111 + 30), at, null)).toBe(step + 1);
  });
  it('refuses the code of two steps ago', () => {
    expect(matchTotp(RFC_SECRET, referenceTotp(RFC_SECRET, 1111111111 - 60), at, null)).toBeNull();
  });
  it('refuses a code of a step already used', () => expect(matchTotp(RFC_SECRET, '050471', at, step)).toBeNull());
  it('refuses the 8-digit form and a code with a trailing space', () => {
    expect(matchTotp(RFC_SECRET, '14050471', at, null)).toBeNull();
    expect(matchTotp(RFC_SECRET, '050471 ', at, null)).toBeNull();
  });
  it('uses 30-second steps of Unix time', () => expect(currentTotpStep(59_000)).toBe(1));
});

describe('codesEqual', () => {
  const cases: Array<[expected: string, given: string, equal: boolean]> = [
    ['287082', '287082', true],
    ['287082', '287083', false],
    ['287082', '987082', false],
    ['287082', '28708', false],
    ['287082', '2870820', false],
    ['287082', '', false],
    ['287082', '２８７０８２', false],
  ];
  for (const [expected, given, equal] of cases) {
    it(`${equal ? 'matches' : 'does not match'} ${JSON.stringify(given)} against ${expected}`, () => {
      expect(codesEqual(expected, given)).toBe(equal);
    });
  }
});
