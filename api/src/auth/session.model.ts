import mongoose, { Schema } from 'mongoose';
import { SESSION_STAGES } from '@cadre/shared-models';

/**
 * Server-side sessions, so any API process can serve any request. The cookie holds a random
 * token; only its SHA-256 is stored, so a database reader cannot replay a session.
 */
const sessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    stage: { type: String, enum: SESSION_STAGES, required: true },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    ip: { type: String, default: null },
  },
  { collection: 'sessions', versionKey: false },
);
sessionSchema.index({ userId: 1 });
sessionSchema.index({ expiresAt: 1 });

export const SessionModel = mongoose.model('Session', sessionSchema);
