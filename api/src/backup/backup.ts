import { createReadStream, createWriteStream } from 'node:fs';
import { access, rm, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import mongoose from 'mongoose';
import { readAuditHead } from '../audit/audit-chain.js';
import { AuditModel, type AuditChainLink } from '../audit/audit.model.js';
import { BACKUP_FORMAT, BACKUP_VERSION, encodeDocumentLine, isBackedUpCollection, type BackupHeader } from './backup-file.js';

export function requireConnectedDb(): mongoose.mongo.Db {
  const db = mongoose.connection.db;
  if (!db) throw new Error('database is not connected');
  return db;
}

export async function listBackedUpCollections(db: mongoose.mongo.Db): Promise<string[]> {
  const collections = await db.listCollections({}, { nameOnly: true }).toArray();
  return collections.map((c) => c.name).filter(isBackedUpCollection).sort();
}

async function assertAbsent(file: string): Promise<void> {
  try {
    await access(file);
  } catch {
    return;
  }
  throw new Error(`${file} already exists; a backup never overwrites a file`);
}

async function* generateDocumentLines(
  db: mongoose.mongo.Db,
  names: string[],
  auditHead: AuditChainLink | null,
  counts: Record<string, number>,
): AsyncGenerator<string> {
  for (const name of names) {
    counts[name] = 0;
    // Records appended while the backup runs stay out, so the file's head is the header's head.
    const filter = name === AuditModel.collection.collectionName ? { seq: { $lte: auditHead?.seq ?? 0 } } : {};
    const cursor = db.collection(name).find(filter).sort({ _id: 1 }).batchSize(1000);
    try {
      for await (const document of cursor) {
        yield encodeDocumentLine(name, document);
        counts[name] += 1;
      }
    } finally {
      await cursor.close();
    }
  }
}

/**
 * Writes every collection except live sessions to `file`, which must not exist yet. The
 * documents go to a temporary gzip member first, because the header that leads the file
 * states how many documents follow; the header member and that body are then concatenated
 * (RFC 1952 allows several members; gunzip reads them as one stream). The file is readable
 * by its owner only: it holds personal data.
 */
export async function createBackup(file: string): Promise<BackupHeader> {
  const db = requireConnectedDb();
  await assertAbsent(file);
  const createdAt = new Date().toISOString();
  const names = await listBackedUpCollections(db);
  const auditHead = await readAuditHead();
  const collections: Record<string, number> = {};
  const bodyFile = `${file}.${process.pid}.body.tmp`;
  let created = false;
  try {
    await pipeline(
      Readable.from(generateDocumentLines(db, names, auditHead, collections)),
      createGzip(),
      createWriteStream(bodyFile, { flags: 'wx', mode: 0o600 }),
    );
    const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt, collections, auditHead };
    // wx again: the check above does not stop another process creating the file meanwhile.
    await writeFile(file, gzipSync(`${JSON.stringify(header)}\n`), { flag: 'wx', mode: 0o600 });
    created = true;
    await pipeline(createReadStream(bodyFile), createWriteStream(file, { flags: 'a' }));
    return header;
  } catch (err) {
    if (created) await rm(file, { force: true });
    throw err;
  } finally {
    await rm(bodyFile, { force: true });
  }
}
