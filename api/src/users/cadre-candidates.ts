import {
  CADRE_CANDIDATES_LISTED,
  LedgerFilterSchema,
  type CadreCandidateList,
  type LinkedCadre,
} from '@cadre/shared-models';
import type { SessionActor } from '../platform/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { ledgerReadModel } from '../ledger/ledger-read-model.js';

const EVERY_CADRE = LedgerFilterSchema.parse({});

/**
 * Cadre records an account may be linked to, for an account administrator who holds no personnel
 * permission (docs/decisions/0019-account-cadre-picker.md): every word of `q` must appear in the
 * name, the unit's name or the post; only id, name, unit and post come back, a few at a time,
 * answered from the ledger read model. Each search is audited with its words.
 */
export async function searchCadreCandidates(actor: SessionActor, q: string): Promise<CadreCandidateList> {
  const words = q.split(/\s+/).filter(Boolean);
  const index = await ledgerReadModel().current();
  const items: CadreCandidateList['items'] = [];
  let more = false;
  for (const row of index.select({ kind: 'all' }, EVERY_CADRE).rows('name', 'asc')) {
    if (!words.every((word) => row.name.includes(word) || row.unitName.includes(word) || row.post.includes(word))) continue;
    if (items.length === CADRE_CANDIDATES_LISTED) {
      more = true;
      break;
    }
    items.push({ id: row.id, name: row.name, unitName: row.unitName, post: row.post });
  }
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
