import { findMalformedText, isWellFormedText, toWellFormedText } from './well-formed-text.js';

describe('well-formed UTF-16 text', () => {
  const texts: Array<[string, string, boolean, string]> = [
    ['plain ASCII', 'admin', true, 'admin'],
    ['Chinese', '张伟', true, '张伟'],
    ['a surrogate pair (emoji)', 'a😀b', true, 'a😀b'],
    ['a lone high surrogate first', '\ud800rt', false, '\ufffdrt'],
    ['a lone high surrogate last', 'rt\udbff', false, 'rt\ufffd'],
    ['a lone low surrogate', 'a\udc00b', false, 'a\ufffdb'],
    ['a reversed pair', '\ude00\ud83d', false, '\ufffd\ufffd'],
    ['a pair beside a lone high surrogate', '😀\ud83d', false, '😀\ufffd'],
    ['the empty string', '', true, ''],
  ];
  for (const [what, text, wellFormed, repaired] of texts) {
    it(`${what}: ${wellFormed ? 'well-formed' : 'malformed'}, repaired as a UTF-8 encoder would`, () => {
      expect(isWellFormedText(text)).toBe(wellFormed);
      expect(toWellFormedText(text)).toBe(repaired);
    });
  }

  const values: Array<[string, unknown, (string | number)[] | null]> = [
    ['a clean object', { username: 'admin', roles: ['cadre'], n: 1, x: null }, null],
    ['a top-level string', '\ud800', []],
    ['an object value', { username: '\ud800rt', password: 'x' }, ['username']],
    ['an object key', { ['k\udc00']: 'v' }, ['k\udc00']],
    ['an array item', { rows: ['ok', { name: 'a\ud800' }] }, ['rows', 1, 'name']],
    ['numbers, booleans and null only', [1, true, null, { a: false }], null],
  ];
  for (const [what, value, path] of values) {
    it(`findMalformedText on ${what} → ${JSON.stringify(path)}`, () => expect(findMalformedText(value)).toEqual(path));
  }
});
