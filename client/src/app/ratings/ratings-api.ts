import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  RaterTaskListSchema,
  RaterTaskSchema,
  RatingFormSchema,
  type BallotDraft,
  type RaterGroup,
  type RaterTask,
  type RatingForm,
} from '@cadre/shared-models';
import { map, type Observable } from 'rxjs';
import type { z } from 'zod';

export type RaterTaskList = z.infer<typeof RaterTaskListSchema>;

/** Which form: the cycle, the cadre rated, and the role the rater rates them in. */
export interface RatingKey {
  readonly cycleId: string;
  readonly rateeId: string;
  readonly group: RaterGroup;
}

/** The signed-in rater's own forms: the list, a form with its draft, saving and submitting. */
@Injectable({ providedIn: 'root' })
export class RatingsApi {
  private readonly http = inject(HttpClient);

  tasks(): Observable<RaterTaskList> {
    return this.http.get<unknown>('/api/my/rating-tasks').pipe(map((body) => RaterTaskListSchema.parse(body)));
  }

  form(key: RatingKey): Observable<RatingForm> {
    return this.http.get<unknown>(this.formUrl(key)).pipe(map((body) => RatingFormSchema.parse(body)));
  }

  saveDraft(key: RatingKey, draft: BallotDraft): Observable<RatingForm> {
    return this.http.put<unknown>(`${this.formUrl(key)}/draft`, draft).pipe(map((body) => RatingFormSchema.parse(body)));
  }

  /** Refused unless every indicator has a score; once accepted the form can no longer change. */
  submit(key: RatingKey, ballot: BallotDraft): Observable<RaterTask> {
    return this.http.post<unknown>(this.formUrl(key), ballot).pipe(map((body) => RaterTaskSchema.parse(body)));
  }

  private formUrl({ cycleId, rateeId, group }: RatingKey): string {
    return `/api/cycles/${encodeURIComponent(cycleId)}/ratings/${encodeURIComponent(rateeId)}/${group}`;
  }
}
