import { explainRoleConflict, RoleSchema, type Role } from '@cadre/shared-models';
import { Types } from 'mongoose';
import { createUser, changeAccountState, resetPassword, type AccountAction } from '../users/user.service.js';
import { UserModel } from '../users/user.model.js';
import { UnitModel } from '../units/unit.model.js';
import { authSettingsFrom } from '../auth/auth-settings.js';
import { assertPasswordAcceptable } from '../auth/password-hashing.js';
import { generateTotpSecret, buildOtpauthUri } from '../auth/totp.js';
import { dataCipher } from '../platform/data-cipher.js';
import { AppError } from '../platform/errors.js';
import { EXIT_FAILURE, EXIT_OK, UsageError, requireStringOption, type Command, type CommandArgs, type CommandContext } from './command.js';
import { SERVER_OPERATOR } from '../platform/actor.js';

/** The first line of standard input: passwords never appear on a command line, where `ps` and shell history would keep them. */
async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('pipe the password on standard input, e.g. `printf %s "$PW" | npm run cli -- …`');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (!password) throw new UsageError('no password on standard input');
  return password;
}

function parseRoles(text: string): Role[] {
  const roles = text.split(',').map((r) => r.trim()).filter(Boolean);
  const parsed = roles.map((r) => RoleSchema.safeParse(r));
  const bad = roles.filter((_, i) => !parsed[i]!.success);
  if (bad.length > 0) throw new UsageError(`unknown role(s): ${bad.join(', ')}; roles are ${RoleSchema.options.join(', ')}`);
  const conflict = explainRoleConflict(roles as Role[]);
  if (conflict) throw new UsageError(conflict);
  return roles as Role[];
}

/** A unit given by its code (as operators know it) or its id. */
async function resolveUnit(ref: string): Promise<string> {
  const unit = Types.ObjectId.isValid(ref) && ref.length === 24
    ? await UnitModel.findById(ref).lean()
    : await UnitModel.findOne({ code: ref }).lean();
  if (!unit) throw new UsageError(`no unit with code or id "${ref}"`);
  return String(unit._id);
}

async function findUserId(args: CommandArgs): Promise<string> {
  const username = requireStringOption(args, 'username');
  const user = await UserModel.findOne({ username }).lean();
  if (!user) throw new AppError(404, 'not_found', `no account named "${username}"`);
  return String(user._id);
}

function reportAppError(ctx: CommandContext, err: unknown): number {
  if (err instanceof AppError) {
    ctx.print(`failed: ${err.message}`);
    for (const e of err.errors ?? []) ctx.print(`  ${e.path}: ${e.message}`);
    return EXIT_FAILURE;
  }
  throw err;
}

const createUserCommand: Command = {
  name: 'create-user',
  summary: 'Create an account; the password is read from standard input',
  usesDataKey: true,
  usage: '--username NAME --name DISPLAY --roles r1[,r2] [--unit CODE|ID] [--cadre ID]',
  description: [
    'Creates an account with the password piped on standard input (checked against the',
    'password policy). When a role requires a second factor (TOTP_REQUIRED_ROLES), a TOTP',
    'secret is generated, enrolled and printed once with its otpauth:// URI.',
    '',
    '  --username   3–32 lower-case letters, digits, . _ -',
    '  --name       display name',
    '  --roles      comma-separated: org_admin, assessor, unit_manager, cadre, reviewer,',
    '               sys_admin, security_admin, audit_admin (三员分立 enforced)',
    '  --unit       unit code (e.g. JB-S01) or id; scopes a unit_manager',
    '  --cadre      id of the cadre record the account belongs to',
  ].join('\n'),
  options: { username: { type: 'string' }, name: { type: 'string' }, roles: { type: 'string' }, unit: { type: 'string' }, cadre: { type: 'string' } },
  async run(args, ctx) {
    const username = requireStringOption(args, 'username');
    const displayName = requireStringOption(args, 'name');
    const roles = parseRoles(requireStringOption(args, 'roles'));
    const password = await readPasswordFromStdin();
    const settings = authSettingsFrom(ctx.config);
    try {
      assertPasswordAcceptable(password, username, settings.passwordMinLength, 'password');
    } catch (err) {
      return reportAppError(ctx, err);
    }
    await ctx.openDatabase();
    const unitRef = args.values['unit'];
    const unitId = typeof unitRef === 'string' ? await resolveUnit(unitRef) : null;
    const cadreId = typeof args.values['cadre'] === 'string' ? args.values['cadre'] : null;
    const needsTotp = roles.some((r) => settings.totpRequiredRoles.includes(r));
    const totpSecret = needsTotp ? generateTotpSecret() : null;
    try {
      const { user } = await createUser(SERVER_OPERATOR, {
        username,
        displayName,
        roles,
        unitId,
        cadreId,
        password,
        totpSecret: totpSecret ? dataCipher().encrypt(totpSecret) : null,
      });
      ctx.print(`created ${user.username} (${user.roles.join(', ')}) id ${user.id}`);
      if (totpSecret) {
        ctx.print(`TOTP secret: ${totpSecret}`);
        ctx.print(`otpauth URI: ${buildOtpauthUri(totpSecret, username, '江北区干部能力现代化平台')}`);
      }
      return EXIT_OK;
    } catch (err) {
      return reportAppError(ctx, err);
    }
  },
};

const resetPasswordCommand: Command = {
  name: 'reset-password',
  summary: 'Set a new password (from standard input), or issue a one-time one with --one-time',
  usage: '--username NAME [--one-time]',
  description: [
    'Replaces the password, lifts any lockout and ends the account\'s sessions.',
    'Without --one-time the new password is read from standard input and checked against the policy.',
    'With --one-time a random password is printed once and must be changed at next sign-in.',
  ].join('\n'),
  options: { username: { type: 'string' }, 'one-time': { type: 'boolean' } },
  async run(args, ctx) {
    const username = requireStringOption(args, 'username');
    const oneTime = Boolean(args.values['one-time']);
    const password = oneTime ? undefined : await readPasswordFromStdin();
    try {
      if (password) assertPasswordAcceptable(password, username, authSettingsFrom(ctx.config).passwordMinLength, 'password');
      await ctx.openDatabase();
      const result = await resetPassword(SERVER_OPERATOR, await findUserId(args), password);
      ctx.print(result.oneTimePassword ? `one-time password: ${result.oneTimePassword}` : `password of ${username} replaced`);
      return EXIT_OK;
    } catch (err) {
      return reportAppError(ctx, err);
    }
  },
};

function accountStateCommand(action: AccountAction, summary: string): Command {
  return {
    name: action,
    summary,
    usage: '--username NAME',
    description: summary,
    options: { username: { type: 'string' } },
    async run(args, ctx) {
      requireStringOption(args, 'username');
      await ctx.openDatabase();
      try {
        const user = await changeAccountState(SERVER_OPERATOR, await findUserId(args), action);
        ctx.print(`${user.username}: disabled=${user.disabled} locked=${user.locked}`);
        return EXIT_OK;
      } catch (err) {
        return reportAppError(ctx, err);
      }
    },
  };
}

export const commands: readonly Command[] = [
  createUserCommand,
  resetPasswordCommand,
  accountStateCommand('disable', 'Disable an account and end its sessions'),
  accountStateCommand('enable', 'Enable a disabled account'),
  accountStateCommand('unlock', 'Lift a lockout after failed sign-ins'),
];
