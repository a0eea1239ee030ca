import { classifyEdit, compareEdits, mergeEdits, sameValue, type EditState } from './edit-merge.js';

const resumeA = [{ start: '2005-09', end: '2009-07', text: '西南大学学习' }];
const resumeB = [{ start: '2005-09', end: '2009-07', text: '西南大学经济学专业学习' }];
const family = [
  { title: '丈夫', name: '刘洋' },
  { title: '女儿', name: '刘欣然' },
];

describe('classifyEdit', () => {
  const cases: Array<[title: string, base: unknown, mine: unknown, theirs: unknown, state: EditState]> = [
    ['nobody changed a text', '科员', '科员', '科员', 'unchanged'],
    ['only I changed a text', '科员', '副科长', '科员', 'mine-only'],
    ['only they changed a text', '科员', '科员', '副科长', 'theirs-only'],
    ['both changed a text alike', '科员', '副科长', '副科长', 'both-same'],
    ['both changed a text differently', '科员', '副科长', '科长', 'conflict'],
    ['I cleared a choice they left', '硕士', null, '硕士', 'mine-only'],
    ['they filled a choice I left empty', null, null, '学士', 'theirs-only'],
    ['a list nobody touched, as a copy', resumeA, [...resumeA.map((e) => ({ ...e }))], resumeA, 'unchanged'],
    ['a list where I changed one entry', resumeA, resumeB, resumeA, 'mine-only'],
    ['a list both changed differently (one adds a row, one edits a row)', resumeA, [...resumeA, ...resumeB], resumeB, 'conflict'],
    ['family reordered by me only', family, [family[1], family[0]], family, 'mine-only'],
    ['family emptied by both', family, [], [], 'both-same'],
    ['a group with keys in another order', { degree: '学士', school: '西南大学' }, { school: '西南大学', degree: '学士' }, { degree: '学士', school: '西南大学' }, 'unchanged'],
    ['a group where we changed different members is still one field', { degree: '学士', school: 'A' }, { degree: '硕士', school: 'A' }, { degree: '学士', school: 'B' }, 'conflict'],
    ['a number year', 2023, 2024, 2023, 'mine-only'],
  ];
  for (const [title, base, mine, theirs, state] of cases) {
    it(`${title} → ${state}`, () => expect(classifyEdit(base, mine, theirs)).toBe(state));
  }
});

describe('sameValue', () => {
  const cases: Array<[a: unknown, b: unknown, same: boolean]> = [
    ['', '', true],
    ['', null, false],
    [null, undefined, false],
    [[], [], true],
    [[], {}, false],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [{ a: [1, 2] }, { a: [2, 1] }, false],
    [0, '0', false],
  ];
  for (const [a, b, same] of cases) {
    it(`${JSON.stringify(a)} vs ${JSON.stringify(b)} → ${same}`, () => expect(sameValue(a, b)).toBe(same));
  }
});

describe('compareEdits and mergeEdits', () => {
  const base = { name: '陈静', post: '科员', rank: '一级科员', positions: resumeA, family, manualTags: ['乡村振兴'] };
  const mine = { ...base, post: '副科长', rank: '四级主任科员', manualTags: ['乡村振兴', '信访'] };
  const theirs = { ...base, name: '陈晶', rank: '三级主任科员', positions: resumeB, manualTags: ['乡村振兴', '信访'] };
  const fields = ['name', 'post', 'rank', 'positions', 'family', 'manualTags'] as const;

  it('names every field with how it moved, in the order asked', () => {
    expect(compareEdits(base, mine, theirs, fields)).toEqual([
      { field: 'name', state: 'theirs-only' },
      { field: 'post', state: 'mine-only' },
      { field: 'rank', state: 'conflict' },
      { field: 'positions', state: 'theirs-only' },
      { field: 'family', state: 'unchanged' },
      { field: 'manualTags', state: 'both-same' },
    ]);
  });

  const merges: Array<[title: string, choice: 'mine' | 'theirs' | undefined, rank: string]> = [
    ['keeps my value where I chose mine', 'mine', '四级主任科员'],
    ['takes their value where I chose theirs', 'theirs', '三级主任科员'],
    ['keeps my value where nothing was chosen', undefined, '四级主任科员'],
  ];
  for (const [title, choice, rank] of merges) {
    it(`${title}; takes their-only changes silently and keeps mine-only ones`, () => {
      const merged = mergeEdits(base, mine, theirs, choice ? { rank: choice } : {});
      expect(merged).toEqual({ name: '陈晶', post: '副科长', rank, positions: resumeB, family, manualTags: ['乡村振兴', '信访'] });
    });
  }

  it('keeps a field the other side does not have', () => {
    expect(mergeEdits<Record<string, unknown>>({}, { idNumber: '11010519491231002X' }, {})).toEqual({ idNumber: '11010519491231002X' });
  });
});
