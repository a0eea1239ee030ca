import mongoose, { Schema } from 'mongoose';
import type { ClientRateLimitInfo, Store } from 'express-rate-limit';
import { startsWithPattern } from './text-pattern.js';

const hitSchema = new Schema(
  { _id: { type: String, required: true }, hits: { type: Number, required: true }, resetAt: { type: Date, required: true } },
  { collection: 'rate_limits', versionKey: false },
);
hitSchema.index({ resetAt: 1 });
export const RateLimitHitModel = mongoose.model('RateLimitHit', hitSchema);

/**
 * express-rate-limit counters kept in the database, so the limit holds across all API
 * processes behind a load balancer. One document per key and fixed window.
 */
export class DatabaseRateLimitStore implements Store {
  private windowMs = 60_000;
  readonly localKeys = false;

  constructor(readonly prefix: string) {}

  init(options: { windowMs: number }): void {
    this.windowMs = options.windowMs;
  }

  private windowKey(key: string, now: number): { id: string; resetAt: Date } {
    const start = Math.floor(now / this.windowMs) * this.windowMs;
    return { id: `${this.prefix}:${key}:${start}`, resetAt: new Date(start + this.windowMs) };
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const { id } = this.windowKey(key, Date.now());
    const doc = await RateLimitHitModel.findById(id).lean();
    return doc ? { totalHits: doc.hits, resetTime: doc.resetAt } : undefined;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const now = Date.now();
    const { id, resetAt } = this.windowKey(key, now);
    const doc = await RateLimitHitModel.findOneAndUpdate(
      { _id: id },
      { $inc: { hits: 1 }, $setOnInsert: { resetAt } },
      { upsert: true, returnDocument: 'after', lean: true },
    );
    if (Math.random() < 0.01) void RateLimitHitModel.deleteMany({ resetAt: mongoose.trusted({ $lt: new Date(now) }) }).exec();
    return { totalHits: doc!.hits, resetTime: doc!.resetAt };
  }

  async decrement(key: string): Promise<void> {
    const { id } = this.windowKey(key, Date.now());
    await RateLimitHitModel.updateOne({ _id: id }, { $inc: { hits: -1 } });
  }

  async resetKey(key: string): Promise<void> {
    await RateLimitHitModel.deleteMany(
      { _id: mongoose.trusted({ $regex: startsWithPattern(`${this.prefix}:${key}:`) }) },
    );
  }
}
