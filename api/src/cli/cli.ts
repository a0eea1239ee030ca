import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { openDatabase, type DatabaseHandle } from '../db/connection.js';
import { ensureIndexes } from '../db/indexes.js';
import { createDataCipher, loadDataKey, useDataCipher } from '../platform/data-cipher.js';
import { createLogger } from '../platform/logger.js';
import { loadAuditTrailSettings, useAuditTrail } from '../audit/audit-key.js';
import { commands as auditCommands } from './audit-commands.js';
import { commands as backupCommands } from './backup-commands.js';
import { commands as userCommands } from './user-commands.js';
import {
  EXIT_CONFIG,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  UsageError,
  type Command,
  type CommandArgs,
  type CommandContext,
} from './command.js';

const INVOCATION = 'npm run cli --';

const DATABASE_NOTE = `Database: opened as the server opens it. With MONGODB_URI set, the CLI connects to that
database and the server may keep running. Without it, the CLI starts the embedded database
on DATA_DIR, which only one process at a time may use: stop the server first.`;

function registerCommands(...sets: (readonly Command[])[]): Map<string, Command> {
  const registry = new Map<string, Command>();
  for (const command of sets.flat()) {
    if (registry.has(command.name)) throw new Error(`command "${command.name}" is registered twice`);
    registry.set(command.name, command);
  }
  return registry;
}

const COMMANDS = registerCommands(userCommands, auditCommands, backupCommands);

function formatOverview(): string {
  const width = Math.max(...[...COMMANDS.keys()].map((name) => name.length));
  return [
    `Usage: ${INVOCATION} <command> [options]`,
    '       (node api/dist/cli/cli.js <command> [options] once built)',
    '',
    'Commands:',
    ...[...COMMANDS.values()].map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `"${INVOCATION} <command> --help" describes a command and its options.`,
    '',
    DATABASE_NOTE,
    '',
    'Exit codes: 0 done; 1 failed (or the audit chain is broken); 64 usage error; 78 bad configuration.',
  ].join('\n');
}

function formatCommandHelp(command: Command): string {
  return [`Usage: ${INVOCATION} ${command.name} ${command.usage}`.trim(), '', command.description, '', DATABASE_NOTE].join('\n');
}

/** The command's arguments, or null when it was asked for help. */
function parseCommandArgs(command: Command, argv: string[]): CommandArgs | null {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    return values['help'] ? null : { values, positionals };
  } catch (err) {
    if (String((err as { code?: string }).code).startsWith('ERR_PARSE_ARGS')) throw new UsageError((err as Error).message);
    throw err;
  }
}

function readConfig(): Config | null {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return null;
    }
    throw err;
  }
}

async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    console.error(formatOverview());
    return EXIT_USAGE;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    console.log(formatOverview());
    return EXIT_OK;
  }
  const command = COMMANDS.get(name);
  if (!command) {
    console.error(`unknown command "${name}"\n\n${formatOverview()}`);
    return EXIT_USAGE;
  }

  let database: DatabaseHandle | undefined;
  try {
    const args = parseCommandArgs(command, rest);
    if (!args) {
      console.log(formatCommandHelp(command));
      return EXIT_OK;
    }
    const config = readConfig();
    if (!config) return EXIT_CONFIG;
    const ctx: CommandContext = {
      config,
      print: (line) => console.log(line),
      async openDatabase() {
        if (database) return;
        database = await openDatabase(config, createLogger(config.LOG_LEVEL));
        if (command.usesDataKey) useDataCipher(createDataCipher(await loadDataKey(config)));
        useAuditTrail(await loadAuditTrailSettings(config, { createKey: command.usesDataKey === true }));
        await ensureIndexes();
      },
    };
    return await command.run(args, ctx);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${name}: ${err.message}\nUsage: ${INVOCATION} ${command.name} ${command.usage}`);
      return EXIT_USAGE;
    }
    console.error(`${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT_FAILURE;
  } finally {
    await database?.close();
  }
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = EXIT_FAILURE;
  },
);
