import { randomUUID } from 'node:crypto';
import mongoose, { Schema } from 'mongoose';
import { withDocumentLock } from '../db/document-lock.js';

/**
 * Change feeds that in-memory projections follow (docs/decisions/0012). A writer bumps the
 * feed's counter and records what changed; a process whose projection is behind the counter
 * re-reads exactly that. Every read and write here is by `_id`, the one filter the embedded
 * database answers from an index.
 */
const counterSchema = new Schema(
  {
    _id: String,
    seq: { type: Number, required: true },
    // Set when the counter document is created: a counter that was deleted and created again (an
    // emptied or restored database) can reach the same seq, and only the epoch tells them apart.
    epoch: String,
  },
  { collection: 'counters', versionKey: false },
);
export const CounterModel = mongoose.model('Counter', counterSchema);

const changeSchema = new Schema(
  {
    // `<feed>:<seq>`: the embedded database pushes an `_id` lookup down to SQLite only for a
    // string or ObjectId, and scans every document for a number.
    _id: String,
    feed: { type: String, required: true },
    // The `_id`s of the changed documents, as text.
    ids: { type: [String], default: [] },
    // Set: everything changed (seeding, restores); readers reload in full.
    all: { type: Boolean, default: false },
    // Named changes a projection handles its own way (the ledger's unit tree, for one).
    topics: { type: [String], default: [] },
    at: { type: Date, required: true },
  },
  { collection: 'projection_changes', versionKey: false },
);
// For pruning on MongoDB; on the embedded database the hourly prune scans this small collection.
changeSchema.index({ feed: 1, at: 1 });
export const ProjectionChangeModel = mongoose.model('ProjectionChange', changeSchema);

/** Where a feed stands: its latest number and the epoch of its counter document. */
export interface FeedPosition {
  seq: number;
  epoch: string;
}

/** What the changes `from`..`to` name, or why the reader must reload everything instead. */
export type FeedChanges = { ids: string[]; topics: Set<string> } | { reload: string };

/** What a projection follows: a feed written by writers, or an append-only log of its own. */
export interface ChangeSource {
  readonly name: string;
  /** The current position, or null when the feed has none (nothing noted since the database was created or emptied). */
  position(): Promise<FeedPosition | null>;
  /** The current position, starting the feed at 0 if it has none. */
  ensurePosition(): Promise<FeedPosition>;
  changes(from: number, to: number): Promise<FeedChanges>;
  /** Drops history older than `cutoff`; a reader that far behind reloads everything. */
  prune(cutoff: Date): Promise<void>;
}

/** Reads by `_id` in flight at once. */
export const PARALLEL_READS = 8;
/**
 * A writer bumps the counter and then writes the change document: a reader may see the number
 * first. It waits this long (ms, in steps) for the document before reloading everything.
 */
const MISSING_CHANGE_WAITS = [20, 50, 100, 250];

const MAX_APPEND_ATTEMPTS = 10;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A named change feed: writers note changes, projections read them. */
export class ChangeFeed implements ChangeSource {
  constructor(readonly name: string) {}

  /** Call after any write to these documents (create, update, delete, import). */
  async noteChanged(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.append({ ids: [...new Set(ids)], all: false, topics: [] });
  }

  /** Call after a write that touches many documents at once (seeding, restore, a bulk repair). */
  async noteAll(): Promise<void> {
    await this.append({ ids: [], all: true, topics: [] });
  }

  /** Call after a change a projection handles as a whole, such as the unit tree under the ledger. */
  async noteTopic(topic: string): Promise<void> {
    await this.append({ ids: [], all: false, topics: [topic] });
  }

  changeId(seq: number): string {
    return `${this.name}:${seq}`;
  }

  private async append(change: { ids: string[]; all: boolean; topics: string[] }): Promise<number> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        // Under the counter's lock: the embedded database applies `$inc` as read, add, write back,
        // so two writers at once could take one number and even set the counter back (decision 0017).
        const counter = await withDocumentLock(`counters:${this.name}`, () =>
          CounterModel.findOneAndUpdate(
            { _id: this.name },
            { $inc: { seq: 1 }, $setOnInsert: { epoch: randomUUID() } },
            { upsert: true, returnDocument: 'after', lean: true },
          ),
        );
        const seq = counter!.seq;
        await ProjectionChangeModel.create({ _id: this.changeId(seq), feed: this.name, ...change, at: new Date() });
        return seq;
      } catch (err) {
        // Only if a stalled holder's lock was taken over (document-lock.ts) can two writers meet
        // here: the database then refuses one upsert (duplicate counter) or one change (duplicate
        // number). Either way the counter exists now: take the next number.
        if ((err as { code?: number }).code !== 11000 || attempt === MAX_APPEND_ATTEMPTS) throw err;
      }
    }
  }

  async position(): Promise<FeedPosition | null> {
    const counter = await CounterModel.findById(this.name).lean();
    return counter ? { seq: counter.seq, epoch: counter.epoch ?? '' } : null;
  }

  /**
   * A reader starts from an existing counter, so that an emptied database (the counter gone) is
   * noticed even before the next write.
   */
  async ensurePosition(): Promise<FeedPosition> {
    try {
      await CounterModel.updateOne({ _id: this.name }, { $setOnInsert: { seq: 0, epoch: randomUUID() } }, { upsert: true });
    } catch (err) {
      // Another process created it at the same moment: theirs is as good.
      if ((err as { code?: number }).code !== 11000) throw err;
    }
    const position = await this.position();
    if (!position) throw new Error(`the change counter ${this.name} could not be created`);
    return position;
  }

  async changes(from: number, to: number): Promise<FeedChanges> {
    const ids = new Set<string>();
    const topics = new Set<string>();
    for (let start = from; start <= to; start += PARALLEL_READS) {
      const seqs = Array.from({ length: Math.min(PARALLEL_READS, to - start + 1) }, (_, i) => start + i);
      const changes = await Promise.all(seqs.map((seq) => this.readChange(seq)));
      for (const [i, change] of changes.entries()) {
        if (!change) return { reload: `change ${seqs[i]} is missing` };
        if (change.all) return { reload: `change ${seqs[i]} touched everything` };
        for (const topic of change.topics) topics.add(topic);
        for (const id of change.ids) ids.add(id);
      }
    }
    return { ids: [...ids], topics };
  }

  private async readChange(seq: number) {
    for (const wait of [0, ...MISSING_CHANGE_WAITS]) {
      if (wait > 0) await pause(wait);
      const change = await ProjectionChangeModel.findById(this.changeId(seq)).lean();
      if (change) return change;
    }
    return null;
  }

  async prune(cutoff: Date): Promise<void> {
    await ProjectionChangeModel.deleteMany({ feed: this.name, at: mongoose.trusted({ $lt: cutoff }) });
  }
}
