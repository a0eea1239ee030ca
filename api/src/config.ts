import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  FERRETDB_BIN: z.string().min(1).default('.tools/bin/ferretdb'),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  DEMO_DATA: booleanFromEnv.default(true),
  DEMO_CADRES: z.coerce.number().int().min(0).max(1_000_000).default(1000),
  DEMO_SEED: z.coerce.number().int().default(20211),
  CLIENT_DIST: z.string().min(1).default('client/dist/browser'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
});

export type Config = z.infer<typeof ConfigSchema> & { rootDir: string };

export class ConfigError extends Error {}

/** Parses the environment once at start; a bad value stops the process with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, rootDir = process.cwd()): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(defined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const resolve = (p: string) => (path.isAbsolute(p) ? p : path.resolve(rootDir, p));
  return {
    ...parsed.data,
    DATA_DIR: resolve(parsed.data.DATA_DIR),
    FERRETDB_BIN: resolve(parsed.data.FERRETDB_BIN),
    CLIENT_DIST: resolve(parsed.data.CLIENT_DIST),
    rootDir,
  };
}
