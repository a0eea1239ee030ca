import * as z from 'zod';
import { ObjectIdSchema } from '../units/unit.js';

export const AUDIT_RESULTS = ['success', 'failure', 'denied'] as const;

export const AuditRecordSchema = z.object({
  seq: z.number().int().describe('position in the hash chain'),
  time: z.string(),
  userId: ObjectIdSchema.nullable(),
  username: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string().describe('e.g. auth.login, user.create, cadre.read'),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  result: z.enum(AUDIT_RESULTS),
  detail: z.record(z.string(), z.unknown()).nullable().describe('changed fields before/after, masked'),
  requestId: z.string().nullable(),
  hash: z.string(),
  prevHash: z.string(),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

export const AuditQuerySchema = z
  .object({
    username: z.string().trim().max(40).optional(),
    action: z.string().trim().max(60).optional(),
    objectType: z.string().trim().max(40).optional(),
    objectId: z.string().trim().max(40).optional(),
    result: z.enum(AUDIT_RESULTS).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    page: z.coerce.number().int().min(0).default(0),
    size: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditPageSchema = z.object({ items: z.array(AuditRecordSchema), total: z.number().int() });
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const AuditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  headSeq: z.number().int().nullable(),
  headHash: z.string().nullable(),
  firstBrokenSeq: z.number().int().nullable().describe('first record whose hash or link does not match'),
  reason: z.string().nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;
