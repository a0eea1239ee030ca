import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CadreSchema, RevealedIdNumberSchema, type Cadre } from '@cadre/shared-models';
import { map, type Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class CadresApi {
  private readonly http = inject(HttpClient);

  /** One cadre's record; 403 or 404 when it lies outside the caller's data scope. */
  get(id: string): Observable<Cadre> {
    return this.http
      .get<unknown>(`/api/cadres/${encodeURIComponent(id)}`)
      .pipe(map((body) => CadreSchema.parse(body)));
  }

  /** The full ID number; the server checks the permission and audits every reveal. */
  revealIdNumber(id: string): Observable<string> {
    return this.http
      .post<unknown>(`/api/cadres/${encodeURIComponent(id)}/id-number/reveal`, null)
      .pipe(map((body) => RevealedIdNumberSchema.parse(body).idNumber));
  }
}
