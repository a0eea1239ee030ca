import { explainRoleConflict, ROLES, type Role } from './roles.js';
import { ACTIONS, ROLE_PERMISSIONS, type Action } from './permissions.js';
import { isCadreInScope, isUnitInScope, scopeFor, type DataScope } from './data-scope.js';

const UNIT = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const CADRE = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const ALL: DataScope = { kind: 'all' };
const NONE: DataScope = { kind: 'none' };
const SUBTREE: DataScope = { kind: 'limited', unitIds: [UNIT], cadreIds: [] };
const OWN: DataScope = { kind: 'limited', unitIds: [], cadreIds: [CADRE] };
const SUBTREE_AND_OWN: DataScope = { kind: 'limited', unitIds: [UNIT], cadreIds: [CADRE] };

describe('scopeFor', () => {
  const linked = { unitId: UNIT, cadreId: CADRE };
  const cases: Array<[string, Role[], { unitId: string | null; cadreId: string | null }, Action, DataScope]> = [
    ['org_admin reads the district', ['org_admin'], linked, 'cadre:read', ALL],
    ['org_admin exports the district', ['org_admin'], linked, 'cadre:export', ALL],
    ['assessor reads the ledger of the district', ['assessor'], linked, 'ledger:read', ALL],
    ['assessor exports nothing', ['assessor'], linked, 'cadre:export', NONE],
    ['unit_manager reads the own subtree', ['unit_manager'], linked, 'ledger:read', SUBTREE],
    ['unit_manager writes the own subtree', ['unit_manager'], linked, 'cadre:write', SUBTREE],
    ['unit_manager without a unit reaches nothing', ['unit_manager'], { unitId: null, cadreId: null }, 'cadre:read', NONE],
    ['cadre reads the own record', ['cadre'], linked, 'cadre:read', OWN],
    ['cadre asks corrections of the own record', ['cadre'], linked, 'correction:submit', OWN],
    ['cadre without a linked record reaches nothing', ['cadre'], { unitId: UNIT, cadreId: null }, 'cadre:read', NONE],
    ['cadre has no ledger', ['cadre'], linked, 'ledger:read', NONE],
    ['reviewer reaches no personnel records', ['reviewer'], linked, 'cadre:read', NONE],
    ['sys_admin reaches no personnel records, even with a unit', ['sys_admin'], linked, 'user:read', NONE],
    ['security_admin reaches no personnel records', ['security_admin'], linked, 'user:grant', NONE],
    ['audit_admin reaches no personnel records', ['audit_admin'], linked, 'audit:read', NONE],
    ['assessor + unit_manager read the district', ['assessor', 'unit_manager'], linked, 'ledger:read', ALL],
    ['assessor + unit_manager export only the subtree', ['assessor', 'unit_manager'], linked, 'cadre:export', SUBTREE],
    ['assessor + unit_manager write only the subtree', ['assessor', 'unit_manager'], linked, 'cadre:write', SUBTREE],
    ['assessor + unit_manager import only into the subtree', ['assessor', 'unit_manager'], linked, 'cadre:import', SUBTREE],
    ['assessor + unit_manager without a unit export nothing', ['assessor', 'unit_manager'], { unitId: null, cadreId: null }, 'cadre:export', NONE],
    ['unit_manager + cadre read the subtree and the own record', ['unit_manager', 'cadre'], linked, 'cadre:read', SUBTREE_AND_OWN],
    ['unit_manager + cadre ask corrections of the own record only', ['unit_manager', 'cadre'], linked, 'correction:submit', OWN],
    ['unit_manager + cadre review corrections of the subtree only', ['unit_manager', 'cadre'], linked, 'correction:review', SUBTREE],
    ['unit_manager + cadre count the subtree only', ['unit_manager', 'cadre'], linked, 'stats:read', SUBTREE],
    ['unit_manager without a unit + cadre read the own record', ['unit_manager', 'cadre'], { unitId: null, cadreId: CADRE }, 'cadre:read', OWN],
    ['assessor + cadre read the district', ['assessor', 'cadre'], linked, 'cadre:read', ALL],
    ['assessor + cadre ask corrections of the own record only', ['assessor', 'cadre'], linked, 'correction:submit', OWN],
    ['org_admin + cadre ask corrections of the own record only', ['org_admin', 'cadre'], linked, 'correction:submit', OWN],
    ['reviewer + cadre read the own record', ['reviewer', 'cadre'], linked, 'cadre:read', OWN],
  ];
  for (const [what, roles, links, action, expected] of cases) {
    it(`${what} (${action})`, () => expect(scopeFor({ roles, ...links }, action)).toEqual(expected));
  }

  function union(a: DataScope, b: DataScope): DataScope {
    if (a.kind === 'all' || b.kind === 'all') return ALL;
    if (a.kind === 'none') return b;
    if (b.kind === 'none') return a;
    return { kind: 'limited', unitIds: [...new Set([...a.unitIds, ...b.unitIds])], cadreIds: [...new Set([...a.cadreIds, ...b.cadreIds])] };
  }

  it('gives every allowed pair of roles, for every action, the union of what each role alone gives', () => {
    let pairs = 0;
    for (const [i, first] of ROLES.entries()) {
      for (const second of ROLES.slice(i + 1)) {
        if (explainRoleConflict([first, second]) !== null) continue;
        pairs += 1;
        for (const action of ACTIONS) {
          const alone = union(scopeFor({ roles: [first], ...linked }, action), scopeFor({ roles: [second], ...linked }, action));
          expect(scopeFor({ roles: [first, second], ...linked }, action)).withContext(`${first}+${second} ${action}`).toEqual(alone);
        }
      }
    }
    expect(pairs).toBe(10);
  });

  it('gives no scope to a role for an action it does not grant, whatever its links', () => {
    for (const role of ROLES) {
      for (const action of ACTIONS.filter((a) => !ROLE_PERMISSIONS[role].includes(a))) {
        expect(scopeFor({ roles: [role], ...linked }, action)).withContext(`${role} ${action}`).toEqual(NONE);
      }
    }
  });
});

describe('isCadreInScope and isUnitInScope', () => {
  const OTHER = 'cccccccccccccccccccccccc';
  const cadreCases: Array<[string, DataScope, { id: string; unitPath: string[] }, boolean]> = [
    ['the district holds anyone', ALL, { id: OTHER, unitPath: [OTHER] }, true],
    ['nothing holds no one', NONE, { id: CADRE, unitPath: [UNIT] }, false],
    ['a subtree holds a cadre below its unit', SUBTREE, { id: OTHER, unitPath: [OTHER, UNIT, OTHER] }, true],
    ['a subtree does not hold a cadre elsewhere', SUBTREE, { id: CADRE, unitPath: [OTHER] }, false],
    ['the own record holds that cadre wherever placed', OWN, { id: CADRE, unitPath: [OTHER] }, true],
    ['the own record holds no one else', OWN, { id: OTHER, unitPath: [UNIT] }, false],
    ['subtree and own record hold the own record outside the subtree', SUBTREE_AND_OWN, { id: CADRE, unitPath: [OTHER] }, true],
  ];
  for (const [what, scope, cadre, expected] of cadreCases) {
    it(what, () => expect(isCadreInScope(scope, cadre)).toBe(expected));
  }

  const unitCases: Array<[string, DataScope, { id: string; ancestorIds: string[] }, boolean]> = [
    ['any unit for the district', ALL, { id: OTHER, ancestorIds: [] }, true],
    ['the subtree’s own unit', SUBTREE, { id: UNIT, ancestorIds: [] }, true],
    ['a unit below the subtree’s unit', SUBTREE, { id: OTHER, ancestorIds: [UNIT] }, true],
    ['not a unit above or beside it', SUBTREE, { id: OTHER, ancestorIds: [] }, false],
    ['no unit for an own record alone', OWN, { id: UNIT, ancestorIds: [] }, false],
    ['no unit for nothing', NONE, { id: UNIT, ancestorIds: [] }, false],
  ];
  for (const [what, scope, unit, expected] of unitCases) {
    it(`places records in ${what}: ${expected}`, () => expect(isUnitInScope(scope, unit)).toBe(expected));
  }
});
