import mongoose, { Types } from 'mongoose';
import type { Logger } from 'pino';
import type * as z from 'zod';
import { normalizeIdNumber, type ImportApplyResultSchema, type PersonnelScope } from '@cadre/shared-models';
import { AppError } from '../platform/errors.js';
import { dataCipher } from '../platform/data-cipher.js';
import { recordAudit } from '../audit/audit.service.js';
import { noteCadresChanged } from '../ledger/ledger-changes.js';
import { CadreModel } from '../cadres/cadre.model.js';
import { cadreInScope, unitInScope } from '../cadres/cadre-scope.js';
import {
  findIdNumberOwners,
  prepareCadreFields,
  readCadrePhoto,
  removeCadrePhoto,
  restoreCadre,
  undoCadreCreation,
  writeCadreChanges,
  writeCadrePhoto,
  writeNewCadre,
  type CadreUnit,
  type CadreWriteOptions,
  type StoredCadre,
} from '../cadres/cadre-writer.js';
import { UnitModel } from '../units/unit.model.js';
import { ImportBatchModel, type ImportBatchDocument } from './import-batch.model.js';
import { dropPayloads, loadOwnBatch, loadPayloads, type ImportPayload } from './import-batches.js';
import { SERVER_OPERATOR, type Actor, type SessionActor } from '../platform/actor.js';
import { clearJournal, journalWrite, readJournal, type JournaledWrite } from './import-journal.js';
import { withDocumentLock } from '../db/document-lock.js';

/**
 * A claim not renewed for this long belongs to an apply whose process died: the batch may be
 * taken over, after what it wrote is taken back. An apply renews its claim with every write.
 */
const STALE_CLAIM_MS = 2 * 60 * 1000;

type ImportApplyResult = z.infer<typeof ImportApplyResultSchema>;

/** Where a payload came from, for messages: 第 3 行 or “张三.lrmx”. */
function sourceOf(payload: Pick<ImportPayload, 'row' | 'file'>): string {
  return payload.row !== null ? `第 ${payload.row} 行` : `“${payload.file ?? ''}”`;
}

/** What the checks at apply time found for each payload, in order. */
type Target = { unit: CadreUnit; before: StoredCadre | null };

/**
 * Applies the caller's batch: every row or file, or none. The embedded database has no
 * transactions, so each write is remembered and, when one fails, the ones before it are undone
 * (created records removed, updated records and photos put back) before answering.
 */
export async function applyBatch(actor: SessionActor, scope: PersonnelScope, id: string): Promise<ImportApplyResult> {
  const batch = await loadOwnBatch(actor, id);
  assertApplicable(batch);
  await claim(batch, actor.log);
  try {
    const payloads = await loadPayloads(batch);
    const targets = await recheck(scope, payloads);
    const result = await writeAll(actor, batch, payloads, targets);
    await ImportBatchModel.updateOne(
      { _id: batch._id },
      { $set: { status: 'applied', appliedAt: new Date(), applyingSince: null, itemIds: [] } },
    );
    await dropPayloads(batch);
    await recordAudit(actor, {
      action: 'import.apply',
      result: 'success',
      objectType: 'import',
      objectId: id,
      detail: { kind: batch.kind, fileName: batch.fileName, created: result.created, updated: result.updated, unchanged: (batch.counts as { unchanged: number }).unchanged },
    });
    return result;
  } catch (error) {
    await ImportBatchModel.updateOne({ _id: batch._id }, { $set: { applyingSince: null } });
    await recordAudit(actor, {
      action: 'import.apply',
      result: 'failure',
      objectType: 'import',
      objectId: id,
      detail: { kind: batch.kind, fileName: batch.fileName, reason: error instanceof AppError ? error.code : 'internal_error' },
    });
    throw error;
  }
}

function assertApplicable(batch: ImportBatchDocument): void {
  if (batch.status === 'applied') throw new AppError(409, 'import_applied', '该批次已经导入过，不能重复导入');
  if (batch.status === 'discarded') throw new AppError(409, 'import_discarded', '该批次已丢弃，请重新上传');
  if (batch.problems.length > 0) throw new AppError(409, 'import_has_problems', '报告中还有问题，请修正文件后重新上传');
  if (batch.itemIds.length === 0) throw new AppError(409, 'import_nothing_to_apply', '该批次没有需要新增或修改的记录');
}

/**
 * Marks the batch as being applied, atomically, so two requests cannot apply it side by side. A
 * stale claim is taken over only after what its dead apply wrote has been taken back.
 */
async function claim(batch: ImportBatchDocument, log: Logger): Promise<void> {
  const staleBefore = new Date(Date.now() - STALE_CLAIM_MS);
  // Under the batch's lock: the embedded database would let two simultaneous claims both match (decision 0017).
  const before = await withDocumentLock(`import_batches:${String(batch._id)}`, () =>
    ImportBatchModel.findOneAndUpdate(
      {
        _id: batch._id,
        status: 'validated',
        $or: [{ applyingSince: null }, { applyingSince: mongoose.trusted({ $lt: staleBefore }) }],
      },
      { $set: { applyingSince: new Date() } },
      { returnDocument: 'before' },
    ).lean(),
  );
  if (!before) throw new AppError(409, 'import_in_progress', '该批次正在导入或已经导入');
  if (before.applyingSince) await rollBack(batch._id, log);
}

/**
 * The preview's checks again, as things stand now: every unit still there and within the
 * caller's scope, no ID number to be created registered since, every matched record unchanged
 * since the preview. Any failure refuses the whole batch before anything is written.
 */
async function recheck(scope: PersonnelScope, payloads: readonly ImportPayload[]): Promise<Target[]> {
  const hashes = payloads
    .filter((payload) => payload.action === 'create' && payload.input.idNumber !== null)
    .map((payload) => dataCipher().blindIndex(normalizeIdNumber(payload.input.idNumber!)));
  const owners = await findIdNumberOwners(hashes);
  const targets: Target[] = [];
  for (const payload of payloads) {
    const where = sourceOf(payload);
    if (payload.action === 'create') {
      const hash = payload.input.idNumber === null ? null : dataCipher().blindIndex(normalizeIdNumber(payload.input.idNumber));
      if (hash !== null && owners.has(hash)) {
        throw new AppError(409, 'import_stale', `${where}的身份证号在预览之后已被登记，本批次未导入任何数据；请重新上传`);
      }
      targets.push({ unit: await unitFor(scope, payload.input.unitId, where), before: null });
      continue;
    }
    const before = await CadreModel.findById(payload.cadreId).lean<StoredCadre>();
    if (!before || !cadreInScope(scope, before)) {
      throw new AppError(409, 'import_stale', `${where}匹配的干部在预览之后已被删除或调出您的范围，本批次未导入任何数据；请重新上传`);
    }
    if (before.__v !== payload.expectedVersion) {
      throw new AppError(409, 'version_conflict', `${where}匹配的干部“${before.name}”在预览之后被修改过，本批次未导入任何数据；请重新上传后再确认`);
    }
    targets.push({ unit: await unitFor(scope, String(before.unitId), where), before });
  }
  return targets;
}

async function unitFor(scope: PersonnelScope, unitId: string, where: string): Promise<CadreUnit> {
  const unit = await UnitModel.findById(unitId).select('name type ancestorIds').lean<CadreUnit>();
  if (!unit || !unitInScope(scope, unit)) {
    throw new AppError(409, 'import_stale', `${where}的单位在预览之后已被删除或调出您的范围，本批次未导入任何数据；请重新上传`);
  }
  return unit;
}

async function writeAll(actor: SessionActor, batch: ImportBatchDocument, payloads: readonly ImportPayload[], targets: readonly Target[]): Promise<ImportApplyResult> {
  const options: CadreWriteOptions = { importBatchId: batch._id, auditDetail: { importId: String(batch._id) }, noteLedger: false };
  const done: JournaledWrite[] = [];
  /** Journaled before it is made, so that a process killed part-way can be rolled back; renews the claim. */
  const remember = async (write: JournaledWrite) => {
    await journalWrite(batch._id, done.length, write);
    done.push(write);
    await ImportBatchModel.updateOne({ _id: batch._id }, { $set: { applyingSince: new Date() } });
  };
  let current: ImportPayload | undefined;
  try {
    for (const [index, payload] of payloads.entries()) {
      current = payload;
      const { unit, before } = targets[index]!;
      const fields = prepareCadreFields(payload.input, unit, payload.texts);
      if (before === null) {
        const id = new Types.ObjectId();
        await remember({ kind: 'created', id: String(id) });
        await writeNewCadre(actor, fields, unit.name, { ...options, id });
        if (payload.photo) await writeCadrePhoto(actor, String(id), payload.photo, options);
      } else {
        const id = String(before._id);
        await remember({ kind: 'updated', id, before, photoBefore: payload.photo ? await readCadrePhoto(id) : undefined });
        await writeCadreChanges(actor, before, payload.expectedVersion!, fields, unit.name, options);
        if (payload.photo) await writeCadrePhoto(actor, id, payload.photo, options);
      }
    }
  } catch (error) {
    const undone = await undo(actor, actor.log, done, options);
    await noteCadresChanged(undone);
    await clearJournal(batch._id, done.length);
    actor.log.warn({ err: error, importId: String(batch._id) }, 'import apply failed; undone');
    const where = current ? sourceOf(current) : '';
    const known = error instanceof AppError;
    throw new AppError(
      known ? 409 : 500,
      'import_failed',
      `导入${where}时失败${known ? `：${error.message}` : ''}。已撤销本批次写入的 ${undone.length} 条记录，未导入任何数据`,
    );
  }
  await noteCadresChanged(done.map((entry) => entry.id));
  await clearJournal(batch._id, done.length);
  return {
    id: String(batch._id),
    created: done.filter((entry) => entry.kind === 'created').length,
    updated: done.filter((entry) => entry.kind === 'updated').length,
  };
}

/** Takes back what an apply wrote, newest first, each step audited by the writer. Returns the ids of the records touched. */
async function undo(actor: Actor, log: Logger, done: readonly JournaledWrite[], options: CadreWriteOptions): Promise<string[]> {
  const touched = new Set<string>();
  for (const entry of [...done].reverse()) {
    try {
      if (entry.kind === 'created') {
        if (await undoCadreCreation(actor, entry.id, options)) touched.add(entry.id);
        continue;
      }
      touched.add(entry.id);
      await restoreCadre(actor, entry.before, options);
      if (entry.photoBefore === null) await removeCadrePhoto(actor, entry.id, options);
      else if (entry.photoBefore !== undefined) await writeCadrePhoto(actor, entry.id, entry.photoBefore, options);
    } catch (undoError) {
      // Keep undoing the rest; what could not be undone is in the log with the cadre's id.
      log.error({ err: undoError, cadreId: entry.id }, 'import undo step failed');
    }
  }
  return [...touched];
}

/** Takes back what a dead apply of the batch wrote, from its journal, and releases the claim. */
async function rollBack(batchId: Types.ObjectId, log: Logger): Promise<void> {
  const done = await readJournal(batchId);
  const options: CadreWriteOptions = { importBatchId: batchId, auditDetail: { importId: String(batchId), reason: 'interrupted_apply' }, noteLedger: false };
  const undone = await undo(SERVER_OPERATOR, log, done, options);
  await noteCadresChanged(undone);
  await clearJournal(batchId, done.length);
  await recordAudit(SERVER_OPERATOR, {
    action: 'import.recover',
    result: 'success',
    objectType: 'import',
    objectId: String(batchId),
    detail: { undone: undone.length },
  });
  log.warn({ importId: String(batchId), undone: undone.length }, 'an interrupted import apply was rolled back');
}

/**
 * Rolls back every apply whose process died part-way: at start, and before a stale claim is taken
 * over. `staleAfterMs` 0 takes every claim as dead: right when no other process can be applying
 * (the embedded database serves one process). Scans the import batches, a small collection.
 */
export async function recoverInterruptedApplies(log: Logger, staleAfterMs = STALE_CLAIM_MS): Promise<number> {
  const staleBefore = new Date(Date.now() - staleAfterMs);
  const stuck = await ImportBatchModel.find({ status: 'validated', applyingSince: mongoose.trusted({ $ne: null, $lte: staleBefore }) })
    .select('_id applyingSince')
    .lean();
  for (const batch of stuck) {
    // Claimed again first, so that two recovering processes do not both undo it.
    const taken = await withDocumentLock(`import_batches:${String(batch._id)}`, () =>
      ImportBatchModel.updateOne({ _id: batch._id, applyingSince: batch.applyingSince }, { $set: { applyingSince: new Date() } }),
    );
    if (taken.modifiedCount === 0) continue;
    await rollBack(batch._id, log);
    await ImportBatchModel.updateOne({ _id: batch._id }, { $set: { applyingSince: null } });
  }
  return stuck.length;
}
