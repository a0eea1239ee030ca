import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import mongoose from 'mongoose';
import type { SessionStage } from '@cadre/shared-models';
import { SessionModel } from './session.model.js';
import type { AuthSettings } from './auth-settings.js';

export const SESSION_COOKIE = 'cadre_sid';
/** Over HTTPS the cookie gets the `__Host-` prefix: Secure, path /, no Domain, so no subdomain can plant it. */
export const SECURE_SESSION_COOKIE = '__Host-cadre_sid';

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isSecureRequest(req: Request, settings: AuthSettings): boolean {
  return settings.cookieSecure === 'always' || (settings.cookieSecure === 'auto' && req.secure);
}

export function readSessionToken(req: Request): string | undefined {
  const cookies = (req.cookies ?? {}) as Record<string, string | undefined>;
  return cookies[SECURE_SESSION_COOKIE] ?? cookies[SESSION_COOKIE];
}

/** A fresh session id at every login, so a fixated or stolen pre-login id is worthless. */
export async function startSession(
  req: Request,
  res: Response,
  settings: AuthSettings,
  userId: string,
  stage: SessionStage,
): Promise<string> {
  const previous = readSessionToken(req);
  if (previous) await SessionModel.deleteOne({ _id: hashSessionToken(previous) });
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const id = hashSessionToken(token);
  await SessionModel.create({
    _id: id,
    userId,
    stage,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + settings.absoluteMs),
    ip: req.ip ?? null,
  });
  const secure = isSecureRequest(req, settings);
  res.cookie(secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, token, {
    httpOnly: true,
    secure,
    sameSite: 'strict',
    path: '/',
    maxAge: settings.absoluteMs,
  });
  return id;
}

export function clearSessionCookie(req: Request, res: Response, settings: AuthSettings): void {
  const secure = isSecureRequest(req, settings);
  res.clearCookie(secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, { httpOnly: true, secure, sameSite: 'strict', path: '/' });
}

export async function endSession(sessionId: string): Promise<void> {
  await SessionModel.deleteOne({ _id: sessionId });
}

export async function endAllSessionsOf(userId: string, exceptSessionId?: string): Promise<void> {
  await SessionModel.deleteMany(
    exceptSessionId ? { userId, _id: mongoose.trusted({ $ne: exceptSessionId }) } : { userId },
  );
}

export async function setSessionStage(sessionId: string, stage: SessionStage): Promise<void> {
  await SessionModel.updateOne({ _id: sessionId }, { $set: { stage } });
}
