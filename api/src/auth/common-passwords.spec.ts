import { checkPassword } from '@cadre/shared-models';
import { COMMON_PASSWORD_COUNT, isCommonPassword } from './common-passwords.js';

describe('the common-password list', () => {
  it('holds at least the 10,000 most common passwords', () => expect(COMMON_PASSWORD_COUNT).toBeGreaterThanOrEqual(10_000));

  // Taken from the ranks of the published lists (the top 10 and around ranks 2,000, 5,000 and
  // 9,000), plus shapes that pass 等保's three-of-four character classes.
  const common = ['123456', 'password', 'mushroom', 'laurent', 'bowtie', 'shark1', '1qaz2wsx', 'qazwsx123', 'trustno1', 'blink182', 'huawei@123', 'admin@123'];
  for (const password of common) {
    it(`refuses ${password}, in any letter case`, () => {
      expect(isCommonPassword(password)).toBeTrue();
      const mixed = password.replace(/[a-z]/, (letter) => letter.toUpperCase());
      expect(checkPassword(mixed, { isCommon: isCommonPassword })).toContain('密码过于常见，容易被猜中');
    });
  }

  const uncommon = ['Jiangbei#2026ok', 'zzb-渝北-2031!', 'Tq7#vLm2pX'];
  for (const password of uncommon) {
    it(`accepts ${password}`, () => expect(isCommonPassword(password.toLowerCase())).toBeFalse());
  }
});
