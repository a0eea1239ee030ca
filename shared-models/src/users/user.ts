import * as z from 'zod';
import { RoleSchema } from '../access/roles.js';
import { explainRoleConflict } from '../access/roles.js';
import { ObjectIdSchema } from '../units/unit.js';
import { UsernameSchema } from '../auth/auth.js';
import { personText } from '../people/person-text.js';

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
  version: z.number().int(),
});
export type User = z.infer<typeof UserSchema>;

export const UserListSchema = z.object({ items: z.array(UserSchema), total: z.number().int() });
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

export const PasswordResetSchema = z.object({ oneTimePassword: z.string().describe('shown once; must be changed at next login') });
