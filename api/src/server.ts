import type { Server } from 'node:http';
import { loadConfig, ConfigError } from './config.js';
import { createLogger } from './platform/logger.js';
import { openDatabase } from './db/connection.js';
import { ensureIndexes } from './db/indexes.js';
import { loadDemoDistrictIfEmpty } from './demo/load-demo-district.js';
import { createApp } from './app.js';
import { createDataCipher, loadDataKey, useDataCipher } from './platform/data-cipher.js';
import { ensureFirstAdmin } from './auth/bootstrap-admin.js';
import { scheduleAuditRetention } from './audit/audit-retention.js';
import path from 'node:path';
import { createLedgerReadModel, useLedgerReadModel } from './ledger/ledger-read-model.js';
import { SnapshotStore } from './projections/snapshot-store.js';
import { createCorrectionList, useCorrectionList } from './corrections/correction-list.js';
import { createProposalList, useProposalList } from './evaluation/proposal-list.js';
import { recoverInterruptedApplies } from './imports/import-apply.js';
import { createAuditLogList, useAuditLogList } from './audit/audit-log-list.js';
import { createUserList, useUserList } from './users/user-list.js';
import { ensureUsernameKeys } from './users/username-keys.js';
import { loadAuditTrailSettings, useAuditTrail } from './audit/audit-key.js';
import { scheduleAuditCheckpoints } from './audit/audit-checkpoint.js';
import { ensureDefaultFramework } from './evaluation/framework.service.js';
import { createFrameworkVersionList, useFrameworkVersionList } from './evaluation/framework-list.js';
import { createCycleList, useCycleList } from './evaluation/cycle-list.js';
import { recoverPendingSubmissions } from './evaluation/rating.service.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openDatabase(config, logger);
  logger.info({ database: database.info }, `database: ${database.info.product} ${database.info.version}`);

  useDataCipher(createDataCipher(await loadDataKey(config)));
  useAuditTrail(await loadAuditTrailSettings(config, { createKey: true }));
  const stopAuditCheckpoints = scheduleAuditCheckpoints({ intervalMs: config.AUDIT_CHECKPOINT_MINUTES * 60_000, logger });
  await ensureIndexes();
  const stopAuditRetention = scheduleAuditRetention({ retentionDays: config.AUDIT_RETENTION_DAYS, logger });
  await ensureUsernameKeys(logger);
  await ensureFirstAdmin(config.BOOTSTRAP_ADMIN_USERNAME);
  // Imports a killed process left half-applied are rolled back before anyone can see them. The
  // embedded database serves this process alone, so any claim on it is dead.
  await recoverInterruptedApplies(logger, database.info.kind === 'embedded' ? 0 : undefined);
  await recoverPendingSubmissions(logger, database.info.kind === 'embedded' ? 0 : undefined);
  await ensureDefaultFramework();
  // Restores the ledger from its snapshot, or loads every cadre, in the background; ledger
  // requests made before it is done wait for it. Snapshots are a per-process cache under DATA_DIR.
  const snapshots = new SnapshotStore(path.join(config.DATA_DIR, 'projections'));
  const ledger = useLedgerReadModel(createLedgerReadModel({ logger, snapshots }));
  ledger.start();
  const corrections = useCorrectionList(createCorrectionList({ logger }));
  corrections.start();
  const proposals = useProposalList(createProposalList({ logger }));
  proposals.start();
  const auditLog = useAuditLogList(createAuditLogList({ logger, snapshots }));
  auditLog.start();
  const users = useUserList(createUserList({ logger }));
  users.start();
  const frameworks = useFrameworkVersionList(createFrameworkVersionList({ logger }));
  frameworks.start();
  const cycles = useCycleList(createCycleList({ logger }));
  cycles.start();

  // After the projections start: the demo assessments plan their cycles from the ledger read model.
  if (config.DEMO_DATA) {
    await loadDemoDistrictIfEmpty({ cadres: config.DEMO_CADRES, seed: config.DEMO_SEED, logger, evaluation: true });
  }

  const app = createApp({ logger, database: database.info, config, clientDist: config.CLIENT_DIST });
  const server: Server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    logger.info(`listening on http://localhost:${port}`);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown timed out, exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    server.close();
    server.closeIdleConnections();
    stopAuditRetention();
    await Promise.all([ledger.stop(), corrections.stop(), proposals.stop(), auditLog.stop(), users.stop(), frameworks.stop(), cycles.stop()]);
    // After the server stopped taking requests, so the last checkpoint is this process's last append.
    await stopAuditCheckpoints();
    await database.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
