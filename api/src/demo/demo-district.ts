import { composeDemoCadre, type DemoCadre, type PostSlot } from './demo-cadre.js';
import { buildCareerPool, type CareerUnit } from './demo-career.js';
import {
  DEMO_MARKER,
  findUnitProfile,
  generateDemoUnits,
  sectionHeadTitle,
  unitLabel,
  type DemoUnit,
  type UnitProfile,
} from './district-units.js';
import { IdNumberIssuer } from './id-number-issuer.js';
import { toMonthIndex } from './month-index.js';
import { SeededRandom } from './random.js';

export type { DemoCadre } from './demo-cadre.js';
export { generateDemoUnits, type DemoUnit } from './district-units.js';

/** The demo district is fictional, and says so wherever its name is shown. */
export const DEMO_DISTRICT_NAME = `江北区${DEMO_MARKER}`;

export interface DemoCadreOptions {
  count: number;
  seed: number;
  units: readonly DemoUnit[];
  /** The day ages, dates and terms are computed at; only its UTC month matters. */
  asOf: Date;
  /**
   * The unit whose first section chief (or, in a unit too small for one, first cadre) gets the
   * richest record, for the demo `cadre` account to show; none when absent.
   */
  showcaseUnitCode?: string;
}

// Shares of a unit's establishment at each level below its heads, from the staffing of a typical
// district unit (a head, four deputies, five section chiefs and four deputy chiefs in thirty).
const DEPUTY_SHARE = 0.12;
const SECTION_CHIEF_SHARE = 0.18;
const SECTION_DEPUTY_SHARE = 0.12;

/**
 * Streams `count` fictional cadres across `units`, unit after unit, so that even 200,000 of
 * them never sit in memory at once. The same options always give the same cadres.
 */
export function* generateDemoCadres(options: DemoCadreOptions): Generator<DemoCadre> {
  const { count, seed, units, asOf } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  if (Number.isNaN(asOf.getTime())) throw new RangeError('asOf must be a valid date');
  const rng = new SeededRandom(seed);
  const places: CareerUnit[] = units.map((unit) => ({ label: unitLabel(unit), type: unit.type, profile: findUnitProfile(unit) }));
  const run = { rng, idNumbers: new IdNumberIssuer(rng), asOfMonth: toMonthIndex(asOf), pool: buildCareerPool(places) };
  const headcounts = allocateHeadcounts(count, places.map((place) => place.profile.headcount));
  for (const [index, unit] of units.entries()) {
    const place = places[index];
    // Each unit names its sections in its own order, so that units of a type do not all look alike.
    const sections = rng.shuffle(place.profile.sections);
    const slots = [...layOutPosts(headcounts[index], place.profile, sections)];
    const showcase = unit.code === options.showcaseUnitCode ? Math.max(0, slots.findIndex((slot) => slot.level === '乡科级正职')) : -1;
    for (const [slotIndex, slot] of slots.entries()) {
      yield composeDemoCadre(run, unit, place, slot, slotIndex === showcase);
    }
  }
}

/** The demo units and a stream of `cadres` cadres placed in them. */
export function generateDemoDistrict(options: { cadres: number; seed: number; asOf: Date; showcaseUnitCode?: string }): {
  name: string;
  units: DemoUnit[];
  cadres: Generator<DemoCadre>;
} {
  const units = generateDemoUnits();
  return {
    name: DEMO_DISTRICT_NAME,
    units,
    cadres: generateDemoCadres({
      count: options.cadres,
      seed: options.seed,
      units,
      asOf: options.asOf,
      showcaseUnitCode: options.showcaseUnitCode,
    }),
  };
}

/**
 * Splits `count` in proportion to `weights` by largest remainder, so that the parts always add up
 * to `count` and ties go to the earlier unit.
 */
function allocateHeadcounts(count: number, weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (count > 0 && total <= 0) throw new RangeError('none of the given units takes cadres');
  if (count === 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (count * weight) / total);
  const counts = exact.map(Math.floor);
  let left = count - counts.reduce((sum, part) => sum + part, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    counts[index]++;
    left--;
  }
  return counts;
}

/** The posts of a unit of `headcount` cadres: its heads first, then deputies, section chiefs and staff. */
function* layOutPosts(headcount: number, profile: UnitProfile, sections: readonly string[]): Generator<PostSlot> {
  let left = headcount;
  const take = (wanted: number): number => {
    const taken = Math.min(left, wanted);
    left -= taken;
    return taken;
  };
  const heads = take(profile.headTitles.length);
  const deputies = take(Math.max(1, Math.round(headcount * DEPUTY_SHARE)));
  const chiefs = take(Math.max(1, Math.round(headcount * SECTION_CHIEF_SHARE)));
  const chiefDeputies = take(Math.round(headcount * SECTION_DEPUTY_SHARE));
  const sectionAt = (index: number): string => sections[index % sections.length];

  for (let i = 0; i < heads; i++) {
    yield { level: '县处级正职', title: profile.headTitles[i] };
  }
  for (let i = 0; i < deputies; i++) {
    yield { level: '县处级副职', title: profile.deputyTitles[i % profile.deputyTitles.length] };
  }
  for (let i = 0; i < chiefs; i++) {
    const section = sectionAt(i);
    yield { level: '乡科级正职', title: section + sectionHeadTitle(section) };
  }
  for (let i = 0; i < chiefDeputies; i++) {
    const section = sectionAt(i);
    yield { level: '乡科级副职', title: `${section}副${sectionHeadTitle(section)}` };
  }
  for (let i = 0; i < left; i++) {
    yield { level: '非领导职务', title: null, section: sectionAt(i) };
  }
}
