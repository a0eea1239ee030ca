import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { catchError, from, map, switchMap, throwError, type Observable } from 'rxjs';
import { ApiError, toApiError } from './api-error';

/**
 * A download asks for a blob, so a refusal's problem body arrives as a blob too; it is read as
 * JSON here so the refusal reaches the page as a problem like any other.
 */
function fromBlobBody(response: HttpErrorResponse, blob: Blob): Observable<ApiError> {
  return from(blob.text()).pipe(
    map((text) => {
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON (a proxy's HTML page, say): reported by status alone.
      }
      return toApiError(new HttpErrorResponse({ error: body, status: response.status, statusText: response.statusText }));
    }),
  );
}

/** Turns every HTTP failure into an ApiError so features handle one error shape. */
export const problemInterceptor: HttpInterceptorFn = (request, next) =>
  next(request).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse)) return throwError(() => error);
      if (error.error instanceof Blob) {
        return fromBlobBody(error, error.error).pipe(switchMap((apiError) => throwError(() => apiError)));
      }
      return throwError(() => toApiError(error));
    }),
  );
