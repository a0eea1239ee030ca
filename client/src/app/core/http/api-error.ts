import type { HttpErrorResponse } from '@angular/common/http';
import { ProblemSchema, type Problem } from '@cadre/shared-models';

/** A failed API call: the HTTP status and, when the body was RFC 9457 problem details, the problem. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

/** Converts an HttpClient failure into an ApiError, keeping the problem only if the body is one. */
export function toApiError(response: HttpErrorResponse): ApiError {
  const parsed = ProblemSchema.safeParse(response.error);
  return new ApiError(response.status, parsed.success ? parsed.data : null);
}

/** The problem's stable code, so callers branch on codes rather than on translated titles. */
export function problemCodeOf(error: unknown): string | null {
  return error instanceof ApiError ? (error.problem?.code ?? null) : null;
}
