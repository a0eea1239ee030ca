import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { ACCOUNT_CHANGE_KINDS, ROLES } from '@cadre/shared-models';

/** A change waiting for a second administrator (shared-models `needsApproval`). */
const pendingChangeSchema = new Schema(
  {
    kind: { type: String, enum: ACCOUNT_CHANGE_KINDS, required: true },
    unitId: { type: Schema.Types.ObjectId, default: null },
    cadreId: { type: Schema.Types.ObjectId, default: null },
    roles: { type: [{ type: String, enum: ROLES }], default: [] },
    requestedById: { type: String, required: true },
    requestedBy: { type: String, required: true },
    requestedAt: { type: Date, required: true },
  },
  { _id: false },
);

const userSchema = new Schema(
  {
    username: { type: String, required: true },
    displayName: { type: String, required: true },
    passwordHash: { type: String, required: true },
    passwordChangedAt: { type: Date, required: true },
    mustChangePassword: { type: Boolean, default: true },
    roles: { type: [{ type: String, enum: ROLES }], default: [] },
    unitId: { type: Schema.Types.ObjectId, default: null },
    cadreId: { type: Schema.Types.ObjectId, default: null },
    disabled: { type: Boolean, default: false },
    // Sealed with the data cipher; never returned by any route.
    totpSecret: { type: String, default: null },
    totpPendingSecret: { type: String, default: null },
    totpLastUsedStep: { type: Number, default: null },
    recoveryCodeHashes: { type: [String], default: [] },
    failedLoginTimes: { type: [Date], default: [] },
    // Wrong second-factor codes count apart from wrong passwords: a correct password clears only its own.
    failedTotpTimes: { type: [Date], default: [] },
    lockedUntil: { type: Date, default: null },
    lastLoginAt: { type: Date, default: null },
    pendingChange: { type: pendingChangeSchema, default: null },
    // The second half of an approved reset's one-time password, sealed, until its requester collects it.
    passwordPartSealed: { type: String, default: null },
    passwordPartFor: { type: String, default: null },
  },
  { timestamps: true, optimisticConcurrency: true, collection: 'users' },
);

userSchema.index({ username: 1 }, { unique: true });
userSchema.index({ cadreId: 1 });
userSchema.index({ displayName: 1 });

export type UserDocument = Omit<InferSchemaType<typeof userSchema>, 'failedLoginTimes' | 'failedTotpTimes'> & {
  _id: mongoose.Types.ObjectId;
  __v: number;
  failedLoginTimes: Date[];
  failedTotpTimes?: Date[];
};
export const UserModel = mongoose.model('User', userSchema);
