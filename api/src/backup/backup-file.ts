import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import mongoose from 'mongoose';
import { z } from 'zod';

/**
 * A backup is gzip'd JSON lines: one header line, then one line per document as
 * `{"c": collection, "d": document}` in canonical Extended JSON, so ObjectIds, Dates and
 * number types come back exactly as they were.
 */
export const BACKUP_FORMAT = 'cadre-backup';
export const BACKUP_VERSION = 1;

/**
 * Sessions are live credentials: a backup copy would let whoever holds the file act as the
 * signed-in users, and restored sessions would outlive their logout. Rate-limit counters and
 * document locks (db/document-lock.ts) are seconds- to minutes-long state with no value
 * after a restore.
 */
export const EXCLUDED_COLLECTIONS: readonly string[] = ['sessions', 'rate_limits', 'document_locks'];

const COLLECTION_NAME = /^(?!system\.)[A-Za-z0-9_][A-Za-z0-9_.-]{0,119}$/;

export function isBackedUpCollection(name: string): boolean {
  return COLLECTION_NAME.test(name) && !EXCLUDED_COLLECTIONS.includes(name);
}

export const BackupHeaderSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    createdAt: z.iso.datetime(),
    collections: z.record(z.string().regex(COLLECTION_NAME), z.number().int().min(0)),
    auditHead: z.object({ seq: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
  })
  .strict();
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

const { EJSON } = mongoose.mongo.BSON;

export function encodeDocumentLine(collection: string, document: mongoose.mongo.Document): string {
  return `${EJSON.stringify({ c: collection, d: document }, { relaxed: false })}\n`;
}

export function decodeDocumentLine(line: string): { collection: string; document: mongoose.mongo.Document } {
  const parsed = EJSON.parse(line, { relaxed: false }) as { c?: unknown; d?: unknown };
  if (typeof parsed.c !== 'string' || typeof parsed.d !== 'object' || parsed.d === null || Array.isArray(parsed.d)) {
    throw new Error('a document line lacks its collection or document');
  }
  return { collection: parsed.c, document: parsed.d as mongoose.mongo.Document };
}

export class DamagedBackupError extends Error {}

/** The header, checked: a clear refusal for files that are not backups or are from another version. */
export function parseBackupHeader(line: string | undefined): BackupHeader {
  let json: unknown;
  try {
    json = JSON.parse(line ?? '');
  } catch {
    throw new DamagedBackupError('not a cadre backup file: the first line is not a JSON header');
  }
  const format = (json as { format?: unknown; version?: unknown } | null) ?? {};
  if (format.format !== BACKUP_FORMAT) throw new DamagedBackupError('not a cadre backup file: wrong format name');
  if (format.version !== BACKUP_VERSION) {
    throw new DamagedBackupError(`backup format version ${String(format.version)} is not supported (this release reads version ${BACKUP_VERSION})`);
  }
  const parsed = BackupHeaderSchema.safeParse(json);
  if (!parsed.success) throw new DamagedBackupError(`backup header is invalid: ${parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ')}`);
  return parsed.data;
}

/** The decompressed lines of a backup; a missing file or a corrupt or cut-off gzip stream throws. */
export async function* readBackupLines(file: string): AsyncGenerator<string> {
  const gunzip = pipeline(createReadStream(file), createGunzip(), () => {
    // Errors reach the loop below through the destroyed gunzip stream.
  });
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of gunzip) {
    pending += decoder.write(chunk as Buffer);
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    yield* lines;
  }
  pending += decoder.end();
  if (pending) throw new DamagedBackupError('backup file ends in the middle of a line');
}
