import { Types } from 'mongoose';
import type { Logger } from 'pino';
import type { UnitType } from '@cadre/shared-models';
import { CadreModel } from '../cadres/cadre.model.js';
import { UnitModel } from '../units/unit.model.js';
import { DistrictModel } from '../district/district.model.js';
import { DEMO_DISTRICT_NAME, generateDemoCadres, generateDemoUnits } from './demo-district.js';
import { createDemoAccounts, printDemoAccounts } from './demo-accounts.js';
import { sealIdNumber } from '../cadres/id-number-storage.js';

export interface DemoLoadOptions {
  cadres: number;
  seed: number;
  logger: Logger;
  asOf?: Date;
  batchSize?: number;
}

interface PlacedUnit {
  id: Types.ObjectId;
  path: Types.ObjectId[];
  type: UnitType;
}

export interface DemoLoadResult {
  units: number;
  cadres: number;
  accounts: Awaited<ReturnType<typeof createDemoAccounts>>;
}

/** Writes the fictional demo district: its unit tree, cadres streamed in batches, one account per role. */
export async function loadDemoDistrict(options: DemoLoadOptions): Promise<DemoLoadResult> {
  const { logger, seed, batchSize = 2000 } = options;
  const asOf = options.asOf ?? new Date();
  const units = generateDemoUnits();
  const placed = new Map<string, PlacedUnit>();
  const unitDocs = units.map((unit) => {
    const parent = unit.parentCode ? placed.get(unit.parentCode) : undefined;
    if (unit.parentCode && !parent) throw new Error(`demo unit ${unit.code} listed before its parent`);
    const id = new Types.ObjectId();
    const ancestorIds = parent ? parent.path : [];
    placed.set(unit.code, { id, path: [...ancestorIds, id], type: unit.type });
    return {
      _id: id,
      name: unit.name,
      code: unit.code,
      type: unit.type,
      parentId: parent?.id ?? null,
      ancestorIds,
      sortOrder: unit.sortOrder,
    };
  });
  await UnitModel.insertMany(unitDocs);

  let batch: Record<string, unknown>[] = [];
  let written = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await CadreModel.insertMany(batch, { lean: true, ordered: false });
    written += batch.length;
    batch = [];
    if (written % 50_000 === 0) logger.info({ written }, 'demo cadres written');
  };
  for (const cadre of generateDemoCadres({ count: options.cadres, seed, units, asOf })) {
    const { unitCode, idNumber, ...fields } = cadre;
    const unit = placed.get(unitCode);
    if (!unit) throw new Error(`demo cadre placed in unknown unit ${unitCode}`);
    batch.push({ ...fields, ...sealIdNumber(idNumber), unitId: unit.id, unitPath: unit.path, unitType: unit.type });
    if (batch.length >= batchSize) await flush();
  }
  await flush();

  const accounts = await createDemoAccounts();
  await DistrictModel.create({ key: 'district', name: DEMO_DISTRICT_NAME, demo: true, demoSeed: seed, demoCadres: written });
  return { units: unitDocs.length, cadres: written, accounts };
}

/** Loads the demo district on first start, when the database holds no units yet. */
export async function loadDemoDistrictIfEmpty(options: DemoLoadOptions): Promise<void> {
  if ((await UnitModel.estimatedDocumentCount()) > 0) return;
  const started = Date.now();
  const { accounts, ...result } = await loadDemoDistrict(options);
  printDemoAccounts(accounts);
  options.logger.info(
    { ...result, seed: options.seed, ms: Date.now() - started },
    'empty database: loaded the fictional demo district (示例数据，纯属虚构)',
  );
}
