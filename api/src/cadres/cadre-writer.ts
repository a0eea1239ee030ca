import mongoose, { Types } from 'mongoose';
import {
  CadreInputSchema,
  deriveTags,
  formatAnnualAssessments,
  formatCommendations,
  formatResume,
  highestEducation,
  scopeFor,
  checkRecordConsistency,
  type PersonnelScope,
  type CadreInputParsed,
  type CadreRecord,
  type EducationRow,
  type UnitType,
} from '@cadre/shared-models';
import { AppError, type FieldError } from '../platform/errors.js';
import { assertVersion, updateVersioned } from '../db/versioned-update.js';
import { recordAudit } from '../audit/audit.service.js';
import { describeChanges } from '../audit/audit-changes.js';
import { noteCadresChanged } from '../ledger/ledger-changes.js';
import { UnitModel } from '../units/unit.model.js';
import { UserModel } from '../users/user.model.js';
import { CorrectionModel } from '../corrections/correction.model.js';
import { noteCadreCorrectionsChanged } from '../corrections/correction-list.js';
import { CadreModel, CadrePhotoModel, type CadreDocument } from './cadre.model.js';
import { sealIdNumber, unsealIdNumber } from './id-number-storage.js';
import { cadreInScope, unitInScope } from './cadre-scope.js';
import type { Actor } from '../platform/actor.js';

/*
 * The one place cadre records are written: the record endpoints and the imports both go through
 * here, so derivations, ID-number sealing, duplicate checks, audit and the ledger's change
 * sequence are the same whichever way a record arrives.
 *
 * Two layers:
 *  - check and prepare (no writes): loadCadreUnit, assertUnitWritable, checkCadreConsistency,
 *    prepareCadreFields, assertIdNumberFree / findIdNumberOwners, findCadreInScope;
 *  - write (each audited and noted in the ledger change sequence): writeNewCadre,
 *    writeCadreChanges, restoreCadre, undoCadreCreation, writeCadrePhoto, removeCadrePhoto.
 * createCadre, updateCadre and deleteCadre chain the two for one record from the API.
 */

/** A cadre document as read with `.lean()`. */
export type StoredCadre = CadreDocument & { _id: Types.ObjectId; __v: number; createdAt?: Date; updatedAt?: Date };

/** What a record needs from its unit. */
export interface CadreUnit {
  _id: Types.ObjectId;
  name: string;
  type: UnitType;
  ancestorIds: Types.ObjectId[];
}

/** Form texts to keep verbatim (from an import); a missing one is generated from the entries. */
export interface CadreFormTexts {
  resumeText?: string | undefined;
  commendationsText?: string | undefined;
  annualAssessmentsText?: string | undefined;
}

/**
 * The fields written to a cadre document. The ID-number forms are present only when the input
 * carried an ID number: on update, no number means "keep the stored one" (clients only ever see
 * the masked form, so they cannot send it back).
 */
export type CadreFields = Omit<CadreInputParsed, 'idNumber' | 'unitId'> & {
  unitId: Types.ObjectId;
  unitPath: Types.ObjectId[];
  unitType: UnitType;
  education: CadreRecord['education'];
  degree: CadreRecord['degree'];
  school: string;
  resumeText: string;
  commendationsText: string;
  annualAssessmentsText: string;
  idNumberSealed?: string;
  idNumberHash?: string;
  idNumberMasked?: string;
};

/** Options of the write functions, for callers that write many records (imports). */
export interface CadreWriteOptions {
  /** Marks an inserted record as part of an import batch. */
  importBatchId?: Types.ObjectId | string | undefined;
  /** Merged into the audit record's detail, e.g. `{ importId }`. */
  auditDetail?: Record<string, unknown> | undefined;
  /** false: the caller notes the changed ids itself, once for the whole batch. */
  noteLedger?: boolean | undefined;
  /** The id a new record gets, chosen by the caller so it can journal the write before making it. */
  id?: Types.ObjectId | undefined;
}

/** Who may own a given ID number: one lookup per import instead of one per row. */
export interface IdNumberOwner {
  id: string;
  name: string;
  unitId: string;
  version: number;
}

const NOT_FOUND_MESSAGE = '档案不存在';
const OUT_OF_SCOPE_MESSAGE = '该干部档案不在您的数据范围内';
const WHAT = '干部档案';
const EMPTY_EDUCATION_ROW: EducationRow = { education: null, degree: null, educationSchool: '', degreeSchool: '' };

// ─── check and prepare ───────────────────────────────────────────────────────────────────────

/**
 * One cadre within `scope`: 404 `not_found` for a missing record, 403 `out_of_scope` for one
 * outside the caller's scope (decision 0018: an id's existence tells nothing personal, the
 * record's content stays hidden); the attempt is audited under `action` as failed or denied.
 * `select` narrows the fields read (the unit path needed for the scope check is always read).
 */
export async function findCadreInScope(
  actor: Actor,
  scope: PersonnelScope,
  id: string,
  options: { action: string; select?: string },
): Promise<StoredCadre> {
  const query = CadreModel.findById(id);
  if (options.select) query.select(`${options.select} unitPath`);
  const doc = await query.lean<StoredCadre>();
  if (!doc) {
    await recordAudit(actor, { action: options.action, result: 'failure', objectType: 'cadre', objectId: id });
    throw new AppError(404, 'not_found', NOT_FOUND_MESSAGE);
  }
  if (!cadreInScope(scope, doc)) {
    await recordAudit(actor, { action: options.action, result: 'denied', objectType: 'cadre', objectId: id });
    throw new AppError(403, 'out_of_scope', OUT_OF_SCOPE_MESSAGE);
  }
  return doc;
}

/** The unit a record is placed in; an unknown id is a validation error at `where`. */
export async function loadCadreUnit(unitId: string, where = 'body.unitId'): Promise<CadreUnit> {
  const unit = await UnitModel.findById(unitId).select('name type ancestorIds').lean<CadreUnit>();
  if (!unit) {
    throw new AppError(400, 'validation_failed', '所选单位不存在', [{ path: where, message: '单位不存在，请从组织树中选择' }]);
  }
  return unit;
}

/**
 * A unit manager places cadres only within their own subtree (creating, or moving one), as
 * `scope` (of writing or importing) says; the refusal is audited under `action`.
 */
export async function assertUnitWritable(actor: Actor, scope: PersonnelScope, unit: CadreUnit, action: string, where = 'body.unitId'): Promise<void> {
  if (unitInScope(scope, unit)) return;
  await recordAudit(actor, { action, result: 'denied', objectType: 'unit', objectId: String(unit._id), detail: { reason: 'unit_out_of_scope' } });
  const message = `“${unit.name}”不在您管理的单位范围内，只能把干部安排在本单位及下级单位`;
  throw new AppError(403, 'unit_out_of_scope', message, [{ path: where, message }]);
}

/**
 * The rules across fields that the schema cannot state alone (the shared checkRecordConsistency,
 * as the editor and the imports apply them), as field errors under `prefix` (e.g. `body`, or ''
 * for an import row). `storedIdNumber` is the number on file, checked when the input has none.
 */
export function checkCadreConsistency(
  input: CadreInputParsed,
  prefix = 'body',
  asOf: Date = new Date(),
  storedIdNumber: string | null = null,
): FieldError[] {
  return checkRecordConsistency(input, { now: asOf, storedIdNumber }).map(({ path, message }) => ({
    path: [prefix, path].filter(Boolean).join('.'),
    message,
  }));
}

function assertConsistent(input: CadreInputParsed, storedIdNumber: string | null = null): void {
  const errors = checkCadreConsistency(input, 'body', new Date(), storedIdNumber);
  if (errors.length > 0) throw new AppError(400, 'validation_failed', errors.map((e) => e.message).join('；'), errors);
}

/**
 * The document fields for a validated input placed in `unit`: 最高学历 derived from the two
 * education rows, the unit path denormalised for scoping, the ID number sealed, hashed and
 * masked, and the form texts kept verbatim when given, else generated from the entries.
 */
export function prepareCadreFields(input: CadreInputParsed, unit: CadreUnit, texts: CadreFormTexts = {}): CadreFields {
  const { idNumber, unitId: _unitId, ...rest } = input;
  return {
    ...rest,
    manualTags: [...new Set(input.manualTags)],
    ...highestEducation(input.fullTimeEducation, input.inServiceEducation),
    unitId: unit._id,
    unitPath: [...unit.ancestorIds, unit._id],
    unitType: unit.type,
    resumeText: texts.resumeText ?? formatResume(input.positions),
    commendationsText: texts.commendationsText ?? formatCommendations(input.commendations),
    annualAssessmentsText: texts.annualAssessmentsText ?? formatAnnualAssessments(input.annualAssessments),
    ...(idNumber === null ? {} : sealIdNumber(idNumber)),
  };
}

/**
 * The form texts an update keeps: a text stays verbatim (as imported) while its entries are
 * unchanged, and is regenerated once they are edited (decision 0010).
 */
export function unchangedFormTexts(before: StoredCadre, input: CadreInputParsed): CadreFormTexts {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? []) === JSON.stringify(b);
  return {
    resumeText: same(before.positions, input.positions) ? before.resumeText : undefined,
    commendationsText: same(before.commendations, input.commendations) ? before.commendationsText : undefined,
    annualAssessmentsText: same(before.annualAssessments, input.annualAssessments) ? before.annualAssessmentsText : undefined,
  };
}

/** The cadres holding any of these ID-number hashes (one query), by hash. */
export async function findIdNumberOwners(hashes: readonly string[]): Promise<Map<string, IdNumberOwner>> {
  const owners = new Map<string, IdNumberOwner>();
  if (hashes.length === 0) return owners;
  const docs = await CadreModel.find({ idNumberHash: mongoose.trusted({ $in: [...new Set(hashes)] }) })
    .select('name unitId idNumberHash __v')
    .lean<Array<Pick<StoredCadre, '_id' | 'name' | 'unitId' | 'idNumberHash' | '__v'>>>();
  for (const doc of docs) {
    owners.set(doc.idNumberHash!, { id: String(doc._id), name: doc.name, unitId: String(doc.unitId), version: doc.__v });
  }
  return owners;
}

/**
 * 409 when another cadre holds this ID number. The other cadre is named only when the caller
 * may read them: an ID number typed in must not reveal who holds it elsewhere.
 */
export async function assertIdNumberFree(actor: Actor, idNumberHash: string, exceptId: string | null, where = 'body.idNumber'): Promise<void> {
  const holders = await CadreModel.find({ idNumberHash }).select('name unitPath').lean<StoredCadre[]>();
  const other = holders.find((doc) => String(doc._id) !== exceptId);
  if (!other) return;
  const visible = cadreInScope(scopeFor(actor, 'cadre:read'), other);
  const message = visible
    ? `该身份证号已登记在干部“${other.name}”名下，同一人只能有一份档案`
    : '该身份证号已登记在其他单位的干部名下，请联系组织部门核实';
  throw new AppError(409, 'id_number_taken', message, [{ path: where, message: '身份证号重复' }]);
}

// ─── reading ─────────────────────────────────────────────────────────────────────────────────

/** The name of a record's unit ('' if the unit has gone). */
export async function unitNameOf(unitId: Types.ObjectId | string): Promise<string> {
  const unit = await UnitModel.findById(unitId).select('name').lean<{ name: string }>();
  return unit?.name ?? '';
}

/**
 * The record as the API returns it: no sealed or hashed ID number, derived tags computed at
 * `asOf` (ages change daily, so they are never stored), `version` for the next save.
 */
export function toCadreRecord(doc: StoredCadre, unitName: string, asOf: Date = new Date()): CadreRecord {
  const fullTimeEducation = { ...EMPTY_EDUCATION_ROW, ...(doc.fullTimeEducation as Partial<EducationRow> | null | undefined) };
  const inServiceEducation = { ...EMPTY_EDUCATION_ROW, ...(doc.inServiceEducation as Partial<EducationRow> | null | undefined) };
  const positions = (doc.positions ?? []) as CadreRecord['positions'];
  const commendations = (doc.commendations ?? []) as CadreRecord['commendations'];
  const annualAssessments = (doc.annualAssessments ?? []) as CadreRecord['annualAssessments'];
  const unitType = doc.unitType as UnitType;
  const record: Omit<CadreRecord, 'derivedTags'> = {
    id: String(doc._id),
    version: doc.__v,
    name: doc.name,
    sex: doc.sex,
    birthMonth: doc.birthMonth,
    ethnicity: doc.ethnicity,
    nativePlace: doc.nativePlace ?? '',
    birthPlace: doc.birthPlace ?? '',
    partyJoinMonth: doc.partyJoinMonth ?? null,
    otherParty: (doc.otherParty ?? null) as CadreRecord['otherParty'],
    workStartMonth: doc.workStartMonth,
    health: (doc.health ?? '健康') as CadreRecord['health'],
    professionalTitle: doc.professionalTitle ?? '',
    expertise: doc.expertise ?? '',
    fullTimeEducation,
    inServiceEducation,
    education: doc.education,
    degree: doc.degree,
    school: doc.school ?? '',
    unitId: String(doc.unitId),
    unitName,
    post: doc.post,
    postLevel: doc.postLevel,
    rank: doc.rank,
    postStartMonth: doc.postStartMonth,
    category: doc.category,
    appointmentType: doc.appointmentType,
    idNumberMasked: doc.idNumberMasked ?? null,
    positions,
    resumeText: doc.resumeText ?? formatResume(positions),
    commendations,
    commendationsText: doc.commendationsText ?? formatCommendations(commendations),
    annualAssessments,
    annualAssessmentsText: doc.annualAssessmentsText ?? formatAnnualAssessments(annualAssessments),
    family: (doc.family ?? []) as CadreRecord['family'],
    manualTags: doc.manualTags ?? [],
    appointmentForm: { ...CadreInputSchema.shape.appointmentForm.parse(undefined), ...(doc.appointmentForm as object | undefined) },
    hasPhoto: doc.hasPhoto ?? false,
    updatedAt: (doc.updatedAt ?? doc.createdAt ?? new Date(0)).toISOString(),
  };
  return { ...record, derivedTags: deriveTags({ ...record, unitType }, asOf) };
}

/** The record as it stands now, or null when it is gone. */
export async function loadCadreRecord(id: string): Promise<CadreRecord | null> {
  const doc = await CadreModel.findById(id).lean<StoredCadre>();
  return doc ? toCadreRecord(doc, await unitNameOf(doc.unitId)) : null;
}

/** A version conflict carries the record as it now stands, so the client can show and merge it. */
async function conflictWithCurrent(id: string, error: unknown): Promise<unknown> {
  if (!(error instanceof AppError) || error.code !== 'version_conflict') return error;
  const current = await loadCadreRecord(id);
  if (!current) return new AppError(404, 'not_found', NOT_FOUND_MESSAGE);
  return new AppError(409, 'version_conflict', error.message, undefined, { current });
}

export async function assertCadreVersion(doc: StoredCadre, seen: number): Promise<void> {
  try {
    assertVersion(doc.__v, seen, WHAT);
  } catch (error) {
    throw await conflictWithCurrent(String(doc._id), error);
  }
}

// ─── audit ───────────────────────────────────────────────────────────────────────────────────

/** The fields an audit diff shows: everything a user sees, not the sealed or hashed forms. */
const AUDITED_FIELDS = [
  ...Object.keys(CadreInputSchema.shape).filter((key) => key !== 'idNumber'),
  'unitName',
  'education',
  'degree',
  'school',
  'resumeText',
  'commendationsText',
  'annualAssessmentsText',
] as const;

type AuditSide = { record: CadreRecord; idNumberHash: string | null | undefined } | null;

/**
 * Before/after of every field that differs. The ID number appears only masked, and only when
 * its hash changed (two numbers can share a mask); recordAudit masks ID numbers again centrally.
 */
function auditChanges(before: AuditSide, after: AuditSide): Record<string, { before: unknown; after: unknown }> {
  const changes = describeChanges(
    (before?.record ?? {}) as Record<string, unknown>,
    (after?.record ?? {}) as Record<string, unknown>,
    AUDITED_FIELDS,
  );
  if ((before?.idNumberHash ?? null) !== (after?.idNumberHash ?? null)) {
    // A side that does not exist (create, delete) is left out, as describeChanges leaves it.
    changes['idNumber'] = { before: before ? before.record.idNumberMasked : undefined, after: after ? after.record.idNumberMasked : undefined };
  }
  return changes;
}

async function finishWrite(
  actor: Actor,
  entry: { action: string; id: string; changes: Record<string, unknown>; detail?: Record<string, unknown> },
  options: CadreWriteOptions,
): Promise<void> {
  await recordAudit(actor, {
    action: entry.action,
    result: 'success',
    objectType: 'cadre',
    objectId: entry.id,
    detail: { changes: entry.changes, ...entry.detail, ...options.auditDetail },
  });
  if (options.noteLedger !== false) await noteCadresChanged([entry.id]);
}

// ─── write ───────────────────────────────────────────────────────────────────────────────────

/** Inserts a prepared, validated record (see createCadre for the checks); audited as cadre.create. */
export async function writeNewCadre(actor: Actor, fields: CadreFields, unitName: string, options: CadreWriteOptions = {}): Promise<CadreRecord> {
  const created = await CadreModel.create({
    ...(options.id ? { _id: options.id } : {}),
    ...fields,
    importBatchId: options.importBatchId ? new Types.ObjectId(String(options.importBatchId)) : null,
  });
  const stored = created.toObject() as unknown as StoredCadre;
  const record = toCadreRecord(stored, unitName);
  await finishWrite(actor, { action: 'cadre.create', id: record.id, changes: auditChanges(null, { record, idNumberHash: stored.idNumberHash }) }, options);
  return record;
}

/**
 * Applies prepared fields to `before` if it is still at `version` (else 409 carrying the current
 * record, nothing written). An update that changes nothing writes nothing and keeps the version.
 * Audited as cadre.update with the changed fields before and after.
 */
export async function writeCadreChanges(
  actor: Actor,
  before: StoredCadre,
  version: number,
  fields: CadreFields,
  unitName: string,
  options: CadreWriteOptions = {},
): Promise<CadreRecord> {
  const id = String(before._id);
  await assertCadreVersion(before, version);
  const beforeRecord = toCadreRecord(before, await unitNameOf(before.unitId));
  const prospective = toCadreRecord({ ...before, ...fields } as StoredCadre, unitName);
  const changes = auditChanges(
    { record: beforeRecord, idNumberHash: before.idNumberHash },
    { record: prospective, idNumberHash: fields.idNumberHash ?? before.idNumberHash },
  );
  if (Object.keys(changes).length === 0) return beforeRecord;

  let updated: StoredCadre;
  try {
    updated = await updateVersioned<StoredCadre>(CadreModel as never, id, version, fields, WHAT);
  } catch (error) {
    throw await conflictWithCurrent(id, error);
  }
  if (changes['name'] || changes['unitId'] || changes['unitName']) {
    // A correction request follows its cadre, so the manager of the new unit sees it.
    await CorrectionModel.updateMany(
      { cadreId: before._id },
      { $set: { cadreName: updated.name, unitId: updated.unitId, unitName, unitPath: updated.unitPath } },
    );
    await noteCadreCorrectionsChanged(id);
  }
  await finishWrite(actor, { action: 'cadre.update', id, changes, detail: { version: { before: version, after: updated.__v } } }, options);
  return toCadreRecord(updated, unitName);
}

/**
 * Puts a record back exactly as `previous` was (compensation when a batch fails part-way, as
 * there are no transactions on the embedded database). The version moves forward, never back,
 * so a save based on the undone state gets 409. A record that was deleted is re-inserted.
 */
export async function restoreCadre(actor: Actor, previous: StoredCadre, options: CadreWriteOptions = {}): Promise<void> {
  const id = String(previous._id);
  const current = await CadreModel.findById(previous._id).lean<StoredCadre>();
  const restored = { ...previous, __v: current ? Math.max(current.__v, previous.__v) + 1 : previous.__v, updatedAt: new Date() };
  if (current) await CadreModel.collection.replaceOne({ _id: previous._id }, restored);
  else await CadreModel.collection.insertOne(restored);
  const changes = auditChanges(
    current ? { record: toCadreRecord(current, await unitNameOf(current.unitId)), idNumberHash: current.idNumberHash } : null,
    { record: toCadreRecord(restored, await unitNameOf(restored.unitId)), idNumberHash: restored.idNumberHash },
  );
  if (current && (String(current.unitId) !== String(previous.unitId) || current.name !== previous.name)) {
    await CorrectionModel.updateMany(
      { cadreId: previous._id },
      { $set: { cadreName: previous.name, unitId: previous.unitId, unitName: await unitNameOf(previous.unitId), unitPath: previous.unitPath } },
    );
    await noteCadreCorrectionsChanged(id);
  }
  await finishWrite(actor, { action: 'cadre.restore', id, changes }, options);
}

/** Removes a record this batch inserted (compensation), with its photo; audited as cadre.delete. */
export async function undoCadreCreation(actor: Actor, id: string, options: CadreWriteOptions = {}): Promise<boolean> {
  const doc = await CadreModel.findById(id).lean<StoredCadre>();
  // A creation journaled but never made (the process died, or the insert failed) leaves nothing to remove.
  if (!doc) return false;
  await CadreModel.deleteOne({ _id: doc._id });
  await CadrePhotoModel.deleteOne({ _id: doc._id });
  const changes = auditChanges({ record: toCadreRecord(doc, await unitNameOf(doc.unitId)), idNumberHash: doc.idNumberHash }, null);
  await finishWrite(actor, { action: 'cadre.delete', id, changes, detail: { reason: 'undo_creation' } }, options);
  return true;
}

/** Stores the JPEG (already sniffed) as the cadre's photo; audited as cadre.photo_update. */
export async function writeCadrePhoto(actor: Actor, cadreId: string, jpeg: Buffer, options: CadreWriteOptions = {}): Promise<void> {
  const _id = new Types.ObjectId(cadreId);
  const replaced = await CadrePhotoModel.exists({ _id });
  await CadrePhotoModel.updateOne({ _id }, { $set: { jpeg } }, { upsert: true });
  // Not a versioned change: a photo upload must not make an open edit form stale.
  await CadreModel.updateOne({ _id }, { $set: { hasPhoto: true } });
  await finishWrite(actor, { action: 'cadre.photo_update', id: cadreId, changes: { hasPhoto: { before: replaced !== null, after: true } }, detail: { bytes: jpeg.length } }, options);
}

/** Removes the cadre's photo, if any; audited as cadre.photo_delete. */
export async function removeCadrePhoto(actor: Actor, cadreId: string, options: CadreWriteOptions = {}): Promise<void> {
  const _id = new Types.ObjectId(cadreId);
  const { deletedCount } = await CadrePhotoModel.deleteOne({ _id });
  await CadreModel.updateOne({ _id }, { $set: { hasPhoto: false } });
  await finishWrite(actor, { action: 'cadre.photo_delete', id: cadreId, changes: deletedCount > 0 ? { hasPhoto: { before: true, after: false } } : {} }, options);
}

/** The cadre's photo as stored, or null. */
export async function readCadrePhoto(cadreId: string): Promise<Buffer | null> {
  const photo = await CadrePhotoModel.findById(cadreId);
  return photo ? Buffer.from(photo.jpeg) : null;
}

// ─── one record from the API ─────────────────────────────────────────────────────────────────

/** Creates a record from validated input: unit known and writable, fields consistent, ID number free. */
export async function createCadre(actor: Actor, scope: PersonnelScope, input: CadreInputParsed): Promise<CadreRecord> {
  const unit = await loadCadreUnit(input.unitId);
  await assertUnitWritable(actor, scope, unit, 'cadre.create');
  assertConsistent(input);
  const fields = prepareCadreFields(input, unit);
  if (fields.idNumberHash) await assertIdNumberFree(actor, fields.idNumberHash, null);
  return writeNewCadre(actor, fields, unit.name);
}

/**
 * Updates a record in the caller's write scope from validated input based on `version`. A stale
 * version gets 409 with the current record before anything else is checked; a move needs the
 * target unit in scope as well.
 */
export async function updateCadre(actor: Actor, scope: PersonnelScope, id: string, input: CadreInputParsed, version: number): Promise<CadreRecord> {
  const before = await findCadreInScope(actor, scope, id, { action: 'cadre.update' });
  await assertCadreVersion(before, version);
  const unit = await loadCadreUnit(input.unitId);
  await assertUnitWritable(actor, scope, unit, 'cadre.update');
  // No number typed keeps the stored one, so the record must still agree with it.
  assertConsistent(input, input.idNumber === null && before.idNumberSealed ? unsealIdNumber(before.idNumberSealed) : null);
  const fields = prepareCadreFields(input, unit, unchangedFormTexts(before, input));
  if (fields.idNumberHash && fields.idNumberHash !== before.idNumberHash) await assertIdNumberFree(actor, fields.idNumberHash, id);
  return writeCadreChanges(actor, before, version, fields, unit.name);
}

/**
 * Deletes a record in the caller's write scope at `version`, with its photo and correction
 * requests. Refused while a sign-in account is linked to it: the account would point nowhere.
 */
export async function deleteCadre(actor: Actor, scope: PersonnelScope, id: string, version: number): Promise<void> {
  const before = await findCadreInScope(actor, scope, id, { action: 'cadre.delete' });
  await assertCadreVersion(before, version);
  const account = await UserModel.findOne({ cadreId: before._id }).select('username').lean<{ username: string }>();
  if (account) {
    throw new AppError(409, 'cadre_has_account', `该干部关联了登录账户“${account.username}”，请先由系统管理员解除关联后再删除`);
  }
  const beforeRecord = toCadreRecord(before, await unitNameOf(before.unitId));
  const { deletedCount } = await CadreModel.deleteOne({ _id: before._id, __v: version });
  if (deletedCount === 0) throw await conflictWithCurrent(id, new AppError(409, 'version_conflict', `该${WHAT}已被他人修改，请刷新后重试`));
  const photo = await CadrePhotoModel.deleteOne({ _id: before._id });
  const corrections = await CorrectionModel.deleteMany({ cadreId: before._id });
  if (corrections.deletedCount > 0) await noteCadreCorrectionsChanged(id);
  await finishWrite(
    actor,
    {
      action: 'cadre.delete',
      id,
      changes: auditChanges({ record: beforeRecord, idNumberHash: before.idNumberHash }, null),
      detail: { version, photoDeleted: photo.deletedCount > 0, correctionsDeleted: corrections.deletedCount },
    },
    {},
  );
}
