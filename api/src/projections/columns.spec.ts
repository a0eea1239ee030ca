import v8 from 'node:v8';
import { fromColumns, toColumns } from './columns.js';

/** Through the columns and V8's serializer, as a snapshot file holds them. */
const roundTrip = (records: object[]) => fromColumns(v8.deserialize(v8.serialize(toColumns(records))));

describe('records stored in columns', () => {
  const cases: Array<[string, object[]]> = [
    ['no records', []],
    ['strings, with repeats and the empty string', [{ name: '李娜', post: '' }, { name: '王芳', post: '科员' }, { name: '李娜', post: '科员' }]],
    ['null kept apart from a missing field', [{ party: null }, {}, { party: '中共党员' }]],
    ['numbers, including 0, negatives and fractions, beside null', [{ year: 2025 }, { year: 0 }, { year: -1.5 }, { year: null }]],
    ['booleans', [{ demo: true }, { demo: false }]],
    ['a field that is text in one record and a number in another', [{ code: 'A1' }, { code: 7 }]],
    ['lists of strings, empty lists included', [{ tags: ['援藏', '基层经历'] }, { tags: [] }, { tags: ['援藏'] }]],
    ['lists beside null and missing values', [{ tags: ['援藏'] }, { tags: null }, {}, { tags: [] }]],
    [
      'lists of records with fields of their own',
      [
        { positions: [{ start: '1999-09', end: '2008-07', text: '科员' }, { start: '2008-07', end: null, text: '副科长' }] },
        { positions: [] },
        { positions: [{ year: 2025, grade: '优秀' }] },
      ],
    ],
    ['records within records, absent or null in some', [{ facts: { years: [2024], grade: '优秀' } }, { facts: null }, {}, { facts: { grade: null } }]],
    ['strings that look like codes or hold any character', [{ text: '-1' }, { text: '\u0000\u202e😀' }, { text: 'x'.repeat(10_000) }]],
  ];

  for (const [what, records] of cases) {
    it(`come back equal: ${what}`, () => {
      expect(roundTrip(records)).toEqual(records as unknown[]);
    });
  }

  it('hold each distinct string once', () => {
    const table = toColumns([{ a: '同一', b: ['同一'] }, { a: '同一', b: ['另一'] }]);
    expect(table.strings).toEqual(['同一', '另一']);
  });

  const refused: Array<[string, object[], RegExp]> = [
    ['a date', [{ at: new Date() }], /record\.at: a object cannot be stored/],
    ['a record in one record and a string in another', [{ place: { name: '街道' } }, { place: '街道' }], /record\.place: records and single values/],
    ['a list in one record and a single value in another', [{ tags: ['a'] }, { tags: 'a' }], /lists and single values/],
    ['a list of lists', [{ grid: [['a']] }], /lists of lists/],
    ['a list mixing records and strings', [{ items: [{ a: 1 }, 'b'] }], /records and single values/],
  ];
  for (const [what, records, message] of refused) {
    it(`refuse ${what} rather than change it`, () => {
      expect(() => toColumns(records)).toThrowError(TypeError, message);
    });
  }
});
