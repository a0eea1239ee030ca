import { explainRoleConflict, type Role } from './roles.js';
import { isAllowed, listPermissions, ROLE_PERMISSIONS, type Action } from './permissions.js';

describe('explainRoleConflict (三员分立)', () => {
  const cases: Array<[Role[], string | null]> = [
    [['org_admin'], null],
    [['unit_manager', 'cadre'], null],
    [['assessor', 'reviewer'], null],
    [['sys_admin'], null],
    [['audit_admin'], null],
    [[], '至少需要一个角色'],
    [['cadre', 'cadre'], '角色重复'],
    [['sys_admin', 'audit_admin'], '三员分立：系统管理员、审计管理员 不能由同一账户担任'],
    [['sys_admin', 'security_admin', 'audit_admin'], '三员分立：系统管理员、安全管理员、审计管理员 不能由同一账户担任'],
    [['security_admin', 'org_admin'], '三员分立：安全管理员 账户不能兼任其他角色'],
    [['audit_admin', 'cadre'], '三员分立：审计管理员 账户不能兼任其他角色'],
  ];
  for (const [roles, expected] of cases) {
    it(`${JSON.stringify(roles)} → ${expected ?? 'allowed'}`, () => expect(explainRoleConflict(roles)).toBe(expected));
  }
});

describe('the role → action table', () => {
  const cases: Array<[Role, Action, boolean]> = [
    ['sys_admin', 'user:create', true],
    ['sys_admin', 'user:grant', false],
    ['sys_admin', 'cadre:read', false],
    ['sys_admin', 'audit:read', false],
    ['security_admin', 'user:grant', true],
    ['security_admin', 'user:create', false],
    ['security_admin', 'user:approve', true],
    ['sys_admin', 'user:approve', false],
    ['security_admin', 'cadre:read', false],
    ['audit_admin', 'audit:read', true],
    ['audit_admin', 'user:read', false],
    ['audit_admin', 'cadre:read', false],
    ['org_admin', 'unit:write', true],
    ['unit_manager', 'unit:write', false],
    ['cadre', 'stats:read', false],
    ['reviewer', 'cadre:read', false],
  ];
  for (const [role, action, allowed] of cases) {
    it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => expect(isAllowed([role], action)).toBe(allowed));
  }

  it('gives audit_admin nothing but the audit log', () => {
    expect(listPermissions(['audit_admin']).every((a) => a.startsWith('audit:'))).toBeTrue();
  });

  it('gives no role other than audit_admin any audit action', () => {
    for (const [role, actions] of Object.entries(ROLE_PERMISSIONS)) {
      if (role !== 'audit_admin') expect(actions.some((a) => a.startsWith('audit:'))).withContext(role).toBeFalse();
    }
  });

  it('lists the union of the roles’ actions once each', () => {
    const actions = listPermissions(['unit_manager', 'cadre']);
    expect(new Set(actions).size).toBe(actions.length);
    expect(actions).toEqual(jasmine.arrayContaining(['stats:read', 'cadre:read', 'unit:read']));
  });
});
