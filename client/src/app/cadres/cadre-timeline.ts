import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { CadreRecord } from '@cadre/shared-models';
import { I18n } from '../core/i18n/i18n';
import type { PortraitMessages } from './portrait.messages';
import { dotted } from './record-format';
import { buildTimeline, type TimelineEntry, type TimelineKind } from './timeline';

/** Material Symbols paths (24×24), one per kind, so a kind reads at a glance without its label. */
const KIND_ICONS: Readonly<Record<TimelineKind, string>> = {
  study:
    'M21 5c-1.11-.35-2.33-.5-3.5-.5-1.95 0-4.05.4-5.5 1.5-1.45-1.1-3.55-1.5-5.5-1.5S2.45 4.9 1 6v14.65c0 .25.25.5.5.5.1 0 .15-.05.25-.05C3.1 20.45 5.05 20 6.5 20c1.95 0 4.05.4 5.5 1.5 1.35-.85 3.8-1.5 5.5-1.5 1.65 0 3.35.3 4.75 1.05.1.05.15.05.25.05.25 0 .5-.25.5-.5V6c-.6-.45-1.25-.75-2-1zm0 13.5c-1.1-.35-2.3-.5-3.5-.5-1.7 0-4.15.65-5.5 1.5V8c1.35-.85 3.8-1.5 5.5-1.5 1.2 0 2.4.15 3.5.5v11.5z',
  position:
    'M20 6h-4V4c0-1.11-.89-2-2-2h-4c-1.11 0-2 .89-2 2v2H4c-1.11 0-1.99.89-1.99 2L2 19c0 1.11.89 2 2 2h16c1.11 0 2-.89 2-2V8c0-1.11-.89-2-2-2zm-6 0h-4V4h4v2z',
  assessment:
    'M19 3h-4.18C14.4 1.84 13.3 1 12 1s-2.4.84-2.82 2H5c-1.1 0-2 .9-2 2v14c0 1.1.9 2 2 2h14c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2zm-7 0c.55 0 1 .45 1 1s-.45 1-1 1-1-.45-1-1 .45-1 1-1zm-2 14-4-4 1.41-1.41L10 14.17l6.59-6.59L18 9l-8 8z',
  commendation: 'M12 17.27 18.18 21l-1.64-7.03L22 9.24l-7.19-.61L12 2 9.19 8.63 2 9.24l5.46 4.73L5.82 21z',
  sanction: 'M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z',
  training: 'M5 13.18v4L12 21l7-3.82v-4L12 17l-7-3.82zM12 3 1 9l11 6 9-4.91V17h2V9L12 3z',
  practice: 'M14.4 6 14 4H5v17h2v-7h5.6l.4 2h7V6z',
};

interface TimelineRow {
  readonly kind: TimelineKind;
  readonly when: string;
  readonly what: string;
  readonly subEntries: readonly { readonly when: string; readonly what: string; readonly study: boolean }[];
}

function period(start: string, end: string | null, text: PortraitMessages): string {
  return `${dotted(start)}—${end === null ? text.present : dotted(end)}`;
}

function toRow(entry: TimelineEntry, text: PortraitMessages): TimelineRow {
  switch (entry.kind) {
    case 'position':
    case 'study':
      return {
        kind: entry.kind,
        when: period(entry.start, entry.end, text),
        what: entry.text,
        subEntries: entry.subEntries.map((sub) => ({ when: period(sub.start, sub.end, text), what: sub.text, study: sub.study })),
      };
    case 'assessment':
      return { kind: entry.kind, when: text.assessmentYear(entry.year), what: text.assessmentGrade(entry.grade), subEntries: [] };
    default:
      return { kind: entry.kind, when: dotted(entry.month), what: entry.text, subEntries: [] };
  }
}

/** Posts and studies (with their 其间 entries), annual assessments, rewards and sanctions on one line of time, newest first. */
@Component({
  selector: 'cadre-timeline',
  template: `
    @let text = messages().portrait;
    @for (section of sections(); track section.title) {
      @if (section.title) {
        <h3 class="undated-title">{{ section.title }}</h3>
      }
      <ol class="timeline">
        @for (row of section.rows; track $index) {
          <li [class]="'entry ' + row.kind">
            <span class="icon" [title]="text.timelineKinds[row.kind]">
              <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path [attr.d]="icons[row.kind]" /></svg>
            </span>
            <div class="body">
              <div class="head">
                @if (row.when) {
                  <span class="when">{{ row.when }}</span>
                }
                <span class="kind">{{ text.timelineKinds[row.kind] }}</span>
              </div>
              <p class="what">{{ row.what }}</p>
              @if (row.subEntries.length > 0) {
                <ul class="sub" [attr.aria-label]="text.meanwhile">
                  @for (sub of row.subEntries; track $index) {
                    <li>
                      <span class="when">{{ text.meanwhile }} {{ sub.when }}</span>
                      @if (sub.study) {
                        <span class="kind">{{ text.timelineKinds.study }}</span>
                      }
                      {{ sub.what }}
                    </li>
                  }
                </ul>
              }
            </div>
          </li>
        }
      </ol>
    } @empty {
      <p class="note">{{ text.timelineEmpty }}</p>
    }
    @if (emptyKinds().length > 0) {
      <p class="note">{{ text.timelineNone(emptyKinds()) }}</p>
    }
  `,
  styleUrl: './cadre-timeline.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CadreTimeline {
  readonly record = input.required<Pick<CadreRecord, 'positions' | 'annualAssessments' | 'commendations'>>();

  protected readonly messages = inject(I18n).messages;
  protected readonly icons = KIND_ICONS;
  private readonly timeline = computed(() => buildTimeline(this.record()));
  /** Dated entries first, then those without a month under their own heading; none when there is nothing. */
  protected readonly sections = computed(() => {
    const text = this.messages().portrait;
    const { entries, undated } = this.timeline();
    return [
      { title: '', rows: entries.map((entry) => toRow(entry, text)) },
      { title: text.undated, rows: undated.map((entry) => toRow(entry, text)) },
    ].filter((section) => section.rows.length > 0);
  });
  protected readonly emptyKinds = computed(() => {
    const kinds = this.messages().portrait.timelineKinds;
    return this.timeline().emptyKinds.map((kind) => kinds[kind]);
  });
}
