import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { ROTATION_FLAG_LABELS, type CalibrationRow, type Grade, type UnitCalibration } from '@cadre/shared-models';
import { catchError, filter, map, of, startWith, switchMap } from 'rxjs';
import { AuthSession } from '../core/auth/auth-session';
import { describeFailure } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { CalibrationApi } from './calibration-api';
import { FlagIcon } from './flag-icon';
import { GradeChangeDialog, type GradeChangeDialogData } from './grade-change-dialog';
import { GradeChart } from './grade-chart';

type UnitState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly calibration: UnitCalibration }
  | { readonly status: 'failed'; readonly error: unknown };

/**
 * One unit of a cycle in calibration: its grade distribution against the 优秀 cap, any pattern
 * flags with their detail, and the ranked list whose final grades can be changed with a reason
 * until the cycle is locked.
 */
@Component({
  selector: 'cadre-unit-calibration',
  imports: [DecimalPipe, MatButtonModule, MatProgressBarModule, RouterLink, FailureNotice, FlagIcon, GradeChart],
  templateUrl: './unit-calibration.html',
  styleUrl: './unit-calibration.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnitCalibrationPage {
  /** The `:id` route parameter: the cycle. */
  readonly id = input.required<string>();
  readonly unitId = input.required<string>();

  private readonly api = inject(CalibrationApi);
  private readonly session = inject(AuthSession);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly i18n = inject(I18n);
  protected readonly messages = this.i18n.messages;
  protected readonly language = this.i18n.language;
  protected readonly flagLabels = ROTATION_FLAG_LABELS;
  protected readonly canWrite = computed(() => this.session.can('calibration:write'));

  private readonly reloads = signal(0);
  private readonly state = toSignal(
    toObservable(computed(() => ({ id: this.id(), unitId: this.unitId(), reload: this.reloads() }))).pipe(
      switchMap(({ id, unitId }) =>
        this.api.unit(id, unitId).pipe(
          map((calibration): UnitState => ({ status: 'loaded', calibration })),
          catchError((error: unknown) => of<UnitState>({ status: 'failed', error })),
          startWith<UnitState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as UnitState },
  );
  /** What the server last said, from the load or from the answer to a change. */
  protected readonly view = linkedSignal<UnitState, UnitState>({ source: this.state, computation: (state) => state });
  protected readonly failure = computed(() => {
    const state = this.view();
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  });

  protected gradeText(grade: Grade | null): string {
    const text = this.messages().calibration;
    return grade ? text.grades[grade] : '—';
  }

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }

  protected change(calibration: UnitCalibration, row: CalibrationRow): void {
    this.dialog
      .open<GradeChangeDialog, GradeChangeDialogData, UnitCalibration>(GradeChangeDialog, {
        data: { calibration, row },
        width: '520px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(
        filter((updated): updated is UnitCalibration => updated !== undefined),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((updated) => {
        this.view.set({ status: 'loaded', calibration: updated });
        const grade = updated.rows.find((candidate) => candidate.cadreId === row.cadreId)?.finalGrade ?? null;
        this.snackBar.open(this.messages().calibration.changedDone(row.cadreName, this.gradeText(grade)), undefined, { duration: 4000 });
      });
  }
}
