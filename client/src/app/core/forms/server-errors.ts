import type { FormGroup } from '@angular/forms';
import { ApiError } from '../http/api-error';

/** The API names request body fields `body.<field>` in a problem's `errors`. */
const BODY_PREFIX = 'body.';

/**
 * Puts the field messages of a 400 problem on the matching controls, where the user looks for
 * them. Returns whether any control took a message; when none did, the caller shows the problem
 * as a whole.
 */
export function applyServerErrors(form: FormGroup, error: unknown): boolean {
  if (!(error instanceof ApiError) || !error.problem?.errors) return false;
  const byField = new Map<string, string[]>();
  for (const { path, message } of error.problem.errors) {
    if (!path.startsWith(BODY_PREFIX)) continue;
    const field = path.slice(BODY_PREFIX.length);
    byField.set(field, [...(byField.get(field) ?? []), message]);
  }
  let applied = false;
  for (const [field, messages] of byField) {
    const control = form.get(field);
    if (!control) continue;
    control.setErrors({ ...control.errors, server: messages });
    control.markAsTouched();
    applied = true;
  }
  return applied;
}
