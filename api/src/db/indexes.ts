import { CadreModel } from '../cadres/cadre.model.js';
import { UnitModel } from '../units/unit.model.js';
import { DistrictModel } from '../district/district.model.js';

/** Every model, so indexes are created explicitly at start (autoIndex is off). */
export const ALL_MODELS = [UnitModel, CadreModel, DistrictModel] as const;

export async function ensureIndexes(): Promise<void> {
  for (const model of ALL_MODELS) await model.createIndexes();
}
