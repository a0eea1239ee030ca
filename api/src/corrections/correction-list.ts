import { isCadreInScope, type CORRECTION_STATUSES, type PersonnelScope } from '@cadre/shared-models';
import { ChangeFeed } from '../projections/change-feed.js';
import { documentRows, processProjection, Projection, type ProjectionDefinition, type ProjectionOptions } from '../projections/projection.js';
import { CorrectionModel } from './correction.model.js';

/**
 * The correction requests as a projection (docs/decisions/0012): the list, its count and the
 * per-cadre pending count are answered from memory; a page's requests are then read by `_id`.
 * Writers note the requests they changed, or, for a bulk change by cadre or unit, that cadre or
 * unit: the projection knows which of its requests that touches and re-reads exactly those.
 */
export const correctionFeed = new ChangeFeed('corrections');

const cadreTopic = (cadreId: string) => `cadre:${cadreId}`;
const unitTopic = (unitId: string) => `unit:${unitId}`;

/** Call after writing these requests. */
export function noteCorrectionsChanged(ids: readonly string[]): Promise<void> {
  return correctionFeed.noteChanged(ids);
}

/** Call after a write to every request of a cadre (a rename or move carried along, a deletion). */
export function noteCadreCorrectionsChanged(cadreId: string): Promise<void> {
  return correctionFeed.noteTopic(cadreTopic(cadreId));
}

/** Call after a write to every request of cadres in a unit (the unit renamed or moved). */
export function noteUnitCorrectionsChanged(unitId: string): Promise<void> {
  return correctionFeed.noteTopic(unitTopic(unitId));
}

type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

interface CorrectionRow {
  id: string;
  cadreId: string;
  unitId: string;
  unitPath: string[];
  status: CorrectionStatus;
  /** Submission time in ms, then id: the list's order, newest first. */
  createdAt: number;
}

export class CorrectionList {
  private readonly rows = new Map<string, CorrectionRow>();
  private order: CorrectionRow[] | null = null;

  set(row: CorrectionRow): void {
    this.rows.set(row.id, row);
    this.order = null;
  }

  delete(id: string): void {
    this.rows.delete(id);
    this.order = null;
  }

  /** The requests a bulk change by cadre or unit touched. */
  idsFor(topic: string): string[] {
    const [kind, id] = topic.split(':');
    return [...this.rows.values()].filter((row) => (kind === 'cadre' ? row.cadreId === id : row.unitId === id)).map((row) => row.id);
  }

  private sorted(): CorrectionRow[] {
    this.order ??= [...this.rows.values()].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    return this.order;
  }

  /** One page of request ids newest first, and the count, within the scope and filter. */
  page(scope: PersonnelScope, filter: { status?: CorrectionStatus | undefined; cadreId?: string | undefined }, page: number, size: number): { ids: string[]; total: number } {
    const inScope = (row: CorrectionRow) => isCadreInScope(scope, { id: row.cadreId, unitPath: row.unitPath });
    const matching = this.sorted().filter(
      (row) => inScope(row) && (!filter.status || row.status === filter.status) && (!filter.cadreId || row.cadreId === filter.cadreId),
    );
    return { ids: matching.slice(page * size, (page + 1) * size).map((row) => row.id), total: matching.length };
  }

  pendingOf(cadreId: string): number {
    let count = 0;
    for (const row of this.rows.values()) if (row.cadreId === cadreId && row.status === 'pending') count += 1;
    return count;
  }
}

const ROW_FIELDS = 'cadreId unitId unitPath status createdAt';

interface RowSource {
  _id: unknown;
  cadreId: unknown;
  unitId: unknown;
  unitPath: unknown[];
  status: CorrectionStatus;
  createdAt: Date;
}

function toRow(doc: RowSource): CorrectionRow {
  return {
    id: String(doc._id),
    cadreId: String(doc.cadreId),
    unitId: String(doc.unitId),
    unitPath: doc.unitPath.map(String),
    status: doc.status,
    createdAt: doc.createdAt.getTime(),
  };
}

const definition: ProjectionDefinition<CorrectionList> = {
  name: 'corrections',
  source: correctionFeed,
  messages: { loading: '更正申请列表正在加载，请稍后再试', updating: '更正申请列表正在更新，请稍后再试' },
  ...documentRows<RowSource, CorrectionRow, CorrectionList>({
    model: CorrectionModel as never,
    fields: ROW_FIELDS,
    toRow,
    create: () => new CorrectionList(),
    idsForTopic: (list, topic) => list.idsFor(topic),
  }),
};

export function createCorrectionList(options: ProjectionOptions): Projection<CorrectionList> {
  return new Projection(definition, options);
}

const processList = processProjection(createCorrectionList);
/** Makes `projection` the one this process answers correction lists from. */
export const useCorrectionList = processList.use;
/** The process's correction list. */
export const correctionList = processList.get;
