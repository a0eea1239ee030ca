import { AUDIT_BREAKS_LISTED, type AuditBreak, type AuditVerification } from '@cadre/shared-models';
import {
  computeAuditHash,
  computeLinkMac,
  macMatches,
  openChainCursor,
  readAuditAnchor,
  readChainStart,
} from './audit-chain.js';
import { readAuditCheckpoints } from './audit-checkpoint.js';
import { auditTrailSettings } from './audit-key.js';
import { AUDIT_HASH_ALG, type AuditChainLink, type StoredAuditAnchor, type StoredAuditRecord } from './audit.model.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where the walk stands: the last link in seq order, and whether the keyed chain has begun. */
export interface ChainPosition {
  previous: AuditChainLink;
  /** False right after a gap: the predecessor is gone, so the link cannot be checked. */
  linkKnown: boolean;
  keyed: boolean;
}

/**
 * What is wrong with `record` as the next record after `position`; advances the position
 * unless the record is out of place. A record without the keyed marker after the keyed chain
 * began was rewritten by someone without the key; one whose hash does not match was edited
 * (or re-hashed without the key); a prevHash that does not match means a record in between
 * was replaced.
 */
export function checkNextRecord(record: StoredAuditRecord, position: ChainPosition): AuditBreak[] {
  const { previous } = position;
  if (typeof record.seq !== 'number' || !Number.isInteger(record.seq) || record.seq <= previous.seq) {
    return [{ kind: 'reordered', seq: typeof record.seq === 'number' ? record.seq : previous.seq + 1, lastSeq: null }];
  }
  const breaks: AuditBreak[] = [];
  let linkKnown = position.linkKnown;
  if (record.seq > previous.seq + 1) {
    breaks.push({ kind: 'removed', seq: previous.seq + 1, lastSeq: record.seq - 1 });
    linkKnown = false;
  }
  const keyed = record.alg === AUDIT_HASH_ALG;
  if (!keyed && position.keyed) breaks.push({ kind: 'unkeyed', seq: record.seq, lastSeq: null });
  else if (computeAuditHash(record) !== record.hash) breaks.push({ kind: 'edited', seq: record.seq, lastSeq: null });
  if (linkKnown && record.prevHash !== previous.hash) breaks.push({ kind: 'relinked', seq: record.seq, lastSeq: null });
  position.previous = { seq: record.seq, hash: record.hash };
  position.linkKnown = true;
  position.keyed ||= keyed;
  return breaks;
}

/**
 * A signed anchor must be as old as the retention period allows: pruning removes only records
 * older than `now - retention`, so a younger last-removed record means records were removed
 * before their time. An unsigned anchor predates keying and may only precede unkeyed records.
 */
function checkAnchor(anchor: StoredAuditAnchor, now: Date, retentionDays: number): AuditBreak[] {
  if (anchor.mac === undefined) return [];
  if (!(anchor.time instanceof Date) || !macMatches(computeLinkMac('anchor', { ...anchor, time: anchor.time }), anchor.mac)) {
    return [{ kind: 'anchor_forged', seq: anchor.seq, lastSeq: null }];
  }
  if (anchor.time.getTime() > now.getTime() - retentionDays * DAY_MS) {
    return [{ kind: 'anchor_too_young', seq: anchor.seq, lastSeq: null }];
  }
  return [];
}

function describeHead(link: AuditChainLink): Pick<AuditVerification, 'headSeq' | 'headHash'> {
  return link.seq === 0 ? { headSeq: null, headHash: null } : { headSeq: link.seq, headHash: link.hash };
}

/**
 * Walks every record once in seq order, batch by batch, and reports every break, not only
 * the first: the anchor's signature and age, each record's hash and link, gaps, and the end of
 * the chain against the newest signed checkpoint outside the database. The head reported is
 * the last link verified before the first break in the records.
 */
export async function verifyAuditChain({ now = new Date() }: { now?: Date } = {}): Promise<AuditVerification> {
  const { retentionDays } = auditTrailSettings();
  const [anchor, checkpoints] = await Promise.all([readAuditAnchor(), readAuditCheckpoints()]);
  const listed: AuditBreak[] = [];
  let breakCount = 0;
  const report = (found: AuditBreak[]) => {
    breakCount += found.length;
    listed.push(...found.slice(0, AUDIT_BREAKS_LISTED - listed.length));
  };

  if (anchor) report(checkAnchor(anchor, now, retentionDays));
  const start = readChainStart(anchor);
  const position: ChainPosition = { previous: start, linkKnown: true, keyed: false };
  let trusted = start;
  let intact = true;
  let checked = 0;
  let unkeyed = 0;
  let hashAtCheckpoint: string | undefined;
  const newest = checkpoints.newest;
  const cursor = openChainCursor();
  try {
    for await (const { _id, ...record } of cursor) {
      checked += 1;
      if (checked === 1 && anchor && anchor.mac === undefined && record.alg === AUDIT_HASH_ALG) {
        report([{ kind: 'anchor_forged', seq: anchor.seq, lastSeq: null }]);
      }
      const found = checkNextRecord(record, position);
      report(found);
      if (found.length > 0) intact = false;
      else if (intact) trusted = position.previous;
      if (record.alg !== AUDIT_HASH_ALG) unkeyed += 1;
      if (newest && record.seq === newest.seq) hashAtCheckpoint = record.hash;
    }
  } finally {
    await cursor.close();
  }

  if (newest && newest.seq > position.previous.seq) {
    report([{ kind: 'tail_missing', seq: position.previous.seq + 1, lastSeq: newest.seq }]);
  } else if (newest && hashAtCheckpoint !== undefined && hashAtCheckpoint !== newest.hash) {
    report([{ kind: 'tail_altered', seq: newest.seq, lastSeq: null }]);
  }
  report(checkpoints.forged.map(({ seq }) => ({ kind: 'checkpoint_forged' as const, seq, lastSeq: null })));

  const seqs = listed.map((b) => b.seq).filter((seq): seq is number => seq !== null);
  return {
    ok: breakCount === 0,
    checked,
    ...describeHead(trusted),
    firstBrokenSeq: seqs.length > 0 ? Math.min(...seqs) : null,
    breakCount,
    breaks: listed,
    unkeyed,
    anchor: anchor && { seq: anchor.seq, time: anchor.time instanceof Date ? anchor.time.toISOString() : null },
    checkpoint: newest && { seq: newest.seq, time: newest.time.toISOString() },
  };
}
