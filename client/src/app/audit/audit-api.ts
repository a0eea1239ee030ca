import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AuditPageSchema,
  AuditVerificationSchema,
  type AuditPage,
  type AuditVerification,
} from '@cadre/shared-models';
import { map, type Observable } from 'rxjs';
import type { AuditFilterParams } from './audit-query';

function toParams(filters: AuditFilterParams): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined) params = params.set(key, String(value));
  }
  return params;
}

/** The audit log: read, exported and verified, each under its own permission. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(filters: AuditFilterParams, page: number, size: number): Observable<AuditPage> {
    const params = toParams(filters).set('page', page).set('size', size);
    return this.http.get<unknown>('/api/audit', { params }).pipe(map((body) => AuditPageSchema.parse(body)));
  }

  /**
   * The CSV export is a plain link: the browser downloads it with the session cookie, and no
   * record passes through the page's memory.
   */
  exportUrl(filters: AuditFilterParams): string {
    const query = toParams(filters).toString();
    return query ? `/api/audit/export?${query}` : '/api/audit/export';
  }

  /** Walks the whole hash chain on the server; may take a while on a long log. */
  verify(): Observable<AuditVerification> {
    return this.http.get<unknown>('/api/audit/verification').pipe(map((body) => AuditVerificationSchema.parse(body)));
  }
}
