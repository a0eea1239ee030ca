import mongoose, { Schema, type Types } from 'mongoose';
import { LedgerFilterSchema, LedgerViewInputSchema, type LedgerView } from '@cadre/shared-models';
import type * as z from 'zod';
import { AppError } from '../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { describeChanges } from '../audit/audit-changes.js';
import type { SessionActor } from '../platform/actor.js';

/** A saved ledger view: private to the user who saved it, names unique per user. */
const ledgerViewSchema = new Schema(
  {
    ownerId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    filter: { type: Schema.Types.Mixed, required: true },
    sort: { type: String, required: true },
    direction: { type: String, enum: ['asc', 'desc'], required: true },
    columns: { type: [String], required: true },
  },
  { timestamps: true, collection: 'ledger_views', minimize: false },
);
ledgerViewSchema.index({ ownerId: 1, name: 1 }, { unique: true });
export const LedgerViewModel = mongoose.model('LedgerView', ledgerViewSchema);

type ViewInput = z.output<typeof LedgerViewInputSchema>;
interface StoredView extends Omit<ViewInput, 'filter'> {
  _id: Types.ObjectId;
  ownerId: Types.ObjectId;
  filter: unknown;
  createdAt: Date;
}

const AUDITED_FIELDS = ['name', 'filter', 'sort', 'direction', 'columns'] as const;
const collator = new Intl.Collator('zh-CN');

function toView(doc: StoredView): LedgerView {
  return {
    id: String(doc._id),
    name: doc.name,
    // Read through the schema: a view saved before a filter was added opens with it empty.
    filter: LedgerFilterSchema.parse(doc.filter),
    sort: doc.sort,
    direction: doc.direction,
    columns: doc.columns,
    createdAt: doc.createdAt.toISOString(),
  };
}

function nameTaken(name: string): AppError {
  return new AppError(409, 'view_name_taken', `您已有名为“${name}”的视图，请换一个名称`, [{ path: 'body.name', message: '名称已被您的其他视图使用' }]);
}

function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number } | null)?.code === 11000;
}

/** The caller's view, or 404 alike for missing and someone else's (an attempt on another's is audited as denied). */
async function ownView(actor: SessionActor, id: string, action: string): Promise<StoredView> {
  const doc = await LedgerViewModel.findById(id).lean<StoredView>();
  if (doc && String(doc.ownerId) === actor.id) return doc;
  await recordAudit(actor, { action, result: doc ? 'denied' : 'failure', objectType: 'ledger_view', objectId: id });
  throw new AppError(404, 'not_found', '视图不存在');
}

async function assertNameFree(ownerId: string, name: string, exceptId?: string): Promise<void> {
  const same = await LedgerViewModel.findOne({ ownerId, name }).lean<StoredView>();
  if (same && String(same._id) !== exceptId) throw nameTaken(name);
}

export async function listViews(actor: SessionActor): Promise<LedgerView[]> {
  const docs = await LedgerViewModel.find({ ownerId: actor.id }).lean<StoredView[]>();
  return docs.map(toView).sort((a, b) => collator.compare(a.name, b.name));
}

export async function createView(actor: SessionActor, input: ViewInput): Promise<LedgerView> {
  const ownerId = actor.id;
  await assertNameFree(ownerId, input.name);
  let created;
  try {
    created = await LedgerViewModel.create({ ...input, ownerId });
  } catch (err) {
    if (isDuplicateKey(err)) throw nameTaken(input.name);
    throw err;
  }
  const view = toView(created.toObject() as StoredView);
  await recordAudit(actor, { action: 'ledger_view.create', result: 'success', objectType: 'ledger_view', objectId: view.id, detail: { after: input } });
  return view;
}

export async function updateView(actor: SessionActor, id: string, input: ViewInput): Promise<LedgerView> {
  const before = await ownView(actor, id, 'ledger_view.update');
  await assertNameFree(actor.id, input.name, id);
  let updated;
  try {
    updated = await LedgerViewModel.findOneAndUpdate({ _id: before._id }, { $set: input }, { returnDocument: 'after', lean: true });
  } catch (err) {
    if (isDuplicateKey(err)) throw nameTaken(input.name);
    throw err;
  }
  // Deleted by the owner in another tab between the two reads.
  if (!updated) throw new AppError(404, 'not_found', '视图不存在');
  const view = toView(updated as unknown as StoredView);
  const changes = describeChanges(toView(before), view, AUDITED_FIELDS);
  await recordAudit(actor, { action: 'ledger_view.update', result: 'success', objectType: 'ledger_view', objectId: id, detail: { changes } });
  return view;
}

export async function deleteView(actor: SessionActor, id: string): Promise<void> {
  const view = await ownView(actor, id, 'ledger_view.delete');
  await LedgerViewModel.deleteOne({ _id: view._id });
  await recordAudit(actor, { action: 'ledger_view.delete', result: 'success', objectType: 'ledger_view', objectId: id, detail: { name: view.name } });
}
