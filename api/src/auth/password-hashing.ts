import argon2 from 'argon2';
import { randomInt } from 'node:crypto';
import { checkPassword, DEFAULT_PASSWORD_POLICY } from '@cadre/shared-models';
import { AppError } from '../platform/errors.js';
import { isCommonPassword } from './common-passwords.js';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time on an unknown username as on a wrong password, so timing does not reveal accounts. */
export async function spendVerificationTime(password: string): Promise<void> {
  dummyHash ??= hashPassword('timing-equaliser-Aa1!');
  await verifyPassword(await dummyHash, password);
}

/** Throws a 400 naming `field` with every policy rule the password breaks. */
export function assertPasswordAcceptable(password: string, username: string, minLength: number, field: string): void {
  const problems = checkPassword(password, { username, isCommon: isCommonPassword }, { ...DEFAULT_PASSWORD_POLICY, minLength });
  if (problems.length > 0) {
    throw new AppError(400, 'validation_failed', '密码不符合安全要求', problems.map((message) => ({ path: field, message })));
  }
}

const OTP_ALPHABETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!@#%*-_+'];

/** A 16-character one-time password with every character class, without look-alike characters. */
export function generateOneTimePassword(): string {
  const chars = OTP_ALPHABETS.map((set) => set[randomInt(set.length)]!);
  const all = OTP_ALPHABETS.join('');
  while (chars.length < 16) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
