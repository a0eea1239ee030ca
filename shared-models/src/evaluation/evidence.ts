import type { CommendationEntry } from '../cadres/cadre-record.js';
import type { EvidenceSource } from './framework.js';
import type { EvidenceItem } from './result.js';

/** The evidence sources the cadre record feeds today; the others wait for their modules. */
export const RECORD_EVIDENCE_SOURCES: ReadonlySet<EvidenceSource> = new Set<EvidenceSource>([
  'commendations',
  'sanctions',
  'serious_sanctions',
  'tolerated_cases',
]);

/** Whether a sanction's text names one of the heavier sanctions (记大过 and above, 留党察看, 严重警告). */
export function isSeriousSanction(text: string): boolean {
  return /记大过|降级|撤职|开除|留党察看|严重警告/.test(text);
}

/** Commendations, sanctions and serious sanctions of the record dated within the period (yyyy-MM-dd bounds). */
export function evidenceFromRecord(record: { commendations: readonly CommendationEntry[] }, period: { start: string; end: string }): EvidenceItem[] {
  const first = period.start.slice(0, 7);
  const last = period.end.slice(0, 7);
  const items: EvidenceItem[] = [];
  record.commendations.forEach((entry, i) => {
    if (entry.month === null || entry.month < first || entry.month > last) return;
    if (entry.kind === 'commendation') {
      items.push({ source: 'commendations', key: `commendations:${i}`, text: entry.text, month: entry.month, amount: 1 });
      return;
    }
    items.push({ source: 'sanctions', key: `commendations:${i}`, text: entry.text, month: entry.month, amount: 1 });
    if (isSeriousSanction(entry.text)) items.push({ source: 'serious_sanctions', key: `commendations:${i}`, text: entry.text, month: entry.month, amount: 1 });
  });
  return items;
}
