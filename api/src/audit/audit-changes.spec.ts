import { describeChanges } from './audit-changes.js';

describe('describeChanges', () => {
  const cases: Array<[string, Record<string, unknown>, Record<string, unknown>, string[], object]> = [
    ['a changed scalar', { name: '甲' }, { name: '乙' }, ['name'], { name: { before: '甲', after: '乙' } }],
    ['an unchanged field is left out', { name: '甲', code: 'A' }, { name: '甲', code: 'B' }, ['name', 'code'], { code: { before: 'A', after: 'B' } }],
    ['arrays compared by value', { roles: ['cadre'] }, { roles: ['cadre'] }, ['roles'], {}],
    ['a cleared link', { unitId: 'x' }, { unitId: null }, ['unitId'], { unitId: { before: 'x', after: null } }],
    ['only the listed fields', { a: 1, b: 1 }, { a: 2, b: 2 }, ['a'], { a: { before: 1, after: 2 } }],
  ];
  for (const [what, before, after, fields, expected] of cases) {
    it(what, () => expect(describeChanges(before, after, fields)).toEqual(expected as never));
  }
});
