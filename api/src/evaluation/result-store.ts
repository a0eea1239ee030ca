import { deflateRawSync, inflateRawSync } from 'node:zlib';
import mongoose from 'mongoose';
import type { CadreResult, CalibrationRow } from '@cadre/shared-models';
import { ResultModel } from './evaluation.models.js';
import type { ResultDocument } from './scoring-units.js';

/**
 * A result as stored: the scored report as deflated JSON (evaluation.models.ts says why), and
 * what calibration and locking change beside it.
 */
export interface StoredResult {
  _id: string;
  cycleId: string;
  cadreId: string;
  unitId: string;
  unitPath: string[];
  report: mongoose.mongo.Binary;
  finalGrade: CalibrationRow['finalGrade'];
  calibrations: CadreResult['calibrations'];
  locked: boolean;
}

/** The report as stored: JSON deflated, a tenth of its size, which is what the embedded database's time goes by. */
function packReport(report: object): mongoose.mongo.Binary {
  return new mongoose.mongo.Binary(deflateRawSync(JSON.stringify(report)));
}

/** A stored report read back. */
export function unpackReport<T>(report: mongoose.mongo.Binary): T {
  return JSON.parse(inflateRawSync(report.buffer).toString('utf8')) as T;
}

export function toStoredResult(doc: ResultDocument): StoredResult {
  const { finalGrade, calibrations, locked } = doc.report;
  return { _id: doc._id, cycleId: doc.cycleId, cadreId: doc.cadreId, unitId: doc.unitId, unitPath: doc.unitPath, report: packReport(doc.report), finalGrade, calibrations, locked };
}

/** The report as the API returns it: the scored text with the current grade, calibrations and lock. */
export function toCadreResult(doc: StoredResult): CadreResult {
  return { ...unpackReport<CadreResult>(doc.report), finalGrade: doc.finalGrade, calibrations: doc.calibrations, locked: doc.locked };
}

export async function readStoredResult(id: string): Promise<StoredResult | null> {
  return ResultModel.collection.findOne<StoredResult>({ _id: id as never });
}
