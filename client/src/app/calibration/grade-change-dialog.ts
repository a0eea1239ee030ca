import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import {
  CalibrationChangeSchema,
  GRADES,
  checkCalibrationChange,
  type CalibrationRow,
  type Grade,
  type UnitCalibration,
} from '@cadre/shared-models';
import { describeControlErrors, schemaValidator } from '../core/forms/schema-validator';
import { showSubmitFailure } from '../core/forms/server-errors';
import type { FailureDescription } from '../core/http/describe-failure';
import { I18n } from '../core/i18n/i18n';
import { CalibrationApi } from './calibration-api';

export interface GradeChangeDialogData {
  readonly calibration: UnitCalibration;
  readonly row: CalibrationRow;
}

/**
 * Changing one cadre's grade in calibration: a reason is required, and the unit's 优秀 quota is
 * checked as the grade is chosen, by the same rule the server applies, before anything is sent.
 */
@Component({
  selector: 'cadre-grade-change-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, MatRadioModule],
  template: `
    @let text = messages().calibration;
    @let row = data.row;
    <h2 mat-dialog-title>{{ text.changeTitle(row.cadreName) }}</h2>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" />
    }
    <mat-dialog-content>
      <form id="grade-change-form" class="form" [formGroup]="form" (ngSubmit)="submit()">
        <p class="hint">{{ text.changeSummary(gradeText(row.proposedGrade), gradeText(row.finalGrade)) }}</p>
        <label id="new-grade-label" class="label">{{ text.newGrade }}</label>
        <mat-radio-group formControlName="grade" class="grades" aria-labelledby="new-grade-label">
          @for (grade of grades; track grade) {
            <mat-radio-button [value]="grade">{{ text.grades[grade] }}</mat-radio-button>
          }
        </mat-radio-group>
        @if (unchanged()) {
          <p class="hint">{{ text.sameGrade }}</p>
        } @else if (quotaProblem(); as problem) {
          <p class="alert" role="alert">{{ problem }}</p>
        }
        <mat-form-field>
          <mat-label>{{ text.reason }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" maxlength="500"></textarea>
          <mat-hint>{{ text.reasonHint }}</mat-hint>
          <mat-error>{{ errorsOf(form.controls.reason.errors).join(' ') }}</mat-error>
        </mat-form-field>
        @if (failure(); as failure) {
          <p class="alert" role="alert">{{ failure.title }}@if (failure.detail) { {{ failure.detail }} }</p>
        }
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" mat-dialog-close>{{ messages().common.cancel }}</button>
      <button matButton="filled" type="submit" form="grade-change-form" [disabled]="busy() || unchanged() || quotaProblem() !== null">
        {{ text.save }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    @use '../core/dialogs/dialog-form';
    .hint {
      margin: 0 0 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .label {
      font: var(--mat-sys-label-large);
    }
    .grades {
      display: flex;
      flex-wrap: wrap;
      margin-bottom: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GradeChangeDialog {
  protected readonly data = inject<GradeChangeDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<GradeChangeDialog, UnitCalibration>>(MatDialogRef);
  private readonly api = inject(CalibrationApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly messages = inject(I18n).messages;
  protected readonly errorsOf = describeControlErrors;
  protected readonly grades = GRADES;
  protected readonly busy = signal(false);
  protected readonly failure = signal<FailureDescription | null>(null);
  protected readonly form = new FormGroup({
    grade: new FormControl<Grade | null>(this.data.row.finalGrade),
    reason: new FormControl('', { nonNullable: true, validators: schemaValidator(CalibrationChangeSchema.shape.reason) }),
  });

  private readonly grade = toSignal(this.form.controls.grade.valueChanges, { initialValue: this.form.controls.grade.value });
  protected readonly unchanged = computed(() => !this.grade() || this.grade() === this.data.row.finalGrade);
  /** Why the chosen grade would break the unit's 优秀 quota, or null. */
  protected readonly quotaProblem = computed((): string | null => {
    const grade = this.grade();
    if (!grade || this.unchanged()) return null;
    const { rows, excellentCap } = this.data.calibration;
    return checkCalibrationChange(rows, { cadreId: this.data.row.cadreId, grade }, excellentCap);
  });

  protected gradeText(grade: Grade | null): string {
    const text = this.messages().calibration;
    return grade ? text.grades[grade] : text.unscored;
  }

  protected submit(): void {
    const grade = this.form.controls.grade.value;
    if (this.form.invalid || !grade || this.unchanged() || this.quotaProblem() !== null) {
      this.form.markAllAsTouched();
      return;
    }
    const { calibration, row } = this.data;
    const change = CalibrationChangeSchema.parse({
      revision: calibration.revision,
      cadreId: row.cadreId,
      grade,
      reason: this.form.controls.reason.value,
    });
    this.busy.set(true);
    this.failure.set(null);
    this.api
      .change(calibration.cycleId, calibration.unitId, change)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => this.dialogRef.close(updated),
        error: (error: unknown) => {
          this.busy.set(false);
          showSubmitFailure(this.form, error, this.failure, this.messages());
        },
      });
  }
}
