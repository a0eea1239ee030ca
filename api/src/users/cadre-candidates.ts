import {
  CADRE_CANDIDATES_LISTED,
  LedgerFilterSchema,
  type CadreCandidateList,
  type LinkedCadre,
} from '@cadre/shared-models';
import type { SessionActor } from '../platform/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { ledgerReadModel } from '../ledger/ledger-read-model.js';
import type { LedgerIndex } from '../ledger/ledger-index.js';

const EVERY_CADRE = LedgerFilterSchema.parse({});

/**
 * The first cadres by name in whom every word appears in the name, the unit's name or the post,
 * and whether more would match. Walks the ledger model in its name order, so a common word stops
 * after a few rows and only a rare or absent one reads the whole district.
 */
export function matchCadreCandidates(index: LedgerIndex, words: readonly string[]): CadreCandidateList {
  const unitNames = new Map(index.unitTree.map((unit) => [unit.id, unit.name]));
  const items: CadreCandidateList['items'] = [];
  let more = false;
  // The indexed entries, not built rows: a rare word reads the whole district, so only matches are built.
  for (const { entry } of index.select({ kind: 'all' }, EVERY_CADRE).ordered('name', 'asc')) {
    const unitName = unitNames.get(entry.unitId) ?? '';
    if (!words.every((word) => entry.name.includes(word) || unitName.includes(word) || entry.post.includes(word))) continue;
    if (items.length === CADRE_CANDIDATES_LISTED) {
      more = true;
      break;
    }
    items.push({ id: entry.id, name: entry.name, unitName, post: entry.post });
  }
  return { items, more };
}

/**
 * Cadre records an account may be linked to, for an account administrator who holds no personnel
 * permission (docs/decisions/0019-account-cadre-picker.md): only id, name, unit and post come
 * back, a few at a time, answered from the ledger read model. Each search is audited with its words.
 */
export async function searchCadreCandidates(actor: SessionActor, q: string): Promise<CadreCandidateList> {
  const words = q.split(/\s+/).filter(Boolean);
  const { items, more } = matchCadreCandidates(await ledgerReadModel().current(), words);
  await recordAudit(actor, { action: 'user.cadre_search', result: 'success', objectType: 'cadre', detail: { q, listed: items.length, more } });
  return { items, more };
}

/** The linked cadres of a page of accounts, by name and unit; one no longer in the ledger shows as deleted. */
export async function nameLinkedCadres(cadreIds: readonly string[]): Promise<Map<string, LinkedCadre>> {
  const names = new Map<string, LinkedCadre>();
  if (cadreIds.length === 0) return names;
  const index = await ledgerReadModel().current();
  const unitNames = new Map(index.unitTree.map((unit) => [unit.id, unit.name]));
  for (const id of cadreIds) {
    const entry = index.entryOf(id);
    names.set(
      id,
      entry
        ? { name: entry.name, unitName: unitNames.get(entry.unitId) ?? '', deleted: false }
        : { name: '已删除', unitName: `#${id.slice(-6)}`, deleted: true },
    );
  }
  return names;
}
