import type { Grade } from './framework.js';
import { detectRotationFlags, type UnitYear } from './rotation.js';

type Person = [cadreId: string, workStartMonth: string, total: number | null, grade: Grade | null];
const year = (y: number, people: Person[]): UnitYear => ({
  year: y,
  participants: people.map(([cadreId, workStartMonth, total, grade]) => ({ cadreId, workStartMonth, total, grade })),
});
/** A unit of `ids` whose members started work in id order (p1 first); `excellent` get 优秀, totals fall with the id. */
const unitYear = (y: number, ids: string[], excellent: string[], totals: Record<string, number> = {}): UnitYear =>
  year(y, ids.map((id, i) => [id, `${1990 + i}-01`, totals[id] ?? 90 - i, excellent.includes(id) ? '优秀' : '称职']));
const ten = Array.from({ length: 10 }, (_, i) => `p${i + 1}`);
const flags = (years: UnitYear[]) => detectRotationFlags(years).map((f): string => f.flag);

describe('detectRotationFlags: rotation', () => {
  // Everyone scores the same order each year (p1 best), so only the grades tell the story.
  const cases: Array<[what: string, years: UnitYear[], expected: string[]]> = [
    ['two 优秀 a year, all different, over three years: 6 of 10 took a turn',
      [unitYear(2024, ten, ['p7', 'p8']), unitYear(2025, ten, ['p9', 'p10']), unitYear(2026, ten, ['p5', 'p6'])], ['rotation']],
    ['the same cadre repeats in the latest three years',
      [unitYear(2024, ten, ['p7', 'p8']), unitYear(2025, ten, ['p7', 'p10']), unitYear(2026, ten, ['p5', 'p6'])], []],
    ['only two years', [unitYear(2025, ten, ['p9', 'p10']), unitYear(2026, ten, ['p5', 'p6'])], []],
    ['one 优秀 a year: 3 of 10 is not most of the team',
      [unitYear(2024, ten, ['p7']), unitYear(2025, ten, ['p9']), unitYear(2026, ten, ['p5'])], []],
    ['a unit of four: too few to tell turns from change',
      [unitYear(2024, ['a', 'b', 'c', 'd'], ['a']), unitYear(2025, ['a', 'b', 'c', 'd'], ['b']), unitYear(2026, ['a', 'b', 'c', 'd'], ['c'])], []],
    ['a repeat four years ago does not hide the latest three',
      [unitYear(2023, ten, ['p5']), unitYear(2024, ten, ['p7', 'p8']), unitYear(2025, ten, ['p9', 'p10']), unitYear(2026, ten, ['p5', 'p6'])], ['rotation']],
  ];
  for (const [what, years, expected] of cases) it(what, () => expect(flags(years)).toEqual(expected));

  it('names the years and the counts', () => {
    const [flag] = detectRotationFlags([unitYear(2026, ten, ['p5', 'p6']), unitYear(2024, ten, ['p7', 'p8']), unitYear(2025, ten, ['p9', 'p10'])]);
    expect(flag).toEqual({ flag: 'rotation', detail: '2024、2025、2026年，优秀等次无人重复获得，10 名连续在岗人员中有 6 名各获得一次' });
  });

  it('reports the longest window that qualifies', () => {
    const years = [2022, 2023, 2024, 2025, 2026].map((y, i) => unitYear(y, ten, [ten[2 * i]!, ten[2 * i + 1]!]));
    expect(detectRotationFlags(years)[0]!.detail).toContain('2022、2023、2024、2025、2026年');
  });
});

describe('detectRotationFlags: seniority', () => {
  // p1 started work first; totals put p10 on top.
  const reversed = Object.fromEntries(ten.map((id, i) => [id, 70 + i]));
  const cases: Array<[what: string, years: UnitYear[], expected: string[]]> = [
    ['the most senior get 优秀 over the top scorers in every year',
      [unitYear(2024, ten, ['p1', 'p2'], reversed), unitYear(2025, ten, ['p1', 'p2'], reversed), unitYear(2026, ten, ['p1', 'p2'], reversed)], ['seniority']],
    ['two of the latest three years are enough',
      [unitYear(2024, ten, ['p10', 'p9'], reversed), unitYear(2025, ten, ['p1', 'p2'], reversed), unitYear(2026, ten, ['p2', 'p1'], reversed)], ['seniority']],
    ['one year is not a pattern',
      [unitYear(2024, ten, ['p10', 'p9'], reversed), unitYear(2025, ten, ['p1', 'p2'], reversed), unitYear(2026, ten, ['p10', 'p9'], reversed)], []],
    ['the most senior are also the top scorers: results, not seniority',
      [unitYear(2024, ten, ['p1', 'p2']), unitYear(2025, ten, ['p1', 'p2']), unitYear(2026, ten, ['p1', 'p2'])], []],
    ['a junior among the holders breaks the pattern',
      [unitYear(2024, ten, ['p1', 'p5'], reversed), unitYear(2025, ten, ['p1', 'p5'], reversed), unitYear(2026, ten, ['p2', 'p6'], reversed)], []],
  ];
  for (const [what, years, expected] of cases) it(what, () => expect(flags(years)).toEqual(expected));

  it('names the years', () => {
    const years = [unitYear(2024, ten, ['p10'], reversed), unitYear(2025, ten, ['p1'], reversed), unitYear(2026, ten, ['p1'], reversed)];
    expect(detectRotationFlags(years)).toEqual([{ flag: 'seniority', detail: '2025、2026年，优秀等次均由参加工作最早的人员获得，且其中有人总分并非最高' }]);
  });

  it('counts people who started in the same month as equally senior', () => {
    const tied = (y: number) => year(y, [['a', '1990-01', 70, '优秀'], ['b', '1990-01', 90, '称职'], ['c', '1995-01', 95, '称职'], ['d', '1999-01', 60, '称职'], ['e', '2001-01', 60, '称职']]);
    expect(flags([tied(2024), tied(2025), tied(2026)])).toEqual(['seniority']);
  });
});
