import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';

export const AUDIT_KEY_FILE = 'audit-hmac.key';
export const AUDIT_CHECKPOINT_FILE = 'audit-checkpoints.log';

/** What the audit chain needs beyond the database: its key, where checkpoints go, the retention. */
export interface AuditTrailSettings {
  /** HMAC-SHA256 key of the chain; null in a CLI command that found none and may not mint one. */
  key: Buffer | null;
  checkpointFile: string;
  retentionDays: number;
}

let current: AuditTrailSettings | undefined;

/** Configured once at start (server, CLI or test harness), like the data cipher. */
export function useAuditTrail(settings: AuditTrailSettings): void {
  current = settings;
}

export function auditTrailSettings(): AuditTrailSettings {
  if (!current) throw new Error('audit trail not configured');
  return current;
}

export function requireAuditKey(): Buffer {
  const { key } = auditTrailSettings();
  if (!key) throw new Error(`audit HMAC key not found: set AUDIT_HMAC_KEY or restore DATA_DIR/${AUDIT_KEY_FILE}`);
  return key;
}

/**
 * The key comes from AUDIT_HMAC_KEY or, for the embedded single-machine setup, a generated key
 * file beside the data key. It must not live in the database: whoever can write there could
 * otherwise recompute every hash after an edit. `createKey` is false where minting a key would
 * be wrong (a restore on a new machine must be given the old key, not a fresh one).
 */
export async function loadAuditTrailSettings(config: Config, { createKey }: { createKey: boolean }): Promise<AuditTrailSettings> {
  const settings = {
    checkpointFile: path.join(config.DATA_DIR, AUDIT_CHECKPOINT_FILE),
    retentionDays: config.AUDIT_RETENTION_DAYS,
  };
  if (config.AUDIT_HMAC_KEY) return { ...settings, key: Buffer.from(config.AUDIT_HMAC_KEY, 'base64') };
  if (config.MONGODB_URI) {
    // A key file beside one API process would not reach the others.
    if (createKey) throw new Error('AUDIT_HMAC_KEY must be set when MONGODB_URI is used (32 bytes, base64)');
    return { ...settings, key: null };
  }
  const file = path.join(config.DATA_DIR, AUDIT_KEY_FILE);
  try {
    return { ...settings, key: Buffer.from((await readFile(file, 'utf8')).trim(), 'base64') };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (!createKey) return { ...settings, key: null };
  await mkdir(config.DATA_DIR, { recursive: true });
  const key = randomBytes(32);
  await writeFile(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  return { ...settings, key };
}
