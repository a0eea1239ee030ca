import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AdjustmentProposalListSchema,
  AdjustmentProposalSchema,
  AdjustmentRulesSchema,
  CycleListSchema,
  type AdjustmentProposal,
  type AdjustmentRule,
  type AdjustmentRules,
  type PROPOSAL_STATUSES,
  type ProposalDecision,
} from '@cadre/shared-models';
import { map, type Observable } from 'rxjs';
import type { z } from 'zod';

export type CycleList = z.infer<typeof CycleListSchema>;
export type ProposalList = z.infer<typeof AdjustmentProposalListSchema>;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface ProposalListQuery {
  readonly status?: ProposalStatus;
  readonly cycleId?: string;
  readonly page: number;
  readonly size: number;
}

/** Adjustment proposals raised when a cycle locks (能上能下), and the rules that raise them. */
@Injectable({ providedIn: 'root' })
export class ProposalsApi {
  private readonly http = inject(HttpClient);

  list(query: ProposalListQuery): Observable<ProposalList> {
    let params = new HttpParams().set('page', query.page).set('size', query.size);
    if (query.status) params = params.set('status', query.status);
    if (query.cycleId) params = params.set('cycleId', query.cycleId);
    return this.http.get<unknown>('/api/adjustment-proposals', { params }).pipe(map((body) => AdjustmentProposalListSchema.parse(body)));
  }

  decide(id: string, decision: ProposalDecision): Observable<AdjustmentProposal> {
    return this.http
      .post<unknown>(`/api/adjustment-proposals/${encodeURIComponent(id)}/decision`, decision)
      .pipe(map((body) => AdjustmentProposalSchema.parse(body)));
  }

  /** Locked cycles, newest first as the API lists them, for the cycle filter: only they raise proposals. */
  lockedCycles(): Observable<CycleList> {
    const params = new HttpParams().set('status', 'locked').set('page', 0).set('size', 100);
    return this.http.get<unknown>('/api/cycles', { params }).pipe(map((body) => CycleListSchema.parse(body)));
  }

  rules(): Observable<AdjustmentRules> {
    return this.http.get<unknown>('/api/adjustment-rules').pipe(map((body) => AdjustmentRulesSchema.parse(body)));
  }

  /** Fails with 409 when someone else saved the rules since `revision`. */
  saveRules(revision: number, rules: readonly AdjustmentRule[]): Observable<AdjustmentRules> {
    return this.http.put<unknown>('/api/adjustment-rules', { revision, rules }).pipe(map((body) => AdjustmentRulesSchema.parse(body)));
  }
}
