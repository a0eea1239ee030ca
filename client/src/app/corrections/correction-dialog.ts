import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { TextFieldModule } from '@angular/cdk/text-field';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  CORRECTABLE_FIELDS,
  CorrectionRequestInputSchema,
  type CadreRecord,
  type CorrectableField,
  type CorrectionRequest,
} from '@cadre/shared-models';
import { startWith } from 'rxjs';
import { describeControlErrors, schemaValidator } from '../core/forms/schema-validator';
import { showSubmitFailure } from '../core/forms/server-errors';
import type { FailureDescription } from '../core/http/describe-failure';
import { I18n } from '../core/i18n/i18n';
import { correctableFieldText } from '../cadres/record-fields';
import { CorrectionsApi } from './corrections-api';

const fields = CorrectionRequestInputSchema.shape;

/**
 * A cadre's request to correct a field of their own record: which field, what it should say and
 * why. The current text of the chosen field is shown and put in the answer box to edit from.
 */
@Component({
  selector: 'cadre-correction-dialog',
  imports: [
    ReactiveFormsModule,
    TextFieldModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  template: `
    @let text = messages().corrections;
    <h2 mat-dialog-title>{{ text.requestTitle }}</h2>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" />
    }
    <mat-dialog-content>
      <form id="correction-form" class="form" [formGroup]="form" (ngSubmit)="submit()">
        <p class="hint">{{ text.requestHint }}</p>
        <mat-form-field>
          <mat-label>{{ text.field }}</mat-label>
          <mat-select formControlName="field">
            @for (field of fieldKeys; track field) {
              <mat-option [value]="field">{{ text.fields[field] }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ errorsOf(form.controls.field.errors).join(' ') || text.chooseField }}</mat-error>
        </mat-form-field>
        @if (chosenField()) {
          <div class="current">
            <span class="label">{{ text.currentValue }}</span>
            <p>{{ currentText() || text.empty }}</p>
          </div>
        }
        <mat-form-field>
          <mat-label>{{ text.proposedValue }}</mat-label>
          <textarea matInput formControlName="proposedValue" cdkTextareaAutosize cdkAutosizeMinRows="4" maxlength="1000"></textarea>
          <mat-error>{{ proposedErrors(form.controls.proposedValue.errors).join(' ') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ text.reason }}</mat-label>
          <textarea matInput formControlName="reason" cdkTextareaAutosize cdkAutosizeMinRows="3" maxlength="500"></textarea>
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
      <button matButton="filled" type="submit" form="correction-form" [disabled]="busy()">{{ text.submit }}</button>
    </mat-dialog-actions>
  `,
  styleUrl: './corrections-dialogs.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CorrectionDialog {
  private readonly record = inject<CadreRecord>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<CorrectionDialog, CorrectionRequest>>(MatDialogRef);
  private readonly api = inject(CorrectionsApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly messages = inject(I18n).messages;
  protected readonly errorsOf = describeControlErrors;
  protected readonly fieldKeys = CORRECTABLE_FIELDS.map(([key]) => key);
  protected readonly busy = signal(false);
  protected readonly failure = signal<FailureDescription | null>(null);

  protected readonly form = new FormGroup({
    field: new FormControl<CorrectableField | null>(null, { validators: schemaValidator(fields.field) }),
    proposedValue: new FormControl('', {
      nonNullable: true,
      validators: [schemaValidator(fields.proposedValue), (control) => this.sameAsCurrent(control)],
    }),
    reason: new FormControl('', { nonNullable: true, validators: schemaValidator(fields.reason) }),
  });

  protected readonly chosenField = toSignal(this.form.controls.field.valueChanges.pipe(startWith(this.form.controls.field.value)), {
    requireSync: true,
  });
  protected readonly currentText = computed(() => {
    const field = this.chosenField();
    return field ? correctableFieldText(this.record, field) : '';
  });
  protected proposedErrors(errors: ValidationErrors | null): string[] {
    return errors?.['sameAsCurrent'] ? [this.messages().corrections.sameAsCurrent] : describeControlErrors(errors);
  }

  constructor() {
    // Starting from the current text makes a one-character fix a one-character edit; text the
    // person already typed is never overwritten.
    let previous = '';
    this.form.controls.field.valueChanges.pipe(takeUntilDestroyed()).subscribe((field) => {
      const proposed = this.form.controls.proposedValue;
      const next = field ? correctableFieldText(this.record, field) : '';
      if (proposed.value === '' || proposed.value === previous) proposed.setValue(next);
      previous = next;
      proposed.updateValueAndValidity();
    });
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const input = CorrectionRequestInputSchema.parse(this.form.getRawValue());
    this.busy.set(true);
    this.failure.set(null);
    this.api
      .submit(this.record.id, input)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (request) => this.dialogRef.close(request),
        error: (error: unknown) => {
          this.busy.set(false);
          showSubmitFailure(this.form, error, this.failure, this.messages());
        },
      });
  }

  private sameAsCurrent(control: AbstractControl): ValidationErrors | null {
    const field = this.form?.controls.field.value;
    if (!field || field === 'other') return null;
    return String(control.value).trim() === correctableFieldText(this.record, field).trim() ? { sameAsCurrent: true } : null;
  }
}
