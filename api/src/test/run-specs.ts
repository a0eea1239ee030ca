import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Jasmine from 'jasmine';
import { startTestDatabase, stopTestDatabase } from './test-database.js';

const distDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/**
 * Runs the API specs against one throwaway database, clearing it before every spec, and
 * writes pass/fail counts where the repository's test command can add them up.
 */
async function run(): Promise<void> {
  const database = await startTestDatabase();
  console.log(`api specs on ${database.product} ${database.version}`);

  const runner = new Jasmine({ projectBaseDir: distDir });
  runner.exitOnCompletion = false;
  runner.loadConfig({
    spec_dir: '.',
    spec_files: process.argv.length > 2 ? process.argv.slice(2) : ['**/*.spec.js'],
    helpers: ['test/clear-between-specs.js'],
    random: true,
  });

  const counts = { passed: 0, failed: 0, skipped: 0 };
  runner.addReporter({
    specDone(result) {
      if (result.status === 'passed') counts.passed += 1;
      else if (result.status === 'failed') counts.failed += 1;
      else counts.skipped += 1;
    },
  });

  let overall: string;
  try {
    const result = await runner.execute();
    overall = result.overallStatus;
  } finally {
    await stopTestDatabase();
  }
  const summaryFile = process.env['API_SUMMARY_FILE'];
  if (summaryFile) writeFileSync(summaryFile, JSON.stringify(counts));
  process.exitCode = overall === 'passed' ? 0 : 1;
}

run().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
