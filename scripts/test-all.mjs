#!/usr/bin/env node
// The repository's test command: prepares what the suites need, runs shared-models, API,
// client and end-to-end suites, and ends with one line "N passed, M failed" over all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = mkdtempSync(path.join(os.tmpdir(), 'cadre-tests-'));

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function findChromium() {
  const candidates = [process.env.CHROME_BIN, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((c) => existsSync(c));
}

function ensureChromium() {
  let chrome = findChromium();
  if (chrome) return chrome;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('[test] Chromium not found: installing Debian\'s chromium package…');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk']);
    chrome = findChromium();
  }
  if (!chrome) {
    console.error('[test] The client and e2e suites need Chromium. Install it with: sudo apt-get install -y chromium');
    console.error('[test] or set CHROME_BIN to a Chromium or Chrome binary.');
    process.exit(1);
  }
  return chrome;
}

function readSummary(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Playwright's JSON report: expected = passed, unexpected/flaky = failed. */
function readPlaywrightSummary(file) {
  const report = readSummary(file);
  if (!report?.stats) return undefined;
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  return { passed: expected, failed: unexpected + flaky, skipped };
}

if (!process.env.MONGODB_URI && run('bash', ['scripts/build-ferretdb.sh']) !== 0) {
  console.error('[test] the embedded database (FerretDB) could not be built; see the message above.');
  process.exit(1);
}
const chrome = ensureChromium();

const suites = [];
function suite(name, status, summary) {
  // A runner that crashed before reporting counts as one failure, so it can never pass silently.
  const counts = summary ?? { passed: 0, failed: 1, skipped: 0 };
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  suites.push({ name, ...counts });
}

let status = run('npm', ['run', 'build', '-w', 'shared-models']);
if (status === 0) {
  const file = path.join(outDir, 'shared.json');
  status = run('node', ['scripts/run-jasmine.mjs', 'shared-models'], { SUMMARY_FILE: file });
  suite('shared-models', status, readSummary(file));
} else {
  suite('shared-models', status);
}

{
  const file = path.join(outDir, 'api.json');
  status = run('npm', ['run', 'build', '-w', 'api']);
  if (status === 0) status = run('node', ['api/dist/test/run-specs.js'], { API_SUMMARY_FILE: file });
  suite('api', status, readSummary(file));
}

{
  const file = path.join(outDir, 'client.json');
  status = run('npx', ['ng', 'test', 'client', '--watch=false', '--runner-config=client/karma.conf.cjs'], {
    CHROME_BIN: chrome,
    KARMA_SUMMARY_FILE: file,
  });
  suite('client', status, readSummary(file));
}

{
  const file = path.join(outDir, 'e2e.json');
  status = run('npm', ['run', 'test', '-w', 'e2e'], { CHROME_BIN: chrome, E2E_SUMMARY_FILE: file });
  suite('e2e', status, readPlaywrightSummary(file));
}

rmSync(outDir, { recursive: true, force: true });
console.log('\nTest summary');
for (const s of suites) console.log(`  ${s.name.padEnd(14)} ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
const passed = suites.reduce((n, s) => n + s.passed, 0);
const failed = suites.reduce((n, s) => n + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
