import * as z from 'zod';

export const ROLES = [
  'org_admin',
  'assessor',
  'unit_manager',
  'cadre',
  'reviewer',
  'sys_admin',
  'security_admin',
  'audit_admin',
] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** 三员: system, security and audit administrators, kept apart for 等保 level 3. */
export const SEPARATED_ADMIN_ROLES = ['sys_admin', 'security_admin', 'audit_admin'] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  org_admin: '组织部管理员',
  assessor: '考核人员',
  unit_manager: '单位管理员',
  cadre: '干部',
  reviewer: '容错纠错审核人员',
  sys_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
};

/**
 * Why a set of roles may not be held by one account, or null when it may. 三员分立: an account
 * holding one of the three administrator roles holds no other role at all, so no administrator
 * also reaches personnel data through a second role.
 */
export function explainRoleConflict(roles: readonly Role[]): string | null {
  if (roles.length === 0) return '至少需要一个角色';
  if (new Set(roles).size !== roles.length) return '角色重复';
  const admins = roles.filter((r) => (SEPARATED_ADMIN_ROLES as readonly Role[]).includes(r));
  if (admins.length > 1) return `三员分立：${admins.map((r) => ROLE_LABELS[r]).join('、')} 不能由同一账户担任`;
  if (admins.length === 1 && roles.length > 1) {
    return `三员分立：${ROLE_LABELS[admins[0]!]} 账户不能兼任其他角色`;
  }
  return null;
}
