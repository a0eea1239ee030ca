import type { Request } from 'express';
import mongoose from 'mongoose';
import { explainRoleConflict, type Role, type User, type UserList } from '@cadre/shared-models';
import { AppError } from '../platform/errors.js';
import { updateVersioned } from '../db/versioned-update.js';
import { describeChanges } from '../audit/audit-changes.js';
import { startsWithPattern } from '../platform/text-pattern.js';
import { recordAudit } from '../audit/audit.service.js';
import { generateOneTimePassword, hashPassword } from '../auth/password-hashing.js';
import { endAllSessionsOf } from '../auth/session.service.js';
import { UnitModel } from '../units/unit.model.js';
import { CadreModel } from '../cadres/cadre.model.js';
import { UserModel, type UserDocument } from './user.model.js';

export function toUser(doc: UserDocument): User {
  return {
    id: String(doc._id),
    username: doc.username,
    displayName: doc.displayName,
    roles: doc.roles as Role[],
    unitId: doc.unitId ? String(doc.unitId) : null,
    cadreId: doc.cadreId ? String(doc.cadreId) : null,
    disabled: doc.disabled,
    locked: Boolean(doc.lockedUntil && doc.lockedUntil.getTime() > Date.now()),
    totpEnabled: Boolean(doc.totpSecret),
    mustChangePassword: doc.mustChangePassword,
    lastLoginAt: doc.lastLoginAt ? doc.lastLoginAt.toISOString() : null,
    version: doc.__v,
  };
}

export async function listUsers(query: { q?: string | undefined; page: number; size: number }): Promise<UserList> {
  const filter = query.q
    ? {
        $or: [
          { username: mongoose.trusted({ $regex: startsWithPattern(query.q.toLowerCase()) }) },
          { displayName: mongoose.trusted({ $regex: startsWithPattern(query.q) }) },
        ],
      }
    : {};
  const [docs, total] = await Promise.all([
    UserModel.find(filter).sort({ username: 1 }).skip(query.page * query.size).limit(query.size).lean<UserDocument[]>(),
    UserModel.countDocuments(filter),
  ]);
  return { items: docs.map(toUser), total };
}

async function loadUser(id: string): Promise<UserDocument> {
  const doc = await UserModel.findById(id).lean<UserDocument>();
  if (!doc) throw new AppError(404, 'not_found', '用户不存在');
  return doc;
}

/** The unit and cadre an account is tied to must exist. */
async function assertLinksExist(unitId: string | null | undefined, cadreId: string | null | undefined): Promise<void> {
  if (unitId && !(await UnitModel.exists({ _id: unitId }))) {
    throw new AppError(400, 'validation_failed', '关联单位不存在', [{ path: 'body.unitId', message: '单位不存在' }]);
  }
  if (cadreId && !(await CadreModel.exists({ _id: cadreId }))) {
    throw new AppError(400, 'validation_failed', '关联干部不存在', [{ path: 'body.cadreId', message: '干部不存在' }]);
  }
}

export interface NewUser {
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string | null;
  cadreId: string | null;
  /** Operator-chosen password (CLI); omitted = a generated one-time password that must be changed. */
  password?: string;
  totpSecret?: string | null;
}

export async function createUser(req: Request | null, input: NewUser): Promise<{ user: User; oneTimePassword: string | null }> {
  const conflict = input.roles.length > 0 ? explainRoleConflict(input.roles) : null;
  if (conflict) throw new AppError(400, 'validation_failed', conflict, [{ path: 'body.roles', message: conflict }]);
  await assertLinksExist(input.unitId, input.cadreId);
  if (await UserModel.exists({ username: input.username })) {
    throw new AppError(409, 'username_taken', `用户名 ${input.username} 已存在`);
  }
  const oneTimePassword = input.password ? null : generateOneTimePassword();
  const doc = await UserModel.create({
    username: input.username,
    displayName: input.displayName,
    roles: input.roles,
    unitId: input.unitId,
    cadreId: input.cadreId,
    passwordHash: await hashPassword(input.password ?? oneTimePassword!),
    passwordChangedAt: new Date(),
    mustChangePassword: !input.password,
    totpSecret: input.totpSecret ?? null,
  });
  const user = toUser(doc.toObject() as unknown as UserDocument);
  await recordAudit(req, {
    action: 'user.create',
    result: 'success',
    objectType: 'user',
    objectId: user.id,
    detail: { after: { username: user.username, displayName: user.displayName, roles: user.roles, unitId: user.unitId, cadreId: user.cadreId } },
  });
  return { user, oneTimePassword };
}

function updateUserVersioned(id: string, version: number, changes: Record<string, unknown>): Promise<UserDocument> {
  return updateVersioned<UserDocument>(UserModel as never, id, version, changes, '用户');
}

export async function updateUser(
  req: Request,
  id: string,
  input: { version: number; displayName?: string | undefined; unitId?: string | null | undefined; cadreId?: string | null | undefined },
): Promise<User> {
  const before = toUser(await loadUser(id));
  await assertLinksExist(input.unitId, input.cadreId);
  const { version, ...changes } = input;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  const after = toUser(await updateUserVersioned(id, version, defined));
  await recordAudit(req, { action: 'user.update', result: 'success', objectType: 'user', objectId: id, detail: { changes: describeChanges(before, defined, Object.keys(defined)) } });
  return after;
}

export async function grantRoles(req: Request | null, id: string, version: number, roles: Role[]): Promise<User> {
  const conflict = explainRoleConflict(roles);
  if (conflict) throw new AppError(400, 'validation_failed', conflict, [{ path: 'body.roles', message: conflict }]);
  const before = toUser(await loadUser(id));
  if (req?.auth?.user.id === id) throw new AppError(403, 'forbidden', '不能修改自己的角色');
  const after = toUser(await updateUserVersioned(id, version, { roles }));
  // Sessions carry no roles (they are read per request), but a narrowed account should sign in afresh.
  await endAllSessionsOf(id);
  await recordAudit(req, {
    action: 'user.grant_roles',
    result: 'success',
    objectType: 'user',
    objectId: id,
    detail: { changes: { roles: { before: before.roles, after: after.roles } } },
  });
  return after;
}

export type AccountAction = 'disable' | 'enable' | 'unlock';

export async function changeAccountState(req: Request | null, id: string, action: AccountAction): Promise<User> {
  const current = await loadUser(id);
  if (req?.auth?.user.id === id && action === 'disable') throw new AppError(403, 'forbidden', '不能停用自己的账户');
  const changes =
    action === 'disable' ? { disabled: true } : action === 'enable' ? { disabled: false } : { lockedUntil: null, failedLoginTimes: [], failedTotpTimes: [] };
  const after = toUser(await updateUserVersioned(id, current.__v, changes));
  if (action === 'disable') await endAllSessionsOf(id);
  await recordAudit(req, { action: `user.${action}`, result: 'success', objectType: 'user', objectId: id });
  return after;
}

export async function resetPassword(req: Request | null, id: string, password?: string): Promise<{ oneTimePassword: string | null }> {
  const current = await loadUser(id);
  const oneTimePassword = password ? null : generateOneTimePassword();
  await updateUserVersioned(id, current.__v, {
    passwordHash: await hashPassword(password ?? oneTimePassword!),
    passwordChangedAt: new Date(),
    mustChangePassword: !password,
    lockedUntil: null,
    failedLoginTimes: [],
  });
  await endAllSessionsOf(id);
  await recordAudit(req, { action: 'user.reset_password', result: 'success', objectType: 'user', objectId: id });
  return { oneTimePassword };
}
