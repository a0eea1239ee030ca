import { pino } from 'pino';
import { createApp } from '../app.js';
import { testDatabaseInfo } from './test-database.js';

/** The real app wired to the suite's test database, with logs silenced. */
export function createTestApp() {
  return createApp({ logger: pino({ level: 'silent' }), database: testDatabaseInfo() });
}
