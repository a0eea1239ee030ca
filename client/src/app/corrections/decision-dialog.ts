import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { CorrectionDecisionSchema, type CorrectionDecision, type CorrectionRequest } from '@cadre/shared-models';
import { describeControlErrors, schemaValidator } from '../core/forms/schema-validator';
import { showSubmitFailure } from '../core/forms/server-errors';
import type { FailureDescription } from '../core/http/describe-failure';
import { I18n } from '../core/i18n/i18n';
import { CorrectionsApi } from './corrections-api';

export interface DecisionDialogData {
  readonly request: CorrectionRequest;
  readonly decision: CorrectionDecision['decision'];
}

/** Approving or rejecting a correction request; either way the cadre is told why. */
@Component({
  selector: 'cadre-decision-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  template: `
    @let text = messages().corrections;
    @let request = data.request;
    <h2 mat-dialog-title>{{ data.decision === 'approved' ? text.approveTitle : text.rejectTitle }}</h2>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" />
    }
    <mat-dialog-content>
      <form id="decision-form" class="form" [formGroup]="form" (ngSubmit)="submit()">
        <p class="hint">{{ text.decisionSummary(request.cadreName, text.fields[request.field]) }}</p>
        <div class="current">
          <span class="label">{{ text.proposedValue }}</span>
          <p>{{ request.proposedValue }}</p>
        </div>
        @if (data.decision === 'approved') {
          <p class="hint">{{ text.approveHint }}</p>
        }
        <mat-form-field>
          <mat-label>{{ text.decisionReason }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" maxlength="500"></textarea>
          <mat-hint>{{ text.decisionReasonHint }}</mat-hint>
          <mat-error>{{ errorsOf(form.controls.reason.errors).join(' ') }}</mat-error>
        </mat-form-field>
        @if (failure(); as failure) {
          <p class="alert" role="alert">{{ failure.title }}@if (failure.detail) { {{ failure.detail }} }</p>
        }
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" mat-dialog-close>{{ messages().common.cancel }}</button>
      <button matButton="filled" type="submit" form="decision-form" [disabled]="busy()">
        {{ data.decision === 'approved' ? text.approve : text.reject }}
      </button>
    </mat-dialog-actions>
  `,
  styleUrl: './corrections-dialogs.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DecisionDialog {
  protected readonly data = inject<DecisionDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<DecisionDialog, CorrectionRequest>>(MatDialogRef);
  private readonly api = inject(CorrectionsApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly messages = inject(I18n).messages;
  protected readonly errorsOf = describeControlErrors;
  protected readonly busy = signal(false);
  protected readonly failure = signal<FailureDescription | null>(null);
  protected readonly form = new FormGroup({
    reason: new FormControl('', { nonNullable: true, validators: schemaValidator(CorrectionDecisionSchema.shape.reason) }),
  });

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const decision = CorrectionDecisionSchema.parse({ decision: this.data.decision, reason: this.form.controls.reason.value });
    this.busy.set(true);
    this.failure.set(null);
    this.api
      .decide(this.data.request.id, decision)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (decided) => this.dialogRef.close(decided),
        error: (error: unknown) => {
          this.busy.set(false);
          showSubmitFailure(this.form, error, this.failure, this.messages());
        },
      });
  }
}
