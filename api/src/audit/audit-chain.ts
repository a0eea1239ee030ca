import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Types } from 'mongoose';
import { toWellFormedText } from '@cadre/shared-models';
import { requireAuditKey } from './audit-key.js';
import {
  ANCHOR_KEY,
  AUDIT_HASH_ALG,
  AuditChainAnchorModel,
  AuditModel,
  type AuditChainLink,
  type StoredAuditAnchor,
  type StoredAuditRecord,
} from './audit.model.js';

export const GENESIS_HASH = '0'.repeat(64);

/** What a caller supplies; the chain adds seq, prevHash and hash. */
export type AuditFields = Omit<StoredAuditRecord, 'seq' | 'prevHash' | 'hash'>;

const MAX_APPEND_ATTEMPTS = 50;
const VERIFY_BATCH_SIZE = 1000;

/**
 * RFC 8785 (JCS) for JSON values: object keys sorted by UTF-16 code units, scalars as
 * JSON.stringify writes them. A verifier in another language can reproduce it.
 */
export function toCanonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(toCanonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${toCanonicalJson(record[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A value as the database will give it back, so that what is hashed is what is stored: every
 * string and key with lone surrogates replaced by U+FFFD (the driver's UTF-8 encoder would do
 * so silently when it writes BSON), Dates as ISO strings, `undefined` members dropped (as
 * `null` in arrays), non-finite numbers as null and -0 as 0 (JSON has neither).
 */
export function toStoredAuditValue(value: unknown): unknown {
  if (typeof value === 'string') return toWellFormedText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null;
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toStoredAuditValue);
  if (typeof value === 'object') {
    const withJson = value as { toJSON?: () => unknown };
    if (typeof withJson.toJSON === 'function') return toStoredAuditValue(withJson.toJSON());
    const stored: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) stored[toWellFormedText(key)] = toStoredAuditValue(item);
    }
    return stored;
  }
  return value;
}

/** The hashed text of a record: JCS of every field but the hash, prevHash (and alg, when keyed) included. */
export function canonicalAuditRecord(record: Omit<StoredAuditRecord, 'hash'>): string {
  const time = record.time instanceof Date ? record.time.toISOString() : record.time;
  return toCanonicalJson({
    seq: record.seq,
    time,
    userId: record.userId,
    username: record.username,
    ip: record.ip,
    action: record.action,
    objectType: record.objectType,
    objectId: record.objectId,
    result: record.result,
    detail: record.detail,
    requestId: record.requestId,
    prevHash: record.prevHash,
    alg: record.alg,
  });
}

/**
 * HMAC-SHA256 with the audit key over the canonical record, so each record seals its
 * predecessor and nobody without the key can recompute the chain after an edit. Records
 * written before keying began (no `alg`) keep their plain SHA-256.
 */
export function computeAuditHash(record: Omit<StoredAuditRecord, 'hash'>): string {
  const canonical = canonicalAuditRecord(record);
  if (record.alg !== AUDIT_HASH_ALG) return createHash('sha256').update(canonical, 'utf8').digest('hex');
  return createHmac('sha256', requireAuditKey()).update(canonical, 'utf8').digest('hex');
}

/** Signs a link kept beside the chain (the retention anchor, a head checkpoint); `purpose` keeps the two apart. */
export function computeLinkMac(purpose: 'anchor' | 'checkpoint', link: AuditChainLink & { time: Date }): string {
  const text = `audit-${purpose}-v1\n${toCanonicalJson({ seq: link.seq, hash: link.hash, time: link.time.toISOString() })}`;
  return createHmac('sha256', requireAuditKey()).update(text, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex MACs. */
export function macMatches(expected: string, actual: unknown): boolean {
  if (typeof actual !== 'string' || actual.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(actual));
}

export async function readAuditAnchor(): Promise<StoredAuditAnchor | null> {
  const anchor = await AuditChainAnchorModel.collection.findOne<StoredAuditAnchor>(
    { key: ANCHOR_KEY },
    { projection: { _id: 0, seq: 1, hash: 1, time: 1, mac: 1 } },
  );
  return anchor ?? null;
}

/** The last link of the chain: the newest record, or the anchor when pruning removed them all. */
export async function readAuditHead(): Promise<AuditChainLink | null> {
  const [newest, anchor] = await Promise.all([
    AuditModel.collection.findOne<AuditChainLink>({}, { sort: { seq: -1 }, projection: { _id: 0, seq: 1, hash: 1 } }),
    readAuditAnchor(),
  ]);
  if (newest && (!anchor || newest.seq > anchor.seq)) return newest;
  return anchor && { seq: anchor.seq, hash: anchor.hash };
}

let lastAppended: AuditChainLink | null = null;

/**
 * The link this process appended last: a head that is known without reading the database,
 * for the checkpoints (another process may have appended since; the link still holds).
 */
export function readLastAppendedLink(): AuditChainLink | null {
  return lastAppended;
}

/**
 * A record's _id, derived from its seq. The embedded database finds a document by an ObjectId
 * _id without scanning the collection (by nothing else), and a second insert of the same seq
 * fails on _id as well as on the seq index.
 */
export function auditRecordId(seq: number): Types.ObjectId {
  return new Types.ObjectId(seq.toString(16).padStart(24, '0'));
}

/**
 * The head to append after, without scanning the log on every request: the link this process
 * appended last, once a read by _id shows it is still there. Otherwise (first append of the
 * process, or that record pruned or the database restored) the head is read by seq, which on
 * the embedded database scans the whole log.
 */
async function readHeadForAppend(): Promise<AuditChainLink | null> {
  const known = lastAppended;
  if (known) {
    const stored = await AuditModel.collection.findOne<AuditChainLink>(
      { _id: auditRecordId(known.seq) },
      { projection: { _id: 0, seq: 1, hash: 1 } },
    );
    if (stored?.seq === known.seq && stored.hash === known.hash) return known;
  }
  return readAuditHead();
}

export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number } | null)?.code === 11000;
}

/**
 * Appends one record with seq = head + 1. Without transactions, the unique _id and seq are
 * the arbiter between API processes: of two appends that read the same head, one insert
 * fails with a duplicate key and retries on the head read afresh.
 */
export async function insertChainedRecord(fields: AuditFields): Promise<StoredAuditRecord> {
  const { time, ...rest } = fields;
  const stored = { ...(toStoredAuditValue(rest) as Omit<AuditFields, 'time'>), time, alg: AUDIT_HASH_ALG };
  for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt += 1) {
    // After a collision another process moved the head: this process's last link is stale.
    const head = attempt === 1 ? await readHeadForAppend() : await readAuditHead();
    const unsealed = { ...stored, seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? GENESIS_HASH };
    const record: StoredAuditRecord = { ...unsealed, hash: computeAuditHash(unsealed) };
    try {
      // Through the driver, not mongoose: casting or minimizing must not change what was hashed.
      await AuditModel.collection.insertOne({ _id: auditRecordId(record.seq), ...record });
      lastAppended = { seq: record.seq, hash: record.hash };
      return record;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // Jitter so processes that collided do not collide again on the next head.
      await sleep(Math.random() * Math.min(50, 2 ** attempt));
    }
  }
  throw new Error(`audit append gave up after ${MAX_APPEND_ATTEMPTS} seq collisions`);
}

let tail: Promise<unknown> = Promise.resolve();

/** Appends in call order within this process, so its own appends never collide with each other. */
export function appendAuditRecord(fields: AuditFields): Promise<StoredAuditRecord> {
  const appended = tail.then(() => insertChainedRecord(fields));
  tail = appended.catch(() => undefined);
  return appended;
}

/** Where the chain starts: the anchor left by pruning, or genesis. */
export function readChainStart(anchor: AuditChainLink | null): AuditChainLink {
  return anchor ?? { seq: 0, hash: GENESIS_HASH };
}

/** Records in chain order; a tampered seq of another type sorts after the numbers and is caught. */
export function openChainCursor() {
  return AuditModel.collection
    .find<StoredAuditRecord & { _id: unknown }>({})
    .sort({ seq: 1 })
    .batchSize(VERIFY_BATCH_SIZE);
}
