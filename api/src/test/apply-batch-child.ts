import { pino } from 'pino';
import { connectMongoose } from '../db/connection.js';
import { createDataCipher, useDataCipher } from '../platform/data-cipher.js';
import { applyBatch } from '../imports/import-apply.js';
import { useAuditTrail } from '../audit/audit-key.js';
import type { SessionActor } from '../platform/actor.js';

/**
 * Spec support, not loaded by the app: applies one import batch in a process of its own, so a
 * spec can kill it with SIGKILL part-way (imports/import-crash.spec.ts).
 * Arguments: database URI, the data key (base64), the audit trail settings as JSON (key in base64),
 * batch id, the uploader's actor as JSON.
 */
const [uri, key, auditJson, batchId, actorJson] = process.argv.slice(2);
await connectMongoose(uri!);
useDataCipher(createDataCipher(Buffer.from(key!, 'base64')));
const audit = JSON.parse(auditJson!) as { key: string; checkpointFile: string; retentionDays: number };
useAuditTrail({ ...audit, key: Buffer.from(audit.key, 'base64') });
const actor = { ...(JSON.parse(actorJson!) as Omit<SessionActor, 'log'>), log: pino({ level: 'silent' }) } as SessionActor;
await applyBatch(actor, { kind: 'all' }, batchId!);
process.exit(0);
