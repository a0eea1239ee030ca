import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AccountChangeApprovalSchema,
  CadreCandidateListSchema,
  CreatedUserSchema,
  PasswordPartSchema,
  PasswordResetSchema,
  UserListSchema,
  UserSchema,
  type CadreCandidateList,
  type CreateUserRequest,
  type GrantRolesRequest,
  type UpdateUserRequest,
  type User,
  type UserList,
} from '@cadre/shared-models';
import { map, type Observable } from 'rxjs';
import type { z } from 'zod';

export type CreatedUser = z.infer<typeof CreatedUserSchema>;

export type PasswordReset = z.infer<typeof PasswordResetSchema>;
export type AccountChangeApproval = z.infer<typeof AccountChangeApprovalSchema>;

export interface UserListQuery {
  readonly q: string;
  readonly page: number;
  readonly size: number;
}

/** Account administration. Writes that carry a `version` fail with 409 `version_conflict` when stale. */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list({ q, page, size }: UserListQuery): Observable<UserList> {
    let params = new HttpParams().set('page', page).set('size', size);
    if (q) params = params.set('q', q);
    return this.http.get<unknown>('/api/users', { params }).pipe(map((body) => UserListSchema.parse(body)));
  }

  /** Cadre records to link an account to, by words of name, unit or post (decision 0019); audited by the API. */
  cadreCandidates(q: string): Observable<CadreCandidateList> {
    return this.http
      .get<unknown>('/api/users/cadre-candidates', { params: new HttpParams().set('q', q) })
      .pipe(map((body) => CadreCandidateListSchema.parse(body)));
  }

  /** The new account and its one-time password, which the API returns only this once. */
  create(request: CreateUserRequest): Observable<CreatedUser> {
    return this.http.post<unknown>('/api/users', request).pipe(map((body) => CreatedUserSchema.parse(body)));
  }

  update(id: string, request: UpdateUserRequest): Observable<User> {
    return this.http.patch<unknown>(this.url(id), request).pipe(map((body) => UserSchema.parse(body)));
  }

  disable(id: string): Observable<User> {
    return this.post(id, 'disable');
  }

  enable(id: string): Observable<User> {
    return this.post(id, 'enable');
  }

  /** Lifts a lockout from repeated failed logins before it runs out. */
  unlock(id: string): Observable<User> {
    return this.post(id, 'unlock');
  }

  /** The one-time password at once for an account without roles; otherwise null, and the account's pending request. */
  resetPassword(id: string): Observable<PasswordReset> {
    return this.http.post<unknown>(`${this.url(id)}/password-reset`, null).pipe(map((body) => PasswordResetSchema.parse(body)));
  }

  /** A security_admin applies the pending change; an approved reset answers with the password's first half. */
  approveChange(id: string, version: number): Observable<AccountChangeApproval> {
    return this.http
      .post<unknown>(`${this.url(id)}/pending-change/approval`, { version })
      .pipe(map((body) => AccountChangeApprovalSchema.parse(body)));
  }

  rejectChange(id: string, version: number, reason: string): Observable<User> {
    return this.http
      .post<unknown>(`${this.url(id)}/pending-change/rejection`, { version, reason })
      .pipe(map((body) => UserSchema.parse(body)));
  }

  /** The second half of an approved reset's password, once, to the administrator who asked for the reset. */
  collectPasswordPart(id: string): Observable<string> {
    return this.http
      .post<unknown>(`${this.url(id)}/password-part`, null)
      .pipe(map((body) => PasswordPartSchema.parse(body).passwordPart));
  }

  /** 400 when the roles break 三员分立, with the reason in the problem's `errors`. */
  grantRoles(id: string, request: GrantRolesRequest): Observable<User> {
    return this.http.put<unknown>(`${this.url(id)}/roles`, request).pipe(map((body) => UserSchema.parse(body)));
  }

  private post(id: string, action: 'disable' | 'enable' | 'unlock'): Observable<User> {
    return this.http.post<unknown>(`${this.url(id)}/${action}`, null).pipe(map((body) => UserSchema.parse(body)));
  }

  private url(id: string): string {
    return `/api/users/${encodeURIComponent(id)}`;
  }
}
