import * as z from 'zod';

/** RFC 9457 problem details: the one error shape of the API. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string().describe('stable machine-readable error code'),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .describe('field-level validation messages'),
  current: z.unknown().optional().describe('on 409 version_conflict: the resource as it now stands'),
  lockedUntil: z.string().optional().describe('on 423 account_locked: when the lock lifts (ISO 8601)'),
  attemptsRemaining: z.number().int().optional().describe('on 401 invalid_credentials: failed sign-ins left before the account locks'),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const HealthSchema = z.object({ status: z.literal('ok') });

export const ReadySchema = z.object({
  status: z.enum(['ready', 'unavailable']),
  database: z.object({
    kind: z.enum(['embedded', 'external']).describe('embedded: the FerretDB the API started; external: MONGODB_URI'),
    product: z.string().describe('server product reported by the database'),
    version: z.string(),
  }),
});
export type Ready = z.infer<typeof ReadySchema>;
