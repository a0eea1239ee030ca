import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CadreDistributionSchema, type CadreDistribution } from '@cadre/shared-models';
import { map, type Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class CadreDistributionApi {
  private readonly http = inject(HttpClient);

  /** Fetches the distribution; a body that does not match the shared schema fails with a ZodError. */
  load(): Observable<CadreDistribution> {
    return this.http
      .get<unknown>('/api/stats/cadre-distribution')
      .pipe(map((body) => CadreDistributionSchema.parse(body)));
  }
}
