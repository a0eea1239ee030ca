import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import {
  ChangePasswordRequestSchema,
  LoginRequestSchema,
  MeSchema,
  RecoveryCodesSchema,
  SESSION_STAGES,
  TotpConfirmRequestSchema,
  TotpEnrollmentSchema,
  TotpEnrollmentStartRequestSchema,
  TotpLoginRequestSchema,
} from '@cadre/shared-models';
import type { ApiBuilder } from '../platform/endpoint.js';
import { AppError } from '../platform/errors.js';
import { DatabaseRateLimitStore } from '../platform/rate-limit-store.js';
import { recordAudit } from '../audit/audit.service.js';
import type { AuthSettings } from './auth-settings.js';
import { changePassword, confirmTotpEnrollment, currentMe, login, startTotpEnrollment, verifySecondFactor } from './auth.service.js';
import { clearSessionCookie, endSession } from './session.service.js';

/** Paths under /api whose requests count against the authentication rate limit. */
export const RATE_LIMITED_AUTH_PATHS = ['/auth/login', '/auth/totp', '/auth/password', '/auth/totp/enrollment/confirm'];

export function createAuthRateLimiter(settings: AuthSettings): RequestHandler {
  return rateLimit({
    windowMs: settings.rateLimitWindowMs,
    limit: settings.rateLimitMax,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: new DatabaseRateLimitStore('auth'),
    handler: (_req, _res, next) => next(new AppError(429, 'rate_limited', '尝试过于频繁，请稍后再试')),
  });
}

const ALL_STAGES = SESSION_STAGES;

export function registerAuthRoutes(api: ApiBuilder, settings: AuthSettings): void {
  api.add({
    method: 'get',
    path: '/auth/session',
    access: 'public',
    operationId: 'getSession',
    summary: 'The signed-in user and the stage of their session; 401 when not signed in',
    tags: ['auth'],
    success: { status: 200, description: 'current user', schema: MeSchema },
    handler: ({ req }) => currentMe(req, settings),
  });

  api.add({
    method: 'post',
    path: '/auth/login',
    access: 'public',
    operationId: 'login',
    summary: 'Sign in with username and password; the returned stage names the next step',
    tags: ['auth'],
    body: LoginRequestSchema,
    success: { status: 200, description: 'signed in (possibly pending a further step)', schema: MeSchema },
    handler: ({ req, res, body }) => login(req, res, settings, body.username, body.password),
  });

  api.add({
    method: 'post',
    path: '/auth/totp',
    access: 'authenticated',
    stages: ['totp_required'],
    operationId: 'verifyTotp',
    summary: 'Second factor: a TOTP code or a one-time recovery code',
    tags: ['auth'],
    body: TotpLoginRequestSchema,
    success: { status: 200, description: 'verified', schema: MeSchema },
    handler: ({ req, body }) => verifySecondFactor(req, settings, body),
  });

  api.add({
    method: 'post',
    path: '/auth/password',
    access: 'authenticated',
    stages: ['password_change_required', 'active'],
    operationId: 'changePassword',
    summary: 'Change the own password (forced after first login and after expiry)',
    tags: ['auth'],
    body: ChangePasswordRequestSchema,
    success: { status: 200, description: 'changed', schema: MeSchema },
    handler: ({ req, body }) => changePassword(req, settings, body.currentPassword, body.newPassword),
  });

  api.add({
    method: 'post',
    path: '/auth/totp/enrollment',
    access: 'authenticated',
    stages: ['totp_enrollment_required', 'active'],
    operationId: 'startTotpEnrollment',
    summary: 'Generate a TOTP secret and its QR code, pending confirmation; replacing a bound authenticator needs the current password and a current code',
    tags: ['auth'],
    body: TotpEnrollmentStartRequestSchema,
    success: { status: 200, description: 'secret to enrol', schema: TotpEnrollmentSchema },
    handler: ({ req, body }) => startTotpEnrollment(req, settings, body),
  });

  api.add({
    method: 'post',
    path: '/auth/totp/enrollment/confirm',
    access: 'authenticated',
    stages: ['totp_enrollment_required', 'active'],
    operationId: 'confirmTotpEnrollment',
    summary: 'Confirm the enrolment with a first code; returns recovery codes once',
    tags: ['auth'],
    body: TotpConfirmRequestSchema,
    success: { status: 200, description: 'enabled', schema: RecoveryCodesSchema },
    handler: ({ req, body }) => confirmTotpEnrollment(req, body.code),
  });

  api.add({
    method: 'post',
    path: '/auth/logout',
    access: 'authenticated',
    stages: ALL_STAGES,
    operationId: 'logout',
    summary: 'End the session on the server and clear its cookie',
    tags: ['auth'],
    success: { status: 204, description: 'signed out' },
    handler: async ({ req, res }) => {
      await endSession(req.auth!.sessionId);
      clearSessionCookie(req, res, settings);
      await recordAudit(req, { action: 'auth.logout', result: 'success', objectType: 'user', objectId: req.auth!.user.id });
    },
  });
}
