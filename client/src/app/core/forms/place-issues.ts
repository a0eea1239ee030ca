import type { AbstractControl } from '@angular/forms';
import type { ZodError } from 'zod';
import { ApiError } from '../http/api-error';

/** A message for a place in a request body, as a dotted path (`dimensions.0.weight`). */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/** The field messages of a refused request whose body nests the form's value under `prefix` (`body.`, `body.content.`). */
export function problemIssues(error: unknown, prefix: string): FieldIssue[] {
  if (!(error instanceof ApiError)) return [];
  // A message about the nested value as a whole comes without the trailing dot.
  const whole = prefix.replace(/\.$/, '');
  return (error.problem?.errors ?? [])
    .filter(({ path }) => path.startsWith(prefix) || path === whole)
    .map(({ path, message }) => ({ path: path === whole ? '' : path.slice(prefix.length), message }));
}

/** The issues of a schema check of the whole form value, which single fields cannot see (sums, order, duplicates). */
export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/**
 * Puts each message on the deepest control its path reaches, where the user looks for it, and
 * returns those that reach no control below the form itself, for the page to list.
 */
export function placeIssues(form: AbstractControl, issues: readonly FieldIssue[]): string[] {
  const unplaced: string[] = [];
  for (const { path, message } of issues) {
    const control = deepestControl(form, path === '' ? [] : path.split('.'));
    if (control === form) {
      unplaced.push(message);
      continue;
    }
    const server = (control.errors?.['server'] as string[] | undefined) ?? [];
    if (!server.includes(message)) control.setErrors({ ...control.errors, server: [...server, message] });
    control.markAsTouched();
  }
  return unplaced;
}

function deepestControl(form: AbstractControl, path: readonly string[]): AbstractControl {
  let found = form;
  for (let depth = 1; depth <= path.length; depth++) {
    const control = form.get(path.slice(0, depth).join('.'));
    if (!control) break;
    found = control;
  }
  return found;
}

/** Fields that still need the person's attention: invalid controls with no invalid children. */
export function countInvalid(control: AbstractControl): number {
  const children = 'controls' in control ? Object.values(control.controls as Record<string, AbstractControl>) : [];
  if (children.length === 0) return control.invalid ? 1 : 0;
  return children.reduce((sum, child) => sum + countInvalid(child), 0);
}
