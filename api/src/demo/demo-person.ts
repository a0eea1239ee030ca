import type { Cadre } from '@cadre/shared-models';
import type { IdNumberIssuer } from './id-number-issuer.js';
import { splitMonthIndex } from './month-index.js';
import {
  ETHNICITIES,
  FEMALE_NAME_CHARACTERS,
  MALE_NAME_CHARACTERS,
  MINORITY_NATIVE_PLACES,
  NATIVE_PLACES,
  NEUTRAL_NAME_CHARACTERS,
  SURNAMES,
  URBAN_AREA_CODES,
} from './name-data.js';
import type { SeededRandom } from './random.js';

export type DemoPerson = Pick<Cadre, 'name' | 'ethnicity' | 'nativePlace'> & { idNumber: string };

/** Name, origin and ID number of a fictional person of the given sex and birth month. */
export function composeDemoPerson(
  rng: SeededRandom,
  idNumbers: IdNumberIssuer,
  sex: Cadre['sex'],
  birthMonthIndex: number,
  age: number,
): DemoPerson {
  const ethnicity = rng.pickWeighted(ETHNICITIES);
  const fromMinorityArea = (ethnicity === '土家族' || ethnicity === '苗族') && rng.testChance(0.7);
  const place = rng.pickWeighted(fromMinorityArea ? MINORITY_NATIVE_PLACES : NATIVE_PLACES);
  // Most keep the household registration of their birthplace; the rest moved it to the city centre.
  const areaCode = place.areaCode !== null && rng.testChance(0.7) ? place.areaCode : rng.pickWeighted(URBAN_AREA_CODES);
  const { year, month } = splitMonthIndex(birthMonthIndex);
  const idNumber = idNumbers.issue(areaCode, year, month, sex);
  return { name: composeName(rng, sex, age), ethnicity, nativePlace: place.name, idNumber };
}

function composeName(rng: SeededRandom, sex: Cadre['sex'], age: number): string {
  const ownCharacters = sex === '男' ? MALE_NAME_CHARACTERS : FEMALE_NAME_CHARACTERS;
  const surname = rng.pickWeighted(SURNAMES);
  // One-character given names were more common for those born before the 1980s.
  if (rng.testChance(age >= 45 ? 0.4 : 0.2)) {
    return surname + pickCharacter(rng, ownCharacters);
  }
  const first = pickCharacter(rng, rng.testChance(0.5) ? NEUTRAL_NAME_CHARACTERS : ownCharacters);
  let second = pickCharacter(rng, ownCharacters);
  // Reduplicated names (婷婷) exist but are rare among cadres; one redraw keeps them rare.
  if (second === first) second = pickCharacter(rng, ownCharacters);
  return surname + first + second;
}

function pickCharacter(rng: SeededRandom, characters: string): string {
  return characters[rng.nextInt(0, characters.length - 1)];
}
