import { PROBLEM_CODES, isProblemCode } from '@cadre/shared-models';
import { ZodError } from 'zod';
import type { Messages } from '../i18n/messages';
import { ApiError } from './api-error';

/** What the interface tells the user about a failed load. */
export interface FailureDescription {
  readonly title: string;
  readonly detail: string | null;
  readonly requestId: string | null;
}

/**
 * Describes a failed load in the interface language. In Chinese the server's own problem text
 * wins, its specific detail over the code's general words; in English the code's words stand in
 * for the Chinese detail. A code the registry does not know falls back to the HTTP status.
 */
export function describeFailure(error: unknown, messages: Messages): FailureDescription {
  if (error instanceof ApiError) {
    const problem = error.problem;
    if (problem) {
      const known = isProblemCode(problem.code) ? PROBLEM_CODES[problem.code] : null;
      if (messages.workspaces.problemLanguage === 'zh') {
        return { title: problem.title, detail: problem.detail ?? known?.zh ?? null, requestId: problem.requestId };
      }
      return { title: known?.en ?? messages.errors.httpStatus(problem.status), detail: null, requestId: problem.requestId };
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
