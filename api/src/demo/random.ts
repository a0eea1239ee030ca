/** A choice and its relative weight; weights need not sum to anything in particular. */
export type Weighted<T> = readonly [value: T, weight: number];

const UINT32_RANGE = 2 ** 32;

/**
 * sfc32, seeded through splitmix32: fast, 128 bits of state, and good enough statistically
 * for demo data. Math.random() cannot be seeded, and demo data must be reproducible from
 * its seed alone.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let state = seed >>> 0;
    const nextSplitMix = (): number => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = nextSplitMix();
    this.b = nextSplitMix();
    this.c = nextSplitMix();
    this.d = nextSplitMix();
    // The first outputs of sfc32 still correlate with the seed; discard them.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  nextFloat(): number {
    return this.nextUint32() / UINT32_RANGE;
  }

  /** An integer in [min, max], both ends included. */
  nextInt(min: number, max: number): number {
    if (max < min) throw new RangeError(`empty range [${min}, ${max}]`);
    return min + Math.floor(this.nextFloat() * (max - min + 1));
  }

  /** True with the given probability. */
  testChance(probability: number): boolean {
    return this.nextFloat() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[Math.floor(this.nextFloat() * items.length)];
  }

  /** A choice drawn by weight; a WeightedTable draws the same choice for the same state, faster. */
  pickWeighted<T>(choices: readonly Weighted<T>[] | WeightedTable<T>): T {
    if (choices instanceof WeightedTable) return choices.pick(this.nextFloat());
    let total = 0;
    for (const [, weight] of choices) total += weight;
    if (!(total > 0)) throw new RangeError('weights must have a positive sum');
    let remaining = this.nextFloat() * total;
    for (const [value, weight] of choices) {
      remaining -= weight;
      if (remaining < 0) return value;
    }
    // Floating-point rounding can leave a sliver of `remaining`; it belongs to the last positive weight.
    let last = choices.length - 1;
    while (choices[last][1] <= 0) last--;
    return choices[last][0];
  }

  /** A shuffled copy (Fisher–Yates); the input is left as it was. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.nextFloat() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
}

/**
 * Weighted choices summed once, for lists drawn from for every cadre: a draw is then a binary
 * search rather than two passes over the list (surnames alone have nearly a hundred entries).
 */
export class WeightedTable<T> {
  /** The choices, in the order given. */
  readonly values: readonly T[];
  private readonly bounds: Float64Array;
  private readonly total: number;

  constructor(choices: readonly Weighted<T>[]) {
    this.values = choices.map(([value]) => value);
    this.bounds = new Float64Array(choices.length);
    let total = 0;
    choices.forEach(([, weight], index) => {
      total += weight;
      this.bounds[index] = total;
    });
    if (!(total > 0)) throw new RangeError('weights must have a positive sum');
    this.total = total;
  }

  /** The choice a uniform `draw` in [0, 1) falls on: the first whose running sum exceeds draw × total. */
  pick(draw: number): T {
    const target = draw * this.total;
    let low = 0;
    let high = this.bounds.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.bounds[middle] > target) high = middle;
      else low = middle + 1;
    }
    return this.values[low];
  }
}
