import { pino, type Logger } from 'pino';

/**
 * Personal data never goes to logs: request bodies are not logged at all, and these paths
 * are censored in case an object carrying them is logged by mistake.
 */
const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-xsrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.idNumber',
  '*.totpSecret',
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } });
}
