import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  FrameworkVersionListSchema,
  FrameworkVersionSchema,
  type FrameworkContentInput,
  type FrameworkVersion,
  type FrameworkVersionSummary,
} from '@cadre/shared-models';
import { map, type Observable } from 'rxjs';

/** Assessment frameworks: every version of each, drafts edited in place, published ones frozen. */
@Injectable({ providedIn: 'root' })
export class FrameworksApi {
  private readonly http = inject(HttpClient);

  list(): Observable<FrameworkVersionSummary[]> {
    return this.http.get<unknown>('/api/frameworks').pipe(map((body) => FrameworkVersionListSchema.parse(body).items));
  }

  get(id: string): Observable<FrameworkVersion> {
    return this.http.get<unknown>(this.versionUrl(id)).pipe(map((body) => FrameworkVersionSchema.parse(body)));
  }

  /** A new framework, as draft version 1. */
  create(content: FrameworkContentInput): Observable<FrameworkVersion> {
    return this.http.post<unknown>('/api/frameworks', { content }).pipe(map((body) => FrameworkVersionSchema.parse(body)));
  }

  /** Fails with 409 when the draft changed since `revision`, or is no longer a draft. */
  update(id: string, revision: number, content: FrameworkContentInput): Observable<FrameworkVersion> {
    return this.http.put<unknown>(this.versionUrl(id), { revision, content }).pipe(map((body) => FrameworkVersionSchema.parse(body)));
  }

  publish(id: string, revision: number): Observable<FrameworkVersion> {
    return this.http
      .post<unknown>(`${this.versionUrl(id)}/publish`, { revision })
      .pipe(map((body) => FrameworkVersionSchema.parse(body)));
  }

  /** A new draft copying this version, for changes a published version cannot take. */
  nextVersion(id: string): Observable<FrameworkVersion> {
    return this.http.post<unknown>(`${this.versionUrl(id)}/next-version`, {}).pipe(map((body) => FrameworkVersionSchema.parse(body)));
  }

  private versionUrl(id: string): string {
    return `/api/framework-versions/${encodeURIComponent(id)}`;
  }
}
