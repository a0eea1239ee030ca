import * as z from 'zod';
import { RoleSchema, SEPARATED_ADMIN_ROLES, type Role } from '../access/roles.js';
import { ObjectIdSchema } from '../units/unit.js';

/**
 * Roles that reach personnel data, now or by their purpose (reviewer: fault-tolerance cases):
 * every role but the three administrators'.
 */
export const PERSONNEL_ROLES: readonly Role[] = RoleSchema.options.filter((role) => !(SEPARATED_ADMIN_ROLES as readonly Role[]).includes(role));

export const ACCOUNT_CHANGE_KINDS = ['links', 'roles', 'password_reset'] as const;
export type AccountChangeKind = (typeof ACCOUNT_CHANGE_KINDS)[number];

export const ACCOUNT_CHANGE_LABELS: Record<AccountChangeKind, string> = {
  links: '变更关联单位或干部',
  roles: '授予角色',
  password_reset: '重置密码',
};

/** A change to an account waiting for a security_admin other than the requester to approve it. */
export const PendingAccountChangeSchema = z.object({
  kind: z.enum(ACCOUNT_CHANGE_KINDS),
  /** links: the unit and cadre the account would be tied to. */
  unitId: ObjectIdSchema.nullable(),
  cadreId: ObjectIdSchema.nullable(),
  /** roles: the roles the account would hold. */
  roles: z.array(RoleSchema),
  requestedBy: z.string(),
  requestedById: z.string(),
  requestedAt: z.string(),
});
export type PendingAccountChange = z.infer<typeof PendingAccountChangeSchema>;

/** What of an account decides whether a change to it needs a second administrator. */
export interface AccountAccess {
  roles: readonly Role[];
  unitId: string | null;
  cadreId: string | null;
}

export type AccountChange =
  | { kind: 'links'; unitId: string | null; cadreId: string | null }
  | { kind: 'roles'; roles: readonly Role[] }
  | { kind: 'password_reset' };

/**
 * Whether a change takes effect only after a security_admin other than the requester approves
 * it, because one administrator alone could otherwise gain or widen access:
 * - a new role, of any kind (a second administrator account under one person's control would
 *   let them approve their own requests);
 * - tying an account that holds personnel roles to another unit or cadre record;
 * - a password reset of an account holding any role (whoever learns the password signs in as it).
 * Narrowing changes (removing roles, clearing a link) and changes to accounts without roles
 * take effect at once.
 */
export function needsApproval(account: AccountAccess, change: AccountChange): boolean {
  switch (change.kind) {
    case 'roles':
      return change.roles.some((role) => !account.roles.includes(role));
    case 'links': {
      if (!account.roles.some((role) => PERSONNEL_ROLES.includes(role))) return false;
      const widensUnit = change.unitId !== null && change.unitId !== account.unitId;
      const widensCadre = change.cadreId !== null && change.cadreId !== account.cadreId;
      return widensUnit || widensCadre;
    }
    case 'password_reset':
      return account.roles.length > 0;
  }
}

export const AccountChangeDecisionSchema = z.object({ version: z.number().int() }).strict();
export type AccountChangeDecision = z.infer<typeof AccountChangeDecisionSchema>;

export const AccountChangeRejectionSchema = z
  .object({ version: z.number().int(), reason: z.string().trim().min(2, '请填写驳回理由').max(500, '不超过 500 个字') })
  .strict();
export type AccountChangeRejection = z.infer<typeof AccountChangeRejectionSchema>;
