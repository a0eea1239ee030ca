import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { CadreResult, Grade, RaterGroup } from '@cadre/shared-models';
import { catchError, map, of, startWith, switchMap, type Observable } from 'rxjs';
import { CompetencyRadar } from '../cadres/competency-radar';
import { AuthSession } from '../core/auth/auth-session';
import { describeFailure } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { AssessmentHistoryList } from './assessment-history-list';
import { competencyScoresOf } from './competency-scores';
import { DimensionBars } from './dimension-bars';
import { DimensionExplanation } from './dimension-explanation';
import { HistoryChart } from './history-chart';
import { ResultsApi, type AssessmentHistory } from './results-api';

type Loaded<T> = { readonly status: 'loading' } | { readonly status: 'loaded'; readonly value: T } | { readonly status: 'failed'; readonly error: unknown };

function loadState<T>(source: Observable<T>): Observable<Loaded<T>> {
  return source.pipe(
    map((value): Loaded<T> => ({ status: 'loaded', value })),
    catchError((error: unknown) => of<Loaded<T>>({ status: 'failed', error })),
    startWith<Loaded<T>>({ status: 'loading' }),
  );
}

/**
 * One cadre's result report for one cycle: total and grade, the dimension scores as a radar and
 * against the unit average, how every score came about, vetoes, the quota, calibrations, and the
 * cadre's results over the years.
 */
@Component({
  selector: 'cadre-result-report',
  imports: [
    DatePipe,
    DecimalPipe,
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    AssessmentHistoryList,
    CompetencyRadar,
    DimensionBars,
    DimensionExplanation,
    FailureNotice,
    HistoryChart,
  ],
  templateUrl: './cadre-result.html',
  styleUrl: './cadre-result.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CadreResultReport {
  /** The `:id` route parameter: the cycle. */
  readonly id = input.required<string>();
  readonly cadreId = input.required<string>();

  private readonly api = inject(ResultsApi);
  private readonly session = inject(AuthSession);
  private readonly i18n = inject(I18n);
  protected readonly messages = this.i18n.messages;
  protected readonly language = this.i18n.language;

  /** The district's distribution is for those who run cycles; a cadre reading their own result has no use for it. */
  protected readonly canSeeDistribution = computed(() => this.session.can('cycle:read'));

  private readonly reloads = signal(0);
  private readonly request = computed(() => ({ id: this.id(), cadreId: this.cadreId(), reload: this.reloads() }));
  protected readonly result = toSignal(
    toObservable(this.request).pipe(switchMap(({ id, cadreId }) => loadState<CadreResult>(this.api.result(id, cadreId)))),
    { initialValue: { status: 'loading' } as Loaded<CadreResult> },
  );
  protected readonly history = toSignal(
    toObservable(this.request).pipe(switchMap(({ cadreId }) => loadState<AssessmentHistory>(this.api.history(cadreId)))),
    { initialValue: { status: 'loading' } as Loaded<AssessmentHistory> },
  );
  protected readonly failure = computed(() => {
    const state = this.result();
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  });
  protected readonly historyFailure = computed(() => {
    const state = this.history();
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  });
  protected readonly radarScores = computed(() => {
    const state = this.result();
    return state.status === 'loaded' ? competencyScoresOf(state.value.dimensions) : [];
  });

  protected readonly groupName = (group: RaterGroup): string => this.messages().results.groups[group];

  protected gradeText(grade: Grade | null): string {
    return grade ? this.messages().calibration.grades[grade] : this.messages().results.noGrade;
  }

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }
}
