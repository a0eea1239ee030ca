import { ZodError } from 'zod';
import type { Messages } from '../i18n/messages';
import { ApiError } from './api-error';

/** What the interface tells the user about a failed load. */
export interface FailureDescription {
  readonly title: string;
  readonly detail: string | null;
  readonly requestId: string | null;
}

/** Describes a failed load in the interface language, preferring the server's own problem text. */
export function describeFailure(error: unknown, messages: Messages): FailureDescription {
  if (error instanceof ApiError) {
    if (error.problem) {
      return {
        title: error.problem.title,
        detail: error.problem.detail ?? null,
        requestId: error.problem.requestId,
      };
    }
    // Status 0 is what the browser reports when no response arrived at all.
    const title = error.status === 0 ? messages.errors.network : messages.errors.httpStatus(error.status);
    return { title, detail: null, requestId: null };
  }
  if (error instanceof ZodError) {
    return { title: messages.errors.invalidResponse, detail: null, requestId: null };
  }
  return { title: messages.errors.unexpected, detail: null, requestId: null };
}

/** One line for a refused action: the server's own explanation when it gave one, else the title. */
export function describeProblem(error: unknown, messages: Messages): string {
  const failure = describeFailure(error, messages);
  return failure.detail ?? failure.title;
}
