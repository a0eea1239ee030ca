import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ProposalDecisionSchema, type AdjustmentProposal, type ProposalDecision } from '@cadre/shared-models';
import { describeControlErrors, schemaValidator } from '../core/forms/schema-validator';
import { showSubmitFailure } from '../core/forms/server-errors';
import type { FailureDescription } from '../core/http/describe-failure';
import { I18n } from '../core/i18n/i18n';
import { ProposalsApi } from './proposals-api';

export interface ProposalDecisionDialogData {
  readonly proposal: AdjustmentProposal;
  readonly decision: ProposalDecision['decision'];
}

/** Accepting or rejecting an adjustment proposal: people decide, and the reason is kept. */
@Component({
  selector: 'cadre-proposal-decision-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  template: `
    @let text = messages().proposals;
    @let proposal = data.proposal;
    <h2 mat-dialog-title>{{ data.decision === 'accepted' ? text.acceptTitle : text.rejectTitle }}</h2>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" />
    }
    <mat-dialog-content>
      <form id="proposal-decision-form" class="form" [formGroup]="form" (ngSubmit)="submit()">
        <p class="summary">{{ text.decisionSummary(proposal.cadreName, text.actions[proposal.action]) }}</p>
        <p class="hint">{{ text.basis }}：{{ proposal.basis }}</p>
        <p class="hint">{{ text.decisionHint }}</p>
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
      <button matButton="filled" type="submit" form="proposal-decision-form" [disabled]="busy()">
        {{ data.decision === 'accepted' ? text.accept : text.reject }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    @use '../core/dialogs/dialog-form';
    .summary {
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
    }
    .hint {
      margin: 0 0 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProposalDecisionDialog {
  protected readonly data = inject<ProposalDecisionDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ProposalDecisionDialog, AdjustmentProposal>>(MatDialogRef);
  private readonly api = inject(ProposalsApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly messages = inject(I18n).messages;
  protected readonly errorsOf = describeControlErrors;
  protected readonly busy = signal(false);
  protected readonly failure = signal<FailureDescription | null>(null);
  protected readonly form = new FormGroup({
    reason: new FormControl('', { nonNullable: true, validators: schemaValidator(ProposalDecisionSchema.shape.reason) }),
  });

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const decision = ProposalDecisionSchema.parse({ decision: this.data.decision, reason: this.form.controls.reason.value });
    this.busy.set(true);
    this.failure.set(null);
    this.api
      .decide(this.data.proposal.id, decision)
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
