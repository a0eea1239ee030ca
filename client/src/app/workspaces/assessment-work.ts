import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { CycleStatus, CycleSummary } from '@cadre/shared-models';
import { catchError, forkJoin, map, of, startWith, type Observable } from 'rxjs';
import { describeFailure } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { CycleStatusBadge } from '../cycles/cycle-status-badge';
import { CyclesApi } from '../cycles/cycles-api';

/** The cycles that need the assessor, in the order the work asks for them. */
const WORK_ORDER = ['closed', 'open', 'draft'] as const satisfies readonly CycleStatus[];
type WorkStatus = (typeof WORK_ORDER)[number];
/** A handful per stage: more than this and the full list is the better page. */
const PER_STAGE = 5;

type WorkState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly stages: Readonly<Record<WorkStatus, readonly CycleSummary[]>> }
  | { readonly status: 'failed'; readonly error: unknown };

/**
 * The assessor's start page: what the work is, and the cycles waiting on it now, calibrations
 * first. With no cycles at all it says so and offers to start one.
 */
@Component({
  selector: 'cadre-assessment-work',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, CycleStatusBadge, FailureNotice],
  template: `
    @let text = messages().workspaces.assessor;
    <h1 class="page-title">{{ text.title }}</h1>
    <section class="intro">
      <p>{{ text.intro }}</p>
      <ol>
        @for (step of text.steps; track step) {
          <li>{{ step }}</li>
        }
      </ol>
      <div class="actions">
        <a matButton="filled" routerLink="/cycles/new">{{ text.newCycle }}</a>
        <a matButton="outlined" routerLink="/cycles">{{ text.allCycles }}</a>
      </div>
    </section>
    @switch (state().status) {
      @case ('loading') {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="messages().common.loading" />
      }
      @case ('failed') {
        @if (failure(); as failure) {
          <cadre-failure-notice [failure]="failure" />
        }
      }
      @case ('loaded') {
        @for (stage of stages(); track stage.status) {
          <section class="stage" [attr.aria-label]="stage.label">
            <h2>{{ stage.label }}</h2>
            <ul>
              @for (cycle of stage.cycles; track cycle.id) {
                <li>
                  <a class="name" [routerLink]="['/cycles', cycle.id]">{{ cycle.name }}</a>
                  <cadre-cycle-status [status]="cycle.status" />
                  <span class="secondary">{{ text.progress(cycle.counts.submitted, cycle.counts.assignments) }}</span>
                  @if (cycle.status === 'closed') {
                    <a matButton routerLink="/cycles/{{ cycle.id }}/calibration">{{ text.calibrate }}</a>
                  }
                </li>
              } @empty {
                <li class="secondary">{{ text.none }}</li>
              }
            </ul>
          </section>
        }
      }
    }
  `,
  styleUrl: './workspaces.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssessmentWork {
  private readonly api = inject(CyclesApi);
  protected readonly messages = inject(I18n).messages;

  protected readonly state = toSignal(
    forkJoin({ closed: this.cyclesIn('closed'), open: this.cyclesIn('open'), draft: this.cyclesIn('draft') }).pipe(
      map((stages): WorkState => ({ status: 'loaded', stages })),
      catchError((error: unknown) => of<WorkState>({ status: 'failed', error })),
      startWith<WorkState>({ status: 'loading' }),
    ),
    { requireSync: true },
  );

  protected readonly stages = computed(() => {
    const state = this.state();
    if (state.status !== 'loaded') return [];
    const text = this.messages().workspaces.assessor;
    const labels: Record<WorkStatus, string> = { closed: text.calibrating, open: text.rating, draft: text.preparing };
    return WORK_ORDER.map((status) => ({ status, label: labels[status], cycles: state.stages[status] }));
  });

  protected readonly failure = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  });

  private cyclesIn(status: WorkStatus): Observable<readonly CycleSummary[]> {
    return this.api.list({ status, page: 1, size: PER_STAGE }).pipe(map((list) => list.items));
  }
}
