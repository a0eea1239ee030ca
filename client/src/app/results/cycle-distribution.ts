import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { GRADES, type CycleDistribution, type Grade } from '@cadre/shared-models';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { FlagIcon } from '../calibration/flag-icon';
import { AuthSession } from '../core/auth/auth-session';
import { describeFailure } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { GradeDistributionChart } from './distribution-chart';
import { ResultsApi } from './results-api';

type DistributionState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly distribution: CycleDistribution }
  | { readonly status: 'failed'; readonly error: unknown };

/** The grades of a cycle: district totals with their shares, and each unit's grades as bars and as a table. */
@Component({
  selector: 'cadre-cycle-distribution',
  imports: [DecimalPipe, MatButtonModule, MatProgressBarModule, RouterLink, FailureNotice, FlagIcon, GradeDistributionChart],
  templateUrl: './cycle-distribution.html',
  styleUrl: './cycle-distribution.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CycleDistributionPage {
  /** The `:id` route parameter: the cycle. */
  readonly id = input.required<string>();

  private readonly api = inject(ResultsApi);
  private readonly session = inject(AuthSession);
  private readonly i18n = inject(I18n);
  protected readonly messages = this.i18n.messages;
  protected readonly language = this.i18n.language;
  protected readonly grades = GRADES;
  protected readonly canCalibrate = computed(() => this.session.can('calibration:write'));

  private readonly reloads = signal(0);
  protected readonly state = toSignal(
    toObservable(computed(() => ({ id: this.id(), reload: this.reloads() }))).pipe(
      switchMap(({ id }) =>
        this.api.distribution(id).pipe(
          map((distribution): DistributionState => ({ status: 'loaded', distribution })),
          catchError((error: unknown) => of<DistributionState>({ status: 'failed', error })),
          startWith<DistributionState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as DistributionState },
  );
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  });

  /** A grade's share of the scored cadres, in percent; nothing scored yet is no share at all. */
  protected share(distribution: CycleDistribution, grade: Grade): number | null {
    return distribution.scored === 0 ? null : (distribution.district[grade] * 100) / distribution.scored;
  }

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }
}
