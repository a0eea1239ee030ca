import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Observable } from 'rxjs';
import type * as z from 'zod';
import { describeControlErrors, schemaValidator } from '../forms/schema-validator';
import { showSubmitFailure } from '../forms/server-errors';
import type { FailureDescription } from '../http/describe-failure';
import { I18n } from '../i18n/i18n';

/** What a decision taken with a reason shows and sends; the dialog closes with what `decide` answers. */
export interface ReasonedDecisionData<T> {
  readonly title: string;
  readonly confirm: string;
  readonly summary: string;
  /** Facts the decider weighs, each in a box under its label. */
  readonly facts: readonly { readonly label: string; readonly text: string }[];
  readonly hint: string | null;
  readonly reasonLabel: string;
  readonly reasonHint: string;
  readonly reasonSchema: z.ZodType<string>;
  readonly decide: (reason: string) => Observable<T>;
}

/**
 * A decision people take on a request or a proposal, always with a reason that is kept and shown
 * to whom it concerns: approving or rejecting a correction, accepting or rejecting an adjustment.
 */
@Component({
  selector: 'cadre-reasoned-decision-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" />
    }
    <mat-dialog-content>
      <form id="reasoned-decision-form" class="form" [formGroup]="form" (ngSubmit)="submit()">
        <p class="summary">{{ data.summary }}</p>
        @for (fact of data.facts; track fact.label) {
          <div class="fact">
            <span class="label">{{ fact.label }}</span>
            <p>{{ fact.text }}</p>
          </div>
        }
        @if (data.hint) {
          <p class="hint">{{ data.hint }}</p>
        }
        <mat-form-field>
          <mat-label>{{ data.reasonLabel }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" maxlength="500"></textarea>
          <mat-hint>{{ data.reasonHint }}</mat-hint>
          <mat-error>{{ errorsOf(form.controls.reason.errors).join(' ') }}</mat-error>
        </mat-form-field>
        @if (failure(); as failure) {
          <p class="alert" role="alert">{{ failure.title }}@if (failure.detail) { {{ failure.detail }} }</p>
        }
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" mat-dialog-close>{{ messages().common.cancel }}</button>
      <button matButton="filled" type="submit" form="reasoned-decision-form" [disabled]="busy()">{{ data.confirm }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    @use 'dialog-form';
    .summary {
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
    }
    .hint {
      margin: 0 0 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .fact {
      margin: 0 0 12px;
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container-high);
      .label {
        font: var(--mat-sys-label-medium);
        color: var(--mat-sys-on-surface-variant);
      }
      p {
        margin: 2px 0 0;
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReasonedDecisionDialog<T> {
  protected readonly data = inject<ReasonedDecisionData<T>>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ReasonedDecisionDialog<T>, T>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly messages = inject(I18n).messages;
  protected readonly errorsOf = describeControlErrors;
  protected readonly busy = signal(false);
  protected readonly failure = signal<FailureDescription | null>(null);
  protected readonly form = new FormGroup({
    reason: new FormControl('', { nonNullable: true, validators: schemaValidator(this.data.reasonSchema) }),
  });

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    this.data
      .decide(this.data.reasonSchema.parse(this.form.controls.reason.value))
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
