import {
  CadreInputSchema,
  changeKeysOutside,
  type CadreInputParsed,
  type CadreRecord,
  type CorrectableField,
  type CorrectionChangeParsed,
} from '@cadre/shared-models';
import { AppError, fieldErrorsFromZod, type FieldError } from '../platform/errors.js';
import {
  assertCadreVersion,
  checkCadreConsistency,
  loadCadreUnit,
  prepareCadreFields,
  toCadreRecord,
  unchangedFormTexts,
  unitNameOf,
  writeCadreChanges,
  type StoredCadre,
} from '../cadres/cadre-writer.js';
import type { SessionActor } from '../platform/actor.js';
import { CorrectionModel } from './correction.model.js';
import { unsealIdNumber } from '../cadres/id-number-storage.js';

const CHANGE_PATH = 'body.change';

/** What the request stores before the record is written: the change and the version it was based on. */
export interface ApplyingChange {
  change: CorrectionChangeParsed;
  baseVersion: number;
}

/**
 * The record as input again: every writable key as it stands. The ID number goes as null, which
 * an update reads as "keep the stored one": the record never carries it in clear.
 */
function inputOf(record: CadreRecord): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(CadreInputSchema.shape)) input[key] = record[key as keyof CadreRecord];
  input['idNumber'] = null;
  return input;
}

/** Whether the record already says what `change` says (a retried approval after a crash). */
export function carriesChange(record: CadreRecord, change: CorrectionChangeParsed): boolean {
  return Object.entries(change).every(([key, value]) => JSON.stringify(record[key as keyof CadreRecord]) === JSON.stringify(value));
}

function refuse(errors: FieldError[]): never {
  throw new AppError(400, 'validation_failed', '更正内容校验未通过', errors);
}

/**
 * The full input the record becomes: the record as it stands with the change over it, checked
 * by the record's own schema and cross-field rules. A schema problem in a changed key is reported
 * at `body.change.<key>`; one in a key the change does not touch (a record imported with it) at
 * `record.<key>`, so the approver knows the change itself is not at fault. A cross-field problem
 * arises from the change (the record met the rules before), so it is reported under
 * `body.change` at the field the rule names, e.g. `body.change.workStartMonth` for a later 出生年月.
 */
export function correctedInput(
  record: CadreRecord,
  field: CorrectableField,
  change: CorrectionChangeParsed,
  storedIdNumber: string | null = null,
): CadreInputParsed {
  const outside = changeKeysOutside(field, change);
  if (outside.length > 0) refuse(outside.map((key) => ({ path: `${CHANGE_PATH}.${key}`, message: '不属于该更正申请涉及的内容，不能修改' })));
  const changed = new Set(Object.keys(change));
  const where = (path: string) => (changed.has(path.split('.')[0]!) ? CHANGE_PATH : 'record');
  const parsed = CadreInputSchema.safeParse({ ...inputOf(record), ...change });
  if (!parsed.success) {
    refuse(fieldErrorsFromZod(parsed.error).map((error) => ({ ...error, path: `${where(error.path)}.${error.path}` })));
  }
  // The input carries no ID number (the record keeps its own), so the number on file is what a
  // corrected 出生年月 or 性别 must agree with.
  const errors = checkCadreConsistency(parsed.data, CHANGE_PATH, new Date(), storedIdNumber);
  if (errors.length > 0) refuse(errors);
  return parsed.data;
}

/**
 * Writes an approved change into the cadre's record at `version`; returns the record as written,
 * or null for an empty change (a request under 其他 about nothing the record holds).
 * Called under the request's lock, with the request still pending.
 *
 * There are no transactions on the embedded database, so a crash may fall between the record
 * write and the request's status update. To make that recoverable, the change and its base
 * version are stored on the request first (`applying`), and the record write is audited with the
 * request's id. An approval of a request whose stored change the record already carries at a
 * later version only finishes the decision: nothing is written twice, and the approver's stale
 * version (the one before the crash) is not a conflict.
 */
export async function applyCorrection(
  actor: SessionActor,
  cadre: StoredCadre,
  request: { _id: unknown; field: CorrectableField; applying?: ApplyingChange | null },
  version: number,
  change: CorrectionChangeParsed,
): Promise<CadreRecord | null> {
  if (Object.keys(change).length === 0) return null;
  const record = toCadreRecord(cadre, await unitNameOf(cadre.unitId));
  const earlier = request.applying;
  if (earlier && record.version > earlier.baseVersion && carriesChange(record, earlier.change)) return record;

  await assertCadreVersion(cadre, version);
  const input = correctedInput(record, request.field, change, cadre.idNumberSealed ? unsealIdNumber(cadre.idNumberSealed) : null);
  const unit = await loadCadreUnit(String(cadre.unitId), 'record.unitId');
  const fields = prepareCadreFields(input, unit, unchangedFormTexts(cadre, input));
  await CorrectionModel.updateOne({ _id: request._id }, { $set: { applying: { change, baseVersion: version } } });
  return writeCadreChanges(actor, cadre, version, fields, unit.name, { auditDetail: { correctionId: String(request._id) } });
}
