import type { CycleStatus, CycleSummary } from '@cadre/shared-models';
import { ChangeFeed } from '../projections/change-feed.js';
import { documentRows, processProjection, Projection, type ProjectionDefinition, type ProjectionOptions } from '../projections/projection.js';
import { CycleModel } from './evaluation.models.js';

/**
 * Assessment cycles as a projection (docs/decisions/0012): a few per year, so lists, filters and
 * the open cycles a rater has forms in are answered from memory.
 */
export const cycleFeed = new ChangeFeed('assessment-cycles');

/** Call after writing these cycles (their status, counts or anything a summary shows). */
export function noteCyclesChanged(ids: readonly string[]): Promise<void> {
  return cycleFeed.noteChanged(ids);
}

export class CycleList {
  private readonly rows = new Map<string, CycleSummary>();
  private order: CycleSummary[] | null = null;

  set(row: CycleSummary): void {
    this.rows.set(row.id, row);
    this.order = null;
  }

  delete(id: string): void {
    this.rows.delete(id);
    this.order = null;
  }

  private sorted(): CycleSummary[] {
    this.order ??= [...this.rows.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || (a.id < b.id ? 1 : -1));
    return this.order;
  }

  /** One page of cycles newest first, and the count, optionally of one status. */
  page(status: CycleStatus | undefined, page: number, size: number): { items: CycleSummary[]; total: number } {
    const matching = status ? this.sorted().filter((row) => row.status === status) : this.sorted();
    return { items: matching.slice(page * size, (page + 1) * size), total: matching.length };
  }

  /** Every cycle of this status, newest first. */
  withStatus(status: CycleStatus): CycleSummary[] {
    return this.sorted().filter((row) => row.status === status);
  }
}

interface RowSource {
  _id: unknown;
  name: string;
  type: CycleSummary['type'];
  year: number;
  status: CycleStatus;
  dueDate: string;
  frameworkName: string;
  frameworkVersion: number;
  counts?: Partial<CycleSummary['counts']>;
  createdAt: Date;
}

function toRow(doc: RowSource): CycleSummary {
  return {
    id: String(doc._id),
    name: doc.name,
    type: doc.type,
    year: doc.year,
    status: doc.status,
    dueDate: doc.dueDate,
    frameworkName: doc.frameworkName,
    frameworkVersion: doc.frameworkVersion,
    counts: {
      population: doc.counts?.population ?? 0,
      assignments: doc.counts?.assignments ?? 0,
      submitted: doc.counts?.submitted ?? 0,
      raters: doc.counts?.raters ?? 0,
    },
    createdAt: doc.createdAt.toISOString(),
  };
}

const definition: ProjectionDefinition<CycleList> = {
  name: 'assessment-cycles',
  source: cycleFeed,
  messages: { loading: '考核列表正在加载，请稍后再试', updating: '考核列表正在更新，请稍后再试' },
  ...documentRows<RowSource, CycleSummary, CycleList>({
    model: CycleModel as never,
    fields: 'name type year status dueDate frameworkName frameworkVersion counts createdAt',
    toRow,
    create: () => new CycleList(),
  }),
};

export function createCycleList(options: ProjectionOptions): Projection<CycleList> {
  return new Projection(definition, options);
}

const processList = processProjection(createCycleList);
/** Makes `projection` the one this process answers cycle lists from. */
export const useCycleList = processList.use;
/** The process's cycle list. */
export const cycleList = processList.get;
