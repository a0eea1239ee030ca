import { createHash } from 'node:crypto';
import { tagRelevantSource } from '@cadre/shared-models';
import { CadreModel } from '../cadres/cadre.model.js';
import { UnitModel } from '../units/unit.model.js';
import { processProjection, Projection, type ProjectionDefinition, type ProjectionOptions } from '../projections/projection.js';
import { ledgerFeed, UNITS_TOPIC } from './ledger-changes.js';
import { fromColumns, toColumns, type ColumnTable } from '../projections/columns.js';
import { LEDGER_FIELDS, StringPool, toLedgerEntry, type LedgerEntry, type LedgerSourceDocument } from './ledger-entry.js';
import { LedgerIndex, type LedgerUnit } from './ledger-index.js';

/** The ledger read model: the ledger index as a projection of the cadre records. */
export type LedgerReadModel = Projection<LedgerIndex>;

async function readUnits(): Promise<LedgerUnit[]> {
  const units = await UnitModel.find().select('name type parentId ancestorIds sortOrder').lean();
  return units.map((u) => ({
    id: String(u._id),
    name: u.name,
    type: u.type,
    parentId: u.parentId ? String(u.parentId) : null,
    ancestorIds: u.ancestorIds.map(String),
    sortOrder: u.sortOrder,
  }));
}

interface LedgerSnapshot {
  units: LedgerUnit[];
  /** The entries in columns: read back in a fraction of the time, sharing their strings. */
  entries: ColumnTable;
}

/**
 * A snapshot holds entries as `toLedgerEntry` made them: the format follows the fields read and
 * the code that turns them into entries, so a release that changes either ignores old snapshots.
 */
const SNAPSHOT_FORMAT = `ledger-2-${createHash('sha256')
  .update(LEDGER_FIELDS)
  .update(toLedgerEntry.toString())
  .update(tagRelevantSource.toString())
  .digest('hex')
  .slice(0, 16)}`;

/**
 * The ledger as a projection (docs/decisions/0009, 0012): loaded in full through one cursor or
 * restored from its snapshot, then kept fresh by re-reading changed cadres by `_id`.
 */
export function ledgerProjection(now: () => Date): ProjectionDefinition<LedgerIndex> {
  return {
    name: 'ledger',
    source: ledgerFeed,
    messages: { loading: '台账正在加载，请稍后再试', updating: '台账正在更新，请稍后再试' },
    async loadAll(ctx) {
      const units = await readUnits();
      const pool = new StringPool();
      const entries: LedgerEntry[] = [];
      const cursor = CadreModel.find().select(LEDGER_FIELDS).lean<LedgerSourceDocument[]>().cursor({ batchSize: 2000 });
      try {
        for await (const doc of cursor) {
          ctx.checkStopped();
          entries.push(toLedgerEntry(doc as LedgerSourceDocument, pool));
        }
      } finally {
        await cursor.close();
      }
      return new LedgerIndex(units, entries, now());
    },
    async apply(index, { ids, topics }, ctx) {
      const docs = await ctx.readByIds(ids, (id) => CadreModel.findById(id).select(LEDGER_FIELDS).lean<LedgerSourceDocument>());
      if (typeof docs === 'string') return docs;
      const pool = new StringPool();
      const entries = new Map<string, LedgerEntry | null>();
      for (const [id, doc] of docs) entries.set(id, doc ? toLedgerEntry(doc, pool) : null);
      const unitIds = [...entries.values()].flatMap((entry) => entry?.unitPath ?? []);
      if (topics.has(UNITS_TOPIC) || !index.knowsUnits(unitIds)) index.setUnits(await readUnits());
      index.apply(entries);
      return undefined;
    },
    refresh(index, at) {
      index.setDate(at);
    },
    snapshot: {
      format: SNAPSHOT_FORMAT,
      save: (index): LedgerSnapshot => {
        const { units, entries } = index.contents();
        return { units: [...units], entries: toColumns(entries) };
      },
      restore: (payload, at) => {
        const { units, entries } = payload as LedgerSnapshot;
        return new LedgerIndex(units, fromColumns<LedgerEntry>(entries), at);
      },
    },
  };
}

export function createLedgerReadModel(options: ProjectionOptions): LedgerReadModel {
  return new Projection(ledgerProjection(options.now ?? (() => new Date())), options);
}

const processModel = processProjection(createLedgerReadModel);
/** Makes `model` the read model this process serves the ledger and the dashboard from. */
export const useLedgerReadModel = processModel.use;
/** The process's ledger read model. */
export const ledgerReadModel = processModel.get;
