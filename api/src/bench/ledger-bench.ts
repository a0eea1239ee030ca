import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { pino } from 'pino';
import { LedgerExportQuerySchema, LedgerQuerySchema, type LedgerQuery, type PersonnelScope } from '@cadre/shared-models';
import { connectMongoose, describeDatabase } from '../db/connection.js';
import { startEmbeddedFerretDb } from '../db/embedded-ferretdb.js';
import { ensureIndexes } from '../db/indexes.js';
import { createDataCipher, useDataCipher } from '../platform/data-cipher.js';
import { CadreModel } from '../cadres/cadre.model.js';
import { UnitModel } from '../units/unit.model.js';
import { DistrictModel } from '../district/district.model.js';
import { loadDemoDistrict } from '../demo/load-demo-district.js';
import { noteCadresChanged } from '../ledger/ledger-changes.js';
import { createLedgerReadModel, type LedgerReadModel } from '../ledger/ledger-read-model.js';
import { readLedgerPage } from '../ledger/ledger.service.js';
import { writeLedgerWorkbook } from '../ledger/ledger-export.js';
import { computeCadreDistribution } from '../stats/cadre-distribution.service.js';
import { matchCadreCandidates } from '../users/cadre-candidates.js';

const USAGE = `Usage: npm run bench:ledger -- [--cadres N] [--seed S] [--runs R] [--data-dir DIR] [--ferretdb BIN]
  Seeds the demo district into a throwaway embedded FerretDB and times the typical ledger queries.
  --cadres N      cadres to seed (default 200000)
  --seed S        demo generator seed (default 42)
  --runs R        runs of each fast measurement; the median is printed (default 7)
  --data-dir DIR  keep the database in DIR and reuse it when it already holds cadres (seeding
                  200,000 takes minutes); by default a temporary folder is removed at the end
  --ferretdb BIN  the FerretDB binary (default .tools/bin/ferretdb)`;

const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const quiet = pino({ level: 'silent' });
const ALL: PersonnelScope = { kind: 'all' };
/** The street whose unit manager the demo accounts sign in as: a subtree of typical size. */
const DEMO_STREET_CODE = 'JB-S01';

interface Row {
  what: string;
  runs: number;
  ms: number;
  note: string;
}

const rows: Row[] = [];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Times `task` `runs` times and records the median; the last result is returned for the note. */
async function measure<T>(what: string, runs: number, task: () => Promise<T>, note: (result: T) => string): Promise<T> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i += 1) {
    const began = performance.now();
    result = await task();
    times.push(performance.now() - began);
  }
  rows.push({ what, runs, ms: median(times), note: note(result) });
  process.stderr.write(`  ${what}: ${median(times).toFixed(1)} ms\n`);
  return result;
}

function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

function query(fields: Record<string, unknown>): LedgerQuery {
  return LedgerQuerySchema.parse(fields);
}

class CountingSink extends Writable {
  bytes = 0;
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.bytes += chunk.length;
    done();
  }
}

function* firstOf<T>(items: Iterable<T>, count: number): Generator<T> {
  let taken = 0;
  for (const item of items) {
    if (taken === count) return;
    taken += 1;
    yield item;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cadres: { type: 'string', default: '200000' },
      seed: { type: 'string', default: '42' },
      runs: { type: 'string', default: '7' },
      'data-dir': { type: 'string' },
      ferretdb: { type: 'string', default: path.join(repoRoot, '.tools/bin/ferretdb') },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const cadres = Number(values.cadres);
  const seed = Number(values.seed);
  const runs = Number(values.runs);
  if (!Number.isInteger(cadres) || cadres < 1 || cadres > 1_000_000) throw new Error(`--cadres must be a whole number from 1 to 1000000, got "${values.cadres}"`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got "${values.seed}"`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, got "${values.runs}"`);

  const keep = values['data-dir'] !== undefined;
  const dataDir = keep ? path.resolve(values['data-dir']!) : await mkdtemp(path.join(os.tmpdir(), 'cadre-ledger-bench-'));
  const database = await startEmbeddedFerretDb({ bin: path.resolve(values.ferretdb), dataDir, port: 0, logger: quiet, startTimeoutMs: 120_000 });
  // Interrupted, the benchmark must not leave its database process behind.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void database.stop().finally(() => process.exit(130)));
  }
  let model: LedgerReadModel | undefined;
  try {
    await connectMongoose(database.uri);
    const info = await describeDatabase('embedded');
    useDataCipher(createDataCipher(randomBytes(32)));
    await ensureIndexes();

    // The district record says how many cadres were seeded; counting them would scan them all.
    const district = await DistrictModel.findOne().lean();
    const existing = district?.demoCadres ?? 0;
    let seeded = `reused ${existing} cadres in ${dataDir}`;
    if (!district) {
      process.stderr.write(`seeding ${cadres} cadres (seed ${seed})…\n`);
      const began = performance.now();
      const result = await loadDemoDistrict({ cadres, seed, logger: quiet });
      seeded = `seeded ${result.cadres} cadres in ${result.units} units in ${formatMs(performance.now() - began)}`;
    } else if (existing !== cadres) {
      throw new Error(`${dataDir} holds ${existing} cadres, not ${cadres}: use another --data-dir`);
    }
    process.stderr.write(`${seeded}\nmeasuring…\n`);

    const street = await UnitModel.findOne({ code: DEMO_STREET_CODE }).lean();
    if (!street) throw new Error(`the demo street ${DEMO_STREET_CODE} is missing`);
    const streetId = String(street._id);

    // The read model, loaded as at server start; a request waits for it without a bound here.
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    model = createLedgerReadModel({ logger: quiet, waitMs: Number.POSITIVE_INFINITY });
    const loadingModel = model;
    const index = await measure('read model: full load from the database', 1, () => loadingModel.current(), (i) => `${i.size} cadres`);
    global.gc?.();
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    rows[rows.length - 1]!.note += `, ~${Math.round(heapMb)} MB heap${global.gc ? '' : ' (without --expose-gc: rough)'}`;

    const filtered = query({ unitId: streetId, sex: '女', education: '大学本科', tag: '基层经历' });
    const counted = query({ unitId: streetId, sex: '女', education: '大学本科', size: 1 });
    const page = (q: LedgerQuery) => readLedgerPage(ALL, q, loadingModel);
    const pageNote = (p: Awaited<ReturnType<typeof page>>) => `${p.items.length} rows of ${p.total}`;

    await measure('first page (20, by name)', runs, () => page(query({})), pageNote);
    await measure('filtered page: street subtree + 女 + 大学本科 + tag 基层经历', runs, () => page(filtered), pageNote);
    await measure('deep page: page 5,000 of 20, by name', runs, () => page(query({ page: 5000 })), pageNote);
    await measure('count: street subtree + 女 + 大学本科', runs, () => page(counted), (p) => `${p.total} cadres`);
    await measure('text search q=主任 (name or post), first page', runs, () => page(query({ q: '主任' })), pageNote);
    await measure('sort by age, oldest first, first page', runs, () => page(query({ sort: 'age', direction: 'desc' })), pageNote);
    await measure('unit manager’s view: own subtree, first page', runs, () => readLedgerPage({ kind: 'limited', unitIds: [streetId], cadreIds: [] }, query({}), loadingModel), pageNote);

    const candidates = (r: ReturnType<typeof matchCadreCandidates>) => `${r.items.length} listed${r.more ? ', more' : ''}`;
    await measure('account picker: cadres matching 张 (name, unit or post)', runs, async () => matchCadreCandidates(await loadingModel.current(), ['张']), candidates);
    await measure('account picker: 张 + 观音桥 (two words)', runs, async () => matchCadreCandidates(await loadingModel.current(), ['张', '观音桥']), candidates);
    await measure('account picker: a name nobody has (reads every cadre)', runs, async () => matchCadreCandidates(await loadingModel.current(), ['查无此人']), candidates);

    const exportQuery = LedgerExportQuerySchema.parse({ columns: [] });
    await measure('export 10,000 rows to xlsx (default columns)', Math.min(runs, 3), async () => {
      const current = await loadingModel.current();
      const { columns: _columns, sort, direction, ...filter } = exportQuery;
      const sink = new CountingSink();
      const written = await writeLedgerWorkbook(firstOf(current.select(ALL, filter).rows(sort, direction), 10_000), [
        'name', 'sex', 'age', 'education', 'unitName', 'post', 'postLevel', 'rank', 'category', 'tags',
      ], sink);
      return { written, bytes: sink.bytes };
    }, (r) => `${r.written} rows, ${(r.bytes / 2 ** 20).toFixed(2)} MB`);

    await measure('home distribution (unit type × age band) from the read model', runs, () => computeCadreDistribution(ALL, new Date(), loadingModel), (d) => `${d.total} cadres, ${d.rows.length} groups`);

    const sample = index.select(ALL, filtered).page('name', 'asc', 0, runs).map((r) => r.id);
    let pick = 0;
    await measure('one cadre by _id from the database', runs, () => CadreModel.findById(sample[pick++ % sample.length]).lean(), () => 'findById, lean');
    // Only the reader's side is timed: another process wrote one cadre and noted it.
    const catchUps: number[] = [];
    for (const [i, id] of sample.entries()) {
      await CadreModel.updateOne({ _id: id }, { $set: { post: `基准测试职务${i}` } });
      await noteCadresChanged([id]);
      const began = performance.now();
      await loadingModel.current();
      catchUps.push(performance.now() - began);
    }
    rows.push({ what: 'next request after one write elsewhere (catch-up: re-read by _id)', runs: catchUps.length, ms: median(catchUps), note: 'write and note not timed' });

    await measure('for comparison: the same count straight from the database', 1, () =>
      CadreModel.countDocuments({ unitPath: street._id, sex: '女', education: '大学本科' }), (n) => `${n} cadres (countDocuments)`);
    await measure('for comparison: home distribution from the database ($group)', 1, () =>
      CadreModel.aggregate([{ $group: { _id: { unitType: '$unitType', birthMonth: '$birthMonth' }, count: { $sum: 1 } } }]), (g) => `${g.length} groups (the previous implementation)`);

    console.log(`\nLedger benchmark, ${new Date().toISOString().slice(0, 10)}: ${seeded}`);
    console.log(`${info.product} ${info.version}; Node ${process.version}; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}; ${Math.round(os.totalmem() / 2 ** 30)} GB RAM; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
    console.log('| measurement | runs | median | result |');
    console.log('|---|---:|---:|---|');
    for (const row of rows) console.log(`| ${row.what} | ${row.runs} | ${formatMs(row.ms)} | ${row.note} |`);
  } finally {
    await model?.stop();
    await mongoose.disconnect();
    await database.stop();
    if (!keep) await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`ledger benchmark failed: ${err instanceof Error ? err.message : String(err)}`);
  console.error(USAGE);
  process.exitCode = 1;
});
