import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { Cycle, CycleStatus } from '@cadre/shared-models';
import { EMPTY, catchError, concatMap, filter, map, of, startWith, switchMap } from 'rxjs';
import { AuthSession } from '../core/auth/auth-session';
import { ConfirmDialog, type ConfirmDialogData } from '../core/dialogs/confirm-dialog';
import { describeConflict } from '../core/http/describe-conflict';
import { describeFailure, type FailureDescription } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { CycleStatusBadge } from './cycle-status-badge';
import { CyclesApi, type CycleTransition } from './cycles-api';

type PageState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly cycle: Cycle }
  | { readonly status: 'failed'; readonly error: unknown };

/** The actions each state offers: a draft is launched, an open cycle reminded or closed. */
const ACTIONS: Readonly<Record<CycleStatus, readonly CycleTransition[]>> = {
  draft: ['launch'],
  open: ['reminders', 'close'],
  closed: [],
  locked: [],
};

/** One cycle: its setup, how far rating has come, and the state changes the assessor makes. */
@Component({
  selector: 'cadre-cycle-detail',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, CycleStatusBadge, FailureNotice],
  templateUrl: './cycle-detail.html',
  styleUrl: './cycle-detail.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CycleDetail {
  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  private readonly api = inject(CyclesApi);
  private readonly session = inject(AuthSession);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly messages = inject(I18n).messages;

  private readonly reloads = signal(0);
  protected readonly page = signal<PageState>({ status: 'loading' });
  protected readonly busy = signal(false);
  protected readonly failure = signal<FailureDescription | null>(null);
  protected readonly canManage = computed(() => this.session.can('cycle:manage'));
  protected readonly canCalibrate = computed(() => this.session.can('calibration:write'));
  protected readonly actions = computed(() => {
    const page = this.page();
    return page.status === 'loaded' && this.canManage() ? ACTIONS[page.cycle.status] : [];
  });

  constructor() {
    toObservable(computed(() => ({ id: this.id(), reload: this.reloads() })))
      .pipe(
        switchMap(({ id }) =>
          this.api.get(id).pipe(
            map((cycle): PageState => ({ status: 'loaded', cycle })),
            catchError((error: unknown) => of<PageState>({ status: 'failed', error })),
            startWith<PageState>({ status: 'loading' }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.page.set(state));
  }

  protected pageFailure(state: PageState): FailureDescription | null {
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  }

  protected reload(): void {
    this.failure.set(null);
    this.reloads.update((count) => count + 1);
  }

  protected percent(cycle: Cycle): number {
    return cycle.counts.assignments === 0 ? 0 : (cycle.counts.submitted * 100) / cycle.counts.assignments;
  }

  protected dayOf(timestamp: string): string {
    return timestamp.slice(0, 10);
  }

  protected run(action: CycleTransition): void {
    const page = this.page();
    if (page.status !== 'loaded') return;
    const text = this.messages().cycles;
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: { title: text.confirmTitles[action], message: text.confirmMessages[action], confirmLabel: text.actions[action] },
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        concatMap(() => {
          this.busy.set(true);
          this.failure.set(null);
          return this.api.transition(page.cycle.id, action, page.cycle.revision).pipe(
            catchError((error: unknown) => {
              this.busy.set(false);
              const conflict = describeConflict(error, text.conflict);
              this.failure.set(conflict ? { title: conflict, detail: null, requestId: null } : describeFailure(error, this.messages()));
              return EMPTY;
            }),
          );
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((cycle) => {
        this.busy.set(false);
        this.page.set({ status: 'loaded', cycle });
        this.snackBar.open(text.done[action], undefined, { duration: 4000 });
      });
  }
}
