import * as z from 'zod';
import { RoleSchema } from '../access/roles.js';
import { explainRoleConflict } from '../access/roles.js';
import { ObjectIdSchema } from '../units/unit.js';
import { UsernameSchema } from '../auth/auth.js';
import { PendingAccountChangeSchema } from './account-changes.js';
import { personText } from '../people/person-text.js';
import { LinkedCadreSchema } from './account-rules.js';

export const RolesSchema = z
  .array(RoleSchema)
  .min(1, '至少需要一个角色')
  .superRefine((roles, ctx) => {
    const conflict = explainRoleConflict(roles);
    if (conflict) ctx.addIssue({ code: 'custom', message: conflict });
  });

export const UserSchema = z.object({
  id: ObjectIdSchema,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  unitId: ObjectIdSchema.nullable(),
  cadreId: ObjectIdSchema.nullable(),
  disabled: z.boolean(),
  locked: z.boolean().describe('locked out after repeated failed logins'),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  pendingChange: PendingAccountChangeSchema.nullable().describe('a change waiting for a security_admin’s approval'),
  passwordPartReady: z.boolean().describe('an approved password reset’s second half waits for its requester to collect it'),
  version: z.number().int(),
});
export type User = z.infer<typeof UserSchema>;

/** An account as the list shows it: the linked cadre, and one a pending change would link, named rather than by id. */
export const ListedUserSchema = UserSchema.extend({
  linkedCadre: LinkedCadreSchema.nullable(),
  pendingCadre: LinkedCadreSchema.nullable().describe('the record a pending links change would tie the account to'),
});
export type ListedUser = z.infer<typeof ListedUserSchema>;

export const UserListSchema = z.object({ items: z.array(ListedUserSchema), total: z.number().int() });
export type UserList = z.infer<typeof UserListSchema>;

export const UserListQuerySchema = z
  .object({
    q: z.string().trim().max(40).optional(),
    page: z.coerce.number().int().min(0).default(0),
    size: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

/**
 * sys_admin creates accounts without roles (三员分立: only security_admin grants roles); the
 * password is a generated one-time password returned once.
 */
export const CreateUserRequestSchema = z
  .object({
    username: UsernameSchema,
    displayName: z.string().trim().min(1, '请输入姓名').max(40).check(personText),
    unitId: ObjectIdSchema.nullable().default(null),
    cadreId: ObjectIdSchema.nullable().default(null),
  })
  .strict();
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

export const CreatedUserSchema = z.object({
  user: UserSchema,
  oneTimePassword: z.string().describe('shown once; must be changed at first login'),
});

/** Only these fields change through PATCH; roles change through the grant endpoint alone. */
export const UpdateUserRequestSchema = z
  .object({
    version: z.number().int(),
    displayName: z.string().trim().min(1).max(40).check(personText).optional(),
    unitId: ObjectIdSchema.nullable().optional(),
    cadreId: ObjectIdSchema.nullable().optional(),
  })
  .strict();
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

export const GrantRolesRequestSchema = z.object({ version: z.number().int(), roles: RolesSchema }).strict();
export type GrantRolesRequest = z.infer<typeof GrantRolesRequestSchema>;

export const UserIdParamsSchema = z.object({ id: ObjectIdSchema }).strict();

/** A reset of an account without roles takes effect at once; any other waits for approval. */
export const PasswordResetSchema = z.object({
  oneTimePassword: z.string().nullable().describe('shown once, must be changed at next login; null while the reset waits for approval'),
  user: UserSchema,
});

/**
 * An approved change. For a password reset the new one-time password is split in two: the
 * approving security_admin gets the first half here, the requesting sys_admin collects the second
 * once; the account's owner gets one from each, so neither administrator alone knows it.
 */
export const AccountChangeApprovalSchema = z.object({
  user: UserSchema,
  passwordPart: z.string().nullable().describe('first half of the new one-time password, shown once; null for other changes'),
});

export const PasswordPartSchema = z.object({ passwordPart: z.string().describe('second half of the new one-time password, shown once') });
