import { HttpClient, HttpEventType, HttpHeaders, HttpParams, HttpRequest, type HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ImportApplyResultSchema,
  ImportReportSchema,
  type ImportReport,
} from '@cadre/shared-models';
import { filter, map, type Observable } from 'rxjs';
import type { z } from 'zod';
import { fileNameFromDisposition, type DownloadedFile } from '../ledger/file-download';

export type ImportApplyResult = z.infer<typeof ImportApplyResultSchema>;

/** An upload under way: how much has been sent, then the server's report. */
export type UploadEvent =
  | { readonly kind: 'progress'; readonly sent: number; readonly total: number }
  | { readonly kind: 'report'; readonly report: ImportReport };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * What a new person gets from an `.lrmx` import for the fields the form lacks; each is sent only
 * when chosen. Existing cadres keep their own values.
 */
export interface LrmxImportOptions {
  readonly unitId: string | null;
  readonly postLevel: string | null;
  readonly rank: string | null;
  readonly category: string | null;
  readonly appointmentType: string | null;
}

/**
 * The import endpoints. An upload only produces a report; nothing reaches the cadre records until
 * the batch is applied, all rows or none, by the user who uploaded it.
 */
@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  /** `fallbackName` is used when the response names no file. */
  downloadExcelTemplate(fallbackName: string): Observable<DownloadedFile> {
    return this.http
      .get('/api/imports/excel-template.xlsx', { observe: 'response', responseType: 'blob' })
      .pipe(
        map((response) => ({
          blob: response.body ?? new Blob([], { type: XLSX_TYPE }),
          fileName: fileNameFromDisposition(response.headers.get('Content-Disposition'), fallbackName),
        })),
      );
  }

  /** Sends the workbook's bytes as they are (not a form); 413 over MAX_IMPORT_BYTES, 400 when it is no workbook. */
  uploadExcel(file: File): Observable<UploadEvent> {
    return this.upload('/api/imports/excel', file, XLSX_TYPE, new HttpParams().set('fileName', file.name));
  }

  /** One `.lrmx` or a `.zip` of them; the server tells which by the bytes. */
  uploadLrmx(file: File, options: LrmxImportOptions): Observable<UploadEvent> {
    let params = new HttpParams().set('fileName', file.name);
    for (const [key, value] of Object.entries(options)) {
      if (value) params = params.set(key, value);
    }
    const type = file.name.toLowerCase().endsWith('.zip') ? 'application/zip' : 'application/xml';
    return this.upload('/api/imports/lrmx', file, type, params);
  }

  /** 409 when the batch was already applied or a matched record changed since the report. */
  apply(id: string): Observable<ImportApplyResult> {
    return this.http
      .post<unknown>(`${this.url(id)}/apply`, null)
      .pipe(map((body) => ImportApplyResultSchema.parse(body)));
  }

  discard(id: string): Observable<void> {
    return this.http.delete<void>(this.url(id));
  }

  private upload(url: string, file: File, contentType: string, params: HttpParams): Observable<UploadEvent> {
    const request = new HttpRequest('POST', url, file, {
      params,
      headers: new HttpHeaders({ 'Content-Type': contentType }),
      reportProgress: true,
    });
    return this.http.request<unknown>(request).pipe(
      map((event: HttpEvent<unknown>): UploadEvent | null => {
        if (event.type === HttpEventType.UploadProgress) {
          return { kind: 'progress', sent: event.loaded, total: event.total ?? file.size };
        }
        if (event.type === HttpEventType.Response) {
          return { kind: 'report', report: ImportReportSchema.parse(event.body) };
        }
        return null;
      }),
      filter((event) => event !== null),
    );
  }

  private url(id: string): string {
    return `/api/imports/${encodeURIComponent(id)}`;
  }
}
