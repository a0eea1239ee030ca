import mongoose, { Types } from 'mongoose';
import type { CadreInputParsed, ImportItem, ImportProblem, ImportReport } from '@cadre/shared-models';
import { AppError } from '../platform/errors.js';
import { dataCipher } from '../platform/data-cipher.js';
import { recordAudit } from '../audit/audit.service.js';
import type { CadreFormTexts } from '../cadres/cadre-writer.js';
import { ImportBatchItemModel, ImportBatchModel, type ImportBatchDocument } from './import-batch.model.js';
import type { SessionActor } from '../platform/actor.js';

/** An unapplied batch is kept this long; the uploader re-uploads after that. */
export const IMPORT_BATCH_TTL_MS = 24 * 60 * 60 * 1000;
/** A report lists at most this many problems; the rest are counted in a last line. */
export const MAX_REPORTED_PROBLEMS = 1000;

/** What applying one row or file will write. */
export interface ImportPayload {
  action: 'create' | 'update';
  row: number | null;
  file: string | null;
  /** The complete record input, ID number in clear (sealed when stored). */
  input: CadreInputParsed;
  texts: CadreFormTexts;
  photo: Buffer | null;
  /** For an update: the matched record and the version the preview was made against. */
  cadreId: string | null;
  expectedVersion: number | null;
}

export interface ImportPreview {
  items: ImportItem[];
  problems: ImportProblem[];
  payloads: ImportPayload[];
}

type Kind = ImportReport['kind'];

/**
 * Stores a checked upload and returns its report. The payload is kept only when the report has
 * no problems, since only then can it be applied. Expired batches of anyone are swept first.
 */
export async function storeBatch(actor: SessionActor, kind: Kind, fileName: string, preview: ImportPreview): Promise<ImportReport> {
  await sweepExpiredBatches();
  const expiresAt = new Date(Date.now() + IMPORT_BATCH_TTL_MS);
  const batchId = new Types.ObjectId();
  const problems = capProblems(preview.problems);
  const storePayload = problems.length === 0;
  const itemIds: Types.ObjectId[] = [];
  if (storePayload && preview.payloads.length > 0) {
    const docs = preview.payloads.map((payload) => {
      const _id = new Types.ObjectId();
      itemIds.push(_id);
      return {
        _id,
        batchId,
        action: payload.action,
        row: payload.row,
        file: payload.file,
        input: { ...payload.input, idNumber: null },
        idNumberSealed: payload.input.idNumber === null ? null : dataCipher().encrypt(payload.input.idNumber),
        texts: payload.texts,
        photo: payload.photo,
        cadreId: payload.cadreId === null ? null : new Types.ObjectId(payload.cadreId),
        expectedVersion: payload.expectedVersion,
      };
    });
    await ImportBatchItemModel.insertMany(docs);
  }
  const batch = await ImportBatchModel.create({
    _id: batchId,
    kind,
    fileName,
    ownerId: actor.id,
    items: preview.items,
    problems,
    counts: countItems(preview.items),
    itemIds,
    expiresAt,
  });
  const report = toImportReport(batch.toObject() as ImportBatchDocument);
  await recordAudit(actor, {
    action: 'import.preview',
    result: 'success',
    objectType: 'import',
    objectId: report.id,
    detail: { kind, fileName, counts: report.counts, problems: preview.problems.length },
  });
  return report;
}

function capProblems(problems: ImportProblem[]): ImportProblem[] {
  if (problems.length <= MAX_REPORTED_PROBLEMS) return problems;
  const more = problems.length - MAX_REPORTED_PROBLEMS;
  return [
    ...problems.slice(0, MAX_REPORTED_PROBLEMS),
    { row: null, file: null, column: null, message: `还有 ${more} 个问题未列出，请先修正以上问题后重新上传` },
  ];
}

function countItems(items: readonly ImportItem[]): ImportReport['counts'] {
  const count = (action: ImportItem['action']) => items.filter((item) => item.action === action).length;
  return { total: items.length, create: count('create'), update: count('update'), unchanged: count('unchanged'), error: count('error') };
}

export function toImportReport(batch: ImportBatchDocument): ImportReport {
  const counts = batch.counts as ImportReport['counts'];
  const problems = batch.problems as ImportProblem[];
  return {
    id: String(batch._id),
    kind: batch.kind,
    fileName: batch.fileName,
    status: batch.status,
    items: batch.items as ImportItem[],
    problems,
    counts,
    canApply: batch.status === 'validated' && problems.length === 0 && counts.create + counts.update > 0,
    expiresAt: batch.expiresAt.toISOString(),
  };
}

/**
 * The caller's own batch. Someone else's, an expired one and a missing one all answer 404 alike,
 * so batch ids reveal nothing about other users' uploads.
 */
export async function loadOwnBatch(actor: SessionActor, id: string): Promise<ImportBatchDocument> {
  const batch = await ImportBatchModel.findById(id).lean<ImportBatchDocument>();
  if (!batch || batch.ownerId !== actor.id || batch.expiresAt.getTime() <= Date.now()) {
    throw new AppError(404, 'not_found', '导入批次不存在、已过期或不是您上传的');
  }
  return batch;
}

/** The payload of a batch, in the order of the report, ID numbers unsealed. */
export async function loadPayloads(batch: ImportBatchDocument): Promise<ImportPayload[]> {
  const payloads: ImportPayload[] = [];
  for (const id of batch.itemIds) {
    // Hydrated, not lean: a lean read gives the photo as a BSON Binary rather than a Buffer.
    const item = await ImportBatchItemModel.findById(id);
    if (!item) throw new AppError(409, 'import_incomplete', '导入批次的数据已不完整，请重新上传');
    const input = item.input as CadreInputParsed;
    payloads.push({
      action: item.action,
      row: item.row ?? null,
      file: item.file ?? null,
      input: { ...input, idNumber: item.idNumberSealed ? dataCipher().decrypt(item.idNumberSealed) : null },
      texts: (item.texts ?? {}) as CadreFormTexts,
      photo: item.photo ? Buffer.from(item.photo) : null,
      cadreId: item.cadreId ? String(item.cadreId) : null,
      expectedVersion: item.expectedVersion ?? null,
    });
  }
  return payloads;
}

/** Drops a batch's payload (after apply or discard): the sealed ID numbers and photos go with it. */
export async function dropPayloads(batch: Pick<ImportBatchDocument, 'itemIds'>): Promise<void> {
  for (const id of batch.itemIds) await ImportBatchItemModel.deleteOne({ _id: id });
}

/** Discards the caller's unapplied batch; an applied one cannot be discarded, a discarded one stays so. */
export async function discardBatch(actor: SessionActor, id: string): Promise<void> {
  const batch = await loadOwnBatch(actor, id);
  if (batch.status === 'applied') throw new AppError(409, 'import_applied', '该批次已经导入，不能再丢弃');
  if (batch.status === 'discarded') return;
  if (batch.applyingSince) throw new AppError(409, 'import_in_progress', '该批次正在导入，不能丢弃');
  await ImportBatchModel.updateOne({ _id: batch._id }, { $set: { status: 'discarded', itemIds: [] } });
  await dropPayloads(batch);
  await recordAudit(actor, { action: 'import.discard', result: 'success', objectType: 'import', objectId: id, detail: { kind: batch.kind, fileName: batch.fileName } });
}

/** Removes batches past their expiry with their payload; there are few batches, so the scan is cheap. */
async function sweepExpiredBatches(): Promise<void> {
  const expired = await ImportBatchModel.find({ expiresAt: mongoose.trusted({ $lte: new Date() }) })
    .select('itemIds')
    .lean<Array<Pick<ImportBatchDocument, '_id' | 'itemIds'>>>();
  for (const batch of expired) {
    await dropPayloads(batch);
    await ImportBatchModel.deleteOne({ _id: batch._id });
  }
}
