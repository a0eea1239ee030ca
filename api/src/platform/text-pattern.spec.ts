import { startsWithPattern } from './text-pattern.js';

describe('startsWithPattern', () => {
  const cases: Array<[string, string, boolean]> = [
    ['张', '张伟', true],
    ['张', '小张', false],
    ['a.b', 'a.b.c', true],
    ['a.b', 'axb', false],
    ['.*', 'anything', false],
    ['(x|y)', '(x|y)z', true],
    ['[', '[1]', true],
  ];
  for (const [typed, value, matches] of cases) {
    it(`"${typed}" ${matches ? 'matches' : 'does not match'} "${value}", as plain text anchored at the start`, () => {
      expect(new RegExp(startsWithPattern(typed)).test(value)).toBe(matches);
    });
  }
});
