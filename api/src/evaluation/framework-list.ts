import type { FrameworkVersionSummary } from '@cadre/shared-models';
import { ChangeFeed } from '../projections/change-feed.js';
import { documentRows, processProjection, Projection, type ProjectionDefinition, type ProjectionOptions } from '../projections/projection.js';
import { FrameworkVersionModel } from './evaluation.models.js';

/**
 * Framework versions as a projection (docs/decisions/0012): a handful of documents, so the list
 * is answered whole from memory, newest framework first and each framework's versions newest first.
 */
export const frameworkFeed = new ChangeFeed('framework-versions');

/** Call after writing these versions. */
export function noteFrameworkVersionsChanged(ids: readonly string[]): Promise<void> {
  return frameworkFeed.noteChanged(ids);
}

export class FrameworkVersionList {
  private readonly rows = new Map<string, FrameworkVersionSummary>();

  set(row: FrameworkVersionSummary): void {
    this.rows.set(row.id, row);
  }

  delete(id: string): void {
    this.rows.delete(id);
  }

  get size(): number {
    return this.rows.size;
  }

  /** Frameworks by the creation of their first version, newest first; within one, versions newest first. */
  items(): FrameworkVersionSummary[] {
    const firstCreated = new Map<string, string>();
    for (const row of this.rows.values()) {
      const known = firstCreated.get(row.frameworkId);
      if (known === undefined || row.createdAt < known) firstCreated.set(row.frameworkId, row.createdAt);
    }
    return [...this.rows.values()].sort(
      (a, b) =>
        firstCreated.get(b.frameworkId)!.localeCompare(firstCreated.get(a.frameworkId)!) ||
        a.frameworkId.localeCompare(b.frameworkId) ||
        b.version - a.version,
    );
  }

  /** The highest version number of a framework, 0 when it has none. */
  latestVersionOf(frameworkId: string): number {
    let latest = 0;
    for (const row of this.rows.values()) if (row.frameworkId === frameworkId) latest = Math.max(latest, row.version);
    return latest;
  }
}

interface RowSource {
  _id: unknown;
  frameworkId: unknown;
  version: number;
  status: FrameworkVersionSummary['status'];
  locked?: boolean;
  name: string;
  createdAt: Date;
  publishedAt?: Date | null;
}

function toRow(doc: RowSource): FrameworkVersionSummary {
  return {
    id: String(doc._id),
    frameworkId: String(doc.frameworkId),
    version: doc.version,
    status: doc.status,
    locked: doc.locked ?? false,
    name: doc.name,
    createdAt: doc.createdAt.toISOString(),
    publishedAt: doc.publishedAt ? doc.publishedAt.toISOString() : null,
  };
}

const definition: ProjectionDefinition<FrameworkVersionList> = {
  name: 'framework-versions',
  source: frameworkFeed,
  messages: { loading: '评价体系列表正在加载，请稍后再试', updating: '评价体系列表正在更新，请稍后再试' },
  ...documentRows<RowSource, FrameworkVersionSummary, FrameworkVersionList>({
    model: FrameworkVersionModel as never,
    fields: 'frameworkId version status locked name createdAt publishedAt',
    toRow,
    create: () => new FrameworkVersionList(),
  }),
};

export function createFrameworkVersionList(options: ProjectionOptions): Projection<FrameworkVersionList> {
  return new Projection(definition, options);
}

const processList = processProjection(createFrameworkVersionList);
/** Makes `projection` the one this process answers framework lists from. */
export const useFrameworkVersionList = processList.use;
/** The process's framework version list. */
export const frameworkVersionList = processList.get;
