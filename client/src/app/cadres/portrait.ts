import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { headlineEducation, politicalStatusOf, type AssessmentHistoryEntry, type CadreRecord, type EducationRow } from '@cadre/shared-models';
import { catchError, map, of, switchMap } from 'rxjs';
import { AuthSession } from '../core/auth/auth-session';
import { describeFailure, type FailureDescription } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { OwnCorrections } from '../corrections/own-corrections';
import { NoAccess } from '../no-access/no-access';
import { NotFound } from '../not-found/not-found';
import { AssessmentHistoryList } from '../results/assessment-history-list';
import { competencyScoresOf } from '../results/competency-scores';
import { ResultsApi } from '../results/results-api';
import { CadrePhoto } from './cadre-photo';
import { CadreTimeline } from './cadre-timeline';
import { CadresApi, lrmxDownloadUrl } from './cadres-api';
import { CompetencyRadar } from './competency-radar';
import { DerivedTags } from './derived-tags';
import { PrintChrome } from './print-chrome';
import { ageToday, dotted, educationText, partyText, schoolText } from './record-format';
import { recordStates } from './record-state';

interface HistoryState {
  readonly entries: readonly AssessmentHistoryEntry[];
  readonly error: unknown;
}
const NO_HISTORY: HistoryState = { entries: [], error: null };

/**
 * One cadre's portrait (画像): headline facts and photo, derived tags with their evidence, the
 * competency radar, the timeline, education and family. Read-only; editing is its own page.
 */
@Component({
  selector: 'cadre-portrait',
  imports: [
    MatButtonModule,
    MatChipsModule,
    MatProgressBarModule,
    RouterLink,
    AssessmentHistoryList,
    CadrePhoto,
    CadreTimeline,
    CompetencyRadar,
    DerivedTags,
    FailureNotice,
    NoAccess,
    NotFound,
    OwnCorrections,
    PrintChrome,
  ],
  templateUrl: './portrait.html',
  styleUrl: './portrait.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Portrait {
  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  private readonly api = inject(CadresApi);
  private readonly resultsApi = inject(ResultsApi);
  private readonly session = inject(AuthSession);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly messages = inject(I18n).messages;

  protected readonly canEdit = computed(() => this.session.can('cadre:write'));
  protected readonly canExport = computed(() => this.session.can('cadre:export'));
  protected readonly canReveal = computed(() => this.session.can('cadre:reveal_id'));
  /** A cadre on their own record asks for corrections rather than editing. */
  protected readonly ownRecord = computed(() => this.session.me()?.cadreId === this.id());
  protected readonly canRequestCorrection = computed(() => this.ownRecord() && this.session.can('correction:submit'));

  private readonly reloads = signal(0);
  protected readonly state = toSignal(recordStates(this.api, toObservable(computed(() => ({ id: this.id(), reload: this.reloads() })))), {
    initialValue: { status: 'loading' } as const,
  });
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  });

  /** Locked assessment results, asked for once the record is shown; none keeps the radar's empty state. */
  private readonly historyRequest = computed(() => {
    const state = this.state();
    return state.status === 'loaded' && this.session.can('result:read') ? state.record.id : null;
  });
  private readonly history = toSignal(
    toObservable(this.historyRequest).pipe(
      switchMap((id) =>
        id === null
          ? of(NO_HISTORY)
          : this.resultsApi.history(id).pipe(
              map(({ entries }): HistoryState => ({ entries, error: null })),
              catchError((error: unknown) => of<HistoryState>({ entries: [], error })),
            ),
      ),
    ),
    { initialValue: NO_HISTORY },
  );
  protected readonly historyEntries = computed(() => this.history().entries);
  protected readonly historyFailure = computed(() => {
    const { error } = this.history();
    return error === null ? null : describeFailure(error, this.messages());
  });
  /** The radar shows the latest locked result. */
  protected readonly latestAssessment = computed(
    () => [...this.historyEntries()].sort((a, b) => b.year - a.year || b.lockedAt.localeCompare(a.lockedAt))[0] ?? null,
  );
  protected readonly competencyScores = computed(() => competencyScoresOf(this.latestAssessment()?.dimensions ?? []));

  /** The full number once revealed; forgotten when another record is shown. */
  protected readonly revealed = linkedSignal<string, string | null>({ source: this.id, computation: () => null });
  protected readonly revealFailure = signal<FailureDescription | null>(null);

  protected readonly dotted = dotted;
  protected readonly educationText = educationText;
  protected readonly schoolText = schoolText;
  protected readonly lrmxUrl = computed(() => lrmxDownloadUrl(this.id()));

  protected age(record: CadreRecord): number {
    return ageToday(record.birthMonth);
  }

  /**
   * 最高学历 with its own degree and school; when the highest degree was earned in the other row,
   * that row follows, whole, so no degree is shown beside a school that did not award it.
   */
  protected educationHeadline(record: CadreRecord): string[] {
    return headlineEducation(record.fullTimeEducation, record.inServiceEducation).map((row) =>
      [row.education, row.degree !== '无' ? row.degree : null, schoolText(row)].filter((part) => part).join(' · '),
    );
  }

  protected educationRows(record: CadreRecord): { label: string; value: EducationRow }[] {
    const fields = this.messages().portrait.fields;
    return [
      { label: fields.fullTimeEducation, value: record.fullTimeEducation },
      { label: fields.inServiceEducation, value: record.inServiceEducation },
    ];
  }

  protected politicalStatus(record: CadreRecord): string {
    return politicalStatusOf(record);
  }

  protected party(record: CadreRecord): string {
    return partyText(record);
  }

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }

  protected print(): void {
    window.print();
  }

  protected reveal(id: string): void {
    this.revealFailure.set(null);
    this.api
      .revealIdNumber(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (idNumber) => this.revealed.set(idNumber),
        error: (error: unknown) => this.revealFailure.set(describeFailure(error, this.messages())),
      });
  }
}
