import type { Model } from 'mongoose';
import { pino, type Logger } from 'pino';
import { AppError } from '../platform/errors.js';
import { PARALLEL_READS, type ChangeSource, type FeedPosition } from './change-feed.js';
import type { SnapshotStore } from './snapshot-store.js';

/** Thrown inside a load to abandon it when the projection is stopped. */
class ProjectionStopped extends Error {}

/** Handed to a definition's loads so a long scan can give up when the process stops. */
export interface LoadContext {
  /** Throws ProjectionStopped once the projection is stopping. */
  checkStopped(): void;
  /**
   * Reads documents by `_id` in small parallel batches (null: deleted). Once the rest would cost
   * more than the last full load took, it stops and returns the reason to reload instead.
   */
  readByIds<T>(ids: readonly string[], read: (id: string) => Promise<T | null>): Promise<Map<string, T | null> | string>;
}

/**
 * What a module supplies to serve a list, count or dashboard from memory (docs/decisions/0012):
 * how to build its state from a full scan, how to apply changed `_id`s, and how to snapshot it.
 */
export interface ProjectionDefinition<S> {
  /** Names the projection in logs and its snapshot file. */
  name: string;
  source: ChangeSource;
  /** What a request is told (503) while the first load runs, and while a catch-up runs. */
  messages: { loading: string; updating: string };
  loadAll(ctx: LoadContext): Promise<S>;
  /** Applies the changes to the state in place, or returns why everything must be reloaded. */
  apply(state: S, changes: { ids: string[]; topics: ReadonlySet<string> }, ctx: LoadContext): Promise<string | void>;
  /**
   * Beyond this many changes behind, reload in full rather than replay (default 1,000). A source
   * whose changes are cheap to read one by one may allow more: the measured cost still decides.
   */
  maxReplayed?: number;
  /** Brings time-dependent parts up to date before each answer (the ledger's ages and tags). */
  refresh?(state: S, now: Date): void;
  snapshot?: {
    /** Changes whenever what `save` writes changes, so an old file is never misread. */
    format: string;
    save(state: S): unknown;
    restore(payload: unknown, now: Date): S;
  };
}

export interface ProjectionOptions {
  logger: Logger;
  /** How long a request waits for a load or catch-up before it is answered 503 (Infinity: no bound). */
  waitMs?: number;
  now?: () => Date;
  /** Where snapshots are kept; without one, every start loads in full. */
  snapshots?: SnapshotStore;
  /** How often, at most, a changed state is written to its snapshot. */
  snapshotEveryMs?: number;
}

const DEFAULT_WAIT_MS = 15_000;
const DEFAULT_SNAPSHOT_EVERY_MS = 10 * 60 * 1000;
/** Further behind than this many changes, reloading everything is simpler than replaying (unless a definition says otherwise). */
const MAX_REPLAYED_CHANGES = 1_000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
/** Change history older than this is deleted; a process that far behind reloads everything. */
const KEEP_CHANGES_MS = 24 * 60 * 60 * 1000;

/**
 * One projection in one API process. The embedded database answers only `_id` lookups from an
 * index, so lists, counts and dashboards are served from memory: restored from a snapshot or
 * loaded in full once, then kept fresh through the change source. Before it answers, a request
 * reads the source's position (one `_id` lookup); if writers moved it, the projection re-reads
 * exactly the changed documents by `_id`, or everything when that is cheaper or the history
 * cannot be followed. Loads, catch-ups and snapshots run one at a time, in order.
 */
export class Projection<S> {
  private readonly logger: Logger;
  private readonly waitMs: number;
  private readonly now: () => Date;
  private readonly snapshots: SnapshotStore | undefined;
  private readonly snapshotEveryMs: number;
  private state: S | undefined;
  private position: FeedPosition | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private started = false;
  private stopped = false;
  private lastPrune = 0;
  private pruning: Promise<void> = Promise.resolve();
  private savedSeq: number | null = null;
  private savedEpoch: string | null = null;
  private lastSave = 0;
  /** Measured costs that decide between re-reading changed documents and reloading all. */
  private fullLoadMs = 0;
  private idReadMs = 0;

  constructor(
    private readonly definition: ProjectionDefinition<S>,
    options: ProjectionOptions,
  ) {
    this.logger = options.logger.child({ projection: definition.name });
    this.waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
    this.now = options.now ?? (() => new Date());
    this.snapshots = definition.snapshot ? options.snapshots : undefined;
    this.snapshotEveryMs = options.snapshotEveryMs ?? DEFAULT_SNAPSHOT_EVERY_MS;
  }

  get name(): string {
    return this.definition.name;
  }

  /** Whether the state is in memory (loaded or restored), however far behind. */
  get ready(): boolean {
    return this.state !== undefined;
  }

  /** Begins restoring or loading in the background; requests made meanwhile wait for it. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.serialize(() => this.sync()).catch((err: unknown) => {
      if (!(err instanceof ProjectionStopped)) this.logger.error({ err }, 'first load failed; the next request retries');
    });
  }

  /** Abandons a load in progress, writes the snapshot if it is behind, and refuses further requests. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await Promise.all([this.tail, this.pruning]);
    if (this.state !== undefined && this.position && this.savedSeq !== this.position.seq) {
      await this.saveSnapshot().catch((err: unknown) => this.logger.warn({ err }, 'snapshot not written at stop'));
    }
  }

  /** Resolves when the work queued so far is done (for tools that can wait without a bound). */
  async settled(): Promise<void> {
    await this.tail;
  }

  /**
   * The state as of this request: every change noted before the call is in it. Waits at most
   * `waitMs` for a load or catch-up, then answers 503.
   */
  async current(): Promise<S> {
    if (this.stopped) throw new AppError(503, 'projection_unavailable', '服务正在停止，请稍后再试');
    this.start();
    const position = await this.definition.source.position();
    const state = this.state;
    if (state !== undefined && this.isAt(position)) {
      this.definition.refresh?.(state, this.now());
      return state;
    }
    return this.bounded(this.serialize(() => this.sync()));
  }

  private isAt(position: FeedPosition | null): boolean {
    return position !== null && this.position !== null && position.epoch === this.position.epoch && position.seq === this.position.seq;
  }

  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async bounded<T>(work: Promise<T>): Promise<T> {
    if (!Number.isFinite(this.waitMs)) return work;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const { loading, updating } = this.definition.messages;
        reject(new AppError(503, 'projection_loading', this.state === undefined ? loading : updating));
      }, this.waitMs);
    });
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async sync(): Promise<S> {
    this.checkStopped();
    if (this.state === undefined) await this.restoreSnapshot();
    if (this.state === undefined) await this.loadAll('not loaded');
    else await this.catchUp();
    const state = this.state as S;
    this.definition.refresh?.(state, this.now());
    this.afterAnswer();
    return state;
  }

  private checkStopped(): void {
    if (this.stopped) throw new ProjectionStopped(`the ${this.definition.name} projection was stopped`);
  }

  private readonly context: LoadContext = {
    checkStopped: () => this.checkStopped(),
    readByIds: (ids, read) => this.readByIds(ids, read),
  };

  private async catchUp(): Promise<void> {
    const position = await this.definition.source.position();
    const at = this.position!;
    if (position === null) return this.loadAll('the change counter is gone (database emptied)');
    if (position.epoch !== at.epoch) return this.loadAll('the change counter was recreated');
    if (position.seq < at.seq) return this.loadAll('the change counter went back');
    if (position.seq === at.seq) return;
    if (position.seq - at.seq > (this.definition.maxReplayed ?? MAX_REPLAYED_CHANGES)) return this.loadAll(`${position.seq - at.seq} changes behind`);
    const changes = await this.definition.source.changes(at.seq + 1, position.seq);
    if ('reload' in changes) return this.loadAll(changes.reload);
    const reload = await this.definition.apply(this.state as S, changes, this.context);
    if (typeof reload === 'string') return this.loadAll(reload);
    this.position = position;
  }

  private async readByIds<T>(ids: readonly string[], read: (id: string) => Promise<T | null>): Promise<Map<string, T | null> | string> {
    const found = new Map<string, T | null>();
    for (let start = 0; start < ids.length; start += PARALLEL_READS) {
      this.checkStopped();
      const remaining = ids.length - start;
      if (this.idReadMs > 0 && this.fullLoadMs > 0 && remaining * this.idReadMs > this.fullLoadMs) {
        return `${remaining} documents to re-read at ${this.idReadMs.toFixed(1)} ms each: a full load is cheaper`;
      }
      const batch = ids.slice(start, start + PARALLEL_READS);
      const began = performance.now();
      const docs = await Promise.all(batch.map(read));
      const perRead = (performance.now() - began) / batch.length;
      this.idReadMs = this.idReadMs === 0 ? perRead : 0.7 * this.idReadMs + 0.3 * perRead;
      for (const [i, doc] of docs.entries()) found.set(batch[i]!, doc);
    }
    return found;
  }

  /**
   * Reads everything: the position first, so that any write the scan misses has a later
   * sequence number and is replayed by the next catch-up.
   */
  private async loadAll(reason: string): Promise<void> {
    const began = performance.now();
    const position = await this.definition.source.ensurePosition();
    this.state = await this.definition.loadAll(this.context);
    this.position = position;
    this.fullLoadMs = performance.now() - began;
    this.logger.info({ ms: Math.round(this.fullLoadMs), reason }, 'projection loaded in full');
    if (this.snapshots) {
      // A fresh full load is the best moment for a snapshot: the next start skips the scan.
      await this.saveSnapshot().catch((err: unknown) => this.logger.warn({ err }, 'snapshot not written'));
    }
  }

  private async restoreSnapshot(): Promise<void> {
    const { snapshot } = this.definition;
    if (!this.snapshots || !snapshot) return;
    const began = performance.now();
    try {
      const found = await this.snapshots.load(this.definition.name, snapshot.format);
      if ('missing' in found) {
        this.logger.info({ reason: found.missing }, 'no usable snapshot: loading in full');
        return;
      }
      this.state = snapshot.restore(found.payload, this.now());
      this.position = { seq: found.header.seq, epoch: found.header.epoch };
      this.savedSeq = found.header.seq;
      this.savedEpoch = found.header.epoch;
      this.lastSave = Date.now();
      this.logger.info({ ms: Math.round(performance.now() - began), seq: found.header.seq, savedAt: found.header.savedAt }, 'projection restored from its snapshot');
    } catch (err) {
      this.state = undefined;
      this.logger.warn({ err }, 'snapshot unreadable: loading in full');
    }
  }

  private async saveSnapshot(): Promise<void> {
    const { snapshot } = this.definition;
    if (!this.snapshots || !snapshot || this.state === undefined || !this.position) return;
    const position = this.position;
    const began = performance.now();
    const header = await this.snapshots.save(this.definition.name, snapshot.format, position, snapshot.save(this.state));
    this.savedSeq = position.seq;
    this.savedEpoch = position.epoch;
    this.lastSave = Date.now();
    this.logger.info({ ms: Math.round(performance.now() - began), seq: position.seq, bytes: header.bytes }, 'snapshot written');
  }

  /** Housekeeping after an answer, queued behind it: a snapshot now and then, pruning the history. */
  private afterAnswer(): void {
    const now = Date.now();
    const behind = this.position && (this.savedSeq !== this.position.seq || this.savedEpoch !== this.position.epoch);
    if (this.snapshots && behind && now - this.lastSave >= this.snapshotEveryMs) {
      this.lastSave = now;
      void this.serialize(() => this.saveSnapshot()).catch((err: unknown) => this.logger.warn({ err }, 'snapshot not written'));
    }
    if (now - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = now;
      this.pruning = this.definition.source.prune(new Date(now - KEEP_CHANGES_MS)).catch((err: unknown) => {
        this.logger.warn({ err }, 'old change history could not be deleted');
      });
    }
  }
}

/**
 * The projection one API process answers from, set by server.ts at start; specs and command-line
 * tools that never set one get a quiet one, started on first use.
 */
export function processProjection<S>(create: (options: ProjectionOptions) => Projection<S>) {
  let current: Projection<S> | undefined;
  return {
    use(projection: Projection<S>): Projection<S> {
      current = projection;
      return projection;
    },
    get(): Projection<S> {
      current ??= create({ logger: pino({ level: 'silent' }) });
      return current;
    },
  };
}

/** A set of rows kept by `_id`: what a list projection over one collection holds. */
export interface RowSet<R> {
  set(row: R): void;
  delete(id: string): void;
}

/**
 * loadAll and apply for a projection whose state is one row per document of a collection: a
 * full load reads the given fields through one cursor; changed documents are re-read by `_id`.
 */
export function documentRows<D, R, S extends RowSet<R>>(options: {
  model: Model<never>;
  fields: string;
  toRow: (doc: D) => R;
  create: () => S;
  /** Other ids a named change touches (a bulk write by cadre or unit). */
  idsForTopic?: (state: S, topic: string) => string[];
}): Pick<ProjectionDefinition<S>, 'loadAll' | 'apply'> {
  const { model, fields, toRow, create, idsForTopic } = options;
  return {
    async loadAll(ctx) {
      const state = create();
      const cursor = model.find().select(fields).lean<D[]>().cursor({ batchSize: 2000 });
      try {
        for await (const doc of cursor) {
          ctx.checkStopped();
          state.set(toRow(doc as D));
        }
      } finally {
        await cursor.close();
      }
      return state;
    },
    async apply(state, { ids, topics }, ctx) {
      const touched = new Set([...ids, ...[...topics].flatMap((topic) => idsForTopic?.(state, topic) ?? [])]);
      const docs = await ctx.readByIds([...touched], (id) => model.findById(id).select(fields).lean<D>() as Promise<D | null>);
      if (typeof docs === 'string') return docs;
      for (const [id, doc] of docs) {
        if (doc) state.set(toRow(doc));
        else state.delete(id);
      }
      return undefined;
    },
  };
}
