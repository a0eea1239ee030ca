import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CycleListSchema,
  CycleSchema,
  RateeAssignmentListSchema,
  RateeAssignmentSchema,
  type AssignmentEdit,
  type CycleInput,
  type CycleStatus,
  type Cycle,
  type RateeAssignment,
} from '@cadre/shared-models';
import { map, type Observable } from 'rxjs';
import type { z } from 'zod';

export type CycleList = z.infer<typeof CycleListSchema>;
export type RateeAssignmentList = z.infer<typeof RateeAssignmentListSchema>;
export type RateeAssignmentRow = RateeAssignmentList['items'][number];

/** The state changes of a cycle the assessor starts from its page. */
export type CycleTransition = 'launch' | 'reminders' | 'close';

export interface AssignmentQuery {
  readonly unitId?: string;
  readonly q?: string;
  readonly page: number;
  readonly size: number;
}

/** Assessment cycles: their setup, state changes, and who rates whom. */
@Injectable({ providedIn: 'root' })
export class CyclesApi {
  private readonly http = inject(HttpClient);

  list(query: { status?: CycleStatus; page: number; size: number }): Observable<CycleList> {
    let params = new HttpParams().set('page', query.page).set('size', query.size);
    if (query.status) params = params.set('status', query.status);
    return this.http.get<unknown>('/api/cycles', { params }).pipe(map((body) => CycleListSchema.parse(body)));
  }

  get(id: string): Observable<Cycle> {
    return this.http.get<unknown>(this.cycleUrl(id)).pipe(map((body) => CycleSchema.parse(body)));
  }

  create(input: CycleInput): Observable<Cycle> {
    return this.http.post<unknown>('/api/cycles', input).pipe(map((body) => CycleSchema.parse(body)));
  }

  /** Only while the cycle is a draft; fails with 409 when it changed since `revision`. */
  update(id: string, revision: number, input: CycleInput): Observable<Cycle> {
    return this.http.put<unknown>(this.cycleUrl(id), { revision, input }).pipe(map((body) => CycleSchema.parse(body)));
  }

  transition(id: string, transition: CycleTransition, revision: number): Observable<Cycle> {
    return this.http
      .post<unknown>(`${this.cycleUrl(id)}/${transition}`, { revision })
      .pipe(map((body) => CycleSchema.parse(body)));
  }

  assignments(id: string, query: AssignmentQuery): Observable<RateeAssignmentList> {
    let params = new HttpParams().set('page', query.page).set('size', query.size);
    if (query.unitId) params = params.set('unitId', query.unitId);
    if (query.q) params = params.set('q', query.q);
    return this.http
      .get<unknown>(`${this.cycleUrl(id)}/assignments`, { params })
      .pipe(map((body) => RateeAssignmentListSchema.parse(body)));
  }

  assignment(id: string, cadreId: string): Observable<RateeAssignment> {
    return this.http.get<unknown>(this.assignmentUrl(id, cadreId)).pipe(map((body) => RateeAssignmentSchema.parse(body)));
  }

  editAssignment(id: string, cadreId: string, edit: AssignmentEdit): Observable<RateeAssignment> {
    return this.http.patch<unknown>(this.assignmentUrl(id, cadreId), edit).pipe(map((body) => RateeAssignmentSchema.parse(body)));
  }

  private cycleUrl(id: string): string {
    return `/api/cycles/${encodeURIComponent(id)}`;
  }

  private assignmentUrl(id: string, cadreId: string): string {
    return `${this.cycleUrl(id)}/assignments/${encodeURIComponent(cadreId)}`;
  }
}
