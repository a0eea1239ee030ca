import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CadreRecord, LedgerPage } from '@cadre/shared-models';
import { describeDatabase, formatMb, formatMs, log, markdownTable, median, ServerProcess, Session, withBenchServer } from './bench-kit.js';

export interface ScaleOptions {
  dataDir: string | undefined;
  cadres: number;
  seed: number;
  logFile: string;
}

interface ScaleRow {
  what: string;
  runs: number;
  ms: number;
  note: string;
}

export interface ScaleResult {
  data: string;
  cadres: number;
  database: string;
  rows: ScaleRow[];
}

const LEDGER_FIRST_PAGE = '/api/ledger?page=0&size=20';
const RECORD_READS = 20;
const SAVES = 10;
const LEDGER_READS = 20;

/** From spawn until the ledger answers 200: database start, indexes, and the ledger's restore from its snapshot or its full load. */
async function timeToLedger(server: ServerProcess, session: Session): Promise<{ ms: number; page: LedgerPage }> {
  server.start();
  await server.waitForHealth();
  const res = await session.waitForLedger(LEDGER_FIRST_PAGE);
  if (res.status !== 200) throw new Error(`ledger during start: ${res.status} ${JSON.stringify(res.body)}`);
  return { ms: performance.now() - server.spawnedAt, page: res.body as LedgerPage };
}

/** SIGTERM until exit, and what the stop left in the snapshot folder. */
async function timeShutdown(server: ServerProcess, what: string): Promise<ScaleRow> {
  const stopped = await server.stop();
  const folder = path.join(server.dataDir, 'projections');
  const files = await readdir(folder).catch(() => [] as string[]);
  const temporary = files.filter((f) => f.endsWith('.tmp'));
  let leftBytes = 0;
  for (const file of temporary) leftBytes += (await stat(path.join(folder, file))).size;
  const left = temporary.length ? `; ${temporary.length} temporary file(s) left behind, ${formatMb(leftBytes)}` : '';
  return { what, runs: 1, ms: stopped.ms, note: `exit code ${stopped.code}; snapshot ${files.includes('ledger.snapshot') ? 'present' : 'MISSING'}${left}` };
}

/** The same record saved again with one field changed, at the version just read: what the editor sends. */
function resave(record: CadreRecord, round: number): Record<string, unknown> {
  const { id: _id, unitName: _unitName, education: _e, degree: _d, school: _s, idNumberMasked: _m, hasPhoto: _p, derivedTags: _t, updatedAt: _u, ...input } = record;
  return { ...input, expertise: `基准测试保存第${round}次`, idNumber: null };
}

/**
 * Restart-to-ready (a cold start that loads the ledger in full, then a restart from the
 * snapshot the first run wrote), one record read, one versioned save and the ledger's first
 * page, against the real server over loopback.
 */
export async function runScaleBench(options: ScaleOptions): Promise<ScaleResult> {
  return withBenchServer({ source: options.dataDir, cadres: options.cadres, seed: options.seed, label: 'scale', logFile: options.logFile }, async (server, data) => {
    const rows: ScaleRow[] = [];
    // The account and its session are made on a first start, so the timed starts measure the
    // server alone; sessions live in the database and survive restarts.
    log('scale: first start to create an org_admin account and sign in…');
    server.start();
    await server.waitForHealth();
    const database = await describeDatabase(server.baseUrl);
    const account = await server.createAccount('bench.scale.org', 'org_admin');
    const session = await Session.signIn(server.baseUrl, account);
    await server.stop();
    await rm(path.join(data.dir, 'projections'), { recursive: true, force: true });

    log('scale: cold start (no snapshot): waiting for the ledger…');
    const cold = await timeToLedger(server, session);
    const coldMemory = server.memory();
    rows.push({ what: 'restart to ready, no snapshot (full load of the ledger)', runs: 1, ms: cold.ms, note: `${cold.page.total} cadres; API RSS ${formatMb(coldMemory.api)}, FerretDB RSS ${formatMb(coldMemory.database)}` });
    log(`scale: cold start ${formatMs(cold.ms)} for ${cold.page.total} cadres`);

    const ledgerTimes: number[] = [];
    for (let i = 0; i < LEDGER_READS; i += 1) ledgerTimes.push((await session.request('GET', LEDGER_FIRST_PAGE)).ms);
    rows.push({ what: 'ledger first page (20, by name)', runs: LEDGER_READS, ms: median(ledgerTimes), note: `GET ${LEDGER_FIRST_PAGE}` });

    // Records spread over the whole order, so no read profits from its neighbour's pages.
    const total = cold.page.total;
    const ids: string[] = [];
    for (let i = 0; i < RECORD_READS; i += 1) {
      const page = Math.floor((i * total) / RECORD_READS / 20);
      const found = await session.getJson<LedgerPage>(`/api/ledger?page=${page}&size=20`);
      ids.push(found.items[i % found.items.length]!.id);
    }
    const readTimes: number[] = [];
    for (const id of ids) {
      const res = await session.request('GET', `/api/cadres/${id}`);
      if (res.status !== 200) throw new Error(`GET /api/cadres/${id}: ${res.status} ${JSON.stringify(res.body)}`);
      readTimes.push(res.ms);
    }
    rows.push({ what: 'one record read (full record, portrait)', runs: readTimes.length, ms: median(readTimes), note: 'GET /api/cadres/:id, different records' });

    const saveTimes: number[] = [];
    for (const [round, id] of ids.slice(0, SAVES).entries()) {
      const record = await session.getJson<CadreRecord>(`/api/cadres/${id}`);
      const res = await session.request('PUT', `/api/cadres/${id}`, resave(record, round + 1));
      if (res.status !== 200) throw new Error(`PUT /api/cadres/${id}: ${res.status} ${JSON.stringify(res.body)}`);
      saveTimes.push(res.ms);
    }
    rows.push({ what: 'one versioned save', runs: saveTimes.length, ms: median(saveTimes), note: 'PUT /api/cadres/:id with the version read just before (read not timed)' });

    const afterSave = await session.request('GET', LEDGER_FIRST_PAGE);
    rows.push({ what: 'ledger first page right after the saves (catch-up)', runs: 1, ms: afterSave.ms, note: `${SAVES} changed records re-read by _id` });

    rows.push(await timeShutdown(server, 'shutdown on SIGTERM (writes the snapshot, which is behind)'));

    log('scale: restart from the snapshot…');
    const warm = await timeToLedger(server, session);
    const warmMemory = server.memory();
    rows.push({ what: 'restart to ready, from the snapshot', runs: 1, ms: warm.ms, note: `${warm.page.total} cadres; API RSS ${formatMb(warmMemory.api)}, FerretDB RSS ${formatMb(warmMemory.database)}` });
    const warmLedger: number[] = [];
    for (let i = 0; i < LEDGER_READS; i += 1) warmLedger.push((await session.request('GET', LEDGER_FIRST_PAGE)).ms);
    rows.push({ what: 'ledger first page after the restart from the snapshot', runs: LEDGER_READS, ms: median(warmLedger), note: `GET ${LEDGER_FIRST_PAGE}` });
    rows.push(await timeShutdown(server, 'shutdown on SIGTERM after the restart'));
    return { data: data.origin, cadres: cold.page.total, database, rows };
  });
}

export function formatScaleResult(result: ScaleResult): string {
  return markdownTable(
    ['measurement', 'runs', 'median', 'note'],
    'lrrl',
    result.rows.map((r) => [r.what, String(r.runs), formatMs(r.ms), r.note]),
  );
}
