import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { pino } from 'pino';
import { connectMongoose, describeDatabase, type DatabaseInfo } from '../db/connection.js';
import { startEmbeddedFerretDb, type EmbeddedDatabase } from '../db/embedded-ferretdb.js';
import { ensureIndexes } from '../db/indexes.js';
import { randomBytes } from 'node:crypto';
import { createDataCipher, useDataCipher } from '../platform/data-cipher.js';
import { AUDIT_CHECKPOINT_FILE, auditTrailSettings, useAuditTrail } from '../audit/audit-key.js';

const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

let embedded: EmbeddedDatabase | undefined;
let dataDir: string | undefined;
let info: DatabaseInfo | undefined;
let checkpointDir: string | undefined;

/**
 * One throwaway database for the whole API suite: an embedded FerretDB on its own port in a
 * temp folder, or the database named by TEST_MONGODB_URI (to run the same specs on MongoDB).
 */
export async function startTestDatabase(): Promise<DatabaseInfo> {
  const external = process.env['TEST_MONGODB_URI'];
  let uri = external;
  if (!uri) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'cadre-api-test-'));
    embedded = await startEmbeddedFerretDb({
      bin: path.join(repoRoot, '.tools/bin/ferretdb'),
      dataDir,
      port: 0,
      logger: pino({ level: 'silent' }),
    });
    uri = embedded.uri;
  }
  await connectMongoose(uri);
  info = await describeDatabase(external ? 'external' : 'embedded');
  useDataCipher(createDataCipher(randomBytes(32)));
  checkpointDir = await mkdtemp(path.join(os.tmpdir(), 'cadre-audit-checkpoints-'));
  useAuditTrail({ key: randomBytes(32), checkpointFile: path.join(checkpointDir, AUDIT_CHECKPOINT_FILE), retentionDays: 365 });
  await ensureIndexes();
  return info;
}

export function testDatabaseInfo(): DatabaseInfo {
  if (!info) throw new Error('test database not started');
  return info;
}

/** Empties every collection but keeps indexes, and removes the audit checkpoints, so each spec starts from a known state. */
export async function clearCollections(): Promise<void> {
  await rm(auditTrailSettings().checkpointFile, { force: true });
  const db = mongoose.connection.db;
  if (!db) return;
  const collections = await db.listCollections({}, { nameOnly: true }).toArray();
  await Promise.all(collections.map((c) => db.collection(c.name).deleteMany({})));
}

export async function stopTestDatabase(): Promise<void> {
  await mongoose.disconnect();
  await embedded?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  if (checkpointDir) await rm(checkpointDir, { recursive: true, force: true });
}
