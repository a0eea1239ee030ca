import type { WritableSignal } from '@angular/core';
import type { AbstractControl, FormGroup } from '@angular/forms';
import { ApiError } from '../http/api-error';
import { describeFailure, type FailureDescription } from '../http/describe-failure';
import type { Messages } from '../i18n/messages';

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

/**
 * Shows why the API refused a form: on the fields its problem names, or else as a whole in
 * `failure`.
 */
export function showSubmitFailure(
  form: FormGroup,
  error: unknown,
  failure: WritableSignal<FailureDescription | null>,
  messages: Messages,
): void {
  if (!applyServerErrors(form, error)) failure.set(describeFailure(error, messages));
}

/**
 * Puts the server's verdict on one field (a wrong password, a wrong code) under it, shown at
 * once rather than after the user leaves the field again.
 */
export function setServerError(control: AbstractControl, message: string): void {
  control.setErrors({ server: [message] });
  control.markAsTouched();
}
