import { AUDIT_RESULTS, AuditQuerySchema, type AuditQuery } from '@cadre/shared-models';

export type AuditResult = (typeof AUDIT_RESULTS)[number];

/** The audit filter form's value: blank text and no date mean "any". */
export interface AuditFilters {
  readonly username: string;
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly result: AuditResult | '';
  readonly from: Date | null;
  readonly to: Date | null;
}

export const NO_AUDIT_FILTERS: AuditFilters = {
  username: '',
  action: '',
  objectType: '',
  objectId: '',
  result: '',
  from: null,
  to: null,
};

/** The query parameters of a filter, without paging, as both the list and the CSV export take them. */
export type AuditFilterParams = Omit<AuditQuery, 'page' | 'size'>;

/**
 * Turns the form's value into the API's query. Dates are whole local days: `from` at the first
 * millisecond of its day, `to` at the last of its own, so a one-day range covers that day. The
 * shared schema checks the result, so a malformed query fails here rather than at the server.
 */
export function buildAuditFilterParams(filters: AuditFilters): AuditFilterParams {
  const text = (value: string): string | undefined => value.trim() || undefined;
  const query = {
    username: text(filters.username),
    action: text(filters.action),
    objectType: text(filters.objectType),
    objectId: text(filters.objectId),
    result: filters.result || undefined,
    from: filters.from ? startOfDay(filters.from).toISOString() : undefined,
    to: filters.to ? endOfDay(filters.to).toISOString() : undefined,
  };
  const { page: _page, size: _size, ...params } = AuditQuerySchema.parse(
    Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)),
  );
  return params;
}

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

function endOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1, 0, 0, 0, -1);
}
