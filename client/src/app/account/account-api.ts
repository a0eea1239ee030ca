import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  MeSchema,
  RecoveryCodesSchema,
  TotpEnrollmentSchema,
  type ChangePasswordRequest,
  type Me,
  type RecoveryCodes,
  type TotpEnrollment,
  type TotpEnrollmentStartRequest,
} from '@cadre/shared-models';
import { map, type Observable } from 'rxjs';

/** The signed-in user's own credentials: password and authenticator. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  /** 400 `validation_failed` lists the policy rules the new password breaks; 401 means a wrong current password. */
  changePassword(request: ChangePasswordRequest): Observable<Me> {
    return this.http.post<unknown>('/api/auth/password', request).pipe(map((body) => MeSchema.parse(body)));
  }

  /**
   * A new secret, pending until confirmed with a code generated from it. Replacing a bound
   * authenticator needs `proof`; 401 `invalid_credentials` or `invalid_totp` says which part is wrong.
   */
  startTotpEnrollment(proof?: TotpEnrollmentStartRequest): Observable<TotpEnrollment> {
    return this.http
      .post<unknown>('/api/auth/totp/enrollment', proof ?? null)
      .pipe(map((body) => TotpEnrollmentSchema.parse(body)));
  }

  confirmTotpEnrollment(code: string): Observable<RecoveryCodes> {
    return this.http
      .post<unknown>('/api/auth/totp/enrollment/confirm', { code })
      .pipe(map((body) => RecoveryCodesSchema.parse(body)));
  }
}
