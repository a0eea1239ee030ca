import { HttpClient, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  LedgerPageSchema,
  LedgerViewSchema,
  LrmxExportRequestSchema,
  type LedgerExportQuery,
  type LedgerPage,
  type LedgerQuery,
  type LedgerView,
  type LedgerViewInput,
} from '@cadre/shared-models';
import { map, type Observable } from 'rxjs';
import * as z from 'zod';
import { fileNameFromDisposition, type DownloadedFile } from './file-download';
import { toHttpParams } from './ledger-query';

const LedgerViewListSchema = z.array(LedgerViewSchema);

function downloaded(response: HttpResponse<Blob>, fallback: string): DownloadedFile {
  return {
    blob: response.body ?? new Blob([]),
    fileName: fileNameFromDisposition(response.headers.get('Content-Disposition'), fallback),
  };
}

/** The ledger (台账) of the caller's data scope, its exports, and the caller's own saved views. */
@Injectable({ providedIn: 'root' })
export class LedgerApi {
  private readonly http = inject(HttpClient);

  page(query: LedgerQuery): Observable<LedgerPage> {
    return this.http
      .get<unknown>('/api/ledger', { params: toHttpParams(query) })
      .pipe(map((body) => LedgerPageSchema.parse(body)));
  }

  /** The filtered view as a workbook; refused with a problem when it holds too many rows. */
  exportExcel(query: LedgerExportQuery): Observable<DownloadedFile> {
    return this.http
      .get('/api/ledger/export.xlsx', { params: toHttpParams(query), responseType: 'blob', observe: 'response' })
      .pipe(map((response) => downloaded(response, '干部台账.xlsx')));
  }

  /** The appointment forms of the chosen cadres, one .lrmx each, in a zip. */
  exportLrmx(cadreIds: readonly string[]): Observable<DownloadedFile> {
    const body = LrmxExportRequestSchema.parse({ cadreIds });
    return this.http
      .post('/api/cadres/lrmx-export', body, { responseType: 'blob', observe: 'response' })
      .pipe(map((response) => downloaded(response, '任免审批表.zip')));
  }

  views(): Observable<LedgerView[]> {
    return this.http.get<unknown>('/api/ledger/views').pipe(map((body) => LedgerViewListSchema.parse(body)));
  }

  createView(input: LedgerViewInput): Observable<LedgerView> {
    return this.http.post<unknown>('/api/ledger/views', input).pipe(map((body) => LedgerViewSchema.parse(body)));
  }

  updateView(id: string, input: LedgerViewInput): Observable<LedgerView> {
    return this.http.put<unknown>(this.viewUrl(id), input).pipe(map((body) => LedgerViewSchema.parse(body)));
  }

  deleteView(id: string): Observable<void> {
    return this.http.delete<void>(this.viewUrl(id));
  }

  private viewUrl(id: string): string {
    return `/api/ledger/views/${encodeURIComponent(id)}`;
  }
}
