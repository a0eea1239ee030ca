import mongoose, { Schema } from 'mongoose';
import { AppError } from '../platform/errors.js';

/**
 * One writer at a time per evaluation document. The embedded database (FerretDB v1) runs an
 * update as read, change, write back the whole document, with nothing between concurrent
 * updates: measured here, of twenty `updateOne({_id, revision: 0}, …)` at once up to sixteen
 * report a match, and of twenty `$inc` most are lost. Inserting a document with a given `_id` is
 * the one operation it decides atomically, so a writer inserts a lock document named after what
 * it changes, reads, writes, and deletes the lock; within a process, writers of one key also
 * queue behind each other so they do not spin on the lock.
 */
const lockSchema = new Schema({ _id: { type: String, required: true }, at: { type: Date, required: true } }, { collection: 'document_locks', versionKey: false });
const LockModel = mongoose.model('DocumentLock', lockSchema);

/** A lock older than this was left by a process that died holding it. */
const STALE_MS = 30_000;
/** How long a writer waits for a lock before the request is answered 503. */
const WAIT_MS = 10_000;

const queues = new Map<string, Promise<unknown>>();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const locks = () => LockModel.collection;

async function acquire(key: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      await locks().insertOne({ _id: key as never, at: new Date() });
      return;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
    const held = await locks().findOne({ _id: key as never });
    if (held && (held['at'] as Date).getTime() < Date.now() - STALE_MS) {
      await locks().deleteOne({ _id: key as never, at: held['at'] });
      continue;
    }
    if (Date.now() > deadline) throw new AppError(503, 'document_busy', '数据正在被他人修改，请稍后重试');
    await pause(5 + Math.random() * 20);
  }
}

/** Runs `change` while holding the lock named `key` (e.g. `cycle:<id>`), and returns what it returns. */
export function withDocumentLock<T>(key: string, change: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous
    .catch(() => undefined)
    .then(async () => {
      await acquire(key);
      try {
        return await change();
      } finally {
        await locks().deleteOne({ _id: key as never });
      }
    });
  queues.set(key, run);
  const forget = () => {
    if (queues.get(key) === run) queues.delete(key);
  };
  run.then(forget, forget);
  return run;
}
