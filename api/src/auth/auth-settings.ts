import type { Role } from '@cadre/shared-models';
import type { Config } from '../config.js';

/** The identity thresholds, in the units the code uses; all come from configuration. */
export interface AuthSettings {
  idleMs: number;
  absoluteMs: number;
  lockoutThreshold: number;
  lockoutWindowMs: number;
  lockoutDurationMs: number;
  passwordMaxAgeMs: number;
  passwordMinLength: number;
  totpRequiredRoles: Role[];
  rateLimitMax: number;
  rateLimitWindowMs: number;
  cookieSecure: Config['COOKIE_SECURE'];
}

const MINUTE = 60_000;

export function authSettingsFrom(config: Config): AuthSettings {
  return {
    idleMs: config.SESSION_IDLE_MINUTES * MINUTE,
    absoluteMs: config.SESSION_ABSOLUTE_HOURS * 60 * MINUTE,
    lockoutThreshold: config.LOCKOUT_THRESHOLD,
    lockoutWindowMs: config.LOCKOUT_WINDOW_MINUTES * MINUTE,
    lockoutDurationMs: config.LOCKOUT_DURATION_MINUTES * MINUTE,
    passwordMaxAgeMs: config.PASSWORD_MAX_AGE_DAYS * 24 * 60 * MINUTE,
    passwordMinLength: config.PASSWORD_MIN_LENGTH,
    totpRequiredRoles: config.TOTP_REQUIRED_ROLES,
    rateLimitMax: config.AUTH_RATE_LIMIT_MAX,
    rateLimitWindowMs: config.AUTH_RATE_LIMIT_WINDOW_SECONDS * 1000,
    cookieSecure: config.COOKIE_SECURE,
  };
}
