#!/usr/bin/env node
// Runs a workspace's compiled Jasmine specs and writes its counts to SUMMARY_FILE.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Jasmine from 'jasmine';

const workspace = path.resolve(process.argv[2] ?? '.');
const runner = new Jasmine({ projectBaseDir: workspace });
runner.exitOnCompletion = false;
runner.loadConfigFile(path.join(workspace, 'jasmine.json'));
const counts = { passed: 0, failed: 0, skipped: 0 };
runner.addReporter({
  specDone(result) {
    if (result.status === 'passed') counts.passed += 1;
    else if (result.status === 'failed') counts.failed += 1;
    else counts.skipped += 1;
  },
});
const result = await runner.execute();
if (process.env.SUMMARY_FILE) writeFileSync(process.env.SUMMARY_FILE, JSON.stringify(counts));
process.exitCode = result.overallStatus === 'passed' ? 0 : 1;
