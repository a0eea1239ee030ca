import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { pino } from 'pino';
import { startEmbeddedFerretDb } from './embedded-ferretdb.js';

const distDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const repoRoot = path.resolve(distDir, '../..');
const ferretdb = path.join(repoRoot, '.tools/bin/ferretdb');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function run(script: string, args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, [path.join(distDir, script), ...args], {
    cwd: repoRoot,
    env: { ...process.env, FERRETDB_BIN: ferretdb, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(100);
  }
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/**
 * Kills real processes with SIGKILL part-way through their writes and starts again on the same
 * data folder, as an operator would after a crash (issue 8, item 4).
 */
describe('after a process is killed with SIGKILL', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'cadre-crash-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a seed killed part-way leaves nothing half-written: the next start removes it, loads the demo district whole, and the audit chain verifies', async () => {
    const env = { DATA_DIR: dataDir };
    const seed = run('demo/seed-cli.js', ['--cadres', '20000', '--seed', '7'], env);
    // Cadres are being written once the database file passes a few megabytes (about 10 KB each).
    await until(async () => ((await stat(path.join(dataDir, 'cadre.sqlite')).catch(() => null))?.size ?? 0) > 3_000_000, 'the seed to write cadres');
    seed.child.kill('SIGKILL');
    await exited(seed.child);
    expect(seed.output()).not.toContain('seeded');

    const port = await freePort();
    const server = run('server.js', [], { ...env, PORT: String(port), DEMO_CADRES: '150', CLIENT_DIST: path.join(dataDir, 'no-client') });
    try {
      await until(() => server.output().includes('loaded the fictional demo district'), 'the server to load the demo district');
      expect(server.output()).toContain('a demo district load was interrupted');
      expect(server.output()).toContain('a database process left by an API that did not shut down');
    } finally {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }

    const verify = spawnSync(process.execPath, [path.join(distDir, 'cli/cli.js'), 'verify-audit', '--json'], { cwd: repoRoot, env: { ...process.env, ...env, FERRETDB_BIN: ferretdb, LOG_LEVEL: 'silent' }, encoding: 'utf8' });
    expect(verify.status).withContext(verify.stdout + verify.stderr).toBe(0);

    const database = await startEmbeddedFerretDb({ bin: ferretdb, dataDir, port: 0, logger: pino({ level: 'silent' }) });
    const connection = await mongoose.createConnection(database.uri).asPromise();
    try {
      expect(await connection.collection('cadres').countDocuments()).toBe(150);
      expect(await connection.collection('units').countDocuments()).toBe(39);
      expect({ ...(await connection.collection('district').findOne({}, { projection: { _id: 0, demoCadres: 1, demoLoading: 1 } })) }).toEqual({ demoCadres: 150, demoLoading: false });
    } finally {
      await connection.close();
      await database.stop();
    }
    expect(await readFile(path.join(dataDir, 'ferretdb.pid'), 'utf8').catch(() => 'none')).toBe('none');
  }, 300_000);
});
