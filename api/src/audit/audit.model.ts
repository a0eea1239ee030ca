import mongoose, { Schema } from 'mongoose';
import { AUDIT_RESULTS, type AuditRecord } from '@cadre/shared-models';

/**
 * One audit record as stored. Records are only ever inserted (see audit-chain.ts, which
 * writes through the driver so the stored document is exactly what was hashed); the schema
 * exists for the indexes and for typed reads.
 */
const auditSchema = new Schema(
  {
    seq: { type: Number, required: true },
    time: { type: Date, required: true },
    userId: { type: String, default: null },
    username: { type: String, default: null },
    ip: { type: String, default: null },
    action: { type: String, required: true },
    objectType: { type: String, default: null },
    objectId: { type: String, default: null },
    result: { type: String, enum: AUDIT_RESULTS, required: true },
    detail: { type: Schema.Types.Mixed, default: null },
    requestId: { type: String, default: null },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { collection: 'audit_log', versionKey: false, minimize: false },
);

// The unique seq is what keeps appends from several API processes a single chain.
auditSchema.index({ seq: 1 }, { unique: true });
// Every filter of the audit page, each followed by its time-descending sort; seq breaks ties
// between records of the same millisecond so paging is stable.
auditSchema.index({ time: -1, seq: -1 });
auditSchema.index({ username: 1, time: -1, seq: -1 });
auditSchema.index({ action: 1, time: -1, seq: -1 });
auditSchema.index({ objectType: 1, objectId: 1, time: -1, seq: -1 });
auditSchema.index({ result: 1, time: -1, seq: -1 });

export const AuditModel = mongoose.model('AuditRecord', auditSchema);

/** Marks a record hashed with the audit key; records written before keying began lack it. */
export const AUDIT_HASH_ALG = 'hmac-sha256' as const;

/** The stored shape: the API shape with a real Date, and the hash algorithm when keyed. */
export type StoredAuditRecord = Omit<AuditRecord, 'time'> & { time: Date; alg?: typeof AUDIT_HASH_ALG };

export const ANCHOR_KEY = 'audit_log';

/**
 * After retention pruning, the seq, hash and time of the last deleted record: the link the
 * oldest kept record points to, so what remains still verifies. `mac` signs seq, hash and time
 * with the audit key (anchors written before keying began have neither time nor mac).
 */
const anchorSchema = new Schema(
  {
    key: { type: String, required: true },
    seq: { type: Number, required: true },
    hash: { type: String, required: true },
    time: { type: Date },
    mac: { type: String },
    prunedAt: { type: Date, required: true },
  },
  { collection: 'audit_chain_anchor', versionKey: false },
);
anchorSchema.index({ key: 1 }, { unique: true });

export const AuditChainAnchorModel = mongoose.model('AuditChainAnchor', anchorSchema);

export interface AuditChainLink {
  seq: number;
  hash: string;
}

export interface StoredAuditAnchor extends AuditChainLink {
  time?: Date;
  mac?: string;
}
