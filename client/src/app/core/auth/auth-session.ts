import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import {
  MeSchema,
  type Action,
  type LoginRequest,
  type Me,
  type TotpLoginRequest,
} from '@cadre/shared-models';
import { catchError, map, of, switchMap, tap, throwError, type Observable } from 'rxjs';
import { ApiError } from '../http/api-error';

/**
 * Who is signed in, as the API last said. The client only uses it to decide what to show and
 * where to route; the API checks every request itself.
 */
@Injectable({ providedIn: 'root' })
export class AuthSession {
  private readonly http = inject(HttpClient);
  private readonly current = signal<Me | null>(null);
  private readonly permissions = computed(() => new Set<Action>(this.current()?.permissions ?? []));

  readonly me = this.current.asReadonly();

  /** Whether the signed-in user's roles grant the action; reactive when read inside a template or computed. */
  can(action: Action): boolean {
    return this.permissions().has(action);
  }

  /**
   * Asks the API who is signed in. A 401 means nobody: that is an answer, not a failure. The
   * same request also sets the XSRF cookie that every later POST needs.
   */
  refresh(): Observable<Me | null> {
    return this.http.get<unknown>('/api/auth/session').pipe(
      map((body) => MeSchema.parse(body)),
      catchError((error: unknown) => (error instanceof ApiError && error.status === 401 ? of(null) : throwError(() => error))),
      tap((me) => this.current.set(me)),
    );
  }

  /** Checks the password; the returned stage says which step, if any, comes next. */
  login(request: LoginRequest): Observable<Me> {
    return this.http.post<unknown>('/api/auth/login', request).pipe(
      map((body) => MeSchema.parse(body)),
      tap((me) => this.current.set(me)),
    );
  }

  /** Completes a login with a TOTP code or a one-use recovery code. */
  verifySecondFactor(request: TotpLoginRequest): Observable<Me> {
    return this.http.post<unknown>('/api/auth/totp', request).pipe(
      map((body) => MeSchema.parse(body)),
      tap((me) => this.current.set(me)),
    );
  }

  /**
   * Ends the session on the server, then asks for the session again: the answer is a 401, but
   * it hands out a fresh XSRF cookie, so the next login on this page is accepted.
   */
  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', null).pipe(
      // A 401 means the server had already ended the session: the user is signed out either way.
      catchError((error: unknown) => (error instanceof ApiError && error.status === 401 ? of(undefined) : throwError(() => error))),
      tap(() => this.current.set(null)),
      switchMap(() => this.refresh().pipe(catchError(() => of(null)))),
      map(() => undefined),
    );
  }

  /** Takes the user the API returned from an account change (password, second factor). */
  set(me: Me): void {
    this.current.set(me);
  }

  /** Forgets the user after the API said the session is gone. */
  clear(): void {
    this.current.set(null);
  }
}
