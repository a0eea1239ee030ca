import * as z from 'zod';
import { ACTIONS } from '../access/permissions.js';
import { RoleSchema } from '../access/roles.js';
import { ObjectIdSchema } from '../units/unit.js';

export const UsernameSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, '用户名为 3–32 位小写字母、数字或 . _ -，以字母开头');

/** Length is capped so hashing a hostile input stays cheap; the policy itself is checked on the server. */
export const PasswordInputSchema = z.string().min(1, '请输入密码').max(256, '密码过长');

export const LoginRequestSchema = z
  .object({ username: z.string().trim().min(1, '请输入用户名').max(64), password: PasswordInputSchema })
  .strict();
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const TotpCodeSchema = z.string().trim().regex(/^\d{6}$/, '请输入 6 位动态验证码');
export const RecoveryCodeSchema = z.string().trim().regex(/^[a-z0-9]{5}-[a-z0-9]{5}$/i, '恢复码格式为 xxxxx-xxxxx');

export const TotpLoginRequestSchema = z
  .object({ code: TotpCodeSchema.optional(), recoveryCode: RecoveryCodeSchema.optional() })
  .strict()
  .refine((v) => Boolean(v.code) !== Boolean(v.recoveryCode), { message: '请输入动态验证码或恢复码之一' });
export type TotpLoginRequest = z.infer<typeof TotpLoginRequestSchema>;

/**
 * Where the session stands: `active` may use the platform; the others may only finish the
 * step they name (second factor, enrolment of one, or a password change).
 */
export const SESSION_STAGES = ['active', 'totp_required', 'totp_enrollment_required', 'password_change_required'] as const;
export const SessionStageSchema = z.enum(SESSION_STAGES);
export type SessionStage = z.infer<typeof SessionStageSchema>;

export const MeSchema = z.object({
  id: ObjectIdSchema,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  unitId: ObjectIdSchema.nullable(),
  cadreId: ObjectIdSchema.nullable(),
  permissions: z.array(z.enum(ACTIONS)),
  stage: SessionStageSchema,
  totpEnabled: z.boolean(),
  passwordExpiresAt: z.string().describe('ISO time the password must be changed by'),
});
export type Me = z.infer<typeof MeSchema>;

export const ChangePasswordRequestSchema = z
  .object({ currentPassword: PasswordInputSchema, newPassword: PasswordInputSchema })
  .strict();
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;

export const TotpEnrollmentSchema = z.object({
  secret: z.string().describe('base32 secret, for entering by hand'),
  otpauthUri: z.string(),
  qrCodeSvg: z.string().describe('SVG of the otpauth URI as a QR code'),
});
export type TotpEnrollment = z.infer<typeof TotpEnrollmentSchema>;

/** Starting an enrolment. Replacing an authenticator already bound needs the current password and a code from it. */
export const TotpEnrollmentStartRequestSchema = z
  .object({
    currentPassword: PasswordInputSchema.optional().describe('required when an authenticator is already bound'),
    code: TotpCodeSchema.optional().describe('a current code of the bound authenticator; required with currentPassword'),
  })
  .strict();
export type TotpEnrollmentStartRequest = z.infer<typeof TotpEnrollmentStartRequestSchema>;

export const TotpConfirmRequestSchema = z.object({ code: TotpCodeSchema }).strict();

export const RecoveryCodesSchema = z.object({
  recoveryCodes: z.array(z.string()).describe('shown once; each works once'),
});
export type RecoveryCodes = z.infer<typeof RecoveryCodesSchema>;
