import { SeededRandom, WeightedTable, type Weighted } from './random.js';

function drawUint32s(seed: number, count: number): number[] {
  const rng = new SeededRandom(seed);
  return Array.from({ length: count }, () => rng.nextUint32());
}

describe('SeededRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(drawUint32s(42, 100)).toEqual(drawUint32s(42, 100));
  });

  const seedPairs: Array<[number, number]> = [
    [1, 2],
    [0, 1],
    [42, 43],
    [-1, 2 ** 32 - 2],
  ];
  for (const [first, second] of seedPairs) {
    it(`gives different sequences for seeds ${first} and ${second}`, () => {
      expect(drawUint32s(first, 8)).not.toEqual(drawUint32s(second, 8));
    });
  }

  const ranges: Array<[number, number]> = [
    [0, 0],
    [1, 6],
    [-3, 3],
    [23, 59],
  ];
  for (const [min, max] of ranges) {
    it(`keeps nextInt(${min}, ${max}) within its bounds and reaches both ends`, () => {
      const rng = new SeededRandom(7);
      const seen = new Set<number>();
      for (let i = 0; i < 5000; i++) seen.add(rng.nextInt(min, max));
      expect(Math.min(...seen)).toBe(min);
      expect(Math.max(...seen)).toBe(max);
      expect([...seen].every(Number.isInteger)).toBeTrue();
    });
  }

  it('refuses an empty range', () => {
    expect(() => new SeededRandom(1).nextInt(2, 1)).toThrowError(RangeError);
  });

  it('never picks a choice of zero weight, and picks by weight otherwise', () => {
    const rng = new SeededRandom(3);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++) counts[rng.pickWeighted([['a', 1], ['b', 0], ['c', 3]] as const)]++;
    expect(counts.b).toBe(0);
    expect(counts.c / counts.a).toBeGreaterThan(2.5);
    expect(counts.c / counts.a).toBeLessThan(3.5);
  });

  it('refuses weights without a positive sum', () => {
    expect(() => new SeededRandom(1).pickWeighted([['a', 0]])).toThrowError(RangeError);
  });

  it('draws the same choices from a WeightedTable as from the list it was built from', () => {
    const choices: Weighted<string>[] = [['a', 1], ['b', 0], ['c', 3], ['d', 0.5], ['e', 0], ['f', 2]];
    const table = new WeightedTable(choices);
    const [fromList, fromTable] = [new SeededRandom(5), new SeededRandom(5)];
    const drawn = Array.from({ length: 5000 }, () => [fromList.pickWeighted(choices), fromTable.pickWeighted(table)]);
    expect(drawn.filter(([list, tabled]) => list !== tabled)).toEqual([]);
    expect(new Set(drawn.map(([choice]) => choice))).toEqual(new Set(['a', 'c', 'd', 'f']));
    expect(table.values).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('refuses a WeightedTable without a positive sum', () => {
    expect(() => new WeightedTable([['a', 0]])).toThrowError(RangeError);
    expect(() => new WeightedTable([])).toThrowError(RangeError);
  });

  it('shuffles into a permutation and leaves the input untouched', () => {
    const items = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const shuffled = new SeededRandom(11).shuffle(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual([...items]);
    expect(shuffled).not.toEqual([...items]);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
