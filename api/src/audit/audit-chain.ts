import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuditVerification } from '@cadre/shared-models';
import {
  ANCHOR_KEY,
  AuditChainAnchorModel,
  AuditModel,
  type AuditChainLink,
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

/** sha256 over every field but hash itself, prevHash included, so each record seals its predecessor. */
export function computeAuditHash(record: Omit<StoredAuditRecord, 'hash'>): string {
  const time = record.time instanceof Date ? record.time.toISOString() : record.time;
  const canonical = toCanonicalJson({
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
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export async function readAuditAnchor(): Promise<AuditChainLink | null> {
  const anchor = await AuditChainAnchorModel.collection.findOne<AuditChainLink>(
    { key: ANCHOR_KEY },
    { projection: { _id: 0, seq: 1, hash: 1 } },
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
  return anchor;
}

export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number } | null)?.code === 11000;
}

/**
 * Appends one record with seq = head + 1. Without transactions, the unique index on seq is
 * the arbiter between API processes: of two appends that read the same head, one insert
 * fails with a duplicate key and retries on the new head.
 */
export async function insertChainedRecord(fields: AuditFields): Promise<StoredAuditRecord> {
  for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt += 1) {
    const head = await readAuditHead();
    const unsealed = { ...fields, seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? GENESIS_HASH };
    const record: StoredAuditRecord = { ...unsealed, hash: computeAuditHash(unsealed) };
    try {
      // Through the driver, not mongoose: casting or minimizing must not change what was hashed.
      await AuditModel.collection.insertOne({ ...record });
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

export interface ChainBreak {
  seq: number;
  reason: string;
}

/** Why `record` does not continue the chain after `previous`, or null when it does. */
export function findChainBreak(record: StoredAuditRecord, previous: AuditChainLink): ChainBreak | null {
  const expectedSeq = previous.seq + 1;
  if (record.seq !== expectedSeq) {
    if (typeof record.seq === 'number' && record.seq > expectedSeq) {
      return { seq: expectedSeq, reason: `缺少第 ${expectedSeq} 条记录（其后一条为第 ${record.seq} 条），记录可能被删除` };
    }
    if (typeof record.seq === 'number' && record.seq < expectedSeq) {
      return { seq: record.seq, reason: `第 ${record.seq} 条记录早于链条起点（第 ${expectedSeq} 条），应已被保留期清理删除或为伪造` };
    }
    return { seq: expectedSeq, reason: `序号异常：期望第 ${expectedSeq} 条，实际为 ${JSON.stringify(record.seq)}` };
  }
  if (computeAuditHash(record) !== record.hash) {
    return { seq: record.seq, reason: `第 ${record.seq} 条记录的内容与其哈希不符，记录可能被修改` };
  }
  if (record.prevHash !== previous.hash) {
    return { seq: record.seq, reason: `第 ${record.seq} 条记录的前序哈希与上一条记录不符，链条被改动` };
  }
  return null;
}

function describeHead(link: AuditChainLink): Pick<AuditVerification, 'headSeq' | 'headHash'> {
  return link.seq === 0 ? { headSeq: null, headHash: null } : { headSeq: link.seq, headHash: link.hash };
}

/**
 * Walks every record in seq order, batch by batch, recomputing each hash and checking each
 * link back to the anchor (or genesis). On a break, the head reported is the last link that
 * did verify: the point up to which the trail can be trusted.
 */
export async function verifyAuditChain(): Promise<AuditVerification> {
  let previous = readChainStart(await readAuditAnchor());
  let checked = 0;
  const cursor = openChainCursor();
  try {
    for await (const { _id, ...record } of cursor) {
      const broken = findChainBreak(record, previous);
      if (broken) return { ok: false, checked, ...describeHead(previous), firstBrokenSeq: broken.seq, reason: broken.reason };
      checked += 1;
      previous = { seq: record.seq, hash: record.hash };
    }
  } finally {
    await cursor.close();
  }
  return { ok: true, checked, ...describeHead(previous), firstBrokenSeq: null, reason: null };
}
