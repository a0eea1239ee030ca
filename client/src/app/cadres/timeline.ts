import { isStudyText, type AnnualAssessmentEntry, type CadreRecord, type ResumeEntry } from '@cadre/shared-models';

/**
 * What the portrait's timeline can hold. Training and practice logs have no records yet (they
 * arrive with their own issues); listing them here lets the timeline say it has none of them.
 */
export const TIMELINE_KINDS = ['position', 'study', 'assessment', 'commendation', 'sanction', 'training', 'practice'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

type ResumeSubEntry = NonNullable<ResumeEntry['subEntries']>[number];

/** A 其间 line of a post; `study` for a course taken alongside it (在职研究生, 党校 classes). */
export type TimelineSubEntry = ResumeSubEntry & { readonly study: boolean };

export type TimelineEntry =
  | {
      /** A 简历 line: a post held, or a period of study (全日制 or 在职 education, 党校, 进修). */
      readonly kind: 'position' | 'study';
      readonly start: string;
      readonly end: string | null;
      readonly text: string;
      readonly subEntries: readonly TimelineSubEntry[];
    }
  | { readonly kind: 'assessment'; readonly year: number; readonly grade: AnnualAssessmentEntry['grade'] }
  | { readonly kind: 'commendation' | 'sanction'; readonly month: string | null; readonly text: string };

export interface Timeline {
  /** Dated entries, newest first. */
  readonly entries: readonly TimelineEntry[];
  /** Rewards and sanctions whose text names no month: they cannot be placed, so they follow. */
  readonly undated: readonly TimelineEntry[];
  /** Kinds with no entry at all, so the page can say so instead of leaving the reader guessing. */
  readonly emptyKinds: readonly TimelineKind[];
}

/** The month an entry sorts by: a post's start, a rewards' month, an assessment's year end. */
function sortKey(entry: TimelineEntry): string | null {
  switch (entry.kind) {
    case 'position':
    case 'study':
      return entry.start;
    case 'assessment':
      return `${entry.year}-12`;
    default:
      return entry.month;
  }
}

/** One timeline from the record's posts and studies, annual assessments, rewards and sanctions, newest first. */
export function buildTimeline(record: Pick<CadreRecord, 'positions' | 'annualAssessments' | 'commendations'>): Timeline {
  const all: TimelineEntry[] = [
    ...record.positions.map(
      (p): TimelineEntry => ({
        kind: isStudyText(p.text) ? 'study' : 'position',
        start: p.start,
        end: p.end,
        text: p.text,
        subEntries: (p.subEntries ?? []).map((sub) => ({ ...sub, study: isStudyText(sub.text) })),
      }),
    ),
    ...record.annualAssessments.map((a): TimelineEntry => ({ kind: 'assessment', year: a.year, grade: a.grade })),
    ...record.commendations.map((c): TimelineEntry => ({ kind: c.kind, month: c.month, text: c.text })),
  ];
  const dated = all.filter((entry) => sortKey(entry) !== null);
  // Array.prototype.sort is stable: entries of one month keep the record's own order.
  dated.sort((a, b) => sortKey(b)!.localeCompare(sortKey(a)!));
  const present = new Set<TimelineKind>(all.map((entry) => entry.kind));
  return {
    entries: dated,
    undated: all.filter((entry) => sortKey(entry) === null),
    emptyKinds: TIMELINE_KINDS.filter((kind) => !present.has(kind)),
  };
}
