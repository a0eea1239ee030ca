import { verifyAuditChain } from '../audit/audit-chain.js';
import { EXIT_FAILURE, EXIT_OK, type Command } from './command.js';

export const commands: readonly Command[] = [
  {
    name: 'verify-audit',
    summary: 'Recompute the audit hash chain; exit 1 when it is broken',
    usage: '[--json]',
    description: [
      'Walks the whole audit log in sequence order, recomputing each record\'s hash and checking',
      'that it links to the one before (or to the retention anchor). Reports the first break.',
      'Compare the head it prints with one recorded earlier (the retention job logs it daily):',
      'a chain cannot show that records were cut off its end.',
      '',
      '  --json   print the result as JSON (the same shape as GET /api/audit/verification)',
    ].join('\n'),
    options: { json: { type: 'boolean' } },
    async run(args, ctx) {
      await ctx.openDatabase();
      const result = await verifyAuditChain();
      if (args.values['json']) {
        ctx.print(JSON.stringify(result, null, 2));
      } else if (result.ok) {
        ctx.print(`audit chain intact: ${result.checked} records checked`);
        ctx.print(result.headSeq === null ? 'head: (empty log)' : `head: seq ${result.headSeq} hash ${result.headHash}`);
      } else {
        ctx.print(`audit chain BROKEN at seq ${result.firstBrokenSeq}: ${result.reason}`);
        ctx.print(`${result.checked} records verified before the break; last good link: seq ${result.headSeq ?? '-'} hash ${result.headHash ?? '-'}`);
      }
      return result.ok ? EXIT_OK : EXIT_FAILURE;
    },
  },
];
