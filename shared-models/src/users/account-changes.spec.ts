import { needsApproval, PERSONNEL_ROLES, type AccountAccess, type AccountChange } from './account-changes.js';

const UNIT = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const ROOT = 'cccccccccccccccccccccccc';
const CADRE = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const OTHER_CADRE = 'dddddddddddddddddddddddd';

describe('needsApproval (four-eyes on changes that widen access)', () => {
  const manager: AccountAccess = { roles: ['unit_manager'], unitId: UNIT, cadreId: null };
  const cadre: AccountAccess = { roles: ['cadre'], unitId: UNIT, cadreId: CADRE };
  const bare: AccountAccess = { roles: [], unitId: null, cadreId: null };
  const sysAdmin: AccountAccess = { roles: ['sys_admin'], unitId: null, cadreId: null };
  const cases: Array<[string, AccountAccess, AccountChange, boolean]> = [
    ['moving a unit manager to the district root', manager, { kind: 'links', unitId: ROOT, cadreId: null }, true],
    ['relinking a cadre account to another person’s record', cadre, { kind: 'links', unitId: UNIT, cadreId: OTHER_CADRE }, true],
    ['linking a unit manager to a cadre record', manager, { kind: 'links', unitId: UNIT, cadreId: CADRE }, true],
    ['keeping a unit manager’s unit', manager, { kind: 'links', unitId: UNIT, cadreId: null }, false],
    ['clearing a unit manager’s unit', manager, { kind: 'links', unitId: null, cadreId: null }, false],
    ['clearing a cadre account’s record', cadre, { kind: 'links', unitId: UNIT, cadreId: null }, false],
    ['tying an account without roles to a unit', bare, { kind: 'links', unitId: ROOT, cadreId: CADRE }, false],
    ['tying an administrator to a unit', sysAdmin, { kind: 'links', unitId: ROOT, cadreId: null }, false],
    ['granting unit_manager to an account with a unit', { ...bare, unitId: ROOT }, { kind: 'roles', roles: ['unit_manager'] }, true],
    ['adding assessor to a unit manager', manager, { kind: 'roles', roles: ['unit_manager', 'assessor'] }, true],
    ['granting security_admin to an account without roles', bare, { kind: 'roles', roles: ['security_admin'] }, true],
    ['swapping cadre for reviewer', cadre, { kind: 'roles', roles: ['reviewer'] }, true],
    ['removing a role', { ...manager, roles: ['unit_manager', 'cadre'] }, { kind: 'roles', roles: ['unit_manager'] }, false],
    ['keeping the same roles', manager, { kind: 'roles', roles: ['unit_manager'] }, false],
    ['resetting a unit manager’s password', manager, { kind: 'password_reset' }, true],
    ['resetting an administrator’s password', sysAdmin, { kind: 'password_reset' }, true],
    ['resetting the password of an account without roles', bare, { kind: 'password_reset' }, false],
  ];
  for (const [what, account, change, expected] of cases) {
    it(`${what}: ${expected ? 'waits for approval' : 'takes effect at once'}`, () => expect(needsApproval(account, change)).toBe(expected));
  }

  it('counts every role but the three administrators’ as a personnel role', () => {
    expect([...PERSONNEL_ROLES].sort()).toEqual(['assessor', 'cadre', 'org_admin', 'reviewer', 'unit_manager']);
  });
});
