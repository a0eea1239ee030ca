import type { RequestHandler } from 'express';
import type { Role, SessionStage } from '@cadre/shared-models';
import { SessionModel } from './session.model.js';
import { UserModel } from '../users/user.model.js';
import { hashSessionToken, readSessionToken } from './session.service.js';
import type { AuthSettings } from './auth-settings.js';

/** Writing lastSeenAt on every request would double the load; a minute's precision is enough for a 30-minute idle limit. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Resolves the session cookie to `req.auth`. Idle and absolute limits are enforced here, on the
 * server: an expired session is deleted, so the old cookie can never come back to life.
 */
export function sessionMiddleware(settings: AuthSettings): RequestHandler {
  return async (req, _res, next) => {
    const token = readSessionToken(req);
    if (!token) return next();
    const id = hashSessionToken(token);
    const session = await SessionModel.findById(id).lean();
    if (!session) return next();
    const now = Date.now();
    if (now - session.lastSeenAt.getTime() > settings.idleMs || now > session.expiresAt.getTime()) {
      await SessionModel.deleteOne({ _id: id });
      return next();
    }
    const user = await UserModel.findById(session.userId).lean();
    if (!user || user.disabled) {
      await SessionModel.deleteOne({ _id: id });
      return next();
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await SessionModel.updateOne({ _id: id }, { $set: { lastSeenAt: new Date(now) } });
    }
    req.auth = {
      sessionId: id,
      stage: session.stage as SessionStage,
      user: {
        id: String(user._id),
        username: user.username,
        displayName: user.displayName,
        roles: user.roles as Role[],
        unitId: user.unitId ? String(user.unitId) : null,
        cadreId: user.cadreId ? String(user.cadreId) : null,
      },
    };
    next();
  };
}
