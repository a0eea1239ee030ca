import { pino } from 'pino';
import { CadreSchema } from '@cadre/shared-models';
import { CadreModel } from '../cadres/cadre.model.js';
import { UnitModel } from '../units/unit.model.js';
import { DistrictModel } from '../district/district.model.js';
import { loadDemoDistrictIfEmpty } from './load-demo-district.js';

describe('loading the demo district', () => {
  const logger = pino({ level: 'silent' });
  const asOf = new Date('2026-11-26T00:00:00Z');

  it('writes the unit tree, cadres placed in it, and marks the district as fictional', async () => {
    await loadDemoDistrictIfEmpty({ cadres: 150, seed: 7, logger, asOf, batchSize: 40 });

    const units = await UnitModel.find().lean();
    expect(units.length).toBeGreaterThanOrEqual(35);
    const byId = new Map(units.map((u) => [String(u._id), u]));
    for (const unit of units) {
      if (unit.parentId) expect(byId.has(String(unit.parentId))).withContext(unit.name).toBeTrue();
    }

    const cadres = await CadreModel.find().lean();
    expect(cadres.length).toBe(150);
    for (const cadre of cadres.slice(0, 20)) {
      const unit = byId.get(String(cadre.unitId));
      expect(unit).toBeDefined();
      expect(cadre.unitPath.map(String)).toEqual([...unit!.ancestorIds.map(String), String(unit!._id)]);
      expect(cadre.unitType).toBe(unit!.type);
      const parsed = CadreSchema.omit({ id: true, unitId: true }).safeParse(cadre);
      expect(parsed.success).withContext(JSON.stringify(parsed.error?.issues)).toBeTrue();
      // Stored sealed and masked, never in the clear.
      expect(cadre.idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(cadre.idNumberSealed).toMatch(/^v1:/);
      expect(JSON.stringify(cadre)).not.toMatch(/\d{17}[\dX]/);
    }

    const district = await DistrictModel.findOne().lean();
    expect(district).toEqual(jasmine.objectContaining({ name: '江北区（示例）', demo: true, demoSeed: 7, demoCadres: 150 }));
  });

  it('leaves a database that already has units untouched', async () => {
    await UnitModel.create({ name: '已有单位', code: 'X-1', type: 'department', parentId: null, ancestorIds: [], sortOrder: 0 });
    await loadDemoDistrictIfEmpty({ cadres: 50, seed: 7, logger, asOf });
    expect(await UnitModel.countDocuments()).toBe(1);
    expect(await CadreModel.countDocuments()).toBe(0);
    expect(await DistrictModel.countDocuments()).toBe(0);
  });
});
