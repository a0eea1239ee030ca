import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CorrectionListSchema,
  CorrectionRequestSchema,
  type CorrectionDecision,
  type CorrectionRequest,
  type CORRECTION_STATUSES,
  type CorrectionRequestInput,
} from '@cadre/shared-models';
import { map, type Observable } from 'rxjs';
import type { z } from 'zod';

export type CorrectionList = z.infer<typeof CorrectionListSchema>;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

export interface CorrectionListQuery {
  readonly status?: CorrectionStatus;
  readonly cadreId?: string;
  readonly page: number;
  readonly size: number;
}

/** Correction requests: a cadre submits on their own record, the unit manager or org_admin decides. */
@Injectable({ providedIn: 'root' })
export class CorrectionsApi {
  private readonly http = inject(HttpClient);

  submit(cadreId: string, input: CorrectionRequestInput): Observable<CorrectionRequest> {
    return this.http
      .post<unknown>(`/api/cadres/${encodeURIComponent(cadreId)}/corrections`, input)
      .pipe(map((body) => CorrectionRequestSchema.parse(body)));
  }

  /** The requests the caller may read (their own, their subtree's, or all), newest first. */
  list(query: CorrectionListQuery): Observable<CorrectionList> {
    let params = new HttpParams().set('page', query.page).set('size', query.size);
    if (query.status) params = params.set('status', query.status);
    if (query.cadreId) params = params.set('cadreId', query.cadreId);
    return this.http.get<unknown>('/api/corrections', { params }).pipe(map((body) => CorrectionListSchema.parse(body)));
  }

  decide(id: string, decision: CorrectionDecision): Observable<CorrectionRequest> {
    return this.http
      .post<unknown>(`/api/corrections/${encodeURIComponent(id)}/decision`, decision)
      .pipe(map((body) => CorrectionRequestSchema.parse(body)));
  }
}
