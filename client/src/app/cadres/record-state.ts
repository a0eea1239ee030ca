import type { CadreRecord } from '@cadre/shared-models';
import { catchError, map, of, startWith, switchMap, type Observable } from 'rxjs';
import { ApiError } from '../core/http/api-error';
import type { CadresApi } from './cadres-api';

export type RecordState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly record: CadreRecord }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'out-of-scope' }
  | { readonly status: 'missing' };

/**
 * The record behind each id (and each reload), as the pages showing it need it. The API answers
 * 404 for a record that does not exist and 403 for one outside the caller's scope (decision
 * 0018), so the page can say which.
 */
export function recordStates(api: CadresApi, requests: Observable<{ readonly id: string }>): Observable<RecordState> {
  return requests.pipe(
    switchMap(({ id }) =>
      api.get(id).pipe(
        map((record): RecordState => ({ status: 'loaded', record })),
        catchError((error: unknown) =>
          of<RecordState>(
            error instanceof ApiError && error.status === 404
              ? { status: 'missing' }
              : error instanceof ApiError && error.status === 403
                ? { status: 'out-of-scope' }
                : { status: 'failed', error },
          ),
        ),
        startWith<RecordState>({ status: 'loading' }),
      ),
    ),
  );
}
