import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AssessmentHistorySchema,
  CadreResultSchema,
  CycleDistributionSchema,
  type CadreResult,
  type CycleDistribution,
} from '@cadre/shared-models';
import { map, type Observable } from 'rxjs';
import type { z } from 'zod';

export type AssessmentHistory = z.infer<typeof AssessmentHistorySchema>;

/** Results of closed cycles: one cadre's report, a cycle's grade distribution, a cadre's history over the years. */
@Injectable({ providedIn: 'root' })
export class ResultsApi {
  private readonly http = inject(HttpClient);

  result(cycleId: string, cadreId: string): Observable<CadreResult> {
    return this.http
      .get<unknown>(`/api/cycles/${encodeURIComponent(cycleId)}/results/${encodeURIComponent(cadreId)}`)
      .pipe(map((body) => CadreResultSchema.parse(body)));
  }

  distribution(cycleId: string): Observable<CycleDistribution> {
    return this.http
      .get<unknown>(`/api/cycles/${encodeURIComponent(cycleId)}/distribution`)
      .pipe(map((body) => CycleDistributionSchema.parse(body)));
  }

  /** The locked results of one cadre, oldest first as the API keeps them. */
  history(cadreId: string): Observable<AssessmentHistory> {
    return this.http
      .get<unknown>(`/api/cadres/${encodeURIComponent(cadreId)}/assessment-history`)
      .pipe(map((body) => AssessmentHistorySchema.parse(body)));
  }
}
