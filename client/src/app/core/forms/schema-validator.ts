import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { ZodType } from 'zod';

/**
 * Checks a control's value with the shared zod schema the API validates the same field with,
 * so the form and the server agree on the rule and its (Chinese) message. `optional` lets an
 * empty text box through for fields the request may leave out.
 */
export function schemaValidator(schema: ZodType, options: { optional?: boolean } = {}): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    if (options.optional && (value === '' || value === null || value === undefined)) return null;
    const result = schema.safeParse(value);
    return result.success ? null : { schema: result.error.issues[0]?.message ?? '' };
  };
}

/** Field messages to show under a control: the schema's message and any the server sent. */
export function describeControlErrors(errors: ValidationErrors | null): string[] {
  if (!errors) return [];
  const messages: string[] = [];
  if (typeof errors['schema'] === 'string') messages.push(errors['schema']);
  if (Array.isArray(errors['server'])) messages.push(...(errors['server'] as string[]));
  return messages;
}
