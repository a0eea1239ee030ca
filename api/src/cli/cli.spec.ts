import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mongoose from 'mongoose';
import { appendAuditRecord, readAuditHead } from '../audit/audit-chain.js';
import { auditFields } from '../audit/audit-fixtures.js';
import { auditTrailSettings } from '../audit/audit-key.js';
import { AuditModel } from '../audit/audit.model.js';
import { aUnit } from '../test/factories.js';
import { clearCollections } from '../test/test-database.js';
import { UnitModel } from '../units/unit.model.js';

const CLI = fileURLToPath(new URL('./cli.js', import.meta.url));

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The suite's own database, so the CLI under test works on what the spec set up. */
function testDatabaseUri(): string {
  const { host, port, name } = mongoose.connection;
  return `mongodb://${host}:${port}/${name}`;
}

function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env['PATH'] ?? '', MONGODB_URI: testDatabaseUri(), LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// Each run starts a Node process that loads the API's modules: about a second, more on a busy machine.
const CLI_SPEC_TIMEOUT_MS = 30_000;

describe('operations CLI', () => {
  it('lists its commands, exit codes and the database caveat on --help', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}verify-audit +Recompute the audit hash chain/m);
    expect(run.stdout).toMatch(/^ {2}backup +Write the database/m);
    expect(run.stdout).toMatch(/^ {2}restore +Load a backup/m);
    expect(run.stdout).toContain('stop the server first');
  }, CLI_SPEC_TIMEOUT_MS);

  it('describes one command on <command> --help', async () => {
    const run = await runCli(['restore', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: npm run cli -- restore --in FILE');
    expect(run.stdout).toContain('refuses a database that holds any');
  }, CLI_SPEC_TIMEOUT_MS);

  it('answers usage errors with exit code 64 before touching the database', async () => {
    const unreachable = { MONGODB_URI: 'mongodb://127.0.0.1:1/unreachable' };
    const [nothing, unknown, missing, stray] = await Promise.all([
      runCli([], unreachable),
      runCli(['frobnicate'], unreachable),
      runCli(['backup'], unreachable),
      runCli(['verify-audit', '--force'], unreachable),
    ]);

    expect([nothing.code, unknown.code, missing.code, stray.code]).toEqual([64, 64, 64, 64]);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(missing.stderr).toContain('--out is required');
    expect(stray.stderr).toContain("Unknown option '--force'");
  }, CLI_SPEC_TIMEOUT_MS);

  it('exits 78 on bad configuration', async () => {
    const run = await runCli(['verify-audit'], { MONGODB_URI: 'http://not-mongo' });
    expect(run.code).toBe(78);
    expect(run.stderr).toContain('MONGODB_URI');
  }, CLI_SPEC_TIMEOUT_MS);

  it('verify-audit exits 0 on an intact chain and 1 listing every break', async () => {
    for (let i = 0; i < 5; i += 1) await appendAuditRecord(auditFields({ objectId: `c${i}` }));
    const head = await readAuditHead();
    const env = { AUDIT_HMAC_KEY: auditTrailSettings().key!.toString('base64') };

    const intact = await runCli(['verify-audit'], env);
    expect(intact.code).withContext(intact.stderr).toBe(0);
    expect(intact.stdout).toContain('audit chain intact: 5 records checked');
    expect(intact.stdout).toContain(`head: seq 5 hash ${head!.hash}`);

    await AuditModel.collection.updateOne({ seq: 2 }, { $set: { action: 'cadre.delete' } });
    await AuditModel.collection.deleteOne({ seq: 4 });
    const broken = await runCli(['verify-audit'], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('audit chain BROKEN: 2 break(s) in 4 records');
    expect(broken.stdout).toContain('seq 2: content does not match its hash');
    expect(broken.stdout).toContain('seq 4: missing (deleted)');
    const json = await runCli(['verify-audit', '--json'], env);
    expect(JSON.parse(json.stdout)).toEqual(jasmine.objectContaining({ ok: false, firstBrokenSeq: 2, headSeq: 1, breakCount: 2 }));
  }, CLI_SPEC_TIMEOUT_MS);

  it('verify-audit without the audit key fails and says which key it needs', async () => {
    await appendAuditRecord(auditFields());

    const run = await runCli(['verify-audit']);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('AUDIT_HMAC_KEY');
  }, CLI_SPEC_TIMEOUT_MS);

  it('backs up and restores through the commands, printing counts and the audit head', async () => {
    const file = path.join(os.tmpdir(), `cadre-cli-spec-${randomUUID()}.jsonl.gz`);
    try {
      await aUnit();
      await appendAuditRecord(auditFields());
      const head = await readAuditHead();

      const backup = await runCli(['backup', '--out', file]);
      expect(backup.code).withContext(backup.stderr).toBe(0);
      expect(backup.stdout).toMatch(/units\s+1/);

      const refused = await runCli(['restore', '--in', file]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('not empty');

      await clearCollections();
      const restore = await runCli(['restore', '--in', file]);
      expect(restore.code).withContext(restore.stderr).toBe(0);
      expect(restore.stdout).toMatch(/audit_log\s+1/);
      expect(restore.stdout).toContain(`audit head: seq 1 hash ${head!.hash}`);
      expect(await UnitModel.countDocuments()).toBe(1);
    } finally {
      await rm(file, { force: true });
    }
  }, CLI_SPEC_TIMEOUT_MS);
});
