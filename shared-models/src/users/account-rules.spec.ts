import type { Role } from '../access/roles.js';
import { CadreCandidateQuerySchema, explainMissingUnit, UNIT_MANAGER_NEEDS_UNIT } from './account-rules.js';

const UNIT = 'aaaaaaaaaaaaaaaaaaaaaaaa';

describe('explainMissingUnit (a unit manager needs a unit)', () => {
  const cases: Array<[string, readonly Role[], string | null, string | null]> = [
    ['a unit manager with a unit', ['unit_manager'], UNIT, null],
    ['a unit manager without a unit', ['unit_manager'], null, UNIT_MANAGER_NEEDS_UNIT],
    ['a unit manager who is also a cadre, without a unit', ['unit_manager', 'cadre'], null, UNIT_MANAGER_NEEDS_UNIT],
    ['a cadre without a unit', ['cadre'], null, null],
    ['an account without roles or unit', [], null, null],
    ['an administrator without a unit', ['sys_admin'], null, null],
    ['an organization administrator without a unit', ['org_admin'], null, null],
  ];
  for (const [what, roles, unitId, expected] of cases) {
    it(`${what}: ${expected ? 'refused' : 'allowed'}`, () => expect(explainMissingUnit({ roles, unitId })).toBe(expected));
  }
});

describe('CadreCandidateQuerySchema (enough words to search cadre records)', () => {
  const cases: Array<[string, string, boolean]> = [
    ['one Chinese character', '张', true],
    ['a name', '张三', true],
    ['a unit name', '甲街道', true],
    ['two letters', 'zh', true],
    ['one letter', 'z', false],
    ['digits only', '12', false],
    ['blank', '   ', false],
    ['empty', '', false],
    ['21 characters', '张'.repeat(21), false],
  ];
  for (const [what, q, ok] of cases) {
    it(`${what}: ${ok ? 'accepted' : 'refused with a Chinese message'}`, () => {
      const parsed = CadreCandidateQuerySchema.safeParse({ q });
      expect(parsed.success).toBe(ok);
      if (!parsed.success) expect(parsed.error.issues[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    });
  }
});
