import { DOCUMENT, Injectable, inject } from '@angular/core';
import type { LedgerFilter } from '@cadre/shared-models';
import type { Messages } from '../core/i18n/messages';
import { LIST_FILTERS } from './ledger-query';

/** One filter in force as the chip row shows it, with the change that takes it off. */
export interface FilterChip {
  readonly key: string;
  readonly label: string;
  readonly remove: Partial<LedgerFilter>;
}

/**
 * A chip for each filter in force, in the order the panel lists them: the text search, the unit
 * (by name; its id while the unit list loads would be a raw id, so it waits), then each chosen
 * value of the list filters, one chip per value so each can be taken off alone.
 */
export function describeFilterChips(filter: LedgerFilter, unitName: string | null, messages: Messages): FilterChip[] {
  const text = messages.ledger;
  const chips: FilterChip[] = [];
  if (filter.q) chips.push({ key: 'q', label: text.filterChip(text.search, filter.q), remove: { q: undefined } });
  if (filter.unitId && unitName !== null) {
    chips.push({ key: 'unitId', label: text.filterChip(text.unit, unitName), remove: { unitId: undefined } });
  }
  for (const key of LIST_FILTERS) {
    const values: readonly string[] = filter[key];
    for (const value of values) {
      chips.push({
        key: `${key}:${value}`,
        label: text.filterChip(labelOf(key, messages), valueLabel(key, value, messages)),
        remove: { [key]: values.filter((each) => each !== value) },
      });
    }
  }
  return chips;
}

function labelOf(key: (typeof LIST_FILTERS)[number], messages: Messages): string {
  const text = messages.ledger;
  return key === 'tag' ? text.tags : text[key];
}

function valueLabel(key: (typeof LIST_FILTERS)[number], value: string, messages: Messages): string {
  if (key === 'tag') return value;
  if (key === 'ageBand') return (messages.ageBands as Readonly<Record<string, string>>)[value] ?? value;
  return (messages.ledger.values[key] as Readonly<Record<string, string>>)[value] ?? value;
}

const STORAGE_PREFIX = 'cadre.ledger.filtersOpen.';

/**
 * Whether each user last left the filter panel open or folded, kept in this browser. Until they
 * choose, the page decides (open on a desktop with no filter set, folded otherwise).
 */
@Injectable({ providedIn: 'root' })
export class LedgerFiltersPreference {
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage;

  load(userId: string): boolean | null {
    try {
      const stored = this.storage?.getItem(STORAGE_PREFIX + userId);
      return stored === 'true' ? true : stored === 'false' ? false : null;
    } catch {
      return null;
    }
  }

  save(userId: string, open: boolean): void {
    try {
      this.storage?.setItem(STORAGE_PREFIX + userId, String(open));
    } catch {
      // Storage can be full or disabled; the choice then lasts for this page only.
    }
  }
}
