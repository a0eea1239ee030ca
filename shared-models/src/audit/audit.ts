import * as z from 'zod';

export const AUDIT_RESULTS = ['success', 'failure', 'denied'] as const;

export const AuditRecordSchema = z.object({
  seq: z.number().int().describe('position in the hash chain'),
  time: z.string(),
  // A background writer (the demo generator) records under its name rather than an account id.
  userId: z.string().nullable().describe('the account’s id, or the name of a background writer'),
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
    size: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** What an id on the page stands for, so the auditor reads names rather than hex ids. */
export const AuditObjectNameSchema = z.object({
  name: z.string().describe('the cadre, account, unit, cycle … as named now; 已删除 when it is gone'),
  context: z.string().nullable().describe('the cadre’s unit, the account’s username, a short id of a deleted object'),
  deleted: z.boolean(),
});
export type AuditObjectName = z.infer<typeof AuditObjectNameSchema>;

export const AuditPageSchema = z.object({
  items: z.array(AuditRecordSchema),
  total: z.number().int(),
  names: z
    .record(z.string(), AuditObjectNameSchema)
    .describe('the objects of the page’s records and the units, cadres and accounts their changes refer to, by id'),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const AUDIT_BREAK_KINDS = [
  'edited',
  'unkeyed',
  'relinked',
  'removed',
  'reordered',
  'tail_missing',
  'tail_altered',
  'anchor_too_young',
  'anchor_forged',
  'checkpoint_forged',
] as const;
export type AuditBreakKind = (typeof AUDIT_BREAK_KINDS)[number];

export const AuditBreakSchema = z.object({
  kind: z
    .enum(AUDIT_BREAK_KINDS)
    .describe(
      'edited: hash does not match the content; unkeyed: an unkeyed record after the keyed chain began; ' +
        'relinked: prevHash does not match the previous record; removed: seq..lastSeq missing; ' +
        'reordered: a seq out of place (duplicate, backwards, before the anchor, not a number); ' +
        'tail_missing: the database ends before the signed checkpoint (seq..lastSeq gone); ' +
        'tail_altered: the record at the checkpoint has another hash; anchor_too_young: records were ' +
        'pruned before the retention period allowed; anchor_forged / checkpoint_forged: bad signature',
    ),
  seq: z.number().int().nullable(),
  lastSeq: z.number().int().nullable().describe('end of a range of missing records'),
});
export type AuditBreak = z.infer<typeof AuditBreakSchema>;

/** At most this many breaks are listed; `breakCount` counts them all. */
export const AUDIT_BREAKS_LISTED = 100;

export const AuditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int().describe('records read'),
  headSeq: z.number().int().nullable().describe('the last link verified before the first break (the head when intact)'),
  headHash: z.string().nullable(),
  firstBrokenSeq: z.number().int().nullable().describe('lowest seq named by a break'),
  breakCount: z.number().int(),
  breaks: z.array(AuditBreakSchema).max(AUDIT_BREAKS_LISTED).describe('every break in seq order, the first 100'),
  unkeyed: z.number().int().describe('records hashed without the audit key, written before keying began'),
  anchor: z.object({ seq: z.number().int(), time: z.string().nullable() }).nullable().describe('where pruning left the chain'),
  checkpoint: z
    .object({ seq: z.number().int(), time: z.string() })
    .nullable()
    .describe('the newest signed head checkpoint found outside the database'),
});
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;
