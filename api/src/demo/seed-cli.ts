import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createLogger } from '../platform/logger.js';
import { createDataCipher, loadDataKey, useDataCipher } from '../platform/data-cipher.js';
import { loadAuditTrailSettings, useAuditTrail } from '../audit/audit-key.js';
import { openDatabase } from '../db/connection.js';
import { ensureIndexes } from '../db/indexes.js';
import { CadreModel, CadrePhotoModel } from '../cadres/cadre.model.js';
import { CorrectionModel } from '../corrections/correction.model.js';
import { DistrictModel } from '../district/district.model.js';
import { UnitModel } from '../units/unit.model.js';
import { loadDemoDistrict, removeInterruptedDemoLoad } from './load-demo-district.js';
import { printDemoAccounts } from './demo-accounts.js';
import { UserModel } from '../users/user.model.js';
import { noteAllUsersChanged } from '../users/user-list.js';
import { UsernameKeyModel } from '../users/username-keys.js';
import { noteAllCadresChanged } from '../ledger/ledger-changes.js';
import { DEMO_EVALUATION_MODELS, noteAllEvaluationListsChanged } from './demo-evaluation.js';

const MAX_CADRES_WITH_ASSESSMENTS = 20_000;

const USAGE = `Usage: npm run seed -- [--cadres N] [--seed S] [--replace]
  Writes the fictional demo district into the configured database.
  --cadres N   number of cadres (default 1000); up to 20000 also the demo assessments
  --seed S     generator seed; the same seed gives the same district (default 20211)
  --replace    delete existing units, cadres (with their photos and correction requests), assessments,
               district and demo.* accounts first (refused otherwise);
               the audit log is never deleted`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cadres: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '20211' },
      replace: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const cadres = Number(values.cadres);
  const seed = Number(values.seed);
  if (!Number.isInteger(cadres) || cadres < 0 || cadres > 1_000_000) {
    throw new Error(`--cadres must be a whole number from 0 to 1000000, got "${values.cadres}"`);
  }
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got "${values.seed}"`);

  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openDatabase(config, logger);
  useDataCipher(createDataCipher(await loadDataKey(config)));
  // Demo accounts are audited as they are created; the key is the one the server will use.
  useAuditTrail(await loadAuditTrailSettings(config, { createKey: true }));
  try {
    if (await removeInterruptedDemoLoad(logger)) console.log('removed what an interrupted seed had written');
    const existing = await UnitModel.estimatedDocumentCount();
    if (existing > 0 && !values.replace) {
      throw new Error('the database already holds units; pass --replace to delete them and seed again');
    }
    if (values.replace) {
      for (const model of [UnitModel, CadreModel, CadrePhotoModel, CorrectionModel, DistrictModel, ...DEMO_EVALUATION_MODELS]) {
        await model.collection.deleteMany({});
      }
      await noteAllEvaluationListsChanged();
      await UserModel.collection.deleteMany({ username: { $regex: '^demo\\.' } });
      await UsernameKeyModel.collection.deleteMany({ _id: { $regex: '^demo\\.' } as never });
      await noteAllUsersChanged();
      // Even if seeding fails below, running servers must not keep the deleted cadres.
      await noteAllCadresChanged();
    }
    await ensureIndexes();
    const started = Date.now();
    // A district-wide cycle plans every cadre's raters in one go: beyond a district's size the
    // seed writes the records only (the benchmarks' 200,000 need no assessments).
    const assessments = cadres <= MAX_CADRES_WITH_ASSESSMENTS;
    const result = await loadDemoDistrict({ cadres, seed, logger, evaluation: assessments });
    if (!assessments) console.log(`no demo assessments above ${MAX_CADRES_WITH_ASSESSMENTS} cadres`);
    printDemoAccounts(result.accounts);
    console.log(`seeded ${result.units} units and ${result.cadres} cadres (seed ${seed}) in ${Date.now() - started} ms`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(`seed failed: ${err instanceof Error ? err.message : String(err)}`);
  console.error(USAGE);
  process.exitCode = 1;
});
