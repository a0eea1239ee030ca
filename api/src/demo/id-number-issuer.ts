import { composeIdNumber } from './id-number.js';
import { countDaysInMonth } from './month-index.js';
import type { SeededRandom } from './random.js';

const SERIALS_PER_DAY = 500;
// Stepping through a month's (day, serial) slots by a number coprime with their count visits each
// slot once, in an order that looks random. 7919 is prime and divides none of 14,000–15,500.
const SLOT_STRIDE = 7919;

/**
 * Hands out resident ID numbers that are unique within one generated district: random draws
 * collide a few hundred times in 200,000 cadres, and an ID number must identify one person.
 */
export class IdNumberIssuer {
  /** Per area, birth month and sex: how many numbers were issued, and where their sequence starts. */
  private readonly groups = new Map<number, { issued: number; offset: number }>();

  constructor(private readonly rng: SeededRandom) {}

  issue(areaCode: string, year: number, month: number, sex: '男' | '女'): string {
    const capacity = countDaysInMonth(year, month) * SERIALS_PER_DAY;
    // A numeric key: this runs once per cadre, and string keys made it the slowest step of generation.
    const key = ((Number(areaCode) * 10_000 + year) * 100 + month) * 2 + (sex === '男' ? 1 : 0);
    let group = this.groups.get(key);
    if (group === undefined) {
      group = { issued: 0, offset: this.rng.nextInt(0, capacity - 1) };
      this.groups.set(key, group);
    }
    if (group.issued >= capacity) throw new RangeError(`no ID numbers left for ${sex} born ${year}-${month} in ${areaCode}`);
    const slot = (group.issued * SLOT_STRIDE + group.offset) % capacity;
    group.issued++;
    return composeIdNumber({
      areaCode,
      year,
      month,
      day: Math.floor(slot / SERIALS_PER_DAY) + 1,
      serial: slot % SERIALS_PER_DAY,
      sex,
    });
  }
}
