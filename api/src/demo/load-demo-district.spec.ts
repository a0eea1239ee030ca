import { pino } from 'pino';
import { Types } from 'mongoose';
import {
  CadreInputSchema,
  CadreRecordSchema,
  formatAnnualAssessments,
  formatCommendations,
  formatResume,
  highestEducation,
  type CadreRecord,
} from '@cadre/shared-models';
import { CadreModel } from '../cadres/cadre.model.js';
import { prepareCadreFields, toCadreRecord, type CadreUnit, type StoredCadre } from '../cadres/cadre-writer.js';
import { unsealIdNumber } from '../cadres/id-number-storage.js';
import { UnitModel } from '../units/unit.model.js';
import { UserModel } from '../users/user.model.js';
import { DistrictModel } from '../district/district.model.js';
import { ProjectionChangeModel } from '../projections/change-feed.js';
import { generateDemoCadres, generateDemoUnits } from './demo-district.js';
import { loadDemoDistrictIfEmpty, toCadreFields } from './load-demo-district.js';

describe('loading the demo district', () => {
  const logger = pino({ level: 'silent' });
  const asOf = new Date('2026-11-26T00:00:00Z');
  // Loading hashes seven account passwords (argon2) besides writing the cadres.
  const LOAD_TIMEOUT = 60_000;

  it('writes the unit tree, cadres placed in it as the API would store them, and marks the district as fictional', async () => {
    await loadDemoDistrictIfEmpty({ cadres: 150, seed: 7, logger, asOf, batchSize: 40 });

    const units = await UnitModel.find().lean();
    expect(units.length).toBeGreaterThanOrEqual(35);
    const byId = new Map(units.map((u) => [String(u._id), u]));
    for (const unit of units) {
      if (unit.parentId) expect(byId.has(String(unit.parentId))).withContext(unit.name).toBeTrue();
    }

    const cadres = await CadreModel.find().lean<StoredCadre[]>();
    expect(cadres.length).toBe(150);
    for (const cadre of cadres) {
      const unit = byId.get(String(cadre.unitId));
      expect(unit).toBeDefined();
      expect(cadre.unitPath.map(String)).toEqual([...unit!.ancestorIds.map(String), String(unit!._id)]);
      expect(cadre.unitType).toBe(unit!.type);
      // The record the API returns for it is complete and valid.
      const record = CadreRecordSchema.safeParse(toCadreRecord(cadre, unit!.name, asOf));
      expect(record.success).withContext(JSON.stringify(record.error?.issues)).toBeTrue();
      expect([cadre.__v, cadre.hasPhoto, cadre.updatedAt instanceof Date]).toEqual([0, false, true]);
      // Derived fields are what the shared rules derive, as on every API write.
      expect({ education: cadre.education, degree: cadre.degree, school: cadre.school }).toEqual(
        highestEducation(cadre.fullTimeEducation as never, cadre.inServiceEducation as never),
      );
      expect(cadre.resumeText).toBe(formatResume(cadre.positions as CadreRecord['positions']));
      expect(cadre.commendationsText).toBe(formatCommendations(cadre.commendations as CadreRecord['commendations']));
      expect(cadre.annualAssessmentsText).toBe(formatAnnualAssessments(cadre.annualAssessments as CadreRecord['annualAssessments']));
      // Stored sealed and masked, never in the clear.
      expect(cadre.idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(cadre.idNumberSealed).toMatch(/^v1:/);
      const idNumber = unsealIdNumber(cadre.idNumberSealed!);
      expect(idNumber).toMatch(/^\d{17}[\dX]$/);
      expect(JSON.stringify(cadre)).not.toContain(idNumber);
    }

    const district = await DistrictModel.findOne().lean();
    expect(district).toEqual(jasmine.objectContaining({ name: '江北区（示例）', demo: true, demoSeed: 7, demoCadres: 150 }));
    // Every process's ledger model is told to reload everything.
    expect(await ProjectionChangeModel.countDocuments({ all: true })).toBe(1);
  }, LOAD_TIMEOUT);

  it('links the demo cadre account to the street section chief with the full record', async () => {
    await loadDemoDistrictIfEmpty({ cadres: 300, seed: 7, logger, asOf });
    const account = await UserModel.findOne({ username: 'demo.cadre' }).lean();
    const cadre = await CadreModel.findById(account!.cadreId).lean<StoredCadre>();
    const street = await UnitModel.findOne({ code: 'JB-S01' }).lean();
    expect(String(cadre!.unitId)).toBe(String(street!._id));
    expect([cadre!.postLevel, account!.displayName]).toEqual(['乡科级正职', cadre!.name]);
    expect(cadre!.education).toBe('研究生');
    expect(cadre!.manualTags).toContain('选调生');
    expect((cadre!.positions as CadreRecord['positions']).some((entry) => (entry.subEntries ?? []).length > 0)).toBeTrue();
    expect((cadre!.family as CadreRecord['family']).length).toBeGreaterThanOrEqual(4);
  }, LOAD_TIMEOUT);

  it('stores for each generated cadre what the API stores for the same record', () => {
    const unit: CadreUnit = { _id: new Types.ObjectId(), name: '观音桥街道', type: 'street', ancestorIds: [new Types.ObjectId()] };
    for (const cadre of generateDemoCadres({ count: 300, seed: 3, units: generateDemoUnits(), asOf })) {
      const { unitCode: _unitCode, showcase: _showcase, ...input } = cadre;
      const expected = prepareCadreFields(CadreInputSchema.parse({ ...input, unitId: String(unit._id) }), unit);
      const actual = toCadreFields(cadre, unit);
      // The sealed form differs by its random IV; it opens to the same number.
      expect(unsealIdNumber(actual.idNumberSealed!)).toBe(unsealIdNumber(expected.idNumberSealed!));
      expect({ ...actual, idNumberSealed: '' }).withContext(cadre.name).toEqual({ ...expected, idNumberSealed: '' });
    }
  });

  it('leaves a database that already has units untouched', async () => {
    await UnitModel.create({ name: '已有单位', code: 'X-1', type: 'department', parentId: null, ancestorIds: [], sortOrder: 0 });
    await loadDemoDistrictIfEmpty({ cadres: 50, seed: 7, logger, asOf });
    expect(await UnitModel.countDocuments()).toBe(1);
    expect(await CadreModel.countDocuments()).toBe(0);
    expect(await DistrictModel.countDocuments()).toBe(0);
    expect(await ProjectionChangeModel.countDocuments({ feed: 'ledger' })).toBe(0);
  });
});
