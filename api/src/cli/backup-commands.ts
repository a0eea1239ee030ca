import path from 'node:path';
import type { AuditChainLink } from '../audit/audit.model.js';
import { createBackup } from '../backup/backup.js';
import { EXCLUDED_COLLECTIONS } from '../backup/backup-file.js';
import { restoreBackup } from '../backup/restore.js';
import { noteAllCadresChanged } from '../ledger/ledger-changes.js';
import { EXIT_OK, requireStringOption, type Command, type CommandContext } from './command.js';

function printCounts(ctx: CommandContext, collections: Record<string, number>): void {
  const names = Object.keys(collections).sort();
  const width = Math.max(0, ...names.map((n) => n.length));
  for (const name of names) ctx.print(`  ${name.padEnd(width)}  ${collections[name]}`);
}

function formatHead(head: AuditChainLink | null): string {
  return head ? `seq ${head.seq} hash ${head.hash}` : '(empty log)';
}

export const commands: readonly Command[] = [
  {
    name: 'backup',
    summary: 'Write the database to a gzip\'d JSON-lines file',
    usage: '--out FILE',
    description: [
      'Writes every collection to FILE (gzip\'d JSON lines, Extended JSON per document), led by a',
      'header with the document count of each collection and the audit chain head.',
      `Not included: ${EXCLUDED_COLLECTIONS.join(', ')} (live sign-ins and short-lived counters).`,
      'FILE must not exist; it is created readable by its owner only, as it holds personal data.',
      'Without transactions the copy is not a point-in-time snapshot of a busy database: for',
      'one, run it with the server stopped (necessary anyway with the embedded database).',
      'The data encryption key (DATA_ENCRYPTION_KEY, or DATA_DIR/data-encryption.key) is not in',
      'the backup, so a stolen copy does not reveal ID numbers: keep the key apart, and safe.',
      '',
      '  --out FILE   where to write the backup',
    ].join('\n'),
    options: { out: { type: 'string' } },
    async run(args, ctx) {
      const file = path.resolve(requireStringOption(args, 'out'));
      await ctx.openDatabase();
      const header = await createBackup(file);
      ctx.print(`backup written to ${file}`);
      printCounts(ctx, header.collections);
      ctx.print(`audit head: ${formatHead(header.auditHead)}`);
      return EXIT_OK;
    },
  },
  {
    name: 'restore',
    summary: 'Load a backup file into an empty database',
    usage: '--in FILE',
    description: [
      'Checks the whole file first (header, every line, counts), refuses a database that holds any',
      'document, inserts the documents, recreates the indexes, and checks that each collection',
      'holds the count and the audit chain ends at the head the backup recorded.',
      'Restore into a fresh DATA_DIR (or an empty MONGODB_URI database) before the server first',
      'starts there: the first start creates an administrator and, by default, demo data.',
      'Give the restored server the key the backed-up one used (DATA_ENCRYPTION_KEY, or the',
      'data-encryption.key file copied into the new DATA_DIR), or encrypted fields stay unreadable.',
      'If a restore fails halfway, empty the database again before retrying. Run verify-audit',
      'afterwards to check the restored audit trail record by record.',
      '',
      '  --in FILE   the backup to restore',
    ].join('\n'),
    options: { in: { type: 'string' } },
    async run(args, ctx) {
      const file = path.resolve(requireStringOption(args, 'in'));
      await ctx.openDatabase();
      const result = await restoreBackup(file);
      // A server already running on this database (MONGODB_URI) reloads its ledger.
      await noteAllCadresChanged();
      ctx.print(`restored ${file} (backup of ${result.header.createdAt})`);
      printCounts(ctx, result.collections);
      ctx.print(`audit head: ${formatHead(result.auditHead)}`);
      return EXIT_OK;
    },
  },
];
