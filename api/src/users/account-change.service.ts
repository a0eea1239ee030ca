import type { AccountChangeRejection, Role, User } from '@cadre/shared-models';
import { AppError } from '../platform/errors.js';
import { dataCipher } from '../platform/data-cipher.js';
import type { SessionActor } from '../platform/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { describeChanges } from '../audit/audit-changes.js';
import { generateOneTimePassword, hashPassword } from '../auth/password-hashing.js';
import { endAllSessionsOf } from '../auth/session.service.js';
import { applyRoles, assertLinksExist, assertOwnPasswordSet, assertUnitForManager, loadUser, toUser, updateUserVersioned } from './user.service.js';

/*
 * The second pair of eyes (三员分立, docs/decisions/0013-four-eyes-account-changes.md): a change that
 * would widen access to personnel data waits on the account until a security_admin who neither
 * requested it nor owns the account approves or rejects it. Both steps are audited.
 */

/** The pending change, if the approver may decide it; refusals are audited as denied. */
async function loadDecidable(actor: SessionActor, id: string, action: string): Promise<{ before: User; pending: NonNullable<User['pendingChange']> }> {
  const before = toUser(await loadUser(id));
  const pending = before.pendingChange;
  if (!pending) throw new AppError(409, 'no_pending_change', '该账户没有等待审批的变更');
  const reason = pending.requestedById === actor.id ? 'own_request' : before.id === actor.id ? 'own_account' : null;
  if (reason) {
    await recordAudit(actor, { action, result: 'denied', objectType: 'user', objectId: id, detail: { kind: pending.kind, reason } });
    throw new AppError(403, reason, reason === 'own_request' ? '不能审批自己提出的变更，请由另一位安全管理员审批' : '不能审批自己账户的变更');
  }
  return { before, pending };
}

/**
 * Applies the pending change at the version the approver saw. A password reset makes the new
 * one-time password now and splits it: the first half is returned to the approver, the second is
 * sealed for the requester to collect once.
 */
export async function approveChange(actor: SessionActor, id: string, version: number): Promise<{ user: User; passwordPart: string | null }> {
  const { before, pending } = await loadDecidable(actor, id, 'user.change_approve');
  const detail = { kind: pending.kind, requestedBy: pending.requestedBy, requestedById: pending.requestedById };
  if (pending.kind !== 'password_reset') assertOwnPasswordSet(before);
  switch (pending.kind) {
    case 'roles': {
      // Checked again here: a unit deleted or cleared since the request would leave the manager nowhere.
      assertUnitForManager({ roles: pending.roles as Role[], unitId: before.unitId }, 'body.roles');
      const user = await applyRoles(actor, before, version, pending.roles as Role[], { pendingChange: null });
      await recordAudit(actor, { action: 'user.change_approve', result: 'success', objectType: 'user', objectId: id, detail: { ...detail, changes: { roles: { before: before.roles, after: user.roles } } } });
      return { user, passwordPart: null };
    }
    case 'links': {
      assertUnitForManager({ roles: before.roles, unitId: pending.unitId }, 'body.unitId');
      await assertLinksExist(pending.unitId, pending.cadreId);
      const links = { unitId: pending.unitId, cadreId: pending.cadreId };
      const user = toUser(await updateUserVersioned(id, version, { ...links, pendingChange: null }));
      await endAllSessionsOf(id);
      await recordAudit(actor, { action: 'user.change_approve', result: 'success', objectType: 'user', objectId: id, detail: { ...detail, changes: describeChanges(before, links, ['unitId', 'cadreId']) } });
      return { user, passwordPart: null };
    }
    case 'password_reset': {
      const oneTimePassword = generateOneTimePassword();
      const half = Math.ceil(oneTimePassword.length / 2);
      const user = toUser(
        await updateUserVersioned(id, version, {
          passwordHash: await hashPassword(oneTimePassword),
          passwordChangedAt: new Date(),
          mustChangePassword: true,
          lockedUntil: null,
          failedLoginTimes: [],
          pendingChange: null,
          passwordPartSealed: dataCipher().encrypt(oneTimePassword.slice(half)),
          passwordPartFor: pending.requestedById,
        }),
      );
      await endAllSessionsOf(id);
      await recordAudit(actor, { action: 'user.change_approve', result: 'success', objectType: 'user', objectId: id, detail });
      return { user, passwordPart: oneTimePassword.slice(0, half) };
    }
  }
}

/** Drops the pending change with the approver's reason; nothing else about the account changes. */
export async function rejectChange(actor: SessionActor, id: string, rejection: AccountChangeRejection): Promise<User> {
  const { pending } = await loadDecidable(actor, id, 'user.change_reject');
  const user = toUser(await updateUserVersioned(id, rejection.version, { pendingChange: null }));
  await recordAudit(actor, {
    action: 'user.change_reject',
    result: 'success',
    objectType: 'user',
    objectId: id,
    detail: { kind: pending.kind, requestedBy: pending.requestedBy, requestedById: pending.requestedById, reason: rejection.reason },
  });
  return user;
}

/** The second half of an approved reset's password, once, to the administrator who requested the reset. */
export async function collectPasswordPart(actor: SessionActor, id: string): Promise<{ passwordPart: string }> {
  const doc = await loadUser(id);
  if (!doc.passwordPartSealed || doc.passwordPartFor !== actor.id) {
    await recordAudit(actor, { action: 'user.password_part_collect', result: 'denied', objectType: 'user', objectId: id });
    throw new AppError(404, 'no_password_part', '没有等您领取的密码后半段（只有提出重置的管理员可以领取，且只能领取一次）');
  }
  const passwordPart = dataCipher().decrypt(doc.passwordPartSealed);
  await updateUserVersioned(id, doc.__v, { passwordPartSealed: null, passwordPartFor: null });
  await recordAudit(actor, { action: 'user.password_part_collect', result: 'success', objectType: 'user', objectId: id });
  return { passwordPart };
}
