import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import QRCode from 'qrcode';
import { listPermissions, type Me, type Role, type SessionStage, type TotpEnrollmentStartRequest } from '@cadre/shared-models';
import { findUserByUsername } from '../users/username-keys.js';
import { UserModel, type UserDocument } from '../users/user.model.js';
import { AppError } from '../platform/errors.js';
import { dataCipher } from '../platform/data-cipher.js';
import { RateLimitHitModel } from '../platform/rate-limit-store.js';
import { recordAudit } from '../audit/audit.service.js';
import type { AuthSettings } from './auth-settings.js';
import { assertPasswordAcceptable, hashPassword, spendVerificationTime, verifyPassword } from './password-hashing.js';
import { endAllSessionsOf, setSessionStage, startSession } from './session.service.js';
import { buildOtpauthUri, generateTotpSecret, matchTotp } from './totp.js';

const TOTP_ISSUER = '江北区干部能力现代化平台';

function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.trim().toLowerCase()).digest('hex');
}

function passwordExpired(user: UserDocument, settings: AuthSettings, now: number): boolean {
  return user.mustChangePassword || now - user.passwordChangedAt.getTime() > settings.passwordMaxAgeMs;
}

/**
 * The next step of signing in after `done`: second factor first (identity before anything
 * else), then a due password change, then enrolment of a second factor the role requires.
 */
export function nextStage(user: UserDocument, settings: AuthSettings, done: 'password' | 'totp' | 'password_change' | 'enrollment'): SessionStage {
  const now = Date.now();
  if (done === 'password' && user.totpSecret) return 'totp_required';
  if ((done === 'password' || done === 'totp') && passwordExpired(user, settings, now)) return 'password_change_required';
  const needsTotp = (user.roles as Role[]).some((r) => settings.totpRequiredRoles.includes(r));
  if (done !== 'enrollment' && needsTotp && !user.totpSecret) return 'totp_enrollment_required';
  return 'active';
}

export function describeMe(user: UserDocument, stage: SessionStage, settings: AuthSettings): Me {
  const roles = user.roles as Role[];
  return {
    id: String(user._id),
    username: user.username,
    displayName: user.displayName,
    roles,
    unitId: user.unitId ? String(user.unitId) : null,
    cadreId: user.cadreId ? String(user.cadreId) : null,
    permissions: listPermissions(roles),
    stage,
    totpEnabled: Boolean(user.totpSecret),
    passwordExpiresAt: new Date(user.passwordChangedAt.getTime() + settings.passwordMaxAgeMs).toISOString(),
  };
}

async function loadUser(id: string): Promise<UserDocument> {
  const user = await UserModel.findById(id).lean<UserDocument>();
  if (!user) throw new AppError(401, 'unauthenticated', '请先登录');
  return user;
}

/**
 * Wrong passwords and wrong second-factor codes are counted apart: signing in with the right
 * password clears only the password count, so someone holding the password cannot reset the
 * count of codes they guessed by signing in again between guesses.
 */
type FailureCounter = 'failedLoginTimes' | 'failedTotpTimes';

/** What a failed attempt leaves: the attempts before the lock, and the lock's end once it has come. */
interface FailureCount {
  attemptsRemaining: number;
  lockedUntil: Date | null;
}

/** Records a failed attempt; the attempt that reaches the threshold on its counter locks the account. */
async function registerFailure(user: UserDocument, settings: AuthSettings, counter: FailureCounter): Promise<FailureCount> {
  const now = Date.now();
  const recent = (user[counter] ?? []).filter((t) => now - t.getTime() < settings.lockoutWindowMs);
  recent.push(new Date(now));
  const lockedUntil = recent.length >= settings.lockoutThreshold ? new Date(now + settings.lockoutDurationMs) : null;
  await UserModel.updateOne({ _id: user._id }, { $set: { [counter]: recent, ...(lockedUntil ? { lockedUntil } : {}) } });
  return { attemptsRemaining: Math.max(0, settings.lockoutThreshold - recent.length), lockedUntil };
}

function assertNotLocked(user: UserDocument): void {
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw accountLocked(user.lockedUntil);
}

/** The time is sent apart, as `lockedUntil`, for the client to show in the user's own time zone. */
function accountLocked(until: Date): AppError {
  return new AppError(423, 'account_locked', '连续登录失败次数过多，账户已暂时锁定', undefined, { lockedUntil: until.toISOString() });
}

/**
 * A wrong answer, telling how many attempts remain before the lock, and when it lifts once this
 * attempt brought it on.
 */
function wrongAnswer(code: 'invalid_credentials' | 'invalid_totp', message: string, count: FailureCount): AppError {
  const remaining = count.lockedUntil ? '账户已被锁定' : `还可尝试 ${count.attemptsRemaining} 次`;
  return new AppError(401, code, `${message}，${remaining}`, undefined, {
    attemptsRemaining: count.attemptsRemaining,
    ...(count.lockedUntil ? { lockedUntil: count.lockedUntil.toISOString() } : {}),
  });
}

/**
 * Failed sign-ins under a username no account has are counted like an account's (kept under a
 * keyed hash of the name, in the rate-limit collection that is swept as it expires), so the
 * sixth attempt gets the same 423 a real account would: locking cannot be used to find out which
 * usernames exist. A fixed window from the first failure stands in for the account's sliding one.
 * Returns the end of the lock when the name is locked already; otherwise counts this failure,
 * with the same count an account would show.
 */
async function registerUnknownUserFailure(username: string, settings: AuthSettings): Promise<Date | FailureCount> {
  const id = `login-unknown:${dataCipher().blindIndex(username.toLowerCase())}`;
  const now = Date.now();
  const current = await RateLimitHitModel.findById(id).lean();
  const live = current && current.resetAt.getTime() > now ? current : null;
  if (live && live.hits >= settings.lockoutThreshold) return live.resetAt;
  const hits = (live?.hits ?? 0) + 1;
  const lock = hits >= settings.lockoutThreshold;
  const resetAt = new Date(now + (lock ? settings.lockoutDurationMs : settings.lockoutWindowMs));
  await RateLimitHitModel.updateOne(
    { _id: id },
    { $set: { hits, resetAt: lock || !live ? resetAt : live.resetAt } },
    { upsert: true },
  );
  return { attemptsRemaining: Math.max(0, settings.lockoutThreshold - hits), lockedUntil: lock ? resetAt : null };
}

const WRONG_CREDENTIALS = '用户名或密码错误';

export async function login(req: Request, res: Response, settings: AuthSettings, username: string, password: string): Promise<Me> {
  const user = await findUserByUsername(username.toLowerCase());
  if (!user) {
    // The password is hashed whatever happens next, so no answer comes back sooner than a real check.
    await spendVerificationTime(password);
    const failure = await registerUnknownUserFailure(username, settings);
    // An ID number typed as the username is masked by recordAudit itself (security.md 17).
    await recordAudit(req, { action: 'auth.login', result: 'failure', username, detail: { reason: 'unknown_user' } });
    if (failure instanceof Date) throw accountLocked(failure);
    throw wrongAnswer('invalid_credentials', WRONG_CREDENTIALS, failure);
  }
  const audit = { action: 'auth.login', username: user.username, userId: String(user._id), objectType: 'user', objectId: String(user._id) };
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    // Same work as an unlocked or unknown account, so the lock's answer is not told apart by its speed.
    await spendVerificationTime(password);
    await recordAudit(req, { ...audit, result: 'denied', detail: { reason: 'locked' } });
    throw accountLocked(user.lockedUntil);
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failure = await registerFailure(user, settings, 'failedLoginTimes');
    await recordAudit(req, { ...audit, result: 'failure', detail: { reason: 'wrong_password' } });
    throw wrongAnswer('invalid_credentials', WRONG_CREDENTIALS, failure);
  }
  if (user.disabled) {
    await recordAudit(req, { ...audit, result: 'denied', detail: { reason: 'disabled' } });
    throw new AppError(403, 'account_disabled', '账户已停用，请联系系统管理员');
  }
  await UserModel.updateOne({ _id: user._id }, { $set: { failedLoginTimes: [], lockedUntil: null, lastLoginAt: new Date() } });
  const stage = nextStage(user, settings, 'password');
  await startSession(req, res, settings, String(user._id), stage);
  await recordAudit(req, { ...audit, result: 'success', detail: { stage } });
  return describeMe(user, stage, settings);
}

export async function verifySecondFactor(
  req: Request,
  settings: AuthSettings,
  input: { code?: string | undefined; recoveryCode?: string | undefined },
): Promise<Me> {
  const auth = req.auth!;
  const user = await loadUser(auth.user.id);
  assertNotLocked(user);
  const audit = { action: 'auth.totp', objectType: 'user', objectId: String(user._id) };
  let accepted = false;
  if (input.code && user.totpSecret) {
    const step = matchTotp(dataCipher().decrypt(user.totpSecret), input.code, Date.now(), user.totpLastUsedStep ?? null);
    if (step !== null) {
      accepted = true;
      await UserModel.updateOne({ _id: user._id }, { $set: { totpLastUsedStep: step, failedTotpTimes: [] } });
    }
  } else if (input.recoveryCode) {
    const hash = hashRecoveryCode(input.recoveryCode);
    const result = await UserModel.updateOne(
      { _id: user._id, recoveryCodeHashes: hash },
      { $pull: { recoveryCodeHashes: hash }, $set: { failedTotpTimes: [] } },
    );
    accepted = result.modifiedCount === 1;
  }
  if (!accepted) {
    const failure = await registerFailure(user, settings, 'failedTotpTimes');
    await recordAudit(req, { ...audit, result: 'failure' });
    throw wrongAnswer('invalid_totp', '动态验证码或恢复码不正确', failure);
  }
  const stage = nextStage(user, settings, 'totp');
  await setSessionStage(auth.sessionId, stage);
  await recordAudit(req, { ...audit, result: 'success', detail: { method: input.code ? 'totp' : 'recovery_code' } });
  return describeMe(user, stage, settings);
}

export async function changePassword(req: Request, settings: AuthSettings, currentPassword: string, newPassword: string): Promise<Me> {
  const auth = req.auth!;
  const user = await loadUser(auth.user.id);
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await registerFailure(user, settings, 'failedLoginTimes');
    await recordAudit(req, { action: 'auth.password_change', result: 'failure', objectType: 'user', objectId: String(user._id) });
    throw new AppError(401, 'invalid_credentials', '当前密码不正确');
  }
  assertPasswordAcceptable(newPassword, user.username, settings.passwordMinLength, 'body.newPassword');
  if (await verifyPassword(user.passwordHash, newPassword)) {
    throw new AppError(400, 'validation_failed', '密码不符合安全要求', [{ path: 'body.newPassword', message: '新密码不能与当前密码相同' }]);
  }
  const passwordHash = await hashPassword(newPassword);
  const changedAt = new Date();
  await UserModel.updateOne({ _id: user._id }, { $set: { passwordHash, passwordChangedAt: changedAt, mustChangePassword: false } });
  // Other sessions may belong to whoever knew the old password.
  await endAllSessionsOf(String(user._id), auth.sessionId);
  const updated = { ...user, passwordHash, passwordChangedAt: changedAt, mustChangePassword: false };
  const stage = auth.stage === 'active' ? 'active' : nextStage(updated, settings, 'password_change');
  await setSessionStage(auth.sessionId, stage);
  await recordAudit(req, { action: 'auth.password_change', result: 'success', objectType: 'user', objectId: String(user._id) });
  return describeMe(updated, stage, settings);
}

/**
 * Replacing a bound authenticator proves both factors again, so a session left open on someone's
 * desk cannot move the account's second factor to another phone.
 */
async function assertReplacementProof(req: Request, settings: AuthSettings, user: UserDocument, proof: TotpEnrollmentStartRequest): Promise<void> {
  if (!proof.currentPassword || !proof.code) {
    throw new AppError(400, 'validation_failed', '更换身份验证器需要当前密码和当前的动态验证码', [
      ...(proof.currentPassword ? [] : [{ path: 'body.currentPassword', message: '请输入当前密码' }]),
      ...(proof.code ? [] : [{ path: 'body.code', message: '请输入当前身份验证器上的 6 位动态验证码' }]),
    ]);
  }
  assertNotLocked(user);
  const audit = { action: 'auth.totp_enrollment_start', objectType: 'user', objectId: String(user._id) } as const;
  if (!(await verifyPassword(user.passwordHash, proof.currentPassword))) {
    await registerFailure(user, settings, 'failedLoginTimes');
    await recordAudit(req, { ...audit, result: 'failure', detail: { reason: 'wrong_password' } });
    throw new AppError(401, 'invalid_credentials', '当前密码不正确');
  }
  const step = matchTotp(dataCipher().decrypt(user.totpSecret!), proof.code, Date.now(), user.totpLastUsedStep ?? null);
  if (step === null) {
    await registerFailure(user, settings, 'failedTotpTimes');
    await recordAudit(req, { ...audit, result: 'failure', detail: { reason: 'wrong_totp' } });
    throw new AppError(401, 'invalid_totp', '动态验证码不正确');
  }
  await UserModel.updateOne({ _id: user._id }, { $set: { totpLastUsedStep: step, failedTotpTimes: [] } });
}

export async function startTotpEnrollment(
  req: Request,
  settings: AuthSettings,
  proof: TotpEnrollmentStartRequest,
): Promise<{ secret: string; otpauthUri: string; qrCodeSvg: string }> {
  const user = await loadUser(req.auth!.user.id);
  if (user.totpSecret) await assertReplacementProof(req, settings, user, proof);
  const secret = generateTotpSecret();
  await UserModel.updateOne({ _id: user._id }, { $set: { totpPendingSecret: dataCipher().encrypt(secret) } });
  const otpauthUri = buildOtpauthUri(secret, user.username, TOTP_ISSUER);
  const qrCodeSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  await recordAudit(req, { action: 'auth.totp_enrollment_start', result: 'success', objectType: 'user', objectId: String(user._id) });
  return { secret, otpauthUri, qrCodeSvg };
}

export async function confirmTotpEnrollment(req: Request, code: string): Promise<{ recoveryCodes: string[] }> {
  const auth = req.auth!;
  const user = await loadUser(auth.user.id);
  if (!user.totpPendingSecret) throw new AppError(409, 'no_pending_enrollment', '请先生成二维码再确认绑定');
  const secret = dataCipher().decrypt(user.totpPendingSecret);
  const step = matchTotp(secret, code, Date.now(), null);
  if (step === null) {
    await recordAudit(req, { action: 'auth.totp_enrollment_confirm', result: 'failure', objectType: 'user', objectId: String(user._id) });
    throw new AppError(400, 'validation_failed', '动态验证码不正确', [{ path: 'body.code', message: '动态验证码不正确，请核对手机时间后重试' }]);
  }
  const recoveryCodes = Array.from({ length: 10 }, () => {
    const raw = randomBytes(8).toString('hex').slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  await UserModel.updateOne(
    { _id: user._id },
    {
      $set: {
        totpSecret: user.totpPendingSecret,
        totpPendingSecret: null,
        totpLastUsedStep: step,
        recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode),
      },
    },
  );
  if (auth.stage === 'totp_enrollment_required') await setSessionStage(auth.sessionId, 'active');
  await recordAudit(req, { action: 'auth.totp_enrollment_confirm', result: 'success', objectType: 'user', objectId: String(user._id) });
  return { recoveryCodes };
}

export async function currentMe(req: Request, settings: AuthSettings): Promise<Me> {
  const auth = req.auth;
  if (!auth) throw new AppError(401, 'unauthenticated', '请先登录');
  return describeMe(await loadUser(auth.user.id), auth.stage, settings);
}
