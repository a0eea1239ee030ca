import { Types, type Model } from 'mongoose';

/** Single-document operations in flight at once while scoring or locking a cycle. */
const PARALLEL_OPERATIONS = 16;

/**
 * Runs `task` for every item, a few at a time. The embedded database answers single `_id`
 * reads and writes from its index, but scans the whole collection for `{_id: {$in}}`
 * (scoring-reads.spec.ts) and for every statement of a multi-statement update (bulkWrite):
 * batches of reads and updates are parallel single operations instead.
 */
export async function runParallel<T>(items: readonly T[], task: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_OPERATIONS, items.length) }, worker));
}

/** Documents by `_id`, as a map (missing ones absent), read with the driver: no casting or hydration to pay for. */
export async function readByIds<T>(model: Model<never>, ids: readonly string[], options: { fields?: string; objectIds?: boolean } = {}): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  const projection = options.fields ? Object.fromEntries(options.fields.split(' ').map((field) => [field, 1])) : undefined;
  await runParallel(ids, async (id) => {
    const key = options.objectIds ? new Types.ObjectId(id) : id;
    const doc = await model.collection.findOne({ _id: key as never }, projection ? { projection } : {});
    if (doc) found.set(id, doc as T);
  });
  return found;
}
