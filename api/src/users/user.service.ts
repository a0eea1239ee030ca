import { explainMissingUnit, explainRoleConflict, needsApproval, type PendingAccountChange, type Role, type User, type UserList } from '@cadre/shared-models';
import { nameLinkedCadres } from './cadre-candidates.js';
import { AppError } from '../platform/errors.js';
import { updateVersioned } from '../db/versioned-update.js';
import { describeChanges } from '../audit/audit-changes.js';
import { recordAudit } from '../audit/audit.service.js';
import { generateOneTimePassword, hashPassword } from '../auth/password-hashing.js';
import { endAllSessionsOf } from '../auth/session.service.js';
import { UnitModel } from '../units/unit.model.js';
import { CadreModel } from '../cadres/cadre.model.js';
import { UserModel, type UserDocument } from './user.model.js';
import { noteUsersChanged, userList } from './user-list.js';
import { releaseUsername, reserveUsername } from './username-keys.js';
import { Types } from 'mongoose';
import type { Actor } from '../platform/actor.js';

function toPendingChange(doc: UserDocument): PendingAccountChange | null {
  const pending = doc.pendingChange;
  if (!pending) return null;
  return {
    kind: pending.kind,
    unitId: pending.unitId ? String(pending.unitId) : null,
    cadreId: pending.cadreId ? String(pending.cadreId) : null,
    roles: pending.roles as Role[],
    requestedBy: pending.requestedBy,
    requestedById: pending.requestedById,
    requestedAt: pending.requestedAt.toISOString(),
  };
}

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
    pendingChange: toPendingChange(doc),
    passwordPartReady: Boolean(doc.passwordPartSealed),
    version: doc.__v,
  };
}

/** A page of accounts by username, chosen and counted by the account list projection, then read by `_id`. */
export async function listUsers(query: { q?: string | undefined; page: number; size: number }): Promise<UserList> {
  const { ids, total } = (await userList().current()).page(query.q, query.page, query.size);
  const docs = await Promise.all(ids.map((id) => UserModel.findById(id).lean<UserDocument>()));
  const users = docs.filter((doc) => doc !== null).map(toUser);
  const cadres = await nameLinkedCadres(users.flatMap((user) => [user.cadreId, user.pendingChange?.cadreId ?? null].filter((id) => id !== null)));
  const named = (id: string | null | undefined) => (id ? cadres.get(id)! : null);
  return { items: users.map((user) => ({ ...user, linkedCadre: named(user.cadreId), pendingCadre: named(user.pendingChange?.cadreId) })), total };
}

export async function loadUser(id: string): Promise<UserDocument> {
  const doc = await UserModel.findById(id).lean<UserDocument>();
  if (!doc) throw new AppError(404, 'not_found', '用户不存在');
  return doc;
}

/** The unit and cadre an account is tied to must exist. */
export async function assertLinksExist(unitId: string | null | undefined, cadreId: string | null | undefined): Promise<void> {
  if (unitId && !(await UnitModel.exists({ _id: unitId }))) {
    throw new AppError(400, 'validation_failed', '关联单位不存在', [{ path: 'body.unitId', message: '单位不存在' }]);
  }
  if (cadreId && !(await CadreModel.exists({ _id: cadreId }))) {
    throw new AppError(400, 'validation_failed', '关联干部不存在', [{ path: 'body.cadreId', message: '干部不存在' }]);
  }
}

/**
 * A unit_manager account must keep a unit (shared rule `explainMissingUnit`): checked on the
 * account as it would be after a change, whether the change applies now or waits for approval.
 */
export function assertUnitForManager(account: { roles: readonly Role[]; unitId: string | null }, field: 'body.unitId' | 'body.roles'): void {
  const problem = explainMissingUnit(account);
  if (problem) throw new AppError(400, 'validation_failed', problem, [{ path: field, message: problem }]);
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

export async function createUser(actor: Actor, input: NewUser): Promise<{ user: User; oneTimePassword: string | null }> {
  const conflict = input.roles.length > 0 ? explainRoleConflict(input.roles) : null;
  if (conflict) throw new AppError(400, 'validation_failed', conflict, [{ path: 'body.roles', message: conflict }]);
  assertUnitForManager(input, 'body.unitId');
  await assertLinksExist(input.unitId, input.cadreId);
  const id = new Types.ObjectId();
  await reserveUsername(input.username, id);
  const oneTimePassword = input.password ? null : generateOneTimePassword();
  let doc;
  try {
    doc = await UserModel.create({
      _id: id,
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
  } catch (err) {
    await releaseUsername(input.username, id);
    throw err;
  }
  const user = toUser(doc.toObject() as unknown as UserDocument);
  await noteUsersChanged([user.id]);
  await recordAudit(actor, {
    action: 'user.create',
    result: 'success',
    objectType: 'user',
    objectId: user.id,
    detail: { after: { username: user.username, displayName: user.displayName, roles: user.roles, unitId: user.unitId, cadreId: user.cadreId } },
  });
  return { user, oneTimePassword };
}

export function updateUserVersioned(id: string, version: number, changes: Record<string, unknown>): Promise<UserDocument> {
  return updateVersioned<UserDocument>(UserModel as never, id, version, changes, '用户');
}

/**
 * Changes the display name at once, and the unit and cadre links at once too unless that would
 * widen a personnel account's reach: then the new links wait for a security_admin's approval.
 */
export async function updateUser(
  actor: Actor,
  id: string,
  input: { version: number; displayName?: string | undefined; unitId?: string | null | undefined; cadreId?: string | null | undefined },
): Promise<User> {
  const before = toUser(await loadUser(id));
  await assertLinksExist(input.unitId, input.cadreId);
  const { version, unitId, cadreId, ...rest } = input;
  const links = { kind: 'links' as const, unitId: unitId === undefined ? before.unitId : unitId, cadreId: cadreId === undefined ? before.cadreId : cadreId };
  const linksChange = links.unitId !== before.unitId || links.cadreId !== before.cadreId;
  if (linksChange) assertNothingPending(before);
  assertUnitForManager({ roles: before.roles, unitId: links.unitId }, 'body.unitId');
  const pending = linksChange && needsApproval(before, links);
  if (pending) assertOwnPasswordSet(before);
  const changes = Object.fromEntries(
    Object.entries({ ...rest, ...(pending ? {} : { unitId, cadreId }) }).filter(([, v]) => v !== undefined),
  );
  const set = pending ? { ...changes, pendingChange: pendingChangeOf(actor, links) } : changes;
  const after = toUser(await updateUserVersioned(id, version, set));
  if (changes['displayName'] !== undefined) await noteUsersChanged([id]);
  if (Object.keys(changes).length > 0) {
    await recordAudit(actor, { action: 'user.update', result: 'success', objectType: 'user', objectId: id, detail: { changes: describeChanges(before, changes, Object.keys(changes)) } });
  }
  if (pending) await auditChangeRequest(actor, before, links);
  return after;
}

/** One pending change at a time: what a security_admin approves must be what the account then is. */
export function assertNothingPending(user: User): void {
  if (user.pendingChange) {
    throw new AppError(409, 'change_pending', '该账户有一项变更正在等待安全管理员审批，请待审批后再修改');
  }
}

/**
 * Access is widened only for an account whose owner has replaced the one-time password: sys_admin
 * saw that password when creating or resetting the account, and must not inherit what is granted.
 */
export function assertOwnPasswordSet(user: User): void {
  if (user.mustChangePassword) {
    throw new AppError(409, 'password_not_set', '该账户的一次性密码尚未由本人修改，请待本人首次登录并设置密码后再变更其权限');
  }
}

type RequestedChange =
  | { kind: 'links'; unitId: string | null; cadreId: string | null }
  | { kind: 'roles'; roles: Role[] }
  | { kind: 'password_reset' };

function pendingChangeOf(actor: Actor, change: RequestedChange): Record<string, unknown> {
  return {
    kind: change.kind,
    unitId: change.kind === 'links' ? change.unitId : null,
    cadreId: change.kind === 'links' ? change.cadreId : null,
    roles: change.kind === 'roles' ? change.roles : [],
    requestedById: actor.id,
    requestedBy: actor.username,
    requestedAt: new Date(),
  };
}

async function auditChangeRequest(actor: Actor, before: User, change: RequestedChange): Promise<void> {
  const changes =
    change.kind === 'links'
      ? describeChanges(before, change, ['unitId', 'cadreId'])
      : change.kind === 'roles'
        ? { roles: { before: before.roles, after: change.roles } }
        : {};
  await recordAudit(actor, { action: 'user.change_request', result: 'success', objectType: 'user', objectId: before.id, detail: { kind: change.kind, changes } });
}

/** Sets the roles at once when none is added; a grant of any new role waits for another security_admin. */
export async function grantRoles(actor: Actor, id: string, version: number, roles: Role[]): Promise<User> {
  const conflict = explainRoleConflict(roles);
  if (conflict) throw new AppError(400, 'validation_failed', conflict, [{ path: 'body.roles', message: conflict }]);
  const before = toUser(await loadUser(id));
  if (actor.id === id) throw new AppError(403, 'forbidden', '不能修改自己的角色');
  assertNothingPending(before);
  assertUnitForManager({ roles, unitId: before.unitId }, 'body.roles');
  const change = { kind: 'roles' as const, roles };
  if (needsApproval(before, change)) {
    assertOwnPasswordSet(before);
    const requested = toUser(await updateUserVersioned(id, version, { pendingChange: pendingChangeOf(actor, change) }));
    await auditChangeRequest(actor, before, change);
    return requested;
  }
  return applyRoles(actor, before, version, roles);
}

/** Sets an account's roles and ends its sessions; audited as user.grant_roles. */
export async function applyRoles(actor: Actor, before: User, version: number, roles: Role[], extra: Record<string, unknown> = {}): Promise<User> {
  const id = before.id;
  const after = toUser(await updateUserVersioned(id, version, { roles, ...extra }));
  // Sessions carry no roles (they are read per request), but a narrowed account should sign in afresh.
  await endAllSessionsOf(id);
  await recordAudit(actor, {
    action: 'user.grant_roles',
    result: 'success',
    objectType: 'user',
    objectId: id,
    detail: { changes: { roles: { before: before.roles, after: after.roles } } },
  });
  return after;
}

/**
 * A password reset from the API: at once, with the one-time password returned, for an account
 * without roles; otherwise requested, and the password is made only when a security_admin approves.
 */
export async function requestPasswordReset(actor: Actor, id: string): Promise<{ oneTimePassword: string | null; user: User }> {
  const before = toUser(await loadUser(id));
  const change = { kind: 'password_reset' as const };
  if (!needsApproval(before, change)) {
    const { oneTimePassword } = await resetPassword(actor, id);
    return { oneTimePassword, user: toUser(await loadUser(id)) };
  }
  assertNothingPending(before);
  const user = toUser(await updateUserVersioned(id, before.version, { pendingChange: pendingChangeOf(actor, change) }));
  await auditChangeRequest(actor, before, change);
  return { oneTimePassword: null, user };
}

export type AccountAction = 'disable' | 'enable' | 'unlock';

export async function changeAccountState(actor: Actor, id: string, action: AccountAction): Promise<User> {
  const current = await loadUser(id);
  if (actor.id === id && action === 'disable') throw new AppError(403, 'forbidden', '不能停用自己的账户');
  const changes =
    action === 'disable' ? { disabled: true } : action === 'enable' ? { disabled: false } : { lockedUntil: null, failedLoginTimes: [], failedTotpTimes: [] };
  const after = toUser(await updateUserVersioned(id, current.__v, changes));
  if (action === 'disable') await endAllSessionsOf(id);
  await recordAudit(actor, { action: `user.${action}`, result: 'success', objectType: 'user', objectId: id });
  return after;
}

/**
 * Replaces the password at once, ending the account's sessions: for the server's operator (CLI)
 * and for accounts without roles; other API resets go through requestPasswordReset.
 */
export async function resetPassword(actor: Actor, id: string, password?: string): Promise<{ oneTimePassword: string | null }> {
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
  await recordAudit(actor, { action: 'user.reset_password', result: 'success', objectType: 'user', objectId: id });
  return { oneTimePassword };
}
