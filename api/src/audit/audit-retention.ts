import type { Logger } from 'pino';
import {
  computeLinkMac,
  isDuplicateKey,
  openChainCursor,
  readAuditAnchor,
  readAuditHead,
  readChainStart,
} from './audit-chain.js';
import { checkNextRecord, type ChainPosition } from './audit-verification.js';
import { ANCHOR_KEY, AuditChainAnchorModel, AuditModel, type AuditChainLink } from './audit.model.js';
import { recordAudit } from './audit.service.js';

/** security.md 16: whatever the setting says, nothing younger than this is ever removed. */
export const MIN_AUDIT_RETENTION_DAYS = 180;
const DAY_MS = 24 * 60 * 60 * 1000;
const DELETE_BATCH_SIZE = 5000;

function assertRetentionDays(retentionDays: number): void {
  if (!Number.isFinite(retentionDays) || retentionDays < MIN_AUDIT_RETENTION_DAYS) {
    throw new RangeError(`audit retention must be at least ${MIN_AUDIT_RETENTION_DAYS} days, got ${retentionDays}`);
  }
}

export interface PruneResult {
  deleted: number;
  /** The chain now starts after this link; null when nothing was ever pruned. */
  anchor: AuditChainLink | null;
  cutoff: Date;
}

/** The last record to be pruned: the anchor keeps its time, to be checked against the retention. */
type PrunableLink = AuditChainLink & { time: Date };

/**
 * The last record of the oldest run of records older than the cutoff, in seq order. Stopping
 * at the first younger record (not filtering by time) keeps what remains one unbroken chain
 * even when clocks of several API processes disagree. The run is verified on the way: pruning
 * a tampered stretch would launder the evidence, so a break stops the prune.
 */
async function findLastPrunable(cutoff: Date): Promise<PrunableLink | null> {
  const anchor = await readAuditAnchor();
  const position: ChainPosition = { previous: readChainStart(anchor), linkKnown: true, keyed: false };
  let last: PrunableLink | null = null;
  const cursor = openChainCursor();
  try {
    for await (const { _id, ...record } of cursor) {
      if (!(record.time < cutoff)) break;
      // Left behind by an interrupted prune; the anchor already vouches for them.
      if (anchor && record.seq <= anchor.seq) continue;
      const [broken] = checkNextRecord(record, position);
      if (broken) throw new Error(`audit chain broken at seq ${broken.seq} (${broken.kind}); pruning refused`);
      last = { seq: record.seq, hash: record.hash, time: record.time };
    }
  } finally {
    await cursor.close();
  }
  return last;
}

/**
 * Moves the anchor forward only, compare-and-swap, so two pruning processes cannot move it back.
 * The anchor is signed with the audit key: without it, nobody can pretend records were pruned.
 */
async function advanceAnchor(link: PrunableLink): Promise<void> {
  const anchors = AuditChainAnchorModel.collection;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const current = await readAuditAnchor();
    if (current && current.seq >= link.seq) return;
    const fields = { seq: link.seq, hash: link.hash, time: link.time, mac: computeLinkMac('anchor', link), prunedAt: new Date() };
    if (current) {
      const { matchedCount } = await anchors.updateOne({ key: ANCHOR_KEY, seq: current.seq }, { $set: fields });
      if (matchedCount === 1) return;
    } else {
      try {
        await anchors.insertOne({ key: ANCHOR_KEY, ...fields });
        return;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
  }
  throw new Error('audit chain anchor kept changing under concurrent pruning; try again');
}

/** Deletes oldest first, in batches, so other writers are not locked out by one huge delete. */
async function deleteThrough(seq: number, cutoff: Date): Promise<number> {
  // The time condition makes "never younger than the cutoff" hold in the database itself.
  const filter = { seq: { $lte: seq }, time: { $lt: cutoff } };
  let deleted = 0;
  for (;;) {
    const batch = await AuditModel.collection
      .find(filter, { projection: { _id: 1 }, sort: { seq: 1 }, limit: DELETE_BATCH_SIZE })
      .toArray();
    if (batch.length === 0) return deleted;
    const { deletedCount } = await AuditModel.collection.deleteMany({ _id: { $in: batch.map((d) => d._id) } });
    if (deletedCount === 0) return deleted;
    deleted += deletedCount;
  }
}

/**
 * Deletes records older than the retention period. The anchor is written before anything is
 * deleted, so a crash in between leaves a chain that still verifies from the anchor.
 */
export async function pruneAudit({ retentionDays, now = new Date() }: { retentionDays: number; now?: Date }): Promise<PruneResult> {
  assertRetentionDays(retentionDays);
  // A clock handed in from the future must not widen the cut.
  const cutoff = new Date(Math.min(now.getTime(), Date.now()) - retentionDays * DAY_MS);
  const last = await findLastPrunable(cutoff);
  if (last) await advanceAnchor(last);
  // Re-read: a concurrent prune may have moved it further than this one did.
  const anchor = await readAuditAnchor();
  if (!anchor) return { deleted: 0, anchor: null, cutoff };
  const deleted = await deleteThrough(anchor.seq, cutoff);
  if (deleted > 0) {
    await recordAudit(null, {
      action: 'audit.prune',
      result: 'success',
      detail: { deleted, throughSeq: anchor.seq, cutoff: cutoff.toISOString(), retentionDays },
    });
  }
  return { deleted, anchor, cutoff };
}

export interface AuditRetentionSchedule {
  retentionDays: number;
  logger: Logger;
  intervalMs?: number;
  firstRunDelayMs?: number;
}

/**
 * Prunes shortly after start and then daily. Each run also logs the chain head: the log
 * stream is a witness outside the database, against which a truncated tail would show.
 * Returns a function that stops the schedule.
 */
export function scheduleAuditRetention({
  retentionDays,
  logger,
  intervalMs = DAY_MS,
  firstRunDelayMs = 60_000,
}: AuditRetentionSchedule): () => void {
  // Refused at start, not first noticed a minute later in a log.
  assertRetentionDays(retentionDays);
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const { deleted, cutoff } = await pruneAudit({ retentionDays });
      const head = await readAuditHead();
      logger.info({ auditRetention: { deleted, cutoff, headSeq: head?.seq ?? null, headHash: head?.hash ?? null } }, 'audit retention ran');
    } catch (err) {
      logger.error({ err }, 'audit retention failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), firstRunDelayMs);
  const daily = setInterval(() => void run(), intervalMs);
  first.unref();
  daily.unref();
  return () => {
    clearTimeout(first);
    clearInterval(daily);
  };
}
