import { Types } from 'mongoose';
import {
  CORRECTABLE_FIELDS,
  type CorrectionDecisionParsed,
  type CorrectionRequest,
  type PersonnelScope,
  type CorrectionRequestInputSchema,
  type CorrectionListQuerySchema,
} from '@cadre/shared-models';
import type { z } from 'zod';
import { AppError } from '../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { CadreModel } from '../cadres/cadre.model.js';
import { cadreInScope } from '../cadres/cadre-scope.js';
import { findCadreInScope, toCadreRecord, unitNameOf, type StoredCadre } from '../cadres/cadre-writer.js';
import { CorrectionModel, type CorrectionDocument } from './correction.model.js';
import { correctionList, noteCorrectionsChanged } from './correction-list.js';
import { describeCorrectableField } from './correction-values.js';
import type { SessionActor } from '../platform/actor.js';
import { withDocumentLock } from '../db/document-lock.js';
import { applyCorrection, type ApplyingChange } from './correction-apply.js';

/**
 * Pending requests one cadre may have open at once: enough for every real error in a record,
 * few enough that one account cannot flood its unit manager's queue.
 */
export const MAX_PENDING_CORRECTIONS = 5;

type StoredCorrection = CorrectionDocument & { _id: Types.ObjectId; createdAt: Date };

const FIELD_LABELS: Record<string, string> = Object.fromEntries(CORRECTABLE_FIELDS);
const STATUS_LABELS = { pending: '待审核', approved: '已同意', rejected: '已驳回' } as const;
const NOT_FOUND_MESSAGE = '更正申请不存在或不在您的审核范围内';

export function toCorrectionRequest(doc: StoredCorrection): CorrectionRequest {
  return {
    id: String(doc._id),
    cadreId: String(doc.cadreId),
    cadreName: doc.cadreName,
    unitId: String(doc.unitId),
    unitName: doc.unitName,
    field: doc.field,
    currentValue: doc.currentValue,
    proposedValue: doc.proposedValue,
    reason: doc.reason,
    status: doc.status,
    submittedAt: doc.createdAt.toISOString(),
    decidedAt: doc.decidedAt ? doc.decidedAt.toISOString() : null,
    decidedByName: doc.decidedByName ?? null,
    decisionReason: doc.decisionReason ?? null,
    appliedVersion: doc.appliedVersion ?? null,
    appliedValue: doc.appliedValue ?? null,
  };
}

/**
 * A cadre asks for a correction of their own record; any other id gets 404 as a missing one
 * would, and the attempt is audited. The field's current value is captured here, not taken
 * from the client.
 */
export async function submitCorrection(
  actor: SessionActor,
  scope: PersonnelScope,
  cadreId: string,
  input: z.output<typeof CorrectionRequestInputSchema>,
): Promise<CorrectionRequest> {
  const cadre: StoredCadre = await findCadreInScope(actor, scope, cadreId, { action: 'correction.submit' });
  const pending = (await correctionList().current()).pendingOf(String(cadre._id));
  if (pending >= MAX_PENDING_CORRECTIONS) {
    throw new AppError(
      409,
      'too_many_pending_corrections',
      `您已有 ${pending} 条更正申请等待审核（最多 ${MAX_PENDING_CORRECTIONS} 条），请等审核后再提交`,
    );
  }
  const unitName = await unitNameOf(cadre.unitId);
  const currentValue = describeCorrectableField(toCadreRecord(cadre, unitName), input.field);
  const created = await CorrectionModel.create({
    cadreId: cadre._id,
    cadreName: cadre.name,
    unitId: cadre.unitId,
    unitName,
    unitPath: cadre.unitPath,
    field: input.field,
    currentValue,
    proposedValue: input.proposedValue,
    reason: input.reason,
    submittedBy: actor.id,
  });
  const request = toCorrectionRequest(created.toObject() as unknown as StoredCorrection);
  await noteCorrectionsChanged([request.id]);
  await recordAudit(actor, {
    action: 'correction.submit',
    result: 'success',
    objectType: 'correction',
    objectId: request.id,
    detail: {
      cadreId,
      field: input.field,
      changes: { [input.field]: { before: currentValue, after: input.proposedValue } },
      reason: input.reason,
    },
  });
  return request;
}

/** The requests the caller may read: a cadre their own, a unit manager their subtree's, org_admin all. */
export async function listCorrections(scope: PersonnelScope, query: z.output<typeof CorrectionListQuerySchema>) {
  const { ids, total } = (await correctionList().current()).page(scope, query, query.page, query.size);
  // By `_id`, in the list's order; one deleted since the list was read is left out.
  const docs = (await Promise.all(ids.map((id) => CorrectionModel.findById(id).lean<StoredCorrection>()))).filter((doc) => doc !== null);
  return { items: docs.map(toCorrectionRequest), total };
}

/**
 * The cadre's unit manager (any unit above the cadre's) or org_admin approves or rejects a
 * pending request with a reason. Approval writes the approver's change into the record (a
 * versioned update audited as cadre.update with the request's id) and then records the
 * decision; rejection leaves the record alone.
 */
export async function decideCorrection(
  actor: SessionActor,
  scope: PersonnelScope,
  id: string,
  decision: CorrectionDecisionParsed,
): Promise<CorrectionRequest> {
  // Under the request's lock: the embedded database would let two simultaneous decisions both
  // match (decision 0017), and an approval writes the record before it marks the request.
  const decided = await withDocumentLock(`correction_requests:${id}`, async () => {
    const request = await CorrectionModel.findById(id).lean<StoredCorrection>();
    // The cadre's own unit path decides, should the copy on the request ever lag behind a move.
    const cadre = request ? await CadreModel.findById(request.cadreId).lean<StoredCadre>() : null;
    if (!request || !cadre || !cadreInScope(scope, cadre)) {
      await recordAudit(actor, { action: 'correction.decide', result: request ? 'denied' : 'failure', objectType: 'correction', objectId: id });
      throw new AppError(404, 'not_found', NOT_FOUND_MESSAGE);
    }
    if (request.submittedBy === actor.id) {
      await recordAudit(actor, { action: 'correction.decide', result: 'denied', objectType: 'correction', objectId: id, detail: { reason: 'own_request' } });
      throw new AppError(403, 'own_request', '不能审核自己提交的更正申请');
    }
    if (request.status !== 'pending') {
      throw new AppError(409, 'already_decided', `该申请${STATUS_LABELS[request.status]}，只能审核待审核的申请`);
    }
    const applied =
      decision.decision === 'approved'
        ? await applyCorrection(actor, cadre, { _id: request._id, field: request.field, applying: request.applying as ApplyingChange | null }, decision.version, decision.change)
        : null;
    const updated = await CorrectionModel.findOneAndUpdate(
      { _id: request._id },
      {
        $set: {
          status: decision.decision,
          decidedAt: new Date(),
          decidedBy: actor.username,
          decidedById: actor.id,
          decidedByName: actor.displayName,
          decisionReason: decision.reason,
          appliedVersion: applied?.version ?? null,
          // Under 其他 the request names no one field of the record to describe.
          appliedValue: applied && request.field !== 'other' ? describeCorrectableField(applied, request.field) : null,
          applying: null,
        },
      },
      { returnDocument: 'after', lean: true },
    );
    // Only a deletion of the cadre, and with it the request, in the meantime leaves nothing here.
    if (!updated) throw new AppError(404, 'not_found', NOT_FOUND_MESSAGE);
    return { request, updated: updated as unknown as StoredCorrection };
  });
  await noteCorrectionsChanged([id]);
  await recordAudit(actor, {
    action: 'correction.decide',
    result: 'success',
    objectType: 'correction',
    objectId: id,
    detail: {
      cadreId: String(decided.request.cadreId),
      field: decided.request.field,
      fieldLabel: FIELD_LABELS[decided.request.field],
      changes: { status: { before: 'pending', after: decision.decision } },
      reason: decision.reason,
      ...(decided.updated.appliedVersion === null ? {} : { appliedVersion: decided.updated.appliedVersion }),
    },
  });
  return toCorrectionRequest(decided.updated);
}
