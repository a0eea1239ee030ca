import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from './errors.js';

export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Double-submit CSRF check in the form Angular's HttpClient speaks: the server sets a readable
 * XSRF-TOKEN cookie, the client echoes it in X-XSRF-TOKEN, and a mutating request whose header
 * does not match the cookie is refused. Another site can neither read the cookie nor set the header.
 */
export function csrfProtection(secureCookie: (req: Parameters<RequestHandler>[0]) => boolean): RequestHandler {
  return (req, res, next) => {
    const cookies = (req.cookies ?? {}) as Record<string, string | undefined>;
    let token = cookies[XSRF_COOKIE];
    if (!token) {
      token = randomBytes(24).toString('base64url');
      res.cookie(XSRF_COOKIE, token, { httpOnly: false, sameSite: 'strict', secure: secureCookie(req), path: '/' });
    }
    if (SAFE_METHODS.has(req.method)) return next();
    const header = req.get(XSRF_HEADER);
    const cookie = cookies[XSRF_COOKIE];
    if (!header || !cookie || !sameToken(header, cookie)) {
      return next(new AppError(403, 'csrf_failed', '请求缺少有效的防跨站令牌，请刷新页面后重试'));
    }
    next();
  };
}
