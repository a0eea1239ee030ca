import { ApiError } from '../core/http/api-error';
import { describeFailure, type FailureDescription } from '../core/http/describe-failure';
import type { Messages } from '../core/i18n/messages';

/**
 * Explains a refused login in the interface language: how many attempts remain before the
 * lock, and once locked, the local time it lifts (with the date when that is not today). The
 * request id is left out because these are answers, not faults for support to trace.
 */
export function describeLoginFailure(error: unknown, messages: Messages, now = new Date()): FailureDescription {
  const text = messages.login;
  if (error instanceof ApiError) {
    const problem = error.problem;
    const lockedUntil = problem?.lockedUntil ? new Date(problem.lockedUntil) : null;
    const lockText = lockedUntil && !Number.isNaN(lockedUntil.getTime()) ? lockoutText(lockedUntil, now, messages) : null;
    const attempts = problem?.attemptsRemaining;
    const countdown = lockText ?? (typeof attempts === 'number' ? messages.workspaces.lockout.attemptsRemaining(attempts) : null);
    switch (problem?.code) {
      case 'invalid_credentials':
        return { title: text.invalidCredentials, detail: countdown, requestId: null };
      case 'invalid_totp':
        return { title: text.invalidTotp, detail: countdown, requestId: null };
      case 'account_locked':
        return { title: text.accountLocked, detail: lockText, requestId: null };
      case 'account_disabled':
        return { title: text.accountDisabled, detail: null, requestId: null };
    }
    // A rate limiter in front of the API may answer without a problem body.
    if (error.status === 429) return { title: text.rateLimited, detail: null, requestId: null };
  }
  return describeFailure(error, messages);
}

/** When the lock lifts, in the browser's own time zone: the time, and the date unless today. */
function lockoutText(until: Date, now: Date, messages: Messages): string {
  const language = messages.workspaces.problemLanguage;
  const time = `${String(until.getHours()).padStart(2, '0')}:${String(until.getMinutes()).padStart(2, '0')}`;
  const sameDay = until.toDateString() === now.toDateString();
  const date = language === 'zh' ? `${until.getMonth() + 1}月${until.getDate()}日 ` : `${until.toLocaleDateString('en', { month: 'short', day: 'numeric' })}, `;
  return messages.workspaces.lockout.lockedUntil(sameDay ? time : `${date}${time}`);
}
