import {
  ageBandOf,
  CIVIL_SERVICE_RANKS,
  computeAgeInYears,
  deriveTags,
  EDUCATION_LEVELS,
  POST_LEVELS,
  politicalStatusOf,
  type AgeBand,
  type LedgerFilter,
  type LedgerRow,
  type PersonnelScope,
  type LEDGER_SORT_KEYS,
  type TagSource,
} from '@cadre/shared-models';
import type { LedgerEntry } from './ledger-entry.js';
import { clearSlot, countSlots, forEachSlot, hasSlot, SlotSet, wordsFor } from './slot-set.js';

export type LedgerSort = (typeof LEDGER_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export interface LedgerUnit {
  id: string;
  name: string;
  type: string;
  parentId: string | null;
  ancestorIds: string[];
  sortOrder: number;
}

/** One cadre as indexed at a date: the entry and what the date and unit tree decide. Replaced, never mutated. */
export interface IndexedEntry {
  entry: LedgerEntry;
  /** The unit's path and type in the unit tree; the document's own copies when the tree lacks the unit. */
  unitPath: string[];
  unitType: string;
  ageBand: AgeBand;
  /** Derived tags in the portrait's order, then manual tags not already among them. */
  tags: string[];
}

/** The rows a scope and filter select, as the index stood when it was made. */
export interface LedgerSelection {
  readonly total: number;
  page(sort: LedgerSort, direction: SortDirection, page: number, size: number): LedgerRow[];
  /** Every selected row in order, found and built as read (the selection itself is fixed when made). */
  rows(sort: LedgerSort, direction: SortDirection): Iterable<LedgerRow>;
  /** The selected rows as indexed, in order and as read, for a reader that looks before it builds rows. */
  ordered(sort: LedgerSort, direction: SortDirection): Iterable<IndexedEntry>;
  /** The selected rows as indexed, in no particular order, for counting by other facts. */
  entries(): IndexedEntry[];
}

interface UnitPlace {
  name: string;
  type: string;
  path: string[];
  /** Position in the unit tree read depth first, siblings by their sort order. */
  order: number;
}

const VALUE_FILTERS = ['sex', 'education', 'category', 'postLevel', 'rank', 'ageBand'] as const;
type ValueFilter = (typeof VALUE_FILTERS)[number];
type KeyedSort = Exclude<LedgerSort, 'name'>;
const KEYED_SORTS: readonly KeyedSort[] = ['birthMonth', 'age', 'workStartMonth', 'postStartMonth', 'education', 'postLevel', 'rank', 'unitName'];

/** yyyy-MM as a month count, 0 for anything else; sliced rather than split, as it runs for every cadre. */
function monthNumber(month: string): number {
  const value = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return month.length === 7 && Number.isInteger(value) ? value : 0;
}

function enumPosition(values: readonly string[], value: string): number {
  const at = values.indexOf(value);
  return at === -1 ? values.length : at;
}

function placeUnits(units: readonly LedgerUnit[]): Map<string, UnitPlace> {
  const known = new Set(units.map((u) => u.id));
  const children = new Map<string | null, LedgerUnit[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && known.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const places = new Map<string, UnitPlace>();
  const visit = (parent: string | null) => {
    const siblings = (children.get(parent) ?? []).sort((a, b) => a.sortOrder - b.sortOrder || (a.id < b.id ? -1 : 1));
    for (const unit of siblings) {
      places.set(unit.id, { name: unit.name, type: unit.type, path: [...unit.ancestorIds, unit.id], order: places.size });
      visit(unit.id);
    }
  };
  visit(null);
  return places;
}

/**
 * Merges `added` (any order) into `order` without the `removed` slots, by `compare`: each added
 * slot finds its place by binary search, so a few changes cost a few comparisons and one copy.
 */
function merged(order: Int32Array, removed: ReadonlySet<number>, added: number[], compare: (a: number, b: number) => number): Int32Array {
  let kept = order;
  if (removed.size > 0) {
    // A plain loop: TypedArray.prototype.filter with a callback is many times slower.
    const rest = new Int32Array(order.length);
    let n = 0;
    for (let i = 0; i < order.length; i += 1) if (!removed.has(order[i]!)) rest[n++] = order[i]!;
    kept = rest.subarray(0, n);
  }
  if (added.length === 0) return kept;
  added.sort(compare);
  const out = new Int32Array(kept.length + added.length);
  let from = 0;
  let k = 0;
  for (const slot of added) {
    let low = from;
    let high = kept.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(kept[mid]!, slot) <= 0) low = mid + 1;
      else high = mid;
    }
    out.set(kept.subarray(from, low), k);
    k += low - from;
    out[k++] = slot;
    from = low;
  }
  out.set(kept.subarray(from), k);
  return out;
}

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The in-memory ledger (docs/decisions/0009): every cadre's entry with posting lists per filter
 * value and per unit subtree, and one pre-sorted order per sort key. Filters intersect bitsets;
 * a page walks the sort order picking selected slots; a change moves a few slots in each order.
 * Cadres are placed by the unit tree, so a unit renamed, moved or retyped needs no cadre re-read.
 */
export class LedgerIndex {
  private readonly collator = new Intl.Collator('zh-CN');
  // Replaced, not changed, by apply and setDate, so that a selection keeps the rows it was made from.
  private rows: (IndexedEntry | undefined)[] = [];
  private slotOf = new Map<string, number>();
  private freeSlots: number[] = [];
  private live = new SlotSet();
  private byValue = {} as Record<ValueFilter, Map<string, SlotSet>>;
  private byTag = new Map<string, SlotSet>();
  private byUnit = new Map<string, SlotSet>();
  private places: Map<string, UnitPlace>;
  private nameOrder: Int32Array = new Int32Array(0);
  private nameRank: Int32Array = new Int32Array(0);
  private readonly keyOrders = {} as Record<KeyedSort, Int32Array>;
  private readonly keys = {} as Record<KeyedSort, Int32Array>;
  private day: Date;
  /** The date (UTC, yyyy-MM-dd) ages and derived tags are computed at. */
  asOf: string;

  private units: readonly LedgerUnit[];

  constructor(units: readonly LedgerUnit[], entries: Iterable<LedgerEntry>, asOf: Date) {
    this.units = units;
    this.places = placeUnits(units);
    this.asOf = utcDay(asOf);
    this.day = new Date(`${this.asOf}T00:00:00Z`);
    this.build(entries);
  }

  private build(entries: Iterable<LedgerEntry>): void {
    this.rows = [];
    this.slotOf = new Map();
    this.freeSlots = [];
    this.live = new SlotSet();
    for (const filter of VALUE_FILTERS) this.byValue[filter] = new Map();
    this.byTag = new Map();
    this.byUnit = new Map();
    for (const entry of entries) {
      if (this.slotOf.has(entry.id)) continue;
      const slot = this.rows.length;
      this.rows.push(this.indexed(entry));
      this.slotOf.set(entry.id, slot);
      this.addToSets(slot);
    }
    this.sortAll();
  }

  /** The unit tree the cadres are placed in. */
  get unitTree(): readonly LedgerUnit[] {
    return this.units;
  }

  /** One cadre's entry, or undefined when the cadre is not in the model. */
  entryOf(id: string): LedgerEntry | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.rows[slot]?.entry;
  }

  /** Cadres in the model. */
  get size(): number {
    return this.slotOf.size;
  }

  /** True when every unit is in the unit tree the index knows. */
  knowsUnits(unitIds: Iterable<string>): boolean {
    for (const id of unitIds) if (!this.places.has(id)) return false;
    return true;
  }

  /** Applies re-read entries: an entry replaces the cadre's row, null removes it. */
  apply(changes: ReadonlyMap<string, LedgerEntry | null>): void {
    this.rows = [...this.rows];
    const removed = new Set<number>();
    const added: number[] = [];
    for (const [id, entry] of changes) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) {
        this.removeFromSets(slot);
        removed.add(slot);
        this.rows[slot] = undefined;
        this.slotOf.delete(id);
        this.freeSlots.push(slot);
      }
      if (entry === null) continue;
      const target = this.freeSlots.pop() ?? this.rows.length;
      this.rows[target] = this.indexed(entry);
      this.slotOf.set(id, target);
      this.addToSets(target);
      added.push(target);
    }
    this.ensureCapacity();
    for (const slot of added) this.computeKeys(slot);
    this.nameOrder = merged(this.nameOrder, removed, [...added], (a, b) => this.compareNames(a, b));
    this.rankNames();
    for (const sort of KEYED_SORTS) {
      const keys = this.keys[sort];
      this.keyOrders[sort] = merged(this.keyOrders[sort], removed, [...added], (a, b) => keys[a]! - keys[b]! || this.nameRank[a]! - this.nameRank[b]!);
    }
  }

  /** What the index was built from, for a snapshot: an index built again from it answers the same. */
  contents(): { units: readonly LedgerUnit[]; entries: LedgerEntry[] } {
    const entries: LedgerEntry[] = [];
    for (const row of this.rows) if (row) entries.push(row.entry);
    return { units: this.units, entries };
  }

  /** A new unit tree: every cadre is placed again (path, type, name, order) and its tags recomputed. */
  setUnits(units: readonly LedgerUnit[]): void {
    this.units = units;
    this.places = placeUnits(units);
    this.build(this.rows.filter((row) => row !== undefined).map((row) => row.entry));
  }

  /** Recomputes ages, age bands and derived tags at a new date. */
  setDate(asOf: Date): void {
    const day = utcDay(asOf);
    if (day === this.asOf) return;
    this.asOf = day;
    this.day = new Date(`${day}T00:00:00Z`);
    this.byValue.ageBand = new Map();
    this.byTag = new Map();
    this.rows = [...this.rows];
    for (let slot = 0; slot < this.rows.length; slot += 1) {
      const row = this.rows[slot];
      if (!row) continue;
      const next = this.indexed(row.entry);
      this.rows[slot] = next;
      addTo(this.byValue.ageBand, next.ageBand, slot);
      for (const tag of next.tags) addTo(this.byTag, tag, slot);
    }
  }

  select(scope: PersonnelScope, filter: LedgerFilter): LedgerSelection {
    const words = this.scopeWords(scope);
    if (filter.unitId !== undefined) intersect(words, this.byUnit.get(filter.unitId));
    for (const field of VALUE_FILTERS) this.intersectAny(words, this.byValue[field], filter[field]);
    this.intersectAny(words, this.byTag, filter.tag);
    const q = filter.q;
    if (q) this.keepWhere(words, (entry) => entry.name.includes(q) || entry.post.includes(q));
    return this.selection(words);
  }

  /** The cadres in scope whose name starts with `prefix` (all of them for an empty prefix). */
  selectByNamePrefix(scope: PersonnelScope, prefix: string): LedgerSelection {
    const words = this.scopeWords(scope);
    if (prefix) this.keepWhere(words, (entry) => entry.name.startsWith(prefix));
    return this.selection(words);
  }

  private keepWhere(words: Uint32Array, keep: (entry: LedgerEntry) => boolean): void {
    const rows = this.rows;
    forEachSlot(words, (slot) => {
      if (!keep(rows[slot]!.entry)) clearSlot(words, slot);
    });
  }

  private selection(words: Uint32Array): LedgerSelection {
    const total = countSlots(words);
    // What a selection reads later is fixed now: the rows array, the orders, the unit tree and
    // the date are all replaced, never changed, when the index moves on.
    const rows = this.rows;
    const orders = { ...this.keyOrders, name: this.nameOrder } as Record<LedgerSort, Int32Array>;
    const places = this.places;
    const day = this.day;
    const toRow = (row: IndexedEntry) => ledgerRow(row, places, day);
    const walk = (sort: LedgerSort, direction: SortDirection, skip: number, take: number): IndexedEntry[] => {
      const picked: IndexedEntry[] = [];
      if (skip >= total) return picked;
      const order = orders[sort];
      const last = order.length - 1;
      let seen = 0;
      for (let i = 0; i <= last && picked.length < take; i += 1) {
        const slot = order[direction === 'asc' ? i : last - i]!;
        if (!hasSlot(words, slot)) continue;
        if (seen < skip) seen += 1;
        else picked.push(rows[slot]!);
      }
      return picked;
    };
    // Lazily, in order: a reader that stops early (an export's limit, a search's first few)
    // neither walks nor builds the rows after the ones it took.
    const ordered = (sort: LedgerSort, direction: SortDirection): Iterable<IndexedEntry> => {
      const order = orders[sort];
      const last = order.length - 1;
      return (function* () {
        for (let i = 0; i <= last; i += 1) {
          const slot = order[direction === 'asc' ? i : last - i]!;
          if (hasSlot(words, slot)) yield rows[slot]!;
        }
      })();
    };
    return {
      total,
      page: (sort, direction, page, size) => walk(sort, direction, page * size, size).map(toRow),
      ordered,
      rows(sort, direction) {
        const entries = ordered(sort, direction);
        return (function* () {
          for (const entry of entries) yield toRow(entry);
        })();
      },
      entries() {
        const picked: IndexedEntry[] = [];
        forEachSlot(words, (slot) => picked.push(rows[slot]!));
        return picked;
      },
    };
  }

  private scopeWords(scope: PersonnelScope): Uint32Array {
    const slots = this.rows.length;
    if (scope.kind === 'all') return this.live.copy(slots);
    const words = new Uint32Array(wordsFor(slots));
    for (const unitId of scope.unitIds) this.byUnit.get(unitId)?.unionInto(words);
    for (const cadreId of scope.cadreIds) {
      const slot = this.slotOf.get(cadreId);
      if (slot !== undefined) words[slot >>> 5] |= 1 << (slot & 31);
    }
    return words;
  }

  /** Narrows to rows holding any of the values; no values, no narrowing. */
  private intersectAny(words: Uint32Array, sets: Map<string, SlotSet>, values: readonly string[]): void {
    if (values.length === 0) return;
    const any = new Uint32Array(words.length);
    for (const value of values) sets.get(value)?.unionInto(any);
    for (let i = 0; i < words.length; i += 1) words[i] &= any[i]!;
  }

  private indexed(entry: LedgerEntry): IndexedEntry {
    const place = this.places.get(entry.unitId);
    const unitPath = place?.path ?? entry.unitPath;
    const unitType = place?.type ?? entry.unitType;
    const age = computeAgeInYears(entry.birthMonth, this.day);
    // A literal, not a spread of the entry: spreading 26 fields costs more than the rules themselves.
    const source: TagSource = {
      sex: entry.sex,
      birthMonth: entry.birthMonth,
      ethnicity: entry.ethnicity,
      partyJoinMonth: entry.partyJoinMonth,
      otherParty: entry.otherParty,
      education: entry.education,
      postLevel: entry.postLevel,
      postStartMonth: entry.postStartMonth,
      appointmentType: entry.appointmentType,
      unitName: place?.name ?? '',
      unitType,
      positions: entry.tagFacts.positions,
      commendations: entry.tagFacts.commendations,
      annualAssessments: entry.tagFacts.annualAssessments,
    };
    const derived = deriveTags(source, this.day).map((t) => t.tag as string);
    const tags = [...new Set([...derived, ...entry.manualTags])];
    return { entry, unitPath, unitType, ageBand: ageBandOf(age), tags };
  }

  private addToSets(slot: number): void {
    const row = this.rows[slot]!;
    this.live.add(slot);
    for (const field of VALUE_FILTERS) addTo(this.byValue[field], field === 'ageBand' ? row.ageBand : row.entry[field], slot);
    for (const tag of row.tags) addTo(this.byTag, tag, slot);
    for (const unitId of row.unitPath) addTo(this.byUnit, unitId, slot);
  }

  private removeFromSets(slot: number): void {
    const row = this.rows[slot]!;
    this.live.delete(slot);
    for (const field of VALUE_FILTERS) this.byValue[field].get(field === 'ageBand' ? row.ageBand : row.entry[field])?.delete(slot);
    for (const tag of row.tags) this.byTag.get(tag)?.delete(slot);
    for (const unitId of row.unitPath) this.byUnit.get(unitId)?.delete(slot);
  }

  private compareNames(a: number, b: number): number {
    const x = this.rows[a]!.entry;
    const y = this.rows[b]!.entry;
    return this.collator.compare(x.name, y.name) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  }

  private rankNames(): void {
    for (let i = 0; i < this.nameOrder.length; i += 1) this.nameRank[this.nameOrder[i]!] = i;
  }

  private ensureCapacity(): void {
    const needed = this.rows.length;
    if (this.nameRank.length >= needed) return;
    const capacity = Math.max(needed, Math.ceil(this.nameRank.length * 1.5));
    const grow = (old: Int32Array) => {
      const next = new Int32Array(capacity);
      next.set(old);
      return next;
    };
    this.nameRank = grow(this.nameRank);
    for (const sort of KEYED_SORTS) this.keys[sort] = grow(this.keys[sort] ?? new Int32Array(0));
  }

  private computeKeys(slot: number): void {
    const { entry } = this.rows[slot]!;
    const birth = monthNumber(entry.birthMonth);
    this.keys.birthMonth[slot] = birth;
    // Youngest first: age ascending is birth month descending, which does not change by the day.
    this.keys.age[slot] = -birth;
    this.keys.workStartMonth[slot] = monthNumber(entry.workStartMonth);
    this.keys.postStartMonth[slot] = monthNumber(entry.postStartMonth);
    this.keys.education[slot] = enumPosition(EDUCATION_LEVELS, entry.education);
    this.keys.postLevel[slot] = enumPosition(POST_LEVELS, entry.postLevel);
    this.keys.rank[slot] = enumPosition(CIVIL_SERVICE_RANKS, entry.rank);
    this.keys.unitName[slot] = this.places.get(entry.unitId)?.order ?? this.places.size;
  }

  /** Sorts every order from scratch; names are collated once per distinct name. */
  private sortAll(): void {
    this.ensureCapacity();
    const slots: number[] = [];
    for (let slot = 0; slot < this.rows.length; slot += 1) {
      if (this.rows[slot]) {
        slots.push(slot);
        this.computeKeys(slot);
      }
    }
    if (slots.length >= RANK_RANGE) throw new Error(`the ledger index holds at most ${RANK_RANGE - 1} cadres`);
    const names = [...new Set(slots.map((slot) => this.rows[slot]!.entry.name))].sort(this.collator.compare);
    const nameKey = new Map<string, number>();
    names.forEach((name, i) => {
      // Names the collator finds equal share a key, exactly as compareNames treats them.
      const previous = names[i - 1];
      nameKey.set(name, previous !== undefined && this.collator.compare(previous, name) === 0 ? nameKey.get(previous)! : i);
    });
    // Record ids are fixed-width hex, so the default string sort orders them as compareNames does.
    const idOrder = slots.map((slot) => this.rows[slot]!.entry.id).sort();
    const idRank = new Map(idOrder.map((id, rank) => [id, rank]));
    const slotOfRank = new Int32Array(slots.length);
    for (const slot of slots) slotOfRank[idRank.get(this.rows[slot]!.entry.id)!] = slot;
    this.nameOrder = sortedByKeyThenRank(
      slots,
      (slot) => nameKey.get(this.rows[slot]!.entry.name)!,
      (slot) => idRank.get(this.rows[slot]!.entry.id)!,
      slotOfRank,
    );
    this.rankNames();
    for (const sort of KEYED_SORTS) {
      const keys = this.keys[sort];
      this.keyOrders[sort] = sortedByKeyThenRank(slots, (slot) => keys[slot]! + KEY_OFFSET, (slot) => this.nameRank[slot]!, this.nameOrder);
    }
  }
}

/** Room for ranks in a packed sort key: up to 2^21 (about two million) cadres. */
const RANK_RANGE = 2 ** 21;
/** Lifts sort keys (months back to year 0 when negated, enum positions) above zero. */
const KEY_OFFSET = 2 ** 15;

/**
 * The slots ordered by a major key, then by a rank unique to each slot. Both are packed into one
 * float64 (key × 2^21 + rank, exact below 2^53) and sorted natively, many times faster than with a
 * comparator; `slotOfRank` turns each rank back into its slot.
 */
function sortedByKeyThenRank(slots: readonly number[], key: (slot: number) => number, rank: (slot: number) => number, slotOfRank: Int32Array): Int32Array {
  const packed = new Float64Array(slots.length);
  for (let i = 0; i < slots.length; i += 1) packed[i] = key(slots[i]!) * RANK_RANGE + rank(slots[i]!);
  packed.sort();
  const order = new Int32Array(slots.length);
  for (let i = 0; i < packed.length; i += 1) order[i] = slotOfRank[packed[i]! % RANK_RANGE]!;
  return order;
}

function addTo(sets: Map<string, SlotSet>, value: string, slot: number): void {
  let set = sets.get(value);
  if (!set) {
    set = new SlotSet();
    sets.set(value, set);
  }
  set.add(slot);
}

function intersect(words: Uint32Array, set: SlotSet | undefined): void {
  if (set) set.intersectInto(words);
  else words.fill(0);
}

function ledgerRow({ entry, tags }: IndexedEntry, places: Map<string, UnitPlace>, day: Date): LedgerRow {
  return {
    id: entry.id,
    name: entry.name,
    sex: entry.sex,
    birthMonth: entry.birthMonth,
    age: computeAgeInYears(entry.birthMonth, day),
    ethnicity: entry.ethnicity,
    nativePlace: entry.nativePlace,
    politicalStatus: politicalStatusOf(entry),
    partyJoinMonth: entry.partyJoinMonth,
    workStartMonth: entry.workStartMonth,
    education: entry.education,
    degree: entry.degree,
    school: entry.school,
    unitId: entry.unitId,
    unitName: places.get(entry.unitId)?.name ?? '',
    post: entry.post,
    postLevel: entry.postLevel,
    rank: entry.rank,
    postStartMonth: entry.postStartMonth,
    category: entry.category,
    appointmentType: entry.appointmentType,
    professionalTitle: entry.professionalTitle,
    tags,
    idNumberMasked: entry.idNumberMasked,
  };
}
