import { convertToParamMap, type Params } from '@angular/router';
import type { LedgerColumn, LedgerFilter } from '@cadre/shared-models';
import {
  DEFAULT_LEDGER_QUERY,
  NO_FILTER,
  countActiveFilters,
  filterOf,
  ledgerQueryFromParams,
  ledgerQueryToParams,
  sameView,
  toHttpParams,
} from './ledger-query';

const UNIT = '65b000000000000000000001';

describe('ledgerQueryFromParams', () => {
  const CASES: readonly { name: string; params: Params; expected: Partial<typeof DEFAULT_LEDGER_QUERY> }[] = [
    { name: 'no parameters: the defaults', params: {}, expected: {} },
    {
      name: 'every filter, lists repeated',
      params: {
        unitId: UNIT,
        ageBand: ['35岁及以下', '36-40岁'],
        sex: '女',
        education: ['研究生'],
        category: '综合管理类',
        postLevel: '乡科级正职',
        rank: '一级主任科员',
        tag: ['年轻干部', '自定义'],
        q: '张',
      },
      expected: {
        unitId: UNIT,
        ageBand: ['35岁及以下', '36-40岁'],
        sex: ['女'],
        education: ['研究生'],
        category: ['综合管理类'],
        postLevel: ['乡科级正职'],
        rank: ['一级主任科员'],
        tag: ['年轻干部', '自定义'],
        q: '张',
      },
    },
    { name: 'sort, direction and paging', params: { sort: 'age', direction: 'desc', page: '3', size: '50' }, expected: { sort: 'age', direction: 'desc', page: 3, size: 50 } },
    { name: 'an unknown value of a list is dropped, the others kept', params: { sex: ['女', '未知'] }, expected: { sex: ['女'] } },
    { name: 'a repeated value counts once', params: { education: ['研究生', '研究生'] }, expected: { education: ['研究生'] } },
    { name: 'a malformed unit id is ignored', params: { unitId: 'not-an-id' }, expected: {} },
    { name: 'a sort the server cannot do falls back to the name', params: { sort: 'ethnicity' }, expected: { sort: 'name' } },
    { name: 'a page that is not a number falls back to the first', params: { page: 'two' }, expected: { page: 0 } },
    { name: 'a page size over the limit falls back to the default', params: { size: '5000' }, expected: { size: 20 } },
    { name: 'blank text is no search', params: { q: '   ' }, expected: {} },
    { name: 'a tag longer than the limit is dropped', params: { tag: ['一二三四五六七八九十一二三', '女干部'] }, expected: { tag: ['女干部'] } },
    { name: 'parameters it does not know are ignored', params: { foo: 'bar' }, expected: {} },
  ];

  for (const { name, params, expected } of CASES) {
    it(name, () => {
      expect(ledgerQueryFromParams(convertToParamMap(params))).toEqual({ ...DEFAULT_LEDGER_QUERY, ...expected });
    });
  }
});

describe('ledgerQueryToParams', () => {
  it('leaves defaults and empty filters out of the address', () => {
    expect(ledgerQueryToParams(DEFAULT_LEDGER_QUERY)).toEqual({});
  });

  it('writes what was chosen, lists as arrays, and reads back the same state', () => {
    const query = { ...DEFAULT_LEDGER_QUERY, unitId: UNIT, sex: ['男' as const], tag: ['基层经历'], q: '科长', sort: 'rank' as const, direction: 'desc' as const, page: 2 };
    const params = ledgerQueryToParams(query);

    expect(params).toEqual({ unitId: UNIT, sex: ['男'], tag: ['基层经历'], q: '科长', sort: 'rank', direction: 'desc', page: '2' });
    expect(ledgerQueryFromParams(convertToParamMap(params))).toEqual(query);
  });
});

describe('filterOf and countActiveFilters', () => {
  it('keeps only the filters of a state, and counts the ones that narrow it', () => {
    const filter = filterOf({ ...DEFAULT_LEDGER_QUERY, sex: ['女'], rank: ['一级科员', '二级科员'], q: '张' });

    expect(filter).toEqual({ ...NO_FILTER, sex: ['女'], rank: ['一级科员', '二级科员'], q: '张' });
    expect(countActiveFilters(filter)).toBe(3);
    expect(countActiveFilters(NO_FILTER)).toBe(0);
  });
});

describe('sameView', () => {
  const view = (filter: Partial<LedgerFilter>, columns: LedgerColumn[] = ['name', 'age']) => ({
    filter: { ...NO_FILTER, ...filter },
    sort: 'name',
    direction: 'asc',
    columns,
  });

  const CASES: readonly [string, ReturnType<typeof view>, ReturnType<typeof view>, boolean][] = [
    ['identical settings', view({ sex: ['女'] }), view({ sex: ['女'] }), true],
    ['values picked in another order', view({ rank: ['一级科员', '二级科员'] }), view({ rank: ['二级科员', '一级科员'] }), true],
    ['an empty search and no search', view({ q: '' }), view({}), true],
    ['another filter value', view({ sex: ['女'] }), view({ sex: ['男'] }), false],
    ['another unit', view({ unitId: UNIT }), view({}), false],
    ['columns in another order', view({}, ['name', 'age', 'sex']), view({}, ['name', 'sex', 'age']), false],
    ['another sort direction', view({}), { ...view({}), direction: 'desc' }, false],
  ];

  for (const [name, a, b, same] of CASES) {
    it(`${same ? 'matches' : 'tells apart'} ${name}`, () => {
      expect(sameView(a, b)).toBe(same);
    });
  }
});

describe('toHttpParams', () => {
  it('repeats a key for each value of a list and leaves absent values out', () => {
    const params = toHttpParams({ sex: ['男', '女'], q: undefined, page: 0, sort: 'name', tag: [] });

    expect(params.getAll('sex')).toEqual(['男', '女']);
    expect(params.keys().sort()).toEqual(['page', 'sex', 'sort']);
    expect(params.get('page')).toBe('0');
  });
});
