import type { CommendationEntry } from '../cadres/cadre-record.js';
import type { EvidenceSource } from './framework.js';
import type { EvidenceItem } from './result.js';

/** The evidence sources the cadre record feeds today; every other source has no facts yet. */
export const RECORD_EVIDENCE_SOURCES: ReadonlySet<EvidenceSource> = new Set<EvidenceSource>([
  'commendations',
  'sanctions',
  'serious_sanctions',
  'tolerated_cases',
]);

/**
 * The words of the serious sanctions: 政务处分 记大过、降级、撤职、开除 and 党纪处分 严重警告、
 * 撤销党内职务、留党察看、开除党籍 (开除 covers both 开除党籍 and 开除公职). The lighter ones
 * (警告、记过、诫勉、通报批评) are deliberately absent: a text is serious when it names a serious
 * sanction, so 严重警告 is found as itself and its 警告 never decides, and 记大过 does not
 * contain 记过.
 */
const SERIOUS_SANCTION_WORDS = ['记大过', '降级', '撤职', '开除', '严重警告', '撤销党内职务', '留党察看'] as const;

/** Whether a sanction text names a serious sanction (one that vetoes 优秀). Plain substring search: linear in the text. */
export function isSeriousSanction(text: string): boolean {
  return SERIOUS_SANCTION_WORDS.some((word) => text.includes(word));
}

/**
 * The evidence the 奖惩情况 of a cadre record gives for a period: each commendation, and each
 * sanction (also as a serious sanction when it is one), keyed by its place in the record so that a
 * fault-tolerance case can point at it.
 */
export function evidenceFromRecord(
  record: { commendations: readonly CommendationEntry[] },
  period: { start: string; end: string },
): EvidenceItem[] {
  const firstMonth = period.start.slice(0, 7);
  const lastMonth = period.end.slice(0, 7);
  return record.commendations.flatMap((entry, index): EvidenceItem[] => {
    // An entry whose text names no month cannot be placed in a period: counting it would charge (or
    // credit) every cycle with the same old matter, so it is left out until the record gives a month.
    if (entry.month === null || entry.month < firstMonth || entry.month > lastMonth) return [];
    const item = { key: `commendations:${index}`, text: entry.text, month: entry.month, amount: 1 };
    if (entry.kind === 'commendation') return [{ ...item, source: 'commendations' }];
    const sanction: EvidenceItem = { ...item, source: 'sanctions' };
    return isSeriousSanction(entry.text) ? [sanction, { ...item, source: 'serious_sanctions' }] : [sanction];
  });
}
