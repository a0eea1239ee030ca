import type { HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { ApiError } from '../http/api-error';
import { AuthSession } from './auth-session';

/** Their 401 is an answer about the session or about credentials, never a sign it expired. */
const SESSION_ENDPOINTS = ['/api/auth/session', '/api/auth/login', '/api/auth/logout'];

/**
 * 401s that reject what the user just typed (wrong current password, wrong TOTP code), not the
 * session: the page that asked shows them next to the field.
 */
const CREDENTIAL_CODES = ['invalid_credentials', 'invalid_totp'];

/** Query parameter value the login page reads to say why it is shown. */
export const SESSION_EXPIRED_REASON = 'expired';

function isSessionExpiry(request: HttpRequest<unknown>, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== 401) return false;
  const path = request.url.split('?')[0] ?? '';
  if (!path.startsWith('/api/') || SESSION_ENDPOINTS.includes(path)) return false;
  return !CREDENTIAL_CODES.includes(error.problem?.code ?? '');
}

/**
 * Where to come back to after signing in again. A second-factor step that expired is on the login
 * page already; it keeps the address that page was going to return to.
 */
function returnAddress(router: Router): string | undefined {
  const current = router.parseUrl(router.url);
  const onLogin = current.root.children['primary']?.segments[0]?.path === 'login';
  return onLogin ? (current.queryParams['returnUrl'] as string | undefined) : router.url;
}

/**
 * A 401 from the API means the server ended the session (idle timeout, logout elsewhere, account
 * disabled): forget the user and go to the login page, which brings them back here afterwards.
 * Must run outside `problemInterceptor`, so it sees ApiErrors. The error still reaches the caller.
 */
export const sessionExpiryInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(AuthSession);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      // Parallel requests fail together; only the first, while a user is still known, navigates.
      if (isSessionExpiry(request, error) && session.me()) {
        session.clear();
        void router.navigate(['/login'], {
          queryParams: { returnUrl: returnAddress(router), reason: SESSION_EXPIRED_REASON },
        });
      }
      return throwError(() => error);
    }),
  );
};
