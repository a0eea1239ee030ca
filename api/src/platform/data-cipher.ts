import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';

const PREFIX = 'v1:';

export interface DataCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /**
   * A keyed hash for finding a record by an encrypted value (e.g. matching an imported ID
   * number) without decrypting every record; without the key it cannot be reversed by guessing.
   */
  blindIndex(plain: string): string;
}

/** AES-256-GCM with a random IV per value; the tag makes tampering with a stored value detectable. */
export function createDataCipher(key: Buffer): DataCipher {
  if (key.length !== 32) throw new Error('data encryption key must be 32 bytes');
  const indexKey = createHmac('sha256', key).update('cadre-blind-index-v1').digest();
  return {
    blindIndex(plain) {
      return createHmac('sha256', indexKey).update(plain).digest('hex');
    },
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(sealed) {
      if (!sealed.startsWith(PREFIX)) throw new Error('unknown ciphertext format');
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

let current: DataCipher | undefined;

/** The process-wide cipher; configured once at start (server, CLI or test harness). */
export function dataCipher(): DataCipher {
  if (!current) throw new Error('data cipher not configured');
  return current;
}

export function useDataCipher(cipher: DataCipher): void {
  current = cipher;
}

/**
 * The key comes from DATA_ENCRYPTION_KEY. Without it, the embedded single-machine setup keeps
 * a generated key file beside its data (never in the repository); a deployment on an external
 * MongoDB must configure the key, since a key beside one API process would not reach the others.
 */
export async function loadDataKey(config: Config): Promise<Buffer> {
  if (config.DATA_ENCRYPTION_KEY) return Buffer.from(config.DATA_ENCRYPTION_KEY, 'base64');
  if (config.MONGODB_URI) {
    throw new Error('DATA_ENCRYPTION_KEY must be set when MONGODB_URI is used (32 bytes, base64)');
  }
  const file = path.join(config.DATA_DIR, 'data-encryption.key');
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  } catch {
    await mkdir(config.DATA_DIR, { recursive: true, mode: 0o700 });
    const key = randomBytes(32);
    await writeFile(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
    return key;
  }
}
