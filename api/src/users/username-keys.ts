import mongoose, { Schema, Types } from 'mongoose';
import type { Logger } from 'pino';
import { AppError } from '../platform/errors.js';
import { UserModel, type UserDocument } from './user.model.js';

/**
 * One document per account, addressed by the username (docs/decisions/0012): sign-in finds an
 * account by `_id` instead of scanning every account, and the `_id`'s uniqueness reserves a
 * username before the account is written, so two creations of one name cannot both succeed.
 */
const usernameKeySchema = new Schema({ _id: String, userId: { type: Schema.Types.ObjectId, required: true } }, { collection: 'username_keys', versionKey: false });
export const UsernameKeyModel = mongoose.model('UsernameKey', usernameKeySchema);

/** The account with this username (as stored: lower case), or null. */
export async function findUserByUsername(username: string): Promise<UserDocument | null> {
  const key = await UsernameKeyModel.findById(username).lean();
  if (!key) return null;
  const user = await UserModel.findById(key.userId).lean<UserDocument>();
  // A key whose account is gone, or another account's, finds nothing.
  return user?.username === username ? user : null;
}

/** Reserves the username for the account about to be created with `userId`; 409 when taken. */
export async function reserveUsername(username: string, userId: Types.ObjectId): Promise<void> {
  try {
    await UsernameKeyModel.create({ _id: username, userId });
  } catch (err) {
    if ((err as { code?: number }).code === 11000) throw new AppError(409, 'username_taken', `用户名 ${username} 已存在`);
    throw err;
  }
}

/** Gives a reserved username back, when creating its account failed. */
export async function releaseUsername(username: string, userId: Types.ObjectId): Promise<void> {
  await UsernameKeyModel.deleteOne({ _id: username, userId });
}

/**
 * Writes the key of every account that has none, once, at the first start of a release that keeps
 * them (or after restoring an older backup): scans the accounts, only while the keys are missing.
 */
export async function ensureUsernameKeys(logger: Logger): Promise<void> {
  if ((await UsernameKeyModel.estimatedDocumentCount()) > 0 || (await UserModel.estimatedDocumentCount()) === 0) return;
  const users = await UserModel.find().select('username').lean<Array<{ _id: Types.ObjectId; username: string }>>();
  for (const user of users) {
    await UsernameKeyModel.updateOne({ _id: user.username }, { $setOnInsert: { userId: user._id } }, { upsert: true });
  }
  logger.info({ accounts: users.length }, 'username keys written for existing accounts');
}
