import path from 'node:path';
import { z } from 'zod';
import { RoleSchema } from '@cadre/shared-models';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  FERRETDB_BIN: z.string().min(1).default('.tools/bin/ferretdb'),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  DEMO_DATA: booleanFromEnv.default(true),
  DEMO_CADRES: z.coerce.number().int().min(0).max(1_000_000).default(1000),
  DEMO_SEED: z.coerce.number().int().default(20211),
  CLIENT_DIST: z.string().min(1).default('client/dist/browser'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),

  // Identity and access (等保 8.1.4.1); defaults are security.md's.
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  LOCKOUT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  LOCKOUT_DURATION_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(64).default(8),
  TOTP_REQUIRED_ROLES: z
    .string()
    .default('sys_admin,security_admin,audit_admin,org_admin,assessor')
    .transform((v) => v.split(',').map((r) => r.trim()).filter(Boolean))
    .pipe(z.array(RoleSchema)),
  AUTH_RATE_LIMIT_MAX: z.coerce.number().int().min(1).max(10_000).default(20),
  AUTH_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** `auto` marks cookies Secure (and `__Host-`) when the request came over HTTPS. */
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  /** 32 bytes, base64; encrypts ID numbers and TOTP secrets. Unset: a key file under DATA_DIR. */
  DATA_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .optional(),
  /** 32 bytes, base64; keys the audit hash chain and its checkpoints. Unset: a key file under DATA_DIR. */
  AUDIT_HMAC_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .optional(),
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(5),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(180, 'audit records are kept at least 180 days').default(365),
  BOOTSTRAP_ADMIN_USERNAME: z.string().regex(/^[a-z][a-z0-9._-]{2,31}$/).default('sysadmin'),
});

export type Config = z.infer<typeof ConfigSchema> & { rootDir: string };

export class ConfigError extends Error {}

/** Parses the environment once at start; a bad value stops the process with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, rootDir = process.cwd()): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(defined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const resolve = (p: string) => (path.isAbsolute(p) ? p : path.resolve(rootDir, p));
  return {
    ...parsed.data,
    DATA_DIR: resolve(parsed.data.DATA_DIR),
    FERRETDB_BIN: resolve(parsed.data.FERRETDB_BIN),
    CLIENT_DIST: resolve(parsed.data.CLIENT_DIST),
    rootDir,
  };
}
