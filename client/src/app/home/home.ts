import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { CadreDistribution } from '@cadre/shared-models';
import { Subject, catchError, map, of, startWith, switchMap } from 'rxjs';
import { describeFailure } from '../core/http/describe-failure';
import { I18n } from '../core/i18n/i18n';
import { CadreDistributionApi } from './cadre-distribution-api';
import { CadreDistributionChart } from './cadre-distribution-chart';
import { CadreDistributionTable } from './cadre-distribution-table';
import { buildDistributionMatrix } from './distribution-matrix';

type DistributionState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly distribution: CadreDistribution }
  | { readonly status: 'failed'; readonly error: unknown };

/** Landing page: how many cadres the district has and how they spread over unit types and ages. */
@Component({
  selector: 'cadre-home',
  imports: [
    DatePipe,
    DecimalPipe,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    CadreDistributionChart,
    CadreDistributionTable,
  ],
  templateUrl: './home.html',
  styleUrl: './home.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Home {
  private readonly api = inject(CadreDistributionApi);
  private readonly i18n = inject(I18n);
  private readonly retries = new Subject<void>();

  protected readonly messages = this.i18n.messages;
  protected readonly language = this.i18n.language;

  protected readonly state = toSignal(
    this.retries.pipe(
      startWith(undefined),
      switchMap(() =>
        this.api.load().pipe(
          map((distribution): DistributionState => ({ status: 'loaded', distribution })),
          catchError((error: unknown) => of<DistributionState>({ status: 'failed', error })),
          startWith<DistributionState>({ status: 'loading' }),
        ),
      ),
    ),
    { requireSync: true },
  );

  protected readonly matrix = computed(() => {
    const state = this.state();
    return state.status === 'loaded' ? buildDistributionMatrix(state.distribution) : null;
  });

  protected readonly failure = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  });

  protected retry(): void {
    this.retries.next();
  }
}
