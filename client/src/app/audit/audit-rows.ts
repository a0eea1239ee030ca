import {
  labelAuditAction,
  labelAuditField,
  labelAuditObjectType,
  labelAuditValue,
  type AuditObjectName,
  type AuditPage,
  type AuditRecord,
} from '@cadre/shared-models';

/** One changed field as the auditor reads it: its label, and the value before and after. */
export interface AuditChangeLine {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

/** A record of the page with everything resolved for display: labels, names and the diff. */
export interface AuditRow {
  readonly record: AuditRecord;
  readonly actionLabel: string;
  readonly objectTypeLabel: string | null;
  /** The object by name (张三 · 甲街道), or null when the record has no object or it has no name. */
  readonly object: AuditObjectName | null;
  readonly changes: readonly AuditChangeLine[];
  /** The rest of the detail (reason, kind, filter …), labelled. */
  readonly facts: readonly AuditChangeLine[];
}

export interface AuditValueWords {
  readonly empty: string;
  readonly yes: string;
  readonly no: string;
  items(count: number): string;
}

const OBJECT_ID = /^[0-9a-f]{24}$/;

/**
 * A stored value in words. Ids the page named show as names; ID numbers arrive masked (前6后4)
 * from the server and are shown as they are; lists of rows are counted rather than dumped.
 */
export function describeAuditValue(value: unknown, names: AuditPage['names'], words: AuditValueWords): string {
  if (value === null || value === undefined || value === '') return words.empty;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'string') {
    const named = OBJECT_ID.test(value) ? names[value] : undefined;
    return named ? [named.name, named.context].filter(Boolean).join(' · ') : labelAuditValue(value);
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== 'object' || item === null)) {
      return value.length ? value.map((item) => describeAuditValue(item, names, words)).join('、') : words.empty;
    }
    return words.items(value.length);
  }
  const parts = Object.values(value as Record<string, unknown>).filter((part) => part !== null && part !== '' && typeof part !== 'object');
  return parts.length ? parts.map(String).join(' ') : words.empty;
}

function isChange(value: unknown): value is { before?: unknown; after?: unknown } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && ('before' in value || 'after' in value);
}

export function buildAuditRow(record: AuditRecord, names: AuditPage['names'], words: AuditValueWords): AuditRow {
  const { changes, before, after, ...rest } = record.detail ?? {};
  const describe = (value: unknown) => describeAuditValue(value, names, words);
  const changeLines = isChangeMap(changes)
    ? Object.entries(changes).map(([field, change]) => ({ field: labelAuditField(field), before: describe(change.before), after: describe(change.after) }))
    : [];
  // A created or deleted object's whole state: each field as a change from or to nothing.
  const sides = [
    ...Object.entries(isPlainObject(after) ? after : {}).map(([field, value]) => ({ field: labelAuditField(field), before: words.empty, after: describe(value) })),
    ...Object.entries(isPlainObject(before) ? before : {}).map(([field, value]) => ({ field: labelAuditField(field), before: describe(value), after: words.empty })),
  ];
  // Context kept as before/after beside the changes (a record's version) reads as one more change.
  const restChanges = Object.entries(rest)
    .filter(([, value]) => isChange(value))
    .map(([field, value]) => ({ field: labelAuditField(field), before: describe((value as { before?: unknown }).before), after: describe((value as { after?: unknown }).after) }));
  const facts = Object.entries(rest)
    .filter(([, value]) => !isChange(value))
    .map(([field, value]) => ({
    field: labelAuditField(field),
    before: '',
    after: isPlainObject(value) ? Object.entries(value).map(([key, item]) => `${labelAuditField(key)}：${describe(item)}`).join('；') : describe(value),
  }));
  return {
    record,
    actionLabel: labelAuditAction(record.action),
    objectTypeLabel: record.objectType ? labelAuditObjectType(record.objectType) : null,
    object: record.objectId ? (names[record.objectId] ?? null) : null,
    changes: [...changeLines, ...restChanges, ...sides],
    facts,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isChangeMap(value: unknown): value is Record<string, { before?: unknown; after?: unknown }> {
  return isPlainObject(value) && Object.values(value).every(isChange);
}
