import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { CYCLE_STATUS_LABELS, type CalibrationUnitList, type Cycle } from '@cadre/shared-models';
import { catchError, filter, forkJoin, map, of, startWith, switchMap } from 'rxjs';
import { ConfirmDialog, type ConfirmDialogData } from '../core/dialogs/confirm-dialog';
import { describeFailure, describeProblem } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { CalibrationApi } from './calibration-api';
import { FlagIcon } from './flag-icon';

type PageState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly cycle: Cycle; readonly units: CalibrationUnitList }
  | { readonly status: 'failed'; readonly error: unknown };

/**
 * The units of a closed cycle to calibrate, each against its 优秀 quota, and the lock that makes
 * the grades final. A unit whose history looks like 优秀 taken in turns carries a flag.
 */
@Component({
  selector: 'cadre-calibration',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, FailureNotice, FlagIcon],
  templateUrl: './calibration.html',
  styleUrl: './calibration.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Calibration {
  /** The `:id` route parameter: the cycle. */
  readonly id = input.required<string>();

  private readonly api = inject(CalibrationApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly messages = inject(I18n).messages;
  protected readonly statusLabels = CYCLE_STATUS_LABELS;

  private readonly reloads = signal(0);
  protected readonly state = toSignal(
    toObservable(computed(() => ({ id: this.id(), reload: this.reloads() }))).pipe(
      switchMap(({ id }) =>
        forkJoin({ cycle: this.api.cycle(id), units: this.api.units(id) }).pipe(
          map(({ cycle, units }): PageState => ({ status: 'loaded', cycle, units })),
          catchError((error: unknown) => of<PageState>({ status: 'failed', error })),
          startWith<PageState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as PageState },
  );
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  });
  protected readonly locking = signal(false);

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }

  protected lock(cycle: Cycle): void {
    const text = this.messages().calibration;
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: { title: text.lockTitle, message: text.lockMessage, confirmLabel: text.lockConfirm },
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.locking.set(true);
          return this.api.lock(cycle.id, cycle.revision);
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.locking.set(false);
          this.snackBar.open(text.lockedDone, undefined, { duration: 4000 });
          this.reload();
        },
        error: (error: unknown) => {
          this.locking.set(false);
          this.snackBar.open(describeProblem(error, this.messages()), this.messages().common.close, { duration: 8000 });
        },
      });
  }
}
