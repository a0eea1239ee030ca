import type { AuditBreak, AuditVerification } from '@cadre/shared-models';
import { verifyAuditChain } from '../audit/audit-verification.js';
import { EXIT_FAILURE, EXIT_OK, type Command } from './command.js';

const BREAK_LINES: Record<AuditBreak['kind'], (b: AuditBreak) => string> = {
  edited: (b) => `seq ${b.seq}: content does not match its hash (edited, or re-hashed without the audit key)`,
  unkeyed: (b) => `seq ${b.seq}: not keyed, after the keyed chain began (rewritten without the audit key)`,
  relinked: (b) => `seq ${b.seq}: prevHash does not match the record before (a record was replaced)`,
  removed: (b) => (b.seq === b.lastSeq ? `seq ${b.seq}: missing (deleted)` : `seq ${b.seq}-${b.lastSeq}: missing (deleted)`),
  reordered: (b) => `seq ${b.seq}: out of place (duplicate, backwards, before the anchor, or not a number)`,
  tail_missing: (b) => `seq ${b.seq}-${b.lastSeq}: the newest records are gone (the signed checkpoint reaches seq ${b.lastSeq})`,
  tail_altered: (b) => `seq ${b.seq}: hash differs from the signed checkpoint (the newest records were rebuilt)`,
  anchor_too_young: (b) => `anchor at seq ${b.seq}: records were pruned before the retention period allowed`,
  anchor_forged: (b) => `anchor at seq ${b.seq}: signature invalid (not written by the retention job)`,
  checkpoint_forged: (b) => `checkpoint${b.seq === null ? '' : ` for seq ${b.seq}`}: signature invalid or line unreadable`,
};

function printResult(result: AuditVerification, print: (line: string) => void): void {
  if (result.ok) {
    print(`audit chain intact: ${result.checked} records checked`);
    print(result.headSeq === null ? 'head: (empty log)' : `head: seq ${result.headSeq} hash ${result.headHash}`);
  } else {
    print(`audit chain BROKEN: ${result.breakCount} break(s) in ${result.checked} records`);
    for (const b of result.breaks) print(`  ${BREAK_LINES[b.kind](b)}`);
    if (result.breakCount > result.breaks.length) print(`  … and ${result.breakCount - result.breaks.length} more`);
    print(`last good link before the first break: seq ${result.headSeq ?? '-'} hash ${result.headHash ?? '-'}`);
  }
  if (result.unkeyed > 0) print(`${result.unkeyed} record(s) predate keying (plain SHA-256), sealed by the keyed records after them`);
  print(result.checkpoint ? `checkpoint: seq ${result.checkpoint.seq} at ${result.checkpoint.time}` : 'checkpoint: none found');
}

export const commands: readonly Command[] = [
  {
    name: 'verify-audit',
    summary: 'Recompute the audit hash chain; exit 1 when it is broken',
    usage: '[--json]',
    description: [
      'Walks the whole audit log once in sequence order, recomputing each record\'s keyed hash',
      '(AUDIT_HMAC_KEY or DATA_DIR/audit-hmac.key) and checking that it links to the one before',
      '(or to the signed retention anchor, which must be older than AUDIT_RETENTION_DAYS). The end',
      'of the chain is compared with the newest signed checkpoint in DATA_DIR/audit-checkpoints.log,',
      'which shows the newest records deleted or rebuilt. Reports every break, not only the first.',
      '',
      '  --json   print the result as JSON (the same shape as GET /api/audit/verification)',
    ].join('\n'),
    options: { json: { type: 'boolean' } },
    async run(args, ctx) {
      await ctx.openDatabase();
      const result = await verifyAuditChain();
      if (args.values['json']) ctx.print(JSON.stringify(result, null, 2));
      else printResult(result, ctx.print);
      return result.ok ? EXIT_OK : EXIT_FAILURE;
    },
  },
];
