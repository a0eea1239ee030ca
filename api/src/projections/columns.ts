/**
 * A column-wise encoding of many records of the same shape, for projection snapshots. V8's
 * serializer writes every object and string one by one, and reading 200,000 ledger entries back
 * that way took seconds; here each field becomes one typed array of indexes into a single table
 * of distinct strings, which reads back at memory speed and yields records that share their
 * strings. Values may be strings, numbers, booleans, null, arrays of these, such records, or
 * arrays of them; anything else is refused rather than changed.
 */

/** One field of many records. */
type Column =
  | { kind: 'text'; codes: Int32Array }
  | { kind: 'number'; values: Float64Array; codes: Int32Array }
  | { kind: 'record'; codes: Int32Array; records: Columns }
  // `codes` tells a list (0) from a missing value or null, which have no items.
  | { kind: 'list'; codes: Int32Array; offsets: Int32Array; items: Column }
  | { kind: 'records'; codes: Int32Array; offsets: Int32Array; records: Columns };

export interface Columns {
  count: number;
  fields: Record<string, Column>;
}

export interface ColumnTable {
  strings: string[];
  columns: Columns;
}

// Codes besides string-table indexes (0 and up).
const ABSENT = -1;
const NULL = -2;
const FALSE = -3;
const TRUE = -4;
const NUMBER = -5;

type Scalar = string | number | boolean | null | undefined;

class Strings {
  readonly list: string[] = [];
  private readonly codes = new Map<string, number>();

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.list.length;
      this.list.push(value);
      this.codes.set(value, code);
    }
    return code;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function scalarCode(value: Scalar, strings: Strings, path: string): number {
  if (value === undefined) return ABSENT;
  if (value === null) return NULL;
  if (value === false) return FALSE;
  if (value === true) return TRUE;
  if (typeof value === 'number') return NUMBER;
  if (typeof value === 'string') return strings.code(value);
  throw new TypeError(`${path}: a ${typeof value} cannot be stored in columns`);
}

function encodeScalars(values: readonly Scalar[], strings: Strings, path: string): Column {
  const codes = new Int32Array(values.length);
  let numbers: Float64Array | undefined;
  values.forEach((value, i) => {
    codes[i] = scalarCode(value, strings, path);
    if (codes[i] === NUMBER) {
      numbers ??= new Float64Array(values.length);
      numbers[i] = value as number;
    }
  });
  return numbers ? { kind: 'number', values: numbers, codes } : { kind: 'text', codes };
}

function encodeField(values: readonly unknown[], strings: Strings, path: string): Column {
  const nested = values.filter(isRecord);
  if (nested.length > 0) {
    if (values.some((value) => value !== null && value !== undefined && !isRecord(value))) {
      throw new TypeError(`${path}: records and single values cannot share a column`);
    }
    const codes = Int32Array.from(values, (value) => (value === undefined ? ABSENT : value === null ? NULL : 0));
    return { kind: 'record', codes, records: encodeRecords(nested, strings, path) };
  }
  const arrays = values.filter(Array.isArray);
  if (arrays.length === 0) return encodeScalars(values as Scalar[], strings, path);
  if (values.some((value) => value !== null && value !== undefined && !Array.isArray(value))) {
    throw new TypeError(`${path}: lists and single values cannot share a column`);
  }
  const codes = Int32Array.from(values, (value) => (value === undefined ? ABSENT : value === null ? NULL : 0));
  const offsets = new Int32Array(values.length + 1);
  const flat: unknown[] = [];
  values.forEach((value, i) => {
    if (Array.isArray(value)) flat.push(...(value as unknown[]));
    offsets[i + 1] = flat.length;
  });
  const recordItems = flat.filter(isRecord).length;
  if (recordItems > 0 && recordItems !== flat.length) throw new TypeError(`${path}: records and single values cannot share a list`);
  if (recordItems > 0) return { kind: 'records', codes, offsets, records: encodeRecords(flat as Record<string, unknown>[], strings, `${path}[]`) };
  if (flat.some(Array.isArray)) throw new TypeError(`${path}: lists of lists are not supported`);
  return { kind: 'list', codes, offsets, items: encodeScalars(flat as Scalar[], strings, `${path}[]`) };
}

function encodeRecords(records: readonly Record<string, unknown>[], strings: Strings, path: string): Columns {
  const keys = new Set<string>();
  for (const record of records) {
    if (!isRecord(record)) throw new TypeError(`${path}: only plain records can be stored in columns`);
    for (const key of Object.keys(record)) keys.add(key);
  }
  const fields: Record<string, Column> = {};
  for (const key of keys) fields[key] = encodeField(records.map((record) => record[key]), strings, `${path}.${key}`);
  return { count: records.length, fields };
}

/** Encodes plain records (see the file's comment for what they may hold). */
export function toColumns(records: readonly object[]): ColumnTable {
  const strings = new Strings();
  const columns = encodeRecords(records as Record<string, unknown>[], strings, 'record');
  return { strings: strings.list, columns };
}

function decodeScalar(column: Extract<Column, { kind: 'text' | 'number' }>, i: number, strings: readonly string[]): Scalar {
  const code = column.codes[i]!;
  if (code >= 0) return strings[code];
  switch (code) {
    case NULL:
      return null;
    case FALSE:
      return false;
    case TRUE:
      return true;
    case NUMBER:
      return (column as Extract<Column, { kind: 'number' }>).values[i];
    default:
      return undefined;
  }
}

function decodeColumn(column: Column, strings: readonly string[]): unknown[] {
  switch (column.kind) {
    case 'text':
    case 'number':
      return Array.from(column.codes, (_code, i) => decodeScalar(column, i, strings));
    case 'record': {
      const records = decodeRecords(column.records, strings);
      let next = 0;
      return Array.from(column.codes, (code) => (code === ABSENT ? undefined : code === NULL ? null : records[next++]));
    }
    case 'list':
    case 'records': {
      const items = column.kind === 'list' ? decodeColumn(column.items, strings) : decodeRecords(column.records, strings);
      const { codes, offsets } = column;
      return Array.from(codes, (code, i) => (code === ABSENT ? undefined : code === NULL ? null : items.slice(offsets[i], offsets[i + 1])));
    }
  }
}

function decodeRecords(columns: Columns, strings: readonly string[]): Record<string, unknown>[] {
  const records = Array.from({ length: columns.count }, () => ({}) as Record<string, unknown>);
  for (const [key, column] of Object.entries(columns.fields)) {
    const values = decodeColumn(column, strings);
    for (let i = 0; i < records.length; i += 1) if (values[i] !== undefined) records[i]![key] = values[i];
  }
  return records;
}

/** The records `toColumns` was given, equal field by field, each distinct string held once. */
export function fromColumns<T>(table: ColumnTable): T[] {
  return decodeRecords(table.columns, table.strings) as T[];
}
