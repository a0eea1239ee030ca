import { DOCUMENT, Injectable, inject } from '@angular/core';
import { DEFAULT_LEDGER_COLUMNS, LEDGER_COLUMN_KEYS, type LedgerColumn } from '@cadre/shared-models';

/** The column every layout starts with: the name, which opens the portrait and stays in view while scrolling. */
export const FIXED_COLUMN: LedgerColumn = 'name';

/**
 * A column list the table can show: known columns only, each once, the name first. Lists come
 * from storage and saved views, which may predate a change of the columns.
 */
export function normalizeColumns(columns: readonly string[]): LedgerColumn[] {
  const known = new Set<string>(LEDGER_COLUMN_KEYS);
  const rest = columns.filter((column): column is LedgerColumn => known.has(column) && column !== FIXED_COLUMN);
  return [FIXED_COLUMN, ...new Set(rest)];
}

const STORAGE_PREFIX = 'cadre.ledger.columns.';

/**
 * Each user's choice of columns, kept in this browser until they save it in a view. Keyed by
 * account, so two people sharing a computer keep their own layouts.
 */
@Injectable({ providedIn: 'root' })
export class LedgerColumnPreference {
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage;

  load(userId: string): LedgerColumn[] {
    try {
      const stored: unknown = JSON.parse(this.storage?.getItem(STORAGE_PREFIX + userId) ?? 'null');
      if (Array.isArray(stored) && stored.every((each) => typeof each === 'string')) return normalizeColumns(stored);
    } catch {
      // A corrupt or unreadable entry counts as no choice.
    }
    return normalizeColumns(DEFAULT_LEDGER_COLUMNS);
  }

  save(userId: string, columns: readonly LedgerColumn[]): void {
    try {
      this.storage?.setItem(STORAGE_PREFIX + userId, JSON.stringify(columns));
    } catch {
      // Storage can be full or disabled; the choice then lasts for this page only.
    }
  }
}

/** A `yyyy-MM` month as the appointment form writes it, `yyyy.MM`. */
export function dottedMonth(month: string | null): string {
  return month ? month.replace('-', '.') : '—';
}
