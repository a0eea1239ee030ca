import { readFile } from 'node:fs/promises';
import autocannon from 'autocannon';
import type { LedgerPage, UnitWithVersion } from '@cadre/shared-models';
import { describeDatabase, formatMb, formatMs, log, markdownTable, percentile, ServerProcess, Session, withBenchServer, type Account } from './bench-kit.js';

export interface LoadOptions {
  dataDir: string | undefined;
  cadres: number;
  seed: number;
  durationSeconds: number;
  connections: number;
  logFile: string;
}

/** One API call of a page, labelled for the per-call table. */
interface Call {
  label: string;
  path: string;
}

interface CallFigures {
  label: string;
  requests: number;
  failed: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface LoadResult {
  data: string;
  cadres: number;
  database: string;
  users: Record<string, number>;
  durationSeconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  errorRate: number;
  statusCodes: Record<string, number>;
  calls: CallFigures[];
  failures: string[];
  memory: { before: ReturnType<ServerProcess['memory']>; after: ReturnType<ServerProcess['memory']> };
  serverLog: { errorLines: number; status5xx: number; samples: string[] };
}

/** Shares of the signed-in users by role: the department's own staff, the units' managers, cadres, the auditors. */
const ROLE_MIX: ReadonlyArray<readonly [string, number]> = [
  ['org_admin', 0.3],
  ['unit_manager', 0.4],
  ['cadre', 0.24],
  ['audit_admin', 0.06],
];
/** Visits per user before its call list repeats: each visit opens another portrait. */
const VISITS = 5;
const PARALLEL_ACCOUNTS = 4;
/** A request unanswered this long counts as an error (autocannon's default). */
const TIMEOUT_SECONDS = 10;

function roleCounts(users: number): Map<string, number> {
  const counts = new Map(ROLE_MIX.map(([role, share]) => [role, Math.floor(users * share)]));
  // What rounding left over goes to the largest groups first; the department always has someone.
  for (let i = 0, left = users - [...counts.values()].reduce((a, b) => a + b, 0); left > 0; i += 1, left -= 1) {
    const role = ROLE_MIX[i % 2 === 0 ? 1 : 0]![0];
    counts.set(role, counts.get(role)! + 1);
  }
  if (counts.get('org_admin') === 0) throw new Error('--connections must allow at least one org_admin');
  return counts;
}

function query(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

/** Ids spread over a ledger view, so users open different portraits. */
async function spreadIds(session: Session, filter: Record<string, string>, count: number, offset: number): Promise<string[]> {
  const first = await session.getJson<LedgerPage>(`/api/ledger?${query({ ...filter, page: '0', size: '20' })}`);
  const ids: string[] = [];
  for (let i = 0; i < count && first.total > 0; i += 1) {
    const position = (offset * 7919 + i * Math.floor(first.total / count + 1)) % first.total;
    const page = await session.getJson<LedgerPage>(`/api/ledger?${query({ ...filter, page: String(Math.floor(position / 20)), size: '20' })}`);
    ids.push(page.items[position % 20]?.id ?? page.items[0]!.id);
  }
  return ids;
}

/** The API calls the main pages make, in the order a user visits them (client/src/app). */
function pagesOf(account: Account, portraits: string[], filteredLedger: Record<string, string>): Call[] {
  const calls: Call[] = [];
  const add = (label: string, path: string) => calls.push({ label, path });
  for (let visit = 0; visit < VISITS; visit += 1) {
    add('session', '/api/auth/session');
    if (account.role === 'audit_admin') {
      add('audit log, first page', '/api/audit?page=0&size=50');
      add('audit log, filtered (action cadre.)', `/api/audit?${query({ action: 'cadre.', page: '0', size: '50' })}`);
      continue;
    }
    add('district', '/api/district');
    add('units', '/api/units');
    const portrait = portraits[visit % portraits.length]!;
    if (account.role === 'cadre') {
      add('portrait', `/api/cadres/${portrait}`);
      add('corrections of the portrait', `/api/corrections?${query({ cadreId: portrait })}`);
      continue;
    }
    add('home distribution', '/api/stats/cadre-distribution');
    add('ledger first page', '/api/ledger?page=0&size=20');
    add('ledger saved views', '/api/ledger/views');
    add('ledger filtered page', `/api/ledger?${query({ ...filteredLedger, page: '0', size: '20' })}`);
    add('portrait', `/api/cadres/${portrait}`);
    add('corrections of the portrait', `/api/corrections?${query({ cadreId: portrait })}`);
    add('corrections list (pending)', '/api/corrections?status=pending');
  }
  return calls;
}

interface UserPlan {
  session: Session;
  calls: Call[];
}

/** Creates the accounts with the operations CLI, signs each in once and lists its calls. */
async function prepareUsers(server: ServerProcess, users: number): Promise<{ plans: UserPlan[]; cadres: number }> {
  const counts = roleCounts(users);
  const admin = await Session.signIn(server.baseUrl, await server.createAccount('bench.org00', 'org_admin'));
  const units = (await admin.getJson<{ items: UnitWithVersion[] }>('/api/units')).items;
  const streets = units.filter((u) => u.type === 'street');
  if (streets.length === 0) throw new Error('the district has no street to give unit managers');
  const loaded = await admin.waitForLedger('/api/ledger?page=0&size=1');
  if (loaded.status !== 200) throw new Error(`ledger: ${loaded.status} ${JSON.stringify(loaded.body)}`);
  const all = loaded.body as LedgerPage;
  const cadreIds = await spreadIds(admin, {}, counts.get('cadre')!, 0);

  // Each CLI run is a process of its own that mostly waits for the database: a few at a time.
  const wanted: Array<{ role: string; i: number; street: UnitWithVersion }> = [];
  for (const [role, count] of counts) for (let i = 0; i < count; i += 1) wanted.push({ role, i, street: streets[i % streets.length]! });
  const accounts: Account[] = [];
  for (let start = 0; start < wanted.length; start += PARALLEL_ACCOUNTS) {
    accounts.push(...(await Promise.all(wanted.slice(start, start + PARALLEL_ACCOUNTS).map(({ role, i, street }) => {
      const username = `bench.${role.replace('_', '')}${String(i + 1).padStart(2, '0')}`;
      if (role === 'org_admin' && i === 0) return admin.account;
      if (role === 'unit_manager') return server.createAccount(username, role, { unit: street.code });
      if (role === 'cadre') return server.createAccount(username, role, { cadreId: cadreIds[i]! });
      return server.createAccount(username, role);
    }))));
    log(`load: ${accounts.length}/${users} accounts`);
  }

  // One after another, as users arrive: each sign-in verifies an argon2 hash (19 MiB, CPU-bound).
  const plans: UserPlan[] = [];
  for (const [n, account] of accounts.entries()) {
    const { street } = wanted[n]!;
    const session = account === admin.account ? admin : await Session.signIn(server.baseUrl, account);
    const scopeFilter: Record<string, string> = account.role === 'unit_manager' ? { unitId: street.id } : {};
    const portraits =
      account.role === 'cadre' ? [account.cadreId!] : account.role === 'audit_admin' ? [] : await spreadIds(session, scopeFilter, VISITS, n);
    const filtered: Record<string, string> =
      account.role === 'unit_manager' ? { unitId: street.id, sex: '女' } : { unitId: street.id, sex: '女', education: '大学本科', tag: '基层经历' };
    plans.push({ session, calls: pagesOf(account, portraits, filtered) });
  }
  log(`load: ${plans.length} users signed in`);
  return { plans, cadres: all.total };
}

/** Every call once, so the first measured requests do not pay for cold caches. */
async function warmUp(plans: readonly UserPlan[]): Promise<void> {
  for (const plan of plans) {
    for (const call of plan.calls.slice(0, plan.calls.length / VISITS)) {
      const res = await plan.session.request('GET', call.path);
      if (res.status !== 200) throw new Error(`warm-up ${call.path} as ${plan.session.account.username}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
}

interface Sample {
  label: string;
  status: number;
  ms: number;
}

/**
 * One autocannon instance per user, each with one connection and that user's session cookie,
 * all started together: autocannon's per-connection context is reset on every pass through the
 * call list, so a single instance could not keep 50 distinct sessions apart.
 */
async function hammer(plans: readonly UserPlan[], baseUrl: string, durationSeconds: number): Promise<{ samples: Sample[]; results: autocannon.Result[]; failures: string[] }> {
  const samples: Sample[] = [];
  const failures = new Map<string, number>();
  const runs = plans.map((plan) => {
    let answered: { label: string; status: number } | null = null;
    const instance = autocannon({
      url: baseUrl,
      connections: 1,
      duration: durationSeconds,
      timeout: TIMEOUT_SECONDS,
      headers: plan.session.headers,
      requests: plan.calls.map((call) => ({
        method: 'GET' as const,
        path: call.path,
        onResponse: (status: number, body: string) => {
          answered = { label: call.label, status };
          if (status < 200 || status > 299) {
            const key = `${call.label}: ${status} ${body.slice(0, 300)}`;
            failures.set(key, (failures.get(key) ?? 0) + 1);
          }
        },
      })),
    });
    // Without a callback autocannon returns its instance, an event emitter that is also thenable.
    (instance as unknown as autocannon.Instance).on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
      if (answered) samples.push({ ...answered, ms });
      answered = null;
    });
    return instance as unknown as Promise<autocannon.Result>;
  });
  const results = await Promise.all(runs);
  return { samples, results, failures: [...failures].map(([what, count]) => `${count} × ${what}`) };
}

async function scanServerLog(logFile: string, from: number): Promise<LoadResult['serverLog']> {
  const lines = (await readFile(logFile, 'utf8')).slice(from).split('\n').filter(Boolean);
  let errorLines = 0;
  let status5xx = 0;
  const samples: string[] = [];
  for (const line of lines) {
    let entry: { level?: number; res?: { statusCode?: number } };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    const is5xx = (entry.res?.statusCode ?? 0) >= 500;
    if (is5xx) status5xx += 1;
    if ((entry.level ?? 0) >= 50 || is5xx) {
      errorLines += 1;
      if (samples.length < 5) samples.push(line.slice(0, 600));
    }
  }
  return { errorLines, status5xx, samples };
}

/**
 * District scale under load: signed-in users of mixed roles request the main pages' API calls
 * back to back over loopback, each on its own connection, for the whole duration.
 */
export async function runLoadBench(options: LoadOptions): Promise<LoadResult> {
  return withBenchServer({ source: options.dataDir, cadres: options.cadres, seed: options.seed, label: 'load', logFile: options.logFile }, async (server, data) => {
    server.start();
    await server.waitForHealth();
    const database = await describeDatabase(server.baseUrl);
    log(`load: creating and signing in ${options.connections} users…`);
    const { plans, cadres } = await prepareUsers(server, options.connections);
    await warmUp(plans);
    const users: Record<string, number> = {};
    for (const plan of plans) users[plan.session.account.role] = (users[plan.session.account.role] ?? 0) + 1;

    const logOffset = (await readFile(options.logFile, 'utf8')).length;
    const before = server.memory();
    log(`load: ${options.connections} users for ${options.durationSeconds} s…`);
    const began = performance.now();
    const { samples, results, failures } = await hammer(plans, server.baseUrl, options.durationSeconds);
    const elapsedSeconds = (performance.now() - began) / 1000;
    const after = server.memory();
    const serverLog = await scanServerLog(options.logFile, logOffset);
    await server.stop();

    const sum = (pick: (r: autocannon.Result) => number) => results.reduce((total, r) => total + pick(r), 0);
    const non2xx = sum((r) => r.non2xx);
    const socketErrors = sum((r) => r.errors - r.timeouts);
    const timeouts = sum((r) => r.timeouts);
    const statusCodes: Record<string, number> = {};
    for (const r of results) {
      for (const [code, stat] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = (statusCodes[code] ?? 0) + Number((stat as { count: number | string }).count);
    }
    const answered = samples.length;
    const attempted = answered + sum((r) => r.errors);
    const times = samples.map((s) => s.ms);
    const labels = [...new Set(plans.flatMap((p) => p.calls.map((c) => c.label)))];
    const calls = labels.map((label) => {
      const mine = samples.filter((s) => s.label === label);
      const ms = mine.map((s) => s.ms);
      return { label, requests: mine.length, failed: mine.filter((s) => s.status < 200 || s.status > 299).length, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99) };
    });
    return {
      data: data.origin,
      cadres,
      database,
      users,
      durationSeconds: options.durationSeconds,
      connections: options.connections,
      requests: answered,
      requestsPerSecond: answered / elapsedSeconds,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      max: times.length ? Math.max(...times) : Number.NaN,
      non2xx,
      socketErrors,
      timeouts,
      errorRate: attempted === 0 ? 0 : (non2xx + sum((r) => r.errors)) / attempted,
      statusCodes,
      calls,
      failures,
      memory: { before, after },
      serverLog,
    };
  });
}

export function formatLoadResult(r: LoadResult): string {
  const users = Object.entries(r.users).map(([role, n]) => `${n} ${role}`).join(', ');
  const summary = markdownTable(
    ['figure', 'value'],
    'll',
    [
      ['signed-in users (one connection each, no think time)', `${r.connections}: ${users}`],
      ['duration', `${r.durationSeconds} s`],
      ['requests answered', `${r.requests} (${r.requestsPerSecond.toFixed(1)}/s)`],
      ['latency p50 / p95 / p99 / max', `${formatMs(r.p50)} / ${formatMs(r.p95)} / ${formatMs(r.p99)} / ${formatMs(r.max)}`],
      ['error rate (non-2xx + socket errors + timeouts > 10 s)', `${(r.errorRate * 100).toFixed(2)} % (${r.non2xx} non-2xx, ${r.socketErrors} socket errors, ${r.timeouts} timeouts)`],
      ['status codes', Object.entries(r.statusCodes).map(([code, n]) => `${code}: ${n}`).join(', ')],
      ['API process RSS before → after (peak)', `${formatMb(r.memory.before.api)} → ${formatMb(r.memory.after.api)} (${formatMb(r.memory.after.apiPeak)})`],
      ['FerretDB process RSS before → after', `${formatMb(r.memory.before.database)} → ${formatMb(r.memory.after.database)}`],
      ['server log: error lines / 5xx responses', `${r.serverLog.errorLines} / ${r.serverLog.status5xx}`],
    ],
  );
  const perCall = markdownTable(
    ['API call', 'requests', 'failed', 'p50', 'p95', 'p99'],
    'lrrrrr',
    r.calls.map((c) => [c.label, String(c.requests), String(c.failed), formatMs(c.p50), formatMs(c.p95), formatMs(c.p99)]),
  );
  const failures = r.failures.length ? `\n\nFailed responses:\n${r.failures.map((f) => `- ${f}`).join('\n')}` : '';
  const samples = r.serverLog.samples.length ? `\n\nServer log, first error lines:\n${r.serverLog.samples.map((s) => `    ${s}`).join('\n')}` : '';
  return `${summary}\n\n${perCall}${failures}${samples}`;
}
