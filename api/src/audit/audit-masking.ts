import { maskIdNumber } from '@cadre/shared-models';

// Keys whose values are credentials (security.md 17): password, newPassword, totpSecret,
// csrfToken, sessionId, recoveryCodes and their kin.
const SECRET_KEY = /(password|secret|token|sessionid|recoverycodes)$/i;
const ID_NUMBER_KEY = /idnumber$/i;
// An 18-digit (or old 15-digit) resident ID number, wherever a caller forgot to mask it.
const ID_NUMBER_VALUE = /^(\d{17}[\dXx]|\d{15})$/;

/**
 * Masks a top-level field (username, objectId) that holds an ID number: people who sign in
 * with their ID number type it where the username goes, and a failed attempt is audited.
 */
export function maskIdNumberLike(value: string | null): string | null {
  return value !== null && ID_NUMBER_VALUE.test(value) ? maskIdNumber(value) : value;
}

/** A flag such as `mustChangePassword: { before: false, after: true }` reveals no secret. */
function carriesOnlyFlags(value: unknown): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'object' && !Array.isArray(value)) return Object.values(value).every(carriesOnlyFlags);
  return false;
}

function maskValue(value: unknown, underIdNumberKey: boolean): unknown {
  if (typeof value === 'string') return underIdNumberKey || ID_NUMBER_VALUE.test(value) ? maskIdNumber(value) : value;
  if (typeof value === 'number' && underIdNumberKey) return maskIdNumber(String(value));
  if (Array.isArray(value)) return value.map((item) => maskValue(item, underIdNumberKey));
  if (value !== null && typeof value === 'object') {
    const masked: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (SECRET_KEY.test(key) && !carriesOnlyFlags(item)) continue;
      masked[key] = maskValue(item, underIdNumberKey || ID_NUMBER_KEY.test(key));
    }
    return masked;
  }
  return value;
}

/**
 * The detail as it may be stored: plain JSON (so what is hashed is what the database gives
 * back: no Dates, ObjectIds or undefined), credentials dropped and ID numbers masked, as a
 * last line of defence behind callers that are supposed to have done so already.
 */
export function maskAuditDetail(detail: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (detail === null || detail === undefined) return null;
  const json: unknown = JSON.parse(JSON.stringify(detail));
  return maskValue(json, false) as Record<string, unknown>;
}
