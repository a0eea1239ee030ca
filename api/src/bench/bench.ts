import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_SETTINGS, describeMachine, log, repoRoot } from './bench-kit.js';
import { formatLoadResult, runLoadBench, type LoadResult } from './load-bench.js';
import { formatScaleResult, runScaleBench, type ScaleResult } from './scale-bench.js';
import { formatEvaluationResult, runEvaluationBench, type EvaluationResult } from './evaluation-bench.js';

const USAGE = `Usage: npm run bench -- [--only scale|load|evaluation] [--cadres N] [--data-dir DIR] [--load-cadres N]
                       [--load-data-dir DIR] [--duration S] [--connections C] [--seed S]
  Starts the real server (node api/dist/server.js) on a working copy of a seeded database and
  measures it over loopback; prints the tables and writes them as JSON to bench/out/.
  Scale part: restart-to-ready without and with the ledger's snapshot, one record read, one
  versioned save, the ledger's first page.
  Load part: C signed-in users of mixed roles request the main pages' API calls for S seconds.
  Evaluation part: an open cycle over every cadre with 20 ballots each (default 1,000 cadres),
  closed (scored) through the API, then result reports opened.

  --only P           run only the scale, load or evaluation part (default: all three)
  --cadres N         cadres of the scale part (default 200000), seeded into a temporary folder
                     unless --data-dir is given (200,000 take about 15 minutes)
  --data-dir DIR     a database seeded beforehand for the scale part, e.g. with
                     DATA_DIR=DIR node api/dist/demo/seed-cli.js --cadres N --seed 42;
                     it is copied first and never changed
  --load-cadres N    cadres of the load part (default 5000)
  --load-data-dir D  as --data-dir, for the load part
  --duration S       seconds of load (default 60)
  --connections C    concurrent signed-in users, one connection each (default 50)
  --evaluation-cadres N  cadres of the evaluation part (default 1000)
  --seed S           generator seed when seeding (default 42)
  With --only, --cadres and --data-dir name the database of the part that runs.`;

class UsageError extends Error {}

function wholeNumber(value: string | undefined, name: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of at least ${min}, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      cadres: { type: 'string' },
      'data-dir': { type: 'string' },
      'load-cadres': { type: 'string', default: '5000' },
      'load-data-dir': { type: 'string' },
      'evaluation-cadres': { type: 'string', default: '1000' },
      duration: { type: 'string', default: '60' },
      connections: { type: 'string', default: '50' },
      seed: { type: 'string', default: '42' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const only = values.only;
  if (only !== undefined && only !== 'scale' && only !== 'load' && only !== 'evaluation') {
    throw new UsageError(`--only must be scale, load or evaluation, got "${only}"`);
  }
  const seed = wholeNumber(values.seed, 'seed', 0);
  const scale = {
    cadres: wholeNumber(values.cadres ?? '200000', 'cadres', 1),
    dataDir: values['data-dir'],
  };
  const load = only === 'load'
    ? { cadres: wholeNumber(values.cadres ?? values['load-cadres'], 'cadres', 1), dataDir: values['data-dir'] ?? values['load-data-dir'] }
    : { cadres: wholeNumber(values['load-cadres'], 'load-cadres', 1), dataDir: values['load-data-dir'] };
  const evaluation = only === 'evaluation'
    ? { cadres: wholeNumber(values.cadres ?? values['evaluation-cadres'], 'cadres', 1), dataDir: values['data-dir'] }
    : { cadres: wholeNumber(values['evaluation-cadres'], 'evaluation-cadres', 1), dataDir: undefined };
  const durationSeconds = wholeNumber(values.duration, 'duration', 1);
  const connections = wholeNumber(values.connections, 'connections', 1);

  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const outDir = path.join(repoRoot, 'bench/out');
  await mkdir(outDir, { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  const report: { date: string; machine: string; settings: Record<string, string>; scale?: ScaleResult; load?: LoadResult; evaluation?: EvaluationResult } = {
    date,
    machine: describeMachine(),
    settings: { ...BENCH_SETTINGS },
  };

  if (only === undefined || only === 'scale') {
    const logFile = path.join(outDir, `bench-${stamp}-scale-server.log`);
    log(`scale part (server log: ${logFile})`);
    report.scale = await runScaleBench({ ...scale, seed, logFile });
  }
  if (only === undefined || only === 'load') {
    const logFile = path.join(outDir, `bench-${stamp}-load-server.log`);
    log(`load part (server log: ${logFile})`);
    report.load = await runLoadBench({ ...load, seed, durationSeconds, connections, logFile });
  }
  if (only === undefined || only === 'evaluation') {
    const logFile = path.join(outDir, `bench-${stamp}-evaluation-server.log`);
    log(`evaluation part (server log: ${logFile})`);
    report.evaluation = await runEvaluationBench({ ...evaluation, seed, logFile });
  }
  report.machine = describeMachine();

  const jsonFile = path.join(outDir, `bench-${stamp}.json`);
  await writeFile(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  const settings = Object.entries(BENCH_SETTINGS).map(([k, v]) => `${k}=${v}`).join(' ');
  console.log(`\nBenchmarks, ${date}; ${report.machine}`);
  console.log(`Server settings beyond the defaults: ${settings} (so the benchmark's sign-ins are not rate limited)`);
  if (report.scale) {
    console.log(`\nScale: ${report.scale.cadres} cadres (${report.scale.data}); ${report.scale.database}\n`);
    console.log(formatScaleResult(report.scale));
  }
  if (report.load) {
    console.log(`\nLoad: ${report.load.cadres} cadres (${report.load.data}); ${report.load.database}\n`);
    console.log(formatLoadResult(report.load));
  }
  if (report.evaluation) {
    console.log(`\nEvaluation: ${report.evaluation.cadres} cadres, ${report.evaluation.ballots} ballots (${report.evaluation.data}); ${report.evaluation.database}\n`);
    console.log(formatEvaluationResult(report.evaluation));
  }
  console.log(`\nJSON: ${path.relative(repoRoot, jsonFile)}`);
}

main().catch((err: unknown) => {
  console.error(`benchmark failed: ${err instanceof Error ? err.message : String(err)}`);
  const badArgument = err instanceof UsageError || String((err as { code?: string }).code).startsWith('ERR_PARSE_ARGS');
  if (badArgument) console.error(USAGE);
  process.exitCode = 1;
});
