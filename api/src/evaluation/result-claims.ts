import mongoose, { Schema } from 'mongoose';

/**
 * Claims that arbitrate between writers racing to change the same evaluation document. The
 * embedded database does not apply a conditional update atomically: of ten simultaneous
 * `updateOne({_id, revision: 0}, {$inc: {revision: 1}})`, several report a match and the
 * revision ends at 1 (result-claims.spec.ts). An insert of one `_id` does let exactly one of
 * them through, so a writer first claims "`doc` at revision r" by inserting that key, and only
 * the claimant goes on to its revision-filtered update, which still refuses a stale revision.
 */
const claimSchema = new Schema({ _id: { type: String, required: true }, at: { type: Date, required: true } }, { collection: 'evaluation_claims', versionKey: false });
export const ClaimModel = mongoose.model('EvaluationClaim', claimSchema);

/**
 * A claim is held only between its insert and the update that moves the revision on (moments).
 * One older than this belongs to a process that died in between, and may be taken over.
 */
const ABANDONED_AFTER_MS = 60_000;

/** Takeovers of one revision's claim before giving up: each takeover is a claim of its own. */
const MAX_TAKEOVERS = 10;

/**
 * True for exactly one of the callers claiming the change of `docId` from `revision`. Taking over
 * an abandoned claim inserts the next generation's key rather than deleting the old one: the
 * embedded database's conditional delete is no more atomic than its update.
 */
export async function claimRevision(docId: string, revision: number): Promise<boolean> {
  for (let generation = 0; generation < MAX_TAKEOVERS; generation += 1) {
    const key = `${docId}@${revision}#${generation}`;
    try {
      await ClaimModel.collection.insertOne({ _id: key as never, at: new Date() });
      return true;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      const held = await ClaimModel.findById(key).lean<{ at: Date }>();
      if (held && Date.now() - new Date(held.at).getTime() < ABANDONED_AFTER_MS) return false;
    }
  }
  return false;
}
