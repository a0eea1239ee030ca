import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CadreRecordSchema,
  RevealedIdNumberSchema,
  type CadreInput,
  type CadreRecord,
  type CadreUpdate,
} from '@cadre/shared-models';
import { map, type Observable } from 'rxjs';
import { ApiError } from '../core/http/api-error';

/** The largest photo the API accepts (PUT /cadres/:id/photo answers 413 above it). */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

function cadreUrl(id: string): string {
  return `/api/cadres/${encodeURIComponent(id)}`;
}

/** A cadre's record, photo and ID number; the API decides whose record the caller may reach. */
@Injectable({ providedIn: 'root' })
export class CadresApi {
  private readonly http = inject(HttpClient);

  /** One cadre's full record; 404 when it lies outside the caller's data scope. */
  get(id: string): Observable<CadreRecord> {
    return this.http.get<unknown>(cadreUrl(id)).pipe(map((body) => CadreRecordSchema.parse(body)));
  }

  create(input: CadreInput): Observable<CadreRecord> {
    return this.http.post<unknown>('/api/cadres', input).pipe(map((body) => CadreRecordSchema.parse(body)));
  }

  /** Fails with 409 `version_conflict`, carrying the record as it now stands, when `update.version` is stale. */
  update(id: string, update: CadreUpdate): Observable<CadreRecord> {
    return this.http.put<unknown>(cadreUrl(id), update).pipe(map((body) => CadreRecordSchema.parse(body)));
  }

  remove(id: string, version: number): Observable<void> {
    return this.http.delete<void>(cadreUrl(id), { params: { version } });
  }

  photo(id: string): Observable<Blob> {
    return this.http.get(`${cadreUrl(id)}/photo`, { responseType: 'blob' });
  }

  /** The JPEG as raw bytes; the server checks the size and that the bytes really are a JPEG. */
  putPhoto(id: string, jpeg: Blob): Observable<void> {
    return this.http.put<void>(`${cadreUrl(id)}/photo`, jpeg, { headers: { 'Content-Type': 'image/jpeg' } });
  }

  deletePhoto(id: string): Observable<void> {
    return this.http.delete<void>(`${cadreUrl(id)}/photo`);
  }

  /** The full ID number; the server checks the permission and audits every reveal. */
  revealIdNumber(id: string): Observable<string> {
    return this.http.post<unknown>(`${cadreUrl(id)}/id-number/reveal`, null).pipe(map((body) => RevealedIdNumberSchema.parse(body).idNumber));
  }
}

/** The record a 409 `version_conflict` says is current, or null when the failure is something else. */
export function conflictingRecordOf(error: unknown): CadreRecord | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.problem?.code !== 'version_conflict') return null;
  const parsed = CadreRecordSchema.safeParse(error.problem.current);
  return parsed.success ? parsed.data : null;
}

/** Where the .lrmx download of one record is served (GET, attachment). */
export function lrmxDownloadUrl(id: string): string {
  return `${cadreUrl(id)}/lrmx`;
}
