import type mongoose from 'mongoose';
import { readAuditHead } from '../audit/audit-chain.js';
import type { AuditChainLink } from '../audit/audit.model.js';
import { ensureIndexes } from '../db/indexes.js';
import { requireConnectedDb } from './backup.js';
import { DamagedBackupError, decodeDocumentLine, parseBackupHeader, readBackupLines, type BackupHeader } from './backup-file.js';

const INSERT_BATCH_DOCUMENTS = 1000;
const INSERT_BATCH_CHARACTERS = 8 * 1024 * 1024;

export interface RestoreResult {
  header: BackupHeader;
  collections: Record<string, number>;
  auditHead: AuditChainLink | null;
}

/**
 * Reads the whole file once before writing anything: a damaged or cut-off backup is refused
 * up front instead of leaving half a database behind.
 */
async function checkBackupFile(file: string): Promise<BackupHeader> {
  let header: BackupHeader | undefined;
  const found: Record<string, number> = {};
  let lineNumber = 0;
  for await (const line of readBackupLines(file)) {
    lineNumber += 1;
    if (!header) {
      header = parseBackupHeader(line);
      continue;
    }
    let collection: string;
    try {
      ({ collection } = decodeDocumentLine(line));
    } catch (err) {
      throw new DamagedBackupError(`line ${lineNumber} is not a document: ${(err as Error).message}`);
    }
    if (!(collection in header.collections)) {
      throw new DamagedBackupError(`line ${lineNumber} belongs to "${collection}", which the header does not list`);
    }
    found[collection] = (found[collection] ?? 0) + 1;
  }
  if (!header) throw new DamagedBackupError('the backup file is empty');
  for (const [name, count] of Object.entries(header.collections)) {
    if ((found[name] ?? 0) !== count) {
      throw new DamagedBackupError(`"${name}": the header promises ${count} documents, the file holds ${found[name] ?? 0}`);
    }
  }
  return header;
}

async function assertDatabaseEmpty(db: mongoose.mongo.Db): Promise<void> {
  const collections = await db.listCollections({}, { nameOnly: true }).toArray();
  const occupied: string[] = [];
  for (const { name } of collections) {
    if (name.startsWith('system.')) continue;
    if ((await db.collection(name).countDocuments({}, { limit: 1 })) > 0) occupied.push(name);
  }
  if (occupied.length > 0) {
    throw new Error(
      `the target database is not empty (${occupied.sort().join(', ')} hold documents); restore only into an empty database, before the server's first start`,
    );
  }
}

async function insertDocuments(db: mongoose.mongo.Db, file: string): Promise<void> {
  let batch: mongoose.mongo.Document[] = [];
  let batchCollection = '';
  let batchCharacters = 0;
  const flush = async () => {
    if (batch.length > 0) await db.collection(batchCollection).insertMany(batch, { ordered: true });
    batch = [];
    batchCharacters = 0;
  };
  let isHeader = true;
  for await (const line of readBackupLines(file)) {
    if (isHeader) {
      isHeader = false;
      continue;
    }
    const { collection, document } = decodeDocumentLine(line);
    if (collection !== batchCollection || batch.length >= INSERT_BATCH_DOCUMENTS || batchCharacters >= INSERT_BATCH_CHARACTERS) {
      await flush();
      batchCollection = collection;
    }
    batch.push(document);
    batchCharacters += line.length;
  }
  await flush();
}

/**
 * Restores a backup into an empty database, recreates the indexes, and checks that every
 * collection holds the promised count and the audit chain ends at the promised head
 * (security.md 21).
 */
export async function restoreBackup(file: string): Promise<RestoreResult> {
  const db = requireConnectedDb();
  const header = await checkBackupFile(file);
  await assertDatabaseEmpty(db);
  await insertDocuments(db, file);
  await ensureIndexes();

  const collections: Record<string, number> = {};
  for (const name of Object.keys(header.collections)) collections[name] = await db.collection(name).countDocuments({});
  const mismatched = Object.keys(header.collections).filter((name) => collections[name] !== header.collections[name]);
  if (mismatched.length > 0) throw new Error(`restored counts differ from the backup for ${mismatched.join(', ')}`);

  const auditHead = await readAuditHead();
  if (auditHead?.seq !== header.auditHead?.seq || auditHead?.hash !== header.auditHead?.hash) {
    throw new Error('the restored audit chain does not end at the head recorded in the backup');
  }
  return { header, collections, auditHead };
}
