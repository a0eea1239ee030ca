import type { Grade } from './framework.js';
import type { CalibrationRow } from './result.js';
import { applyQuota, checkCalibrationChange, excellentCapFor, gradeForScore, type QuotaRow } from './grading.js';

describe('gradeForScore', () => {
  const bands = { 优秀: 90, 称职: 75, 基本称职: 60 };
  const cases: Array<[number | null, Grade | null]> = [
    [100, '优秀'], [90, '优秀'], [89.99, '称职'], [75, '称职'], [74.99, '基本称职'], [60, '基本称职'], [59.99, '不称职'], [0, '不称职'], [null, null],
  ];
  for (const [total, grade] of cases) it(`grades ${total} as ${grade}`, () => expect(gradeForScore(total, bands)).toBe(grade));
});

describe('excellentCapFor', () => {
  const cases: Array<[size: number, percent: number, cap: number]> = [
    [5, 20, 1], [4, 20, 0], [10, 20, 2], [14, 20, 2], [15, 20, 3], [12, 25, 3], [8, 25, 2], [7, 25, 1], [100, 20, 20], [0, 20, 0], [3, 100, 3], [35, 15, 5],
  ];
  for (const [size, percent, cap] of cases) it(`allows ${cap} 优秀 of ${size} at ${percent}%`, () => expect(excellentCapFor(size, percent)).toBe(cap));
});

describe('applyQuota', () => {
  const row = (cadreId: string, total: number | null, cappedGrade: Grade | null = total === null ? null : total >= 90 ? '优秀' : '称职'): QuotaRow =>
    ({ cadreId, total, cappedGrade });
  const fill = (n: number, from: number) => Array.from({ length: n }, (_, i) => row(`f${i}`, from - i));
  const summarize = (rows: QuotaRow[], percent: number) =>
    applyQuota(rows, percent).map((r) => `${r.cadreId}:${r.rank ?? '-'}:${r.proposedGrade ?? '-'}${r.quotaNote ? '*' : ''}`);

  const cases: Array<[what: string, rows: QuotaRow[], percent: number, expected: string[]]> = [
    ['keeps 优秀 within the cap in rank order', [row('b', 92), row('a', 95), row('c', 91), ...fill(7, 80)], 20,
      ['a:1:优秀', 'b:2:优秀', 'c:3:称职*', 'f0:4:称职', 'f1:5:称职', 'f2:6:称职', 'f3:7:称职', 'f4:8:称职', 'f5:9:称职', 'f6:10:称职']],
    ['gives none of a tie straddling the boundary 优秀', [row('a', 95), row('b', 92), row('c', 92), ...fill(7, 80)], 20,
      ['a:1:优秀', 'b:2:称职*', 'c:2:称职*', 'f0:4:称职', 'f1:5:称职', 'f2:6:称职', 'f3:7:称职', 'f4:8:称职', 'f5:9:称职', 'f6:10:称职']],
    ['gives a tie that fits the cap 优秀', [row('a', 95), row('b', 95), row('c', 91), ...fill(7, 80)], 20,
      ['a:1:优秀', 'b:1:优秀', 'c:3:称职*', 'f0:4:称职', 'f1:5:称职', 'f2:6:称职', 'f3:7:称职', 'f4:8:称职', 'f5:9:称职', 'f6:10:称职']],
    ['gives nobody below a refused tie 优秀, even with room left', [row('a', 95), row('b', 95), row('c', 95), row('d', 91), ...fill(6, 80)], 20,
      ['a:1:称职*', 'b:1:称职*', 'c:1:称职*', 'd:4:称职*', 'f0:5:称职', 'f1:6:称职', 'f2:7:称职', 'f3:8:称职', 'f4:9:称职', 'f5:10:称职']],
    ['gives the same tie 优秀 under the raised 25% cap', [row('a', 95), row('b', 95), row('c', 95), row('d', 91), ...fill(8, 80)], 25,
      ['a:1:优秀', 'b:1:优秀', 'c:1:优秀', 'd:4:称职*', 'f0:5:称职', 'f1:6:称职', 'f2:7:称职', 'f3:8:称职', 'f4:9:称职', 'f5:10:称职', 'f6:11:称职', 'f7:12:称职']],
    ['allows one more with the raised 25% cap', [row('a', 95), row('b', 92), row('c', 91), ...fill(9, 80)], 25,
      ['a:1:优秀', 'b:2:优秀', 'c:3:优秀', 'f0:4:称职', 'f1:5:称职', 'f2:6:称职', 'f3:7:称职', 'f4:8:称职', 'f5:9:称职', 'f6:10:称职', 'f7:11:称职', 'f8:12:称职']],
    ['skips a vetoed top scorer and keeps other grades', [row('v', 98, '称职'), row('a', 93), row('x', 50, '不称职'), row('n', null), row('m', 70, '基本称职')], 20,
      ['v:1:称职', 'a:2:优秀', 'm:3:基本称职', 'x:4:不称职', 'n:-:-']],
    ['ranks ties competition-style and unscored cadres last', [row('a', 80), row('b', 85), row('c', 80), row('d', null), row('e', 70)], 20,
      ['b:1:称职', 'a:2:称职', 'c:2:称职', 'e:4:称职', 'd:-:-']],
    ['gives no 优秀 in a unit too small for one', [row('a', 99), row('b', 80), row('c', 80), row('d', 80)], 20,
      ['a:1:称职*', 'b:2:称职', 'c:2:称职', 'd:2:称职']],
  ];
  for (const [what, rows, percent, expected] of cases) it(what, () => expect(summarize(rows, percent)).toEqual(expected));

  it('explains the tie and the cap in the note', () => {
    const notes = applyQuota([row('a', 95), row('b', 92), row('c', 92), row('d', 91), ...fill(6, 80)], 20).map((r) => r.quotaNote);
    expect(notes.slice(0, 4)).toEqual([null, '与 1 名同分，超出优秀名额，由校准决定', '与 1 名同分，超出优秀名额，由校准决定', '本单位优秀名额为 2 名，排名在名额之外，建议为称职']);
  });
});

describe('checkCalibrationChange', () => {
  const row = (cadreId: string, finalGrade: Grade | null, vetoed = false): CalibrationRow => ({
    cadreId, cadreName: cadreId, post: '', total: 80, rank: 1, bandGrade: finalGrade, proposedGrade: finalGrade, finalGrade, vetoed, changed: false,
  });
  const rows = [row('a', '优秀'), row('b', '优秀'), row('c', '优秀'), row('d', '称职'), row('v', '称职', true), row('e', '基本称职')];
  const cases: Array<[what: string, cadreId: string, grade: Grade, cap: number, expected: string | null]> = [
    ['a cadre not in the list', 'zzz', '称职', 3, '该干部不在本单位的校准名单中'],
    ['the grade the cadre already has', 'd', '称职', 3, '该干部当前已是“称职”，无需调整'],
    ['优秀 for a vetoed cadre', 'v', '优秀', 9, '受否决规则限制，不能评为优秀'],
    ['优秀 over the cap', 'd', '优秀', 3, '本单位优秀名额已满（3/3）'],
    ['优秀 within the cap', 'd', '优秀', 4, null],
    ['a lower grade for a vetoed cadre', 'v', '基本称职', 3, null],
    ['称职 instead of 优秀, freeing a place', 'a', '称职', 3, null],
    ['不称职', 'e', '不称职', 3, null],
  ];
  for (const [what, cadreId, grade, cap, expected] of cases) {
    it(`answers ${expected === null ? 'yes' : 'no'} to ${what}`, () => expect(checkCalibrationChange(rows, { cadreId, grade }, cap)).toBe(expected));
  }
});
