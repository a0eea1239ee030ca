import { LEDGER_SORT_KEYS, LedgerFilterSchema, type LedgerFilter, type PersonnelScope } from '@cadre/shared-models';
import type { LedgerEntry } from './ledger-entry.js';
import { LedgerIndex, type LedgerUnit } from './ledger-index.js';

const asOf = new Date('2026-11-26T08:00:00Z');
const [A, B, C, D] = ['a0000000000000000000000a', 'b0000000000000000000000b', 'c0000000000000000000000c', 'd0000000000000000000000d'];
const units: LedgerUnit[] = [
  { id: A, name: '区委', type: 'party_committee', parentId: null, ancestorIds: [], sortOrder: 0 },
  { id: B, name: '观音桥街道', type: 'street', parentId: A, ancestorIds: [A], sortOrder: 2 },
  { id: C, name: '区财政局', type: 'department', parentId: A, ancestorIds: [A], sortOrder: 1 },
  { id: D, name: '建新社区', type: 'public_institution', parentId: B, ancestorIds: [A, B], sortOrder: 0 },
];
const paths: Record<string, string[]> = { [B]: [A, B], [C]: [A, C], [D]: [A, B, D] };

/** A small deterministic generator, so a failure can be replayed. */
function randomFrom(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
}

function anEntry(id: number, pick: ReturnType<typeof randomFrom>): LedgerEntry {
  const unitId = pick(Object.keys(paths));
  return {
    id: id.toString(16).padStart(24, '0'),
    // Few names and months, so that ties are common and the tie rules are exercised.
    name: pick(['王芳', '李娜', '张伟', '刘洋', '陈刚', '阿依古丽']),
    sex: pick(['男', '女'] as const),
    birthMonth: pick(['1970-03', '1985-11', '1991-06', '1996-01']),
    ethnicity: pick(['汉族', '汉族', '土家族']),
    nativePlace: '重庆江北',
    partyJoinMonth: pick(['2010-07', null]),
    otherParty: null,
    workStartMonth: pick(['1992-07', '2008-07', '2015-09']),
    education: pick(['研究生', '大学本科', '大学专科'] as const),
    degree: '学士',
    school: '西南大学',
    unitId,
    unitPath: paths[unitId]!,
    unitType: units.find((u) => u.id === unitId)!.type,
    post: pick(['科员', '科长', '主任']),
    postLevel: pick(['乡科级正职', '乡科级副职', '非领导职务'] as const),
    rank: pick(['一级主任科员', '一级科员', '二级科员'] as const),
    postStartMonth: pick(['2012-04', '2024-02']),
    category: pick(['综合管理类', '专业技术类'] as const),
    appointmentType: pick(['委任', '聘任制'] as const),
    professionalTitle: '',
    idNumberMasked: null,
    manualTags: pick([[], ['信访'], ['援藏', '信访']]),
    tagFacts: { positions: [], commendations: [], annualAssessments: [] },
    merits: [],
  };
}

const none = LedgerFilterSchema.parse({});
const filters: LedgerFilter[] = [
  none,
  { ...none, unitId: B },
  { ...none, sex: ['女'], education: ['研究生', '大学专科'] },
  { ...none, tag: ['信访', '少数民族干部'] },
  { ...none, ageBand: ['35岁及以下', '41-45岁'], postLevel: ['非领导职务'] },
  { ...none, q: '科' },
];
const scopes: PersonnelScope[] = [{ kind: 'all' }, { kind: 'limited', unitIds: [B], cadreIds: [] }];

function everyAnswer(index: LedgerIndex): string[] {
  const answers: string[] = [];
  for (const scope of scopes) {
    for (const filter of filters) {
      const selection = index.select(scope, filter);
      answers.push(`${scope.kind} ${JSON.stringify(filter)} total ${selection.total}`);
      for (const sort of LEDGER_SORT_KEYS) {
        for (const direction of ['asc', 'desc'] as const) {
          answers.push(`${sort} ${direction}: ${selection.page(sort, direction, 0, 1000).map((r) => r.id).join(' ')}`);
        }
      }
    }
  }
  return answers;
}

describe('the in-memory ledger index', () => {
  for (const seed of [1, 7, 42]) {
    it(`answers every query after a run of changes as an index built afresh would (seed ${seed})`, () => {
      const pick = randomFrom(seed);
      const current = new Map<string, LedgerEntry>();
      for (let id = 1; id <= 60; id += 1) {
        const entry = anEntry(id, pick);
        current.set(entry.id, entry);
      }
      const index = new LedgerIndex(units, current.values(), asOf);
      let nextId = 61;
      for (let round = 0; round < 12; round += 1) {
        const changes = new Map<string, LedgerEntry | null>();
        for (let k = 0; k < 6; k += 1) {
          const action = pick(['add', 'change', 'remove']);
          const existing = pick([...current.keys()]);
          if (action === 'add') {
            const entry = anEntry(nextId++, pick);
            changes.set(entry.id, entry);
          } else if (action === 'change') {
            changes.set(existing, { ...anEntry(Number.parseInt(existing, 16), pick), id: existing });
          } else {
            changes.set(existing, null);
          }
        }
        for (const [id, entry] of changes) {
          if (entry) current.set(id, entry);
          else current.delete(id);
        }
        index.apply(changes);
        expect(index.size).toBe(current.size);
        expect(everyAnswer(index)).withContext(`round ${round}`).toEqual(everyAnswer(new LedgerIndex(units, current.values(), asOf)));
      }
    });
  }

  it('keeps what a selection returns when the index changes after it was made', () => {
    const pick = randomFrom(3);
    const entries = Array.from({ length: 10 }, (_, i) => anEntry(i + 1, pick));
    const index = new LedgerIndex(units, entries, asOf);
    const selection = index.select({ kind: 'all' }, none);
    const rows = selection.rows('name', 'asc');
    index.apply(new Map(entries.map((e) => [e.id, null])));
    expect([...rows].length).toBe(10);
    expect(selection.page('age', 'asc', 0, 20).length).toBe(10);
    expect(index.select({ kind: 'all' }, none).total).toBe(0);
  });

  it('orders units depth first by their sort order, ignoring a parent it does not know', () => {
    const pick = randomFrom(5);
    const entries = Array.from({ length: 30 }, (_, i) => anEntry(i + 1, pick));
    const orphan = { id: 'e0000000000000000000000e', name: '孤立单位', type: 'department', parentId: 'ffffffffffffffffffffffff', ancestorIds: [], sortOrder: 9 };
    const index = new LedgerIndex([...units, orphan], entries, asOf);
    const unitNames = index.select({ kind: 'all' }, none).page('unitName', 'asc', 0, 100).map((r) => r.unitName);
    const order = ['区财政局', '观音桥街道', '建新社区'];
    expect([...new Set(unitNames)]).toEqual(order.filter((name) => unitNames.includes(name)));
  });
});

describe('placing cadres by the unit tree', () => {
  const person = (id: string, unitId: string): LedgerEntry => ({ ...anEntry(1, randomFrom(9)), id, unitId, unitPath: paths[unitId]!, unitType: 'street', sex: '男', manualTags: [] });

  it('follows a unit moved, retyped and renamed without new entries', () => {
    const index = new LedgerIndex(units, [person('e1'.padStart(24, '0'), C), person('e2'.padStart(24, '0'), D)], asOf);
    expect(index.select({ kind: 'limited', unitIds: [B], cadreIds: [] }, none).total).toBe(1);
    expect(index.select({ kind: 'all' }, { ...none, tag: ['基层经历'] }).total).toBe(0);

    // 区财政局 becomes 观音桥街道财政所, a street unit below the street; the entries still say otherwise.
    const moved = units.map((u) => (u.id === C ? { ...u, name: '观音桥街道财政所', type: 'street', parentId: B, ancestorIds: [A, B] } : u));
    index.setUnits(moved);
    const street = index.select({ kind: 'limited', unitIds: [B], cadreIds: [] }, none);
    expect(street.total).toBe(2);
    // Below the street, siblings go by their sort order: 建新社区 (0) before the moved unit (1).
    expect(street.page('unitName', 'asc', 0, 5).map((r) => r.unitName)).toEqual(['建新社区', '观音桥街道财政所']);
    expect(index.select({ kind: 'all' }, { ...none, tag: ['基层经历'] }).page('name', 'asc', 0, 5).map((r) => r.unitName)).toEqual(['观音桥街道财政所']);
    expect([...index.select({ kind: 'all' }, { ...none, unitId: C }).entries()].map((r) => r.unitType)).toEqual(['street']);
  });
});
