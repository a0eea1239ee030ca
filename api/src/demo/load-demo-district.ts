import { Types } from 'mongoose';
import type { Logger } from 'pino';
import { formatAnnualAssessments, formatCommendations, formatResume, highestEducation } from '@cadre/shared-models';
import type { CadreFields, CadreUnit } from '../cadres/cadre-writer.js';
import { sealIdNumber } from '../cadres/id-number-storage.js';
import { UnitModel } from '../units/unit.model.js';
import { CadreModel, CadrePhotoModel } from '../cadres/cadre.model.js';
import { CorrectionModel } from '../corrections/correction.model.js';
import { UserModel } from '../users/user.model.js';
import { noteAllUsersChanged } from '../users/user-list.js';
import { UsernameKeyModel } from '../users/username-keys.js';
import { DistrictModel } from '../district/district.model.js';
import { noteAllCadresChanged } from '../ledger/ledger-changes.js';
import { DEMO_DISTRICT_NAME, generateDemoCadres, generateDemoUnits, type DemoCadre } from './demo-district.js';
import { createDemoAccounts, DEMO_CADRE_UNIT_CODE, printDemoAccounts } from './demo-accounts.js';
import { DEMO_EVALUATION_MODELS, loadDemoEvaluation, noteAllEvaluationListsChanged } from './demo-evaluation.js';

export interface DemoLoadOptions {
  cadres: number;
  seed: number;
  logger: Logger;
  asOf?: Date;
  batchSize?: number;
  /**
   * The demo assessments (demo-evaluation.ts), written while the load still counts as unfinished
   * so that a load killed during them is removed whole. They plan cycles from the ledger read
   * model, so the caller runs them only where that model is started.
   */
  evaluation?: boolean;
}

export interface DemoLoadResult {
  units: number;
  cadres: number;
  accounts: Awaited<ReturnType<typeof createDemoAccounts>>;
}

/**
 * Writes the fictional demo district: its unit tree, cadres streamed in batches, one account per
 * role. Each cadre's document holds what the API stores for a record it creates, inserted in
 * bulk without per-document validation, for speed.
 */
export async function loadDemoDistrict(options: DemoLoadOptions): Promise<DemoLoadResult> {
  const { logger, seed, batchSize = 2000 } = options;
  const asOf = options.asOf ?? new Date();
  // Written first and completed last, so a load that dies part-way is known as such (see
  // removeInterruptedDemoLoad); the unique key also stops two loads from running side by side.
  await DistrictModel.create({ key: 'district', name: DEMO_DISTRICT_NAME, demo: true, demoSeed: seed, demoCadres: 0, demoLoading: true });
  const units = generateDemoUnits();
  const placed = new Map<string, CadreUnit>();
  const unitDocs = units.map((unit) => {
    const parent = unit.parentCode ? placed.get(unit.parentCode) : undefined;
    if (unit.parentCode && !parent) throw new Error(`demo unit ${unit.code} listed before its parent`);
    const id = new Types.ObjectId();
    const ancestorIds = parent ? [...parent.ancestorIds, parent._id] : [];
    placed.set(unit.code, { _id: id, name: unit.name, type: unit.type, ancestorIds });
    return {
      _id: id,
      name: unit.name,
      code: unit.code,
      type: unit.type,
      parentId: parent?._id ?? null,
      ancestorIds,
      sortOrder: unit.sortOrder,
    };
  });
  await UnitModel.insertMany(unitDocs);

  let batch: Record<string, unknown>[] = [];
  let written = 0;
  let demoCadreId: Types.ObjectId | null = null;
  const flush = async () => {
    if (batch.length === 0) return;
    await CadreModel.insertMany(batch, { lean: true, ordered: false });
    written += batch.length;
    batch = [];
    if (written % 50_000 === 0) logger.info({ written }, 'demo cadres written');
  };
  const cadres = generateDemoCadres({ count: options.cadres, seed, units, asOf, showcaseUnitCode: DEMO_CADRE_UNIT_CODE });
  const stamped = new Date();
  for (const cadre of cadres) {
    const unit = placed.get(cadre.unitCode);
    if (!unit) throw new Error(`demo cadre placed in unknown unit ${cadre.unitCode}`);
    const _id = new Types.ObjectId();
    if (cadre.showcase) demoCadreId = _id;
    // A lean insert applies no schema defaults, so the version, timestamps and flags are set here.
    batch.push({ _id, ...toCadreFields(cadre, unit), hasPhoto: false, importBatchId: null, __v: 0, createdAt: stamped, updatedAt: stamped });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  // Every process's ledger read model reloads from scratch.
  await noteAllCadresChanged();

  const accounts = await createDemoAccounts(demoCadreId);
  if (options.evaluation) {
    const street = placed.get(DEMO_CADRE_UNIT_CODE);
    await loadDemoEvaluation({
      seed,
      asOf,
      logger,
      demoCadreId: demoCadreId ? String(demoCadreId) : null,
      streetUnitId: street ? String(street._id) : null,
    });
  }
  await DistrictModel.updateOne({ key: 'district' }, { $set: { demoCadres: written, demoLoading: false } });
  return { units: unitDocs.length, cadres: written, accounts };
}

/**
 * The document fields of a generated cadre placed in `unit`: the same as prepareCadreFields gives
 * for the record as an API input (a spec holds them equal), with 最高学历 and the form texts
 * derived by the shared rules and the ID number sealed. Written out field by field: copying a
 * record by spread and adding fields costs V8 some 80 µs a record, 16 s at 200,000 records.
 */
export function toCadreFields(cadre: DemoCadre, unit: CadreUnit): CadreFields {
  const highest = highestEducation(cadre.fullTimeEducation, cadre.inServiceEducation);
  const sealed = sealIdNumber(cadre.idNumber);
  return {
    name: cadre.name,
    sex: cadre.sex,
    birthMonth: cadre.birthMonth,
    ethnicity: cadre.ethnicity,
    nativePlace: cadre.nativePlace,
    birthPlace: cadre.birthPlace,
    partyJoinMonth: cadre.partyJoinMonth,
    otherParty: cadre.otherParty,
    workStartMonth: cadre.workStartMonth,
    health: cadre.health,
    professionalTitle: cadre.professionalTitle,
    expertise: cadre.expertise,
    fullTimeEducation: cadre.fullTimeEducation,
    inServiceEducation: cadre.inServiceEducation,
    education: highest.education,
    degree: highest.degree,
    school: highest.school,
    unitId: unit._id,
    unitPath: [...unit.ancestorIds, unit._id],
    unitType: unit.type,
    post: cadre.post,
    postLevel: cadre.postLevel,
    rank: cadre.rank,
    postStartMonth: cadre.postStartMonth,
    category: cadre.category,
    appointmentType: cadre.appointmentType,
    positions: cadre.positions,
    resumeText: formatResume(cadre.positions),
    commendations: cadre.commendations,
    commendationsText: formatCommendations(cadre.commendations),
    annualAssessments: cadre.annualAssessments,
    annualAssessmentsText: formatAnnualAssessments(cadre.annualAssessments),
    family: cadre.family,
    manualTags: cadre.manualTags,
    appointmentForm: cadre.appointmentForm,
    idNumberSealed: sealed.idNumberSealed,
    idNumberHash: sealed.idNumberHash,
    idNumberMasked: sealed.idNumberMasked,
  };
}

/**
 * Removes what a demo load that was killed part-way wrote: it ran only on a database without
 * units, so every unit, cadre, photo, correction and demo account there is its own. Returns
 * whether there was one. Without it, the next start would find units and keep half a district.
 */
export async function removeInterruptedDemoLoad(logger: Logger): Promise<boolean> {
  const district = await DistrictModel.findOne({ key: 'district' }).lean();
  if (!district?.demoLoading) return false;
  logger.warn({ cadresBefore: await CadreModel.estimatedDocumentCount() }, 'a demo district load was interrupted: removing what it wrote');
  for (const model of [CadreModel, CadrePhotoModel, CorrectionModel, UnitModel, ...DEMO_EVALUATION_MODELS]) await model.collection.deleteMany({});
  await UserModel.collection.deleteMany({ username: { $regex: '^demo\\.' } });
  await UsernameKeyModel.collection.deleteMany({ _id: { $regex: '^demo\\.' } as never });
  await noteAllUsersChanged();
  // Running servers must not keep serving the removed cadres.
  await noteAllCadresChanged();
  await noteAllEvaluationListsChanged();
  await DistrictModel.deleteOne({ key: 'district' });
  return true;
}

/** Loads the demo district on first start, when the database holds no units yet (or only an interrupted load's). */
export async function loadDemoDistrictIfEmpty(options: DemoLoadOptions): Promise<void> {
  await removeInterruptedDemoLoad(options.logger);
  if ((await UnitModel.estimatedDocumentCount()) > 0) return;
  const started = Date.now();
  const { accounts, ...result } = await loadDemoDistrict(options);
  printDemoAccounts(accounts);
  options.logger.info(
    { ...result, seed: options.seed, ms: Date.now() - started },
    'empty database: loaded the fictional demo district (示例数据，纯属虚构)',
  );
}
