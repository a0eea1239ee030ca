import type { CadreResult, CalibrationRow } from '@cadre/shared-models';
import { ResultModel } from './evaluation.models.js';
import type { ResultDocument } from './scoring-units.js';

/**
 * A result as stored: the scored report as JSON text (evaluation.models.ts says why), and what
 * calibration and locking change beside it.
 */
export interface StoredResult {
  _id: string;
  cycleId: string;
  cadreId: string;
  unitId: string;
  unitPath: string[];
  report: string;
  finalGrade: CalibrationRow['finalGrade'];
  calibrations: CadreResult['calibrations'];
  locked: boolean;
}

export function toStoredResult(doc: ResultDocument): StoredResult {
  const { finalGrade, calibrations, locked } = doc.report;
  return { _id: doc._id, cycleId: doc.cycleId, cadreId: doc.cadreId, unitId: doc.unitId, unitPath: doc.unitPath, report: JSON.stringify(doc.report), finalGrade, calibrations, locked };
}

/** The report as the API returns it: the scored text with the current grade, calibrations and lock. */
export function toCadreResult(doc: StoredResult): CadreResult {
  return { ...(JSON.parse(doc.report) as CadreResult), finalGrade: doc.finalGrade, calibrations: doc.calibrations, locked: doc.locked };
}

export async function readStoredResult(id: string): Promise<StoredResult | null> {
  return ResultModel.collection.findOne<StoredResult>({ _id: id as never });
}
