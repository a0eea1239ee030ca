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
  URBAN_BIRTH_PLACES,
  type BirthPlace,
} from './name-data.js';
import type { SeededRandom } from './random.js';

export interface DemoPerson {
  name: string;
  /** The family name inside `name`, which children and the father share. */
  surname: string;
  ethnicity: string;
  nativePlace: string;
  birthPlace: string;
  idNumber: string;
}

/** Name, origin, birthplace and ID number of a fictional person of the given sex and birth month. */
export function composeDemoPerson(
  rng: SeededRandom,
  idNumbers: IdNumberIssuer,
  sex: Cadre['sex'],
  birthMonthIndex: number,
  age: number,
): DemoPerson {
  const ethnicity = rng.pickWeighted(ETHNICITIES);
  const fromMinorityArea = (ethnicity === '土家族' || ethnicity === '苗族') && rng.testChance(0.7);
  const origin = rng.pickWeighted(fromMinorityArea ? MINORITY_NATIVE_PLACES : NATIVE_PLACES);
  // Most were born where the family comes from; the rest (and everyone from outside Chongqing,
  // as the demo's ID numbers are all issued in the city) in the city centre. The ID number
  // carries the birthplace's code.
  const birthPlace: BirthPlace =
    origin.areaCode !== null && rng.testChance(0.7)
      ? { name: origin.name, areaCode: origin.areaCode }
      : rng.pickWeighted(URBAN_BIRTH_PLACES);
  const { year, month } = splitMonthIndex(birthMonthIndex);
  const idNumber = idNumbers.issue(birthPlace.areaCode, year, month, sex);
  const surname = pickSurname(rng);
  return {
    name: surname + composeGivenName(rng, sex, age),
    surname,
    ethnicity,
    nativePlace: origin.name,
    birthPlace: birthPlace.name,
    idNumber,
  };
}

export function pickSurname(rng: SeededRandom): string {
  return rng.pickWeighted(SURNAMES);
}

/** A given name that reads as one of a person of this sex, and of this age's generation. */
export function composeGivenName(rng: SeededRandom, sex: Cadre['sex'], age: number): string {
  const ownCharacters = sex === '男' ? MALE_NAME_CHARACTERS : FEMALE_NAME_CHARACTERS;
  // One-character given names were more common for those born before the 1980s.
  if (rng.testChance(age >= 45 ? 0.4 : 0.2)) return pickCharacter(rng, ownCharacters);
  const first = pickCharacter(rng, rng.testChance(0.5) ? NEUTRAL_NAME_CHARACTERS : ownCharacters);
  let second = pickCharacter(rng, ownCharacters);
  // Reduplicated names (婷婷) exist but are rare among cadres; one redraw keeps them rare.
  if (second === first) second = pickCharacter(rng, ownCharacters);
  return first + second;
}

function pickCharacter(rng: SeededRandom, characters: string): string {
  return characters[rng.nextInt(0, characters.length - 1)];
}
