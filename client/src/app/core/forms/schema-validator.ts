import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { describeIssue } from '@cadre/shared-models';
import type * as z from 'zod';

/**
 * Words for the checks a shared schema carries no message for (an unmade choice, a number's
 * range, whole numbers), in the interface language the I18n service writes on <html lang>; a
 * message written on the schema still wins. Shown under a field, so it need not name it, and it
 * never lists an enum's raw values.
 */
export const fieldIssueMessage: z.core.$ZodErrorMap = (issue) =>
  describeIssue(issue, globalThis.document?.documentElement.lang === 'en' ? 'en' : 'zh');

/**
 * Checks a control's value with the shared zod schema the API validates the same field with,
 * so the form and the server agree on the rule and its (Chinese) message. `optional` lets an
 * empty text box through for fields the request may leave out.
 */
export function schemaValidator(schema: z.ZodType, options: { optional?: boolean } = {}): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    if (options.optional && (value === '' || value === null || value === undefined)) return null;
    const result = schema.safeParse(value, { error: fieldIssueMessage });
    return result.success ? null : { schema: result.error.issues[0]?.message ?? '' };
  };
}

/** Field messages to show under a control: the schema's message and any the server sent. */
export function describeControlErrors(errors: ValidationErrors | null): string[] {
  if (!errors) return [];
  const messages: string[] = [];
  if (typeof errors['schema'] === 'string') messages.push(errors['schema']);
  if (Array.isArray(errors['server'])) messages.push(...(errors['server'] as string[]));
  // The shared record rules across fields (cadres/record-consistency-validator).
  if (Array.isArray(errors['record'])) messages.push(...(errors['record'] as string[]));
  return messages;
}

/**
 * A box that must not stay empty: a number box gives null when emptied, a choice null until one
 * is made, and the schema would reject null in its own generic words. `emptyMessage` asks for
 * the value instead; anything given is checked by the schema.
 */
export function requiredSchemaValidator(schema: z.ZodType, emptyMessage: string): ValidatorFn {
  const check = schemaValidator(schema);
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    return value === null || value === undefined || value === '' ? { schema: emptyMessage } : check(control);
  };
}
