import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env['E2E_PORT'] ?? 4300);
const secondPort = port + 1;
const databasePort = Number(process.env['E2E_DB_PORT'] ?? 27400);
// Playwright evaluates this file again in every worker; the values are created once and passed
// on through the environment the workers inherit.
// A fresh data folder, so the app starts on an empty database and loads the demo district
// exactly as it does for a newcomer.
const dataDir = (process.env['E2E_RUN_DIR'] ??= mkdtempSync(path.join(os.tmpdir(), 'cadre-e2e-')));
// One key for both API processes and the operations CLI, as a multi-process deployment has;
// likewise one audit key, so both processes append to one keyed chain.
const dataKey = (process.env['E2E_DATA_KEY'] ??= randomBytes(32).toString('base64'));
const auditKey = (process.env['E2E_AUDIT_KEY'] ??= randomBytes(32).toString('base64'));
const summaryFile = process.env['E2E_SUMMARY_FILE'];

// Read by support/global-setup.ts, which creates the test accounts with the operations CLI.
process.env['E2E_MONGODB_URI'] = `mongodb://127.0.0.1:${databasePort}/cadre`;
process.env['E2E_SECOND_URL'] = `http://127.0.0.1:${secondPort}`;
process.env['E2E_ACCOUNTS_FILE'] = path.join(dataDir, 'e2e-accounts.json');

export default defineConfig({
  testDir: './tests',
  globalSetup: './support/global-setup.ts',
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
  webServer: [
    {
      // Started the way README says: `npm start` builds and serves client and API on one port.
      command: 'npm start',
      cwd: '..',
      url: `http://127.0.0.1:${port}/api/ready`,
      timeout: 900_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        EMBEDDED_DB_PORT: String(databasePort),
        DATA_ENCRYPTION_KEY: dataKey,
        AUDIT_HMAC_KEY: auditKey,
        LOG_LEVEL: 'warn',
        // Every journey signs in from the one loopback address; the limit itself has API specs.
        AUTH_RATE_LIMIT_MAX: '1000',
      },
    },
    {
      // A second API process on the same database: sessions live in the database, so either
      // process serves any request (README: scale-out).
      command: 'node api/dist/server.js',
      cwd: '..',
      url: `http://127.0.0.1:${secondPort}/api/ready`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(secondPort),
        HOST: '127.0.0.1',
        MONGODB_URI: `mongodb://127.0.0.1:${databasePort}/cadre`,
        DATA_ENCRYPTION_KEY: dataKey,
        AUDIT_HMAC_KEY: auditKey,
        DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
        AUTH_RATE_LIMIT_MAX: '1000',
      },
    },
  ],
});
