import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { computeTotp, currentTotpStep } from '../auth/totp.js';

/** What the benchmark sets beyond the defaults, printed with the figures so a reader knows. */
export const BENCH_SETTINGS: Readonly<Record<string, string>> = {
  // 50 sign-ins (password and TOTP) from one address within a minute exceed the default 20.
  AUTH_RATE_LIMIT_MAX: '10000',
  DEMO_DATA: 'false',
  HOST: '127.0.0.1',
};

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const SERVER = path.join(repoRoot, 'api/dist/server.js');
const CLI = path.join(repoRoot, 'api/dist/cli/cli.js');
const SEED_CLI = path.join(repoRoot, 'api/dist/demo/seed-cli.js');

export function log(line: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

export function formatMb(bytes: number | null): string {
  return bytes === null ? '–' : `${Math.round(bytes / 2 ** 20)} MB`;
}

/** `align` has one letter per column: l (text) or r (numbers). */
export function markdownTable(header: readonly string[], align: string, rows: readonly (readonly string[])[]): string {
  const rule = header.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export function describeMachine(): string {
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  return `Node ${process.version}; ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}; ${Math.round(os.totalmem() / 2 ** 30)} GB RAM; load average ${load}`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** A field of /proc/PID/status in bytes (VmRSS: resident now, VmHWM: the peak), or null once the process is gone. */
export function procMemory(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/**
 * A working copy of a prepared data folder, or a freshly seeded one: the benchmark writes
 * (accounts, sessions, saves, snapshots), and the prepared folder must stay reusable.
 */
export async function prepareDataDir(options: { source: string | undefined; cadres: number; seed: number; label: string }): Promise<{ dir: string; origin: string; remove: () => Promise<void> }> {
  const parent = await mkdtemp(path.join(os.tmpdir(), `cadre-bench-${options.label}-`));
  const dir = path.join(parent, 'data');
  const remove = () => rm(parent, { recursive: true, force: true });
  try {
    if (options.source) {
      const source = path.resolve(options.source);
      if (!existsSync(path.join(source, 'cadre.sqlite'))) throw new Error(`${source} holds no embedded database (cadre.sqlite)`);
      log(`copying ${source} to ${dir}…`);
      await cp(source, dir, { recursive: true, preserveTimestamps: true });
      // A snapshot left in the prepared folder would turn the cold start into a warm one.
      await rm(path.join(dir, 'projections'), { recursive: true, force: true });
      return { dir, origin: `copy of ${source}`, remove };
    }
    log(`seeding ${options.cadres} cadres (seed ${options.seed}) into ${dir}…`);
    const began = performance.now();
    await runNode(SEED_CLI, ['--cadres', String(options.cadres), '--seed', String(options.seed)], { DATA_DIR: dir });
    return { dir, origin: `seeded ${options.cadres} cadres (seed ${options.seed}) in ${formatMs(performance.now() - began)}`, remove };
  } catch (err) {
    await remove();
    throw err;
  }
}

function runNode(script: string, args: string[], env: Record<string, string>, stdin?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(script)} ${args[0] ?? ''} exited with ${code}:\n${out.trim()}`))));
    child.stdin.end(stdin ?? '');
  });
}

export interface Account {
  username: string;
  password: string;
  role: string;
  totpSecret: string | null;
  unitId?: string;
  cadreId?: string;
}

/** A password the policy accepts (length, three character classes, not the username). */
function benchPassword(): string {
  return `Bq7#${randomBytes(9).toString('base64url')}`;
}

/** The API server on a copy of a data folder, as production starts it, with the benchmark's settings. */
/**
 * Runs `measure` against a server on a working copy of a seeded data folder (see
 * prepareDataDir): the server is killed and the copy removed afterwards, and on Ctrl-C too.
 */
export async function withBenchServer<T>(
  options: { source: string | undefined; cadres: number; seed: number; label: string; logFile: string },
  measure: (server: ServerProcess, data: { dir: string; origin: string }) => Promise<T>,
): Promise<T> {
  const data = await prepareDataDir(options);
  const server = await ServerProcess.create(data.dir, options.logFile);
  const interrupt = () => {
    server.kill();
    void data.remove().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    return await measure(server, data);
  } finally {
    server.kill();
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    await data.remove();
  }
}

export class ServerProcess {
  readonly baseUrl: string;
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> = Promise.resolve(null);
  spawnedAt = 0;

  private constructor(
    readonly dataDir: string,
    readonly port: number,
    readonly dbPort: number,
    readonly logFile: string,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  static async create(dataDir: string, logFile: string): Promise<ServerProcess> {
    return new ServerProcess(dataDir, await freePort(), await freePort(), logFile);
  }

  get pid(): number {
    if (!this.child?.pid) throw new Error('the server is not running');
    return this.child.pid;
  }

  /** Starts the server; its JSON log lines are appended to `logFile` without passing through this process. */
  start(): void {
    if (this.child) throw new Error('the server is already running');
    const fd = openSync(this.logFile, 'a');
    this.spawnedAt = performance.now();
    const child = spawn(process.execPath, [SERVER], {
      cwd: repoRoot,
      env: {
        ...process.env,
        ...BENCH_SETTINGS,
        DATA_DIR: this.dataDir,
        PORT: String(this.port),
        // Fixed, so the operations CLI can reach the running server's database.
        EMBEDDED_DB_PORT: String(this.dbPort),
        // The API alone is measured; the server serves no client when the folder is missing.
        CLIENT_DIST: path.join(this.dataDir, 'no-client'),
        FERRETDB_BIN: path.join(repoRoot, '.tools/bin/ferretdb'),
      },
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Resolves once GET /api/health answers 200. */
  async waitForHealth(timeoutMs = 600_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child?.exitCode !== null) throw new Error(`the server exited during start (log: ${this.logFile})`);
      try {
        if ((await fetch(`${this.baseUrl}/api/health`)).ok) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`the server did not answer within ${timeoutMs / 1000} s (log: ${this.logFile})`);
      await sleep(100);
    }
  }

  /** RSS of the API process and of its embedded database, in bytes. */
  memory(): { api: number | null; apiPeak: number | null; database: number | null } {
    const database = childPids(this.pid).map((pid) => procMemory(pid, 'VmRSS') ?? 0).reduce((a, b) => a + b, 0);
    return { api: procMemory(this.pid, 'VmRSS'), apiPeak: procMemory(this.pid, 'VmHWM'), database: database || null };
  }

  /** SIGTERM, as an orchestrator stops it, and waits for the exit (the ledger writes its snapshot then). */
  async stop(): Promise<{ ms: number; code: number | null }> {
    const child = this.child;
    if (!child) return { ms: 0, code: null };
    const began = performance.now();
    if (child.exitCode === null) child.kill('SIGTERM');
    const code = await this.exited;
    this.child = undefined;
    return { ms: performance.now() - began, code };
  }

  /** Last resort on an interrupted run: nothing may be left behind. */
  kill(): void {
    if (!this.child || this.child.exitCode !== null) return;
    const children = childPids(this.child.pid!);
    this.child.kill('SIGKILL');
    for (const pid of children) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }

  /**
   * Creates an account with the operations CLI against this server's database (the embedded
   * database admits one process, so the CLI goes through the server's FerretDB port).
   */
  async createAccount(username: string, role: string, link: { unit?: string; cadreId?: string } = {}): Promise<Account> {
    const password = benchPassword();
    const key = (await readFile(path.join(this.dataDir, 'data-encryption.key'), 'utf8')).trim();
    // The server generated the audit chain's key beside the data key; the CLI's records must be keyed alike.
    const auditKey = (await readFile(path.join(this.dataDir, 'audit-hmac.key'), 'utf8')).trim();
    const args = ['create-user', '--username', username, '--name', `基准测试${username.replace(/\D/g, '') || '用户'}`, '--roles', role];
    if (link.unit) args.push('--unit', link.unit);
    if (link.cadreId) args.push('--cadre', link.cadreId);
    const out = await runNode(CLI, args, { MONGODB_URI: `mongodb://127.0.0.1:${this.dbPort}/cadre`, DATA_ENCRYPTION_KEY: key, AUDIT_HMAC_KEY: auditKey }, `${password}\n`);
    const totpSecret = /^TOTP secret: ([A-Z2-7]+)$/m.exec(out)?.[1] ?? null;
    return { username, password, role, totpSecret, ...(link.unit ? { unitId: link.unit } : {}), ...(link.cadreId ? { cadreId: link.cadreId } : {}) };
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const XSRF = 'bench-xsrf-token';

/** One signed-in user as a browser would be: session cookie plus Angular's double-submit CSRF pair. */
export class Session {
  private constructor(
    readonly baseUrl: string,
    readonly account: Account,
    readonly cookie: string,
  ) {}

  /** Password, then the TOTP code computed with the platform's own RFC 6238 code. */
  static async signIn(baseUrl: string, account: Account): Promise<Session> {
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `XSRF-TOKEN=${XSRF}`, 'x-xsrf-token': XSRF },
      body: JSON.stringify({ username: account.username, password: account.password }),
    });
    if (!login.ok) throw new Error(`sign-in of ${account.username}: ${login.status} ${await login.text()}`);
    const sid = login.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('cadre_sid='));
    if (!sid) throw new Error(`sign-in of ${account.username}: no session cookie`);
    const session = new Session(baseUrl, account, `XSRF-TOKEN=${XSRF}; ${sid}`);
    let stage = ((await login.json()) as { stage: string }).stage;
    if (stage === 'totp_required') {
      if (!account.totpSecret) throw new Error(`sign-in of ${account.username}: a second factor is required but no TOTP secret is known`);
      const code = computeTotp(account.totpSecret, currentTotpStep());
      const totp = await session.request('POST', '/api/auth/totp', { code });
      if (totp.status !== 200) throw new Error(`TOTP of ${account.username}: ${totp.status} ${JSON.stringify(totp.body)}`);
      stage = (totp.body as { stage: string }).stage;
    }
    if (stage !== 'active') throw new Error(`sign-in of ${account.username} stopped at stage ${stage}`);
    return session;
  }

  get headers(): Record<string, string> {
    return { cookie: this.cookie, 'x-xsrf-token': XSRF };
  }

  async request(method: string, url: string, body?: unknown): Promise<{ status: number; body: unknown; ms: number }> {
    const began = performance.now();
    const res = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: { ...this.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const ms = performance.now() - began;
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: kept as text for the error message.
    }
    return { status: res.status, body: parsed, ms };
  }

  /**
   * Asks for the ledger until it answers 200: while the ledger loads, a request waits at most
   * 15 s and then gets 503.
   */
  async waitForLedger(url: string): Promise<{ status: number; body: unknown; ms: number }> {
    for (;;) {
      const res = await this.request('GET', url);
      if (res.status !== 503) return res;
      await sleep(200);
    }
  }

  async getJson<T>(url: string): Promise<T> {
    const res = await this.request('GET', url);
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  }
}

/** The database the server reached, as GET /api/ready names it. */
export async function describeDatabase(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/ready`);
  const body = (await res.json()) as { database?: { product?: string; version?: string } };
  return `${body.database?.product ?? 'database'} ${body.database?.version ?? ''}`.trim();
}
