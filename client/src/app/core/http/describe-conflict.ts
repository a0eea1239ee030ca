import { ApiError } from './api-error';

/** Codes the API gives a write based on a revision someone else has since replaced. */
const STALE_CODES: ReadonlySet<string> = new Set(['stale_revision', 'version_conflict']);

/**
 * One line for a write refused because the data changed under it (409): `staleMessage` when the
 * revision was stale, else the server's own reason (published meanwhile, rating ended), whose
 * generic title "数据已被他人修改" would mislead. Null for any other failure.
 */
export function describeConflict(error: unknown, staleMessage: string): string | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  if (STALE_CODES.has(error.problem?.code ?? '')) return staleMessage;
  return error.problem?.detail ?? staleMessage;
}
