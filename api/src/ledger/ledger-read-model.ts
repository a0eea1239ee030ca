import { pino, type Logger } from 'pino';
import { CadreModel } from '../cadres/cadre.model.js';
import { UnitModel } from '../units/unit.model.js';
import { AppError } from '../platform/errors.js';
import { changeId, ensureLedgerCounter, LedgerChangeModel, pruneLedgerChanges, readLedgerCounter, type LedgerCounter } from './ledger-changes.js';
import { LEDGER_FIELDS, StringPool, toLedgerEntry, type LedgerEntry, type LedgerSourceDocument } from './ledger-entry.js';
import { LedgerIndex, type LedgerUnit } from './ledger-index.js';

export interface LedgerReadModelOptions {
  logger: Logger;
  /** How long a request waits for a load or catch-up before it is answered 503 (Infinity: no bound). */
  waitMs?: number;
  /** The clock ages and derived tags follow. */
  now?: () => Date;
}

const DEFAULT_WAIT_MS = 15_000;
/** Further behind than this many changes, reloading everything is simpler than replaying. */
const MAX_REPLAYED_CHANGES = 1_000;
/** Reads by `_id` in flight at once. */
const PARALLEL_READS = 8;
/**
 * A writer bumps the counter and then writes the change document: a reader may see the number
 * first. It waits this long (ms, in steps) for the document before reloading everything.
 */
const MISSING_CHANGE_WAITS = [20, 50, 100, 250];
const PRUNE_EVERY_MS = 60 * 60 * 1000;
/** Change documents older than this are deleted; a process that far behind reloads everything. */
const KEEP_CHANGES_MS = 24 * 60 * 60 * 1000;

class ModelStopped extends Error {}

const utcDay = (date: Date) => date.toISOString().slice(0, 10);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readUnits(): Promise<LedgerUnit[]> {
  const units = await UnitModel.find().select('name type parentId ancestorIds sortOrder').lean();
  return units.map((u) => ({
    id: String(u._id),
    name: u.name,
    type: u.type,
    parentId: u.parentId ? String(u.parentId) : null,
    ancestorIds: u.ancestorIds.map(String),
    sortOrder: u.sortOrder,
  }));
}

/**
 * The ledger read model of one API process (docs/decisions/0009). The embedded database answers
 * only `_id` lookups without scanning every cadre, so the ledger is served from memory: loaded
 * once in full, then kept fresh through the change sequence (ledger-changes.ts). Before it
 * answers, a request reads the sequence counter (one `_id` lookup); if other writers moved it,
 * the model re-reads exactly the changed cadres by `_id`, or everything when that is cheaper or
 * the sequence cannot be followed. Every load and catch-up runs one at a time, in order.
 */
export class LedgerReadModel {
  private readonly logger: Logger;
  private readonly waitMs: number;
  private readonly now: () => Date;
  private index: LedgerIndex | undefined;
  private seq = 0;
  private epoch: string | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private started = false;
  private stopped = false;
  private lastPrune = 0;
  /** Measured costs that decide between re-reading changed cadres and reloading all. */
  private fullLoadMs = 0;
  private idReadMs = 0;

  constructor(options: LedgerReadModelOptions) {
    this.logger = options.logger;
    this.waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
    this.now = options.now ?? (() => new Date());
  }

  /** Begins the full load in the background; requests made meanwhile wait for it. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.serialize(() => this.loadAll('start')).catch((err: unknown) => {
      if (!(err instanceof ModelStopped)) this.logger.error({ err }, 'ledger read model: first load failed; the next request retries');
    });
  }

  /** Abandons a load in progress and refuses further requests. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.tail;
  }

  /** Resolves when the work queued so far is done (for tools that can wait without a bound). */
  async settled(): Promise<void> {
    await this.tail;
  }

  /**
   * The index as of this request: every change noted before the call is in it, and its date is
   * today. Waits at most `waitMs` for a load or catch-up, then answers 503.
   */
  async current(): Promise<LedgerIndex> {
    if (this.stopped) throw new AppError(503, 'ledger_unavailable', '服务正在停止，请稍后再试');
    this.start();
    const counter = await readLedgerCounter();
    const index = this.index;
    if (index && this.isAt(counter) && index.asOf === utcDay(this.now())) return index;
    return this.bounded(this.serialize(() => this.sync()));
  }

  private isAt(counter: LedgerCounter | null): boolean {
    return counter !== null && counter.epoch === this.epoch && counter.seq === this.seq;
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
        const message = this.index ? '台账正在更新，请稍后再试' : '台账正在加载，请稍后再试';
        reject(new AppError(503, 'ledger_loading', message));
      }, this.waitMs);
    });
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async sync(): Promise<LedgerIndex> {
    if (this.stopped) throw new ModelStopped('the ledger read model was stopped');
    if (!this.index) await this.loadAll('not loaded');
    else await this.catchUp();
    const index = this.index!;
    index.setDate(this.now());
    this.pruneNowAndThen();
    return index;
  }

  private async catchUp(): Promise<void> {
    const counter = await readLedgerCounter();
    if (counter === null) return this.loadAll('the change counter is gone (database emptied)');
    if (counter.epoch !== this.epoch) return this.loadAll('the change counter was recreated');
    if (counter.seq < this.seq) return this.loadAll('the change counter went back');
    if (counter.seq === this.seq) return;
    if (counter.seq - this.seq > MAX_REPLAYED_CHANGES) return this.loadAll(`${counter.seq - this.seq} changes behind`);
    const changed = await this.readChanges(this.seq + 1, counter.seq);
    if (typeof changed === 'string') return this.loadAll(changed);
    const entries = await this.reread(changed.cadreIds);
    if (typeof entries === 'string') return this.loadAll(entries);
    const index = this.index!;
    const unitIds = [...entries.values()].flatMap((entry) => entry?.unitPath ?? []);
    if (changed.units || !index.knowsUnits(unitIds)) index.setUnits(await readUnits());
    index.apply(entries);
    this.seq = counter.seq;
  }

  /** What changes `from`..`to` name, or why everything must be reloaded instead. */
  private async readChanges(from: number, to: number): Promise<{ cadreIds: string[]; units: boolean } | string> {
    const ids = new Set<string>();
    let units = false;
    for (let start = from; start <= to; start += PARALLEL_READS) {
      const seqs = Array.from({ length: Math.min(PARALLEL_READS, to - start + 1) }, (_, i) => start + i);
      const changes = await Promise.all(seqs.map((seq) => this.readChange(seq)));
      for (const [i, change] of changes.entries()) {
        if (!change) return `change ${seqs[i]} is missing`;
        if (change.all) return `change ${seqs[i]} touched all cadres`;
        units ||= change.units;
        for (const id of change.cadreIds) ids.add(String(id));
      }
    }
    return { cadreIds: [...ids], units };
  }

  private async readChange(seq: number) {
    for (const wait of [0, ...MISSING_CHANGE_WAITS]) {
      if (wait > 0) await pause(wait);
      const change = await LedgerChangeModel.findById(changeId(seq)).lean();
      if (change) return change;
    }
    return null;
  }

  /**
   * The changed cadres read again by `_id` (null: deleted), in small parallel batches. Each
   * batch refines the measured cost of one read; once the rest would cost more than the last full
   * load took, it stops and asks for a full load instead.
   */
  private async reread(ids: string[]): Promise<Map<string, LedgerEntry | null> | string> {
    const pool = new StringPool();
    const entries = new Map<string, LedgerEntry | null>();
    for (let start = 0; start < ids.length; start += PARALLEL_READS) {
      const remaining = ids.length - start;
      if (this.idReadMs > 0 && remaining * this.idReadMs > this.fullLoadMs) {
        return `${remaining} cadres to re-read at ${this.idReadMs.toFixed(1)} ms each: a full load is cheaper`;
      }
      const batch = ids.slice(start, start + PARALLEL_READS);
      const began = performance.now();
      const docs = await Promise.all(batch.map((id) => CadreModel.findById(id).select(LEDGER_FIELDS).lean<LedgerSourceDocument>()));
      const perRead = (performance.now() - began) / batch.length;
      this.idReadMs = this.idReadMs === 0 ? perRead : 0.7 * this.idReadMs + 0.3 * perRead;
      for (const [i, doc] of docs.entries()) entries.set(batch[i]!, doc ? toLedgerEntry(doc, pool) : null);
    }
    return entries;
  }

  /**
   * Reads everything: the counter first, so that any write the scan misses has a later sequence
   * number and is replayed by the next catch-up.
   */
  private async loadAll(reason: string): Promise<void> {
    const began = performance.now();
    const counter = await ensureLedgerCounter();
    const units = await readUnits();
    const pool = new StringPool();
    const entries: LedgerEntry[] = [];
    const cursor = CadreModel.find().select(LEDGER_FIELDS).lean<LedgerSourceDocument[]>().cursor({ batchSize: 2000 });
    try {
      for await (const doc of cursor) {
        if (this.stopped) throw new ModelStopped('the ledger read model was stopped during a load');
        entries.push(toLedgerEntry(doc as LedgerSourceDocument, pool));
      }
    } finally {
      await cursor.close();
    }
    this.index = new LedgerIndex(units, entries, this.now());
    this.seq = counter.seq;
    this.epoch = counter.epoch;
    this.fullLoadMs = performance.now() - began;
    this.logger.info({ cadres: entries.length, ms: Math.round(this.fullLoadMs), reason }, 'ledger read model loaded');
  }

  private pruneNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    pruneLedgerChanges(new Date(now - KEEP_CHANGES_MS)).catch((err: unknown) => {
      this.logger.warn({ err }, 'ledger read model: old change documents could not be deleted');
    });
  }
}

let processModel: LedgerReadModel | undefined;

/** Makes `model` the read model this process serves the ledger and the dashboard from. */
export function useLedgerReadModel(model: LedgerReadModel): LedgerReadModel {
  processModel = model;
  return model;
}

/** The process's read model; where none was set (specs, command-line tools) a quiet one starts on first use. */
export function ledgerReadModel(): LedgerReadModel {
  processModel ??= new LedgerReadModel({ logger: pino({ level: 'silent' }) });
  return processModel;
}
