import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  UnitListSchema,
  UnitWithVersionSchema,
  type UnitCreateRequest,
  type UnitUpdateRequest,
} from '@cadre/shared-models';
import { map, type Observable } from 'rxjs';
import type { z } from 'zod';

export type UnitWithVersion = z.infer<typeof UnitWithVersionSchema>;

/** The organization tree's units, as a flat list the client arranges into a tree. */
@Injectable({ providedIn: 'root' })
export class UnitsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<UnitWithVersion[]> {
    return this.http.get<unknown>('/api/units').pipe(map((body) => UnitListSchema.parse(body).items));
  }

  create(request: UnitCreateRequest): Observable<UnitWithVersion> {
    return this.http.post<unknown>('/api/units', request).pipe(map((body) => UnitWithVersionSchema.parse(body)));
  }

  /** Fails with 409 `version_conflict` when someone changed the unit since `request.version`. */
  update(id: string, request: UnitUpdateRequest): Observable<UnitWithVersion> {
    return this.http
      .patch<unknown>(`/api/units/${encodeURIComponent(id)}`, request)
      .pipe(map((body) => UnitWithVersionSchema.parse(body)));
  }

  /** Fails with 409 `unit_not_empty` while the unit has sub-units or cadres. */
  remove(id: string): Observable<void> {
    return this.http.delete<void>(`/api/units/${encodeURIComponent(id)}`);
  }
}
