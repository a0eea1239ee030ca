import { maskIdNumber } from './masking.js';

describe('maskIdNumber (前6后4)', () => {
  const cases: Array<[string, string]> = [
    ['50010519800512123X', '500105********123X'],
    ['110101199003074518', '110101********4518'],
    ['110101900307451', '110101*****7451'],
    ['12345', '*****'],
  ];
  for (const [id, masked] of cases) {
    it(`${id} → ${masked}`, () => expect(maskIdNumber(id)).toBe(masked));
  }
});
