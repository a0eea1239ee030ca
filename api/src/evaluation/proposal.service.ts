import type { AdjustmentProposal, AdjustmentProposalListQuerySchema, ProposalDecision } from '@cadre/shared-models';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../platform/errors.js';
import type { SessionActor } from '../platform/actor.js';
import { ProposalModel } from './evaluation.models.js';
import { noteProposalsChanged, proposalList } from './proposal-list.js';
import { readByIds } from './scoring-reads.js';
import { claimRevision } from './result-claims.js';

interface StoredProposal extends Omit<AdjustmentProposal, 'id' | 'createdAt' | 'decidedAt'> {
  _id: string;
  createdAt: Date;
  decidedAt: Date | null;
  revision: number;
}

const STATUS_LABELS = { pending: '待处理', accepted: '已采纳', rejected: '未采纳' } as const;

function toProposal(doc: StoredProposal): AdjustmentProposal {
  return {
    id: doc._id,
    cycleId: String(doc.cycleId),
    cycleName: doc.cycleName,
    cadreId: String(doc.cadreId),
    cadreName: doc.cadreName,
    unitId: String(doc.unitId),
    unitName: doc.unitName,
    ruleId: doc.ruleId,
    ruleDescription: doc.ruleDescription,
    action: doc.action,
    basis: doc.basis,
    status: doc.status,
    createdAt: new Date(doc.createdAt).toISOString(),
    decidedAt: doc.decidedAt ? new Date(doc.decidedAt).toISOString() : null,
    decidedBy: doc.decidedBy ?? null,
    decisionReason: doc.decisionReason ?? null,
  };
}

/** A page of proposals, newest first, chosen and counted by the projection and read by `_id`. */
export async function listProposals(query: z.output<typeof AdjustmentProposalListQuerySchema>): Promise<{ items: AdjustmentProposal[]; total: number }> {
  const { ids, total } = (await proposalList().current()).page(query, query.page, query.size);
  const docs = await readByIds<StoredProposal>(ProposalModel as never, ids);
  return { items: ids.flatMap((id) => (docs.has(id) ? [toProposal(docs.get(id)!)] : [])), total };
}

/** org_admin accepts or rejects a pending proposal with a reason; what follows for the cadre is decided by people, elsewhere. */
export async function decideProposal(actor: SessionActor, id: string, decision: ProposalDecision): Promise<AdjustmentProposal> {
  const doc = await ProposalModel.findById(id).lean<StoredProposal>();
  if (!doc) throw new AppError(404, 'not_found', '调整建议不存在');
  const decided = (status: keyof typeof STATUS_LABELS) => new AppError(409, 'already_decided', `该建议${STATUS_LABELS[status]}，只能处理待处理的建议`);
  if (doc.status !== 'pending') throw decided(doc.status);
  if (!(await claimRevision(`proposal:${id}`, doc.revision))) throw new AppError(409, 'already_decided', '该建议刚由他人处理，请刷新后查看');
  const saved = await ProposalModel.findOneAndUpdate(
    { _id: id, status: 'pending', revision: doc.revision },
    { $set: { status: decision.decision, decidedAt: new Date(), decidedBy: actor.username, decisionReason: decision.reason }, $inc: { revision: 1 } },
    { returnDocument: 'after', lean: true },
  );
  if (!saved) {
    const now = await ProposalModel.findById(id).select('status').lean<{ status: keyof typeof STATUS_LABELS }>();
    throw now ? decided(now.status) : new AppError(404, 'not_found', '调整建议不存在');
  }
  await noteProposalsChanged([id]);
  await recordAudit(actor, {
    action: 'proposal.decide',
    result: 'success',
    objectType: 'adjustment_proposal',
    objectId: id,
    detail: { cadreId: String(doc.cadreId), ruleId: doc.ruleId, changes: { status: { before: 'pending', after: decision.decision } }, reason: decision.reason },
  });
  return toProposal(saved as unknown as StoredProposal);
}
