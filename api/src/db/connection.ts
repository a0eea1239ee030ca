import mongoose from 'mongoose';
import type { Logger } from 'pino';
import type { Ready } from '@cadre/shared-models';
import type { Config } from '../config.js';
import { startEmbeddedFerretDb, type EmbeddedDatabase } from './embedded-ferretdb.js';

// Queries with unknown fields throw instead of silently matching everything, and `$`-operators
// in user-supplied filter values are neutralised (security.md item 23).
mongoose.set('strictQuery', 'throw');
mongoose.set('sanitizeFilter', true);
mongoose.set('autoIndex', false);
// Fail a query within seconds while the database is away instead of hanging the request.
mongoose.set('bufferTimeoutMS', 5000);

export type DatabaseInfo = Ready['database'];

export interface DatabaseHandle {
  kind: DatabaseInfo['kind'];
  info: DatabaseInfo;
  close(): Promise<void>;
}

/** What the connected server says it is: FerretDB reports its own version beside the MongoDB one it emulates. */
export async function describeDatabase(kind: DatabaseInfo['kind']): Promise<DatabaseInfo> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('database is not connected');
  const build = (await db.admin().buildInfo()) as { version?: string; ferretdbVersion?: string };
  return build.ferretdbVersion
    ? { kind, product: 'FerretDB', version: `${build.ferretdbVersion} (MongoDB ${build.version} compatible)` }
    : { kind, product: 'MongoDB', version: String(build.version) };
}

export async function connectMongoose(uri: string): Promise<void> {
  await mongoose.connect(uri, {
    serverSelectionTimeoutMS: 5000,
  });
}

/** Connects to MONGODB_URI when set, otherwise starts the embedded FerretDB under DATA_DIR. */
export async function openDatabase(config: Config, logger: Logger): Promise<DatabaseHandle> {
  let embedded: EmbeddedDatabase | undefined;
  let uri = config.MONGODB_URI;
  const kind: DatabaseInfo['kind'] = uri ? 'external' : 'embedded';
  if (!uri) {
    embedded = await startEmbeddedFerretDb({
      bin: config.FERRETDB_BIN,
      dataDir: config.DATA_DIR,
      port: config.EMBEDDED_DB_PORT,
      logger,
    });
    uri = embedded.uri;
  }
  try {
    await connectMongoose(uri);
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  const info = await describeDatabase(kind);
  return {
    kind,
    info,
    async close() {
      await mongoose.disconnect();
      await embedded?.stop();
    },
  };
}

/** True when the server answers a ping within the timeout. */
export async function pingDatabase(timeoutMs = 2000): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== 1) return false;
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  const ping = db
    .admin()
    .ping()
    .then(() => true)
    .catch(() => false);
  return Promise.race([ping, timeout]);
}
