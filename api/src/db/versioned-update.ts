import type { Model } from 'mongoose';
import { AppError } from '../platform/errors.js';
import { withDocumentLock } from './document-lock.js';

/**
 * Optimistic concurrency for every editable document: `changes` apply only if the caller saw
 * `version` (mongoose's `__v`); otherwise 409 naming the current version, and nothing is written.
 * The update runs under the document's lock: the embedded database does not apply a conditional
 * update atomically, and two saves from one version would otherwise both succeed.
 */
export async function updateVersioned<T>(
  model: Model<never>,
  id: string,
  version: number,
  changes: Record<string, unknown>,
  what: string,
): Promise<T> {
  const updated = await withDocumentLock(`${model.collection.collectionName}:${id}`, () =>
    model.findOneAndUpdate({ _id: id, __v: version } as never, { $set: changes, $inc: { __v: 1 } } as never, { returnDocument: 'after', lean: true }),
  );
  if (updated) return updated as T;
  const current = (await model.findById(id).select('__v').lean()) as { __v: number } | null;
  if (!current) throw new AppError(404, 'not_found', `${what}不存在`);
  throw new AppError(409, 'version_conflict', `该${what}已被他人修改（当前版本 ${current.__v}），请刷新后重试`);
}

/** Refuses a save made against an older version before any side effect of the save runs. */
export function assertVersion(current: number, seen: number, what: string): void {
  if (current !== seen) throw new AppError(409, 'version_conflict', `该${what}已被他人修改（当前版本 ${current}），请刷新后重试`);
}
