import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env['E2E_PORT'] ?? 4300);
// A fresh data folder, so the app starts on an empty database and loads the demo district
// exactly as it does for a newcomer.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cadre-e2e-'));
const summaryFile = process.env['E2E_SUMMARY_FILE'];

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: summaryFile ? [['list'], ['json', { outputFile: summaryFile }]] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium: Playwright must never download a browser here.
      executablePath: process.env['CHROME_BIN'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  webServer: {
    // Started the way README says: `npm start` builds and serves client and API on one port.
    command: 'npm start',
    cwd: '..',
    url: `http://127.0.0.1:${port}/api/ready`,
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', HOST: '127.0.0.1' },
  },
});
