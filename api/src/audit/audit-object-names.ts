import type { AuditObjectName, AuditRecord } from '@cadre/shared-models';
import type { Model } from 'mongoose';
import { CadreModel } from '../cadres/cadre.model.js';
import { CorrectionModel } from '../corrections/correction.model.js';
import { CycleModel, FrameworkVersionModel } from '../evaluation/evaluation.models.js';
import { ImportBatchModel } from '../imports/import-batch.model.js';
import { ledgerReadModel } from '../ledger/ledger-read-model.js';
import type { LedgerIndex } from '../ledger/ledger-index.js';
import { LedgerViewModel } from '../ledger/ledger-views.js';
import { UnitModel } from '../units/unit.model.js';
import { UserModel } from '../users/user.model.js';

/*
 * Names for the ids on one page of the audit log (at most 100 records), so an auditor reads
 * 张三 · 甲街道 rather than a hex id: cadres from the ledger read model, everything else read by
 * `_id` (the only index the embedded database uses), each id once. Names are today's: a record
 * renamed since shows its new name; one deleted since shows 已删除 and a short id.
 */

type Kind = 'cadre' | 'user' | 'unit' | 'cycle' | 'framework_version' | 'correction' | 'ledger_view' | 'import';

const KIND_OF_TYPE: Record<string, Kind> = {
  cadre: 'cadre',
  user: 'user',
  unit: 'unit',
  cycle: 'cycle',
  assessment_cycle: 'cycle',
  framework_version: 'framework_version',
  correction: 'correction',
  ledger_view: 'ledger_view',
  import: 'import',
};

/** Ids inside a record's `changes` that name other objects, by the field that holds them. */
const KIND_OF_FIELD: Record<string, Kind> = { unitId: 'unit', parentId: 'unit', cadreId: 'cadre' };

const OBJECT_ID = /^[0-9a-f]{24}$/;

export function deletedName(id: string): AuditObjectName {
  return { name: '已删除', context: `#${id.slice(-6)}`, deleted: true };
}

/** Every (kind, id) the page refers to: the records' objects and the ids their changes hold. */
export function collectReferences(records: readonly AuditRecord[]): Map<string, Kind> {
  const refs = new Map<string, Kind>();
  const add = (id: unknown, kind: Kind | undefined) => {
    if (kind && typeof id === 'string' && OBJECT_ID.test(id)) refs.set(id, kind);
  };
  for (const record of records) {
    if (record.objectType) add(record.objectId, KIND_OF_TYPE[record.objectType]);
    const changes = record.detail?.['changes'];
    if (!changes || typeof changes !== 'object') continue;
    for (const [field, change] of Object.entries(changes as Record<string, unknown>)) {
      const sides = change && typeof change === 'object' ? (change as { before?: unknown; after?: unknown }) : {};
      add(sides.before, KIND_OF_FIELD[field]);
      add(sides.after, KIND_OF_FIELD[field]);
    }
  }
  return refs;
}

async function readName<D>(model: Model<never>, id: string, fields: string, name: (doc: D) => AuditObjectName): Promise<AuditObjectName> {
  const doc = await (model as unknown as Model<D>).findById(id).select(fields).lean<D>();
  return doc ? name(doc) : deletedName(id);
}

/** The ledger, or null while it loads: the page then reads the cadres by `_id` instead of waiting. */
async function currentLedger(): Promise<LedgerIndex | null> {
  try {
    return await ledgerReadModel().current();
  } catch {
    return null;
  }
}

async function nameCadre(ledger: LedgerIndex | null, unitNames: Map<string, string>, id: string): Promise<AuditObjectName> {
  const entry = ledger?.entryOf(id);
  if (entry) return { name: entry.name, context: unitNames.get(entry.unitId) ?? null, deleted: false };
  return readName<{ name: string; unitId: unknown }>(CadreModel as never, id, 'name unitId', (doc) => ({
    name: doc.name,
    context: unitNames.get(String(doc.unitId)) ?? null,
    deleted: false,
  }));
}

function nameOther(kind: Exclude<Kind, 'cadre'>, id: string): Promise<AuditObjectName> {
  switch (kind) {
    case 'user':
      return readName<{ displayName: string; username: string }>(UserModel as never, id, 'displayName username', (doc) => ({
        name: doc.displayName,
        context: doc.username,
        deleted: false,
      }));
    case 'unit':
      return readName<{ name: string }>(UnitModel as never, id, 'name', (doc) => ({ name: doc.name, context: null, deleted: false }));
    case 'cycle':
      return readName<{ name: string }>(CycleModel as never, id, 'name', (doc) => ({ name: doc.name, context: null, deleted: false }));
    case 'framework_version':
      return readName<{ name: string }>(FrameworkVersionModel as never, id, 'name', (doc) => ({ name: doc.name, context: null, deleted: false }));
    case 'correction':
      return readName<{ cadreName: string; unitName: string }>(CorrectionModel as never, id, 'cadreName unitName', (doc) => ({
        name: `${doc.cadreName}的更正申请`,
        context: doc.unitName,
        deleted: false,
      }));
    case 'ledger_view':
      return readName<{ name: string }>(LedgerViewModel as never, id, 'name', (doc) => ({ name: doc.name, context: null, deleted: false }));
    case 'import':
      return readName<{ fileName: string }>(ImportBatchModel as never, id, 'fileName', (doc) => ({
        name: doc.fileName || '导入批次',
        context: null,
        deleted: false,
      }));
  }
}

/** The names of everything the page's records refer to, keyed by id. */
export async function nameAuditObjects(records: readonly AuditRecord[]): Promise<Record<string, AuditObjectName>> {
  const refs = collectReferences(records);
  if (refs.size === 0) return {};
  const ledger = [...refs.values()].includes('cadre') ? await currentLedger() : null;
  const unitNames = new Map((ledger?.unitTree ?? []).map((unit) => [unit.id, unit.name]));
  const entries = await Promise.all(
    [...refs].map(async ([id, kind]) => [id, kind === 'cadre' ? await nameCadre(ledger, unitNames, id) : await nameOther(kind, id)] as const),
  );
  return Object.fromEntries(entries);
}
