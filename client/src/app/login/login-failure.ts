import { ApiError } from '../core/http/api-error';
import { describeFailure, type FailureDescription } from '../core/http/describe-failure';
import type { Messages } from '../core/i18n/messages';

/**
 * Explains a refused login in the interface language. The lockout and rate-limit problems keep
 * the server's detail, which says until when; the request id is left out because these are
 * answers, not faults for support to trace.
 */
export function describeLoginFailure(error: unknown, messages: Messages): FailureDescription {
  const text = messages.login;
  if (error instanceof ApiError) {
    const detail = error.problem?.detail ?? null;
    switch (error.problem?.code) {
      case 'invalid_credentials':
        return { title: text.invalidCredentials, detail: null, requestId: null };
      case 'invalid_totp':
        return { title: text.invalidTotp, detail: null, requestId: null };
      case 'account_locked':
        return { title: text.accountLocked, detail, requestId: null };
      case 'account_disabled':
        return { title: text.accountDisabled, detail: null, requestId: null };
    }
    // A rate limiter in front of the API may answer without a problem body.
    if (error.status === 429) return { title: text.rateLimited, detail, requestId: null };
  }
  return describeFailure(error, messages);
}
