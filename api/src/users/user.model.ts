import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { ROLES } from '@cadre/shared-models';

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
