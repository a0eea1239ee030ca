import { pino } from 'pino';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { testDatabaseInfo } from './test-database.js';

/** The real app wired to the suite's test database, with logs silenced; settings may be overridden. */
export function createTestApp(env: Record<string, string> = {}) {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  return createApp({ logger: pino({ level: 'silent' }), database: testDatabaseInfo(), config });
}
