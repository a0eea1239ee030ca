import { HttpParams } from '@angular/common/http';
import type { ParamMap, Params } from '@angular/router';
import {
  LedgerFilterSchema,
  LedgerQuerySchema,
  type LedgerColumn,
  type LedgerFilter,
  type LedgerQuery,
} from '@cadre/shared-models';
import type { z } from 'zod';

export const LEDGER_PAGE_SIZES = [20, 50, 100];

/** The filters that take several values, each a repeated query parameter (`?sex=男&sex=女`). */
export const LIST_FILTERS = ['ageBand', 'sex', 'education', 'category', 'postLevel', 'rank', 'tag'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

/** Most values one list filter takes, as the shared schema allows. */
export const MAX_FILTER_VALUES = 50;
/** Longest tag the shared schema allows. */
export const MAX_TAG_LENGTH = 12;

export const NO_FILTER: LedgerFilter = LedgerFilterSchema.parse({});
export const DEFAULT_LEDGER_QUERY: LedgerQuery = LedgerQuerySchema.parse({});

const fields = LedgerQuerySchema.shape;

function valid<T extends z.ZodType>(schema: T, value: unknown): z.output<T> | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

/**
 * Reads the ledger's state from the address bar. An address is typed, pasted and edited by
 * hand, so a value the API would reject is left out rather than failing the whole page: the
 * rest of the view still opens.
 */
export function ledgerQueryFromParams(params: ParamMap): LedgerQuery {
  const lists = Object.fromEntries(
    LIST_FILTERS.map((key) => {
      const values = params.getAll(key).map((value) => value.trim());
      const kept = new Set(values.filter((value) => fields[key].safeParse([value]).success));
      return [key, [...kept].slice(0, MAX_FILTER_VALUES)];
    }),
  );
  // Absent rather than undefined, so the schema's defaults apply and no empty key is kept.
  const singles = Object.fromEntries(
    (['unitId', 'q', 'sort', 'direction', 'page', 'size'] as const).flatMap((key) => {
      const raw = params.get(key);
      const value = raw === null ? undefined : valid(fields[key], raw);
      return value === undefined || value === '' ? [] : [[key, value]];
    }),
  );
  return LedgerQuerySchema.parse({ ...lists, ...singles });
}

/**
 * The address bar's query parameters for a ledger state. Defaults and empty filters are left
 * out, so a plain visit reads `/ledger` and a shared link names only what was chosen.
 */
export function ledgerQueryToParams(query: LedgerQuery): Params {
  const params: Params = {};
  if (query.unitId) params['unitId'] = query.unitId;
  for (const key of LIST_FILTERS) {
    if (query[key].length) params[key] = [...query[key]];
  }
  if (query.q) params['q'] = query.q;
  for (const key of ['sort', 'direction', 'page', 'size'] as const) {
    if (query[key] !== DEFAULT_LEDGER_QUERY[key]) params[key] = String(query[key]);
  }
  return params;
}

/** The filter part of a ledger state: what a saved view and an export carry. */
export function filterOf(query: LedgerFilter): LedgerFilter {
  return {
    ageBand: [...query.ageBand],
    sex: [...query.sex],
    education: [...query.education],
    category: [...query.category],
    postLevel: [...query.postLevel],
    rank: [...query.rank],
    tag: [...query.tag],
    ...(query.unitId ? { unitId: query.unitId } : {}),
    ...(query.q ? { q: query.q } : {}),
  };
}

/** How many filters narrow the view, for the collapsed filter panel's summary. */
export function countActiveFilters(filter: LedgerFilter): number {
  return LIST_FILTERS.filter((key) => filter[key].length > 0).length + (filter.unitId ? 1 : 0) + (filter.q ? 1 : 0);
}

/**
 * Whether two views show the same thing: the same filters whatever the order values were
 * picked in, the same sort and the same columns in the same order.
 */
export function sameView(
  a: { filter: LedgerFilter; sort: string; direction: string; columns: readonly LedgerColumn[] },
  b: { filter: LedgerFilter; sort: string; direction: string; columns: readonly LedgerColumn[] },
): boolean {
  const canonical = (view: typeof a) => {
    const { filter } = view;
    const lists = LIST_FILTERS.map((key) => [...filter[key]].sort());
    return JSON.stringify([filter.unitId ?? null, filter.q || null, lists, view.sort, view.direction, view.columns]);
  };
  return canonical(a) === canonical(b);
}

/** Query parameters for the API, a list as its key repeated; absent values left out. */
export function toHttpParams(values: Readonly<Record<string, string | number | readonly string[] | undefined>>): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const each of value as readonly string[]) params = params.append(key, each);
    } else {
      params = params.set(key, String(value));
    }
  }
  return params;
}
