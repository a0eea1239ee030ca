import { ChangeFeed } from '../projections/change-feed.js';

/**
 * The change feed of cadre records that every process's ledger read model follows
 * (docs/decisions/0009, 0012). Writers call these after their writes.
 */
export const ledgerFeed = new ChangeFeed('ledger');

/** The topic noted when the unit tree changes: readers re-place every cadre, re-reading none. */
export const UNITS_TOPIC = 'units';

/** Call after any write to these cadres (create, update, delete, import). */
export function noteCadresChanged(cadreIds: readonly string[]): Promise<void> {
  return ledgerFeed.noteChanged(cadreIds);
}

/** Call after a write that touches many cadres at once (seeding, restore, a bulk repair). */
export function noteAllCadresChanged(): Promise<void> {
  return ledgerFeed.noteAll();
}

/**
 * Call after a unit is renamed, moved, retyped or reordered. Readers place cadres by the unit
 * tree, so they reload just the tree; at 200,000 cadres a full reload takes minutes (decision 0009).
 */
export function noteUnitsChanged(): Promise<void> {
  return ledgerFeed.noteTopic(UNITS_TOPIC);
}
