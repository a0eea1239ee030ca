import { checkPassword, countCharacterClasses } from './password-policy.js';

describe('countCharacterClasses', () => {
  const cases: Array<[string, number]> = [
    ['abcdefgh', 1],
    ['abcDEFgh', 2],
    ['abcDEF12', 3],
    ['abcDEF1!', 4],
    ['中文密码abc1', 3],
  ];
  for (const [password, classes] of cases) {
    it(`counts ${classes} in "${password}"`, () => expect(countCharacterClasses(password)).toBe(classes));
  }
});

describe('checkPassword (等保: length, three of four classes, not common, not the username)', () => {
  const common = new Set(['p@ssw0rd']);
  const isCommon = (p: string) => common.has(p);
  const cases: Array<[string, string, string[]]> = [
    ['Jiangbei#2026', 'zhang.wei', []],
    ['Ab1!', 'zhang.wei', ['密码至少 8 个字符']],
    ['abcdefgh', 'zhang.wei', ['密码需包含大写字母、小写字母、数字、符号中的至少 3 类']],
    ['P@ssw0rd', 'zhang.wei', ['密码过于常见，容易被猜中']],
    ['Zhang.Wei2026', 'zhang.wei', ['密码不能包含用户名']],
    ['Aa1!'.repeat(16), 'zhang.wei', []],
    ['Aa1!'.repeat(33), 'zhang.wei', ['密码最多 128 个字符']],
  ];
  for (const [password, username, problems] of cases) {
    it(`"${password.slice(0, 20)}" → ${problems.length ? problems.join('; ') : 'accepted'}`, () => {
      expect(checkPassword(password, { username, isCommon })).toEqual(problems);
    });
  }

  it('counts characters, not UTF-16 units, toward the minimum length', () => {
    expect(checkPassword('密码A1!好', {}, { minLength: 8, maxLength: 128, requiredClasses: 3 })).toEqual(['密码至少 8 个字符']);
  });
});
