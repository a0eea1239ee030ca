import type { AuditQuery, AUDIT_RESULTS } from '@cadre/shared-models';
import type { ChangeSource, FeedChanges, FeedPosition } from '../projections/change-feed.js';
import { fromColumns, toColumns, type ColumnTable } from '../projections/columns.js';
import { processProjection, Projection, type ProjectionDefinition, type ProjectionOptions } from '../projections/projection.js';
import { auditRecordId, readAuditAnchor, readAuditHead, readLastAppendedLink } from './audit-chain.js';
import { AuditModel } from './audit.model.js';

/**
 * The audit log page as a projection (docs/decisions/0012): the log grows with every request,
 * and each filtered, counted page straight from the embedded database would scan all of it.
 * The log is its own change feed: records are appended with seq + 1 and an `_id` derived from
 * the seq, so the projection finds the new ones by `_id` and never needs writers to note them.
 */
interface AuditRow {
  /** The stored `_id` as text: records written before ids were derived from seqs have others. */
  id: string;
  seq: number;
  time: number;
  username: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: (typeof AUDIT_RESULTS)[number];
}

const ROW_FIELDS = { _id: 1, seq: 1, time: 1, username: 1, action: 1, objectType: 1, objectId: 1, result: 1, hash: 1 } as const;

interface RowSource {
  _id: unknown;
  seq: number;
  time: Date;
  username: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: AuditRow['result'];
  hash: string;
}

function toRow(doc: RowSource): AuditRow {
  return {
    id: String(doc._id),
    seq: doc.seq,
    time: doc.time.getTime(),
    username: doc.username ?? null,
    action: doc.action,
    objectType: doc.objectType ?? null,
    objectId: doc.objectId ?? null,
    result: doc.result,
  };
}

/** The rows in seq order, newest last. */
export class AuditLogList {
  constructor(private rows: AuditRow[] = []) {}

  get size(): number {
    return this.rows.length;
  }

  get newestSeq(): number {
    return this.rows.at(-1)?.seq ?? 0;
  }

  append(rows: readonly AuditRow[]): void {
    for (const row of rows) if (row.seq > this.newestSeq) this.rows.push(row);
  }

  /** Drops the rows retention pruning removed (at or below the anchor's seq). */
  dropThrough(seq: number): void {
    if (this.rows[0] && this.rows[0].seq <= seq) this.rows = this.rows.filter((row) => row.seq > seq);
  }

  contents(): AuditRow[] {
    return this.rows;
  }

  /** One page of the stored ids matching the query, newest first, and the count. */
  page(query: AuditQuery): { ids: string[]; total: number } {
    const from = query.from ? Date.parse(query.from) : -Infinity;
    const to = query.to ? Date.parse(query.to) : Infinity;
    const first = query.page * query.size;
    const ids: string[] = [];
    let total = 0;
    for (let i = this.rows.length - 1; i >= 0; i -= 1) {
      const row = this.rows[i]!;
      if (query.username && row.username !== query.username) continue;
      if (query.action && !row.action.startsWith(query.action)) continue;
      if (query.objectType && row.objectType !== query.objectType) continue;
      if (query.objectId && row.objectId !== query.objectId) continue;
      if (query.result && row.result !== query.result) continue;
      if (row.time < from || row.time >= to) continue;
      if (total >= first && ids.length < query.size) ids.push(row.id);
      total += 1;
    }
    return { ids, total };
  }
}

const readRecord = (seq: number) => AuditModel.collection.findOne<RowSource>({ _id: auditRecordId(seq) }, { projection: ROW_FIELDS });

/**
 * The log's head found by `_id` lookups only: from a seq known to exist, forward by doubling
 * steps, then by halving; only without any known seq is the head read by sorting the log.
 */
async function findHead(known: number): Promise<number> {
  let low = known;
  if (low > 0 && !(await readRecord(low))) return (await readAuditHead())?.seq ?? 0;
  if (low === 0) {
    if (!(await readRecord(1))) return (await readAuditHead())?.seq ?? 0;
    low = 1;
  }
  let step = 1;
  while (await readRecord(low + step)) {
    low += step;
    step *= 2;
  }
  let high = low + step;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (await readRecord(mid)) low = mid;
    else high = mid;
  }
  return low;
}

/**
 * The audit log as a change source: its position is its head; changes are the records after a
 * seq. Its epoch names the log (the hash of its first record, or of the retention anchor once
 * pruning began), so a log emptied or restored, even one that grew back to the same seq, is
 * told apart from the log the projection holds.
 */
class AuditLogSource implements ChangeSource {
  readonly name = 'audit_log';
  private known = 0;
  private knownHash: string | null = null;
  private epoch: string | null = null;

  async position(): Promise<FeedPosition | null> {
    if (this.known > 0) {
      const at = await readRecord(this.known);
      if (at?.hash !== this.knownHash) {
        this.known = 0;
        this.epoch = null;
      }
    }
    this.epoch ??= await readEpoch();
    const head = await findHead(Math.max(this.known, readLastAppendedLink()?.seq ?? 0));
    if (head !== this.known) {
      this.known = head;
      this.knownHash = head > 0 ? ((await readRecord(head))?.hash ?? null) : null;
    }
    return { seq: this.known, epoch: this.epoch };
  }

  async ensurePosition(): Promise<FeedPosition> {
    return (await this.position())!;
  }

  async changes(from: number, to: number): Promise<FeedChanges> {
    return { ids: Array.from({ length: to - from + 1 }, (_, i) => String(from + i)), topics: new Set() };
  }

  /** The log's own retention job prunes it; the projection drops those rows as it catches up. */
  async prune(): Promise<void> {}
}

/** Once per process and after the log changed under it; a log written before ids came from seqs is scanned for its first record. */
async function readEpoch(): Promise<string> {
  const first = (await readRecord(1)) ?? (await AuditModel.collection.findOne<RowSource>({ seq: 1 }, { projection: ROW_FIELDS }));
  if (first) return first.hash;
  return (await readAuditAnchor())?.hash ?? 'empty';
}

interface AuditSnapshot {
  rows: ColumnTable;
}

function auditLogProjection(source: AuditLogSource): ProjectionDefinition<AuditLogList> {
  return {
    name: 'audit_log',
    source,
    messages: { loading: '审计日志正在加载，请稍后再试', updating: '审计日志正在更新，请稍后再试' },
    // Every request may add records: replaying them by `_id` is cheap, and the measured cost still decides.
    maxReplayed: Number.POSITIVE_INFINITY,
    async loadAll(ctx) {
      const rows: AuditRow[] = [];
      const cursor = AuditModel.collection.find<RowSource>({}, { projection: ROW_FIELDS }).batchSize(2000);
      try {
        for await (const doc of cursor) {
          ctx.checkStopped();
          rows.push(toRow(doc));
        }
      } finally {
        await cursor.close();
      }
      // Read in storage order; the list keeps seq order.
      return new AuditLogList(rows.sort((a, b) => a.seq - b.seq));
    },
    async apply(list, { ids }, ctx) {
      const found = await ctx.readByIds(ids, (seq) => readRecord(Number(seq)));
      if (typeof found === 'string') return found;
      const rows: AuditRow[] = [];
      for (const [seq, doc] of found) {
        // Appended in seq order: a gap is a record not yet visible or gone; reload rather than skip it.
        if (!doc) return `audit record ${seq} is missing`;
        rows.push(toRow(doc));
      }
      list.append(rows);
      const anchor = await readAuditAnchor();
      if (anchor) list.dropThrough(anchor.seq);
      return undefined;
    },
    snapshot: {
      format: 'audit-log-1',
      save: (list): AuditSnapshot => ({ rows: toColumns(list.contents()) }),
      restore: (payload) => new AuditLogList(fromColumns<AuditRow>((payload as AuditSnapshot).rows)),
    },
  };
}

export function createAuditLogList(options: ProjectionOptions): Projection<AuditLogList> {
  return new Projection(auditLogProjection(new AuditLogSource()), options);
}

const processList = processProjection(createAuditLogList);
/** Makes `projection` the one this process answers audit log pages from. */
export const useAuditLogList = processList.use;
/** The process's audit log list. */
export const auditLogList = processList.get;
