import type { PROPOSAL_STATUSES } from '@cadre/shared-models';
import { ChangeFeed } from '../projections/change-feed.js';
import { documentRows, processProjection, Projection, type ProjectionDefinition, type ProjectionOptions } from '../projections/projection.js';
import { ProposalModel } from './evaluation.models.js';

/**
 * The adjustment proposals as a projection (decision 0012): the list and its count come from
 * memory, a page's proposals are then read by `_id`. Writers note the proposals they wrote.
 */
export const proposalFeed = new ChangeFeed('adjustment-proposals');

/** Call after writing these proposals. */
export function noteProposalsChanged(ids: readonly string[]): Promise<void> {
  return ids.length ? proposalFeed.noteChanged(ids) : Promise.resolve();
}

type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

interface ProposalRow {
  id: string;
  cycleId: string;
  status: ProposalStatus;
  /** Creation time in ms: the list's order, newest first, then by id. */
  createdAt: number;
}

export class ProposalList {
  private readonly rows = new Map<string, ProposalRow>();
  private order: ProposalRow[] | null = null;

  set(row: ProposalRow): void {
    this.rows.set(row.id, row);
    this.order = null;
  }

  delete(id: string): void {
    this.rows.delete(id);
    this.order = null;
  }

  /** One page of proposal ids, newest first, and the count matching the filter. */
  page(filter: { status?: ProposalStatus | undefined; cycleId?: string | undefined }, page: number, size: number): { ids: string[]; total: number } {
    this.order ??= [...this.rows.values()].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
    const matching = this.order.filter((row) => (!filter.status || row.status === filter.status) && (!filter.cycleId || row.cycleId === filter.cycleId));
    return { ids: matching.slice(page * size, (page + 1) * size).map((row) => row.id), total: matching.length };
  }
}

interface RowSource {
  _id: unknown;
  cycleId: unknown;
  status: ProposalStatus;
  createdAt: Date;
}

const definition: ProjectionDefinition<ProposalList> = {
  name: 'adjustment-proposals',
  source: proposalFeed,
  messages: { loading: '调整建议列表正在加载，请稍后再试', updating: '调整建议列表正在更新，请稍后再试' },
  ...documentRows<RowSource, ProposalRow, ProposalList>({
    model: ProposalModel as never,
    fields: 'cycleId status createdAt',
    toRow: (doc) => ({ id: String(doc._id), cycleId: String(doc.cycleId), status: doc.status, createdAt: new Date(doc.createdAt).getTime() }),
    create: () => new ProposalList(),
  }),
};

export function createProposalList(options: ProjectionOptions): Projection<ProposalList> {
  return new Projection(definition, options);
}

const processList = processProjection(createProposalList);
/** Makes `projection` the one this process answers proposal lists from. */
export const useProposalList = processList.use;
/** The process's proposal list. */
export const proposalList = processList.get;
