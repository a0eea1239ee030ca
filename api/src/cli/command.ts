import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config.js';

/** sysexits.h codes, so scripts can tell a typo from a failure. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 64;
export const EXIT_CONFIG = 78;

export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

export interface CommandArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface CommandContext {
  config: Config;
  /** Output for the operator; commands print here rather than to the console directly. */
  print(line: string): void;
  /**
   * Opens the configured database as the server does (indexes ensured, and the data key
   * loaded when the command `usesDataKey`); later calls are no-ops; the dispatcher closes it.
   * Commands check their arguments first, so a typo never waits for the database.
   */
  openDatabase(): Promise<void>;
}

/** One operations command; a file of commands exports them as `commands` for cli.ts to register. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Arguments after the command name, e.g. `--out FILE`. */
  usage: string;
  /** Longer help: what the command does, its options, its caveats. */
  description: string;
  options: CommandOptions;
  allowPositionals?: boolean;
  /**
   * Loads the data encryption key (DATA_ENCRYPTION_KEY, or the key file under DATA_DIR, created
   * when absent, as at the server's first start) for commands that read or write encrypted
   * fields. Off by default: restore must never mint a key that cannot read the restored data.
   * Such commands may append audit records, so they also create the audit key file when absent.
   */
  usesDataKey?: boolean;
  /** Returns the exit code; throws UsageError for bad arguments. */
  run(args: CommandArgs, ctx: CommandContext): Promise<number>;
}

export class UsageError extends Error {}

/** The value of a string option the command cannot do without. */
export function requireStringOption(args: CommandArgs, name: string): string {
  const value = args.values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value;
}
