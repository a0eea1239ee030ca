import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { LedgerViewInputSchema, type LedgerView, type LedgerViewInput } from '@cadre/shared-models';
import type { Observable } from 'rxjs';
import { describeControlErrors, schemaValidator } from '../core/forms/schema-validator';
import { applyServerErrors } from '../core/forms/server-errors';
import { ApiError } from '../core/http/api-error';
import { describeFailure } from '../core/http/describe-failure';
import { I18n } from '../core/i18n/i18n';
import { LedgerApi } from './ledger-api';

/** A new view of the current settings, or a new name for a saved view (its settings unchanged). */
export type LedgerViewDialogData =
  | { readonly mode: 'create'; readonly settings: Omit<LedgerViewInput, 'name'> }
  | { readonly mode: 'rename'; readonly view: LedgerView };

const NAME_PATH = 'body.name';

/** Names a view and saves it; the server's verdict on the name appears under the field. */
@Component({
  selector: 'cadre-ledger-view-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  template: `
    @let text = messages().ledger;
    <h2 mat-dialog-title>{{ data.mode === 'create' ? text.saveViewTitle : text.renameViewTitle(data.view.name) }}</h2>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="messages().common.loading" />
    }
    <mat-dialog-content>
      <form id="ledger-view-form" class="form" [formGroup]="form" (ngSubmit)="submit()">
        <mat-form-field>
          <mat-label>{{ text.viewName }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" maxlength="30" cdkFocusInitial />
          <mat-error>{{ errorsOf(form.controls.name.errors).join(' ') }}</mat-error>
        </mat-form-field>
        @for (problem of problems(); track $index) {
          <p class="alert" role="alert">{{ problem }}</p>
        }
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" mat-dialog-close>{{ messages().common.cancel }}</button>
      <button matButton="filled" type="submit" form="ledger-view-form" [disabled]="busy()">
        {{ messages().common.save }}
      </button>
    </mat-dialog-actions>
  `,
  styleUrl: './ledger-dialogs.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LedgerViewDialog {
  protected readonly data = inject<LedgerViewDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<LedgerViewDialog, LedgerView>>(MatDialogRef);
  private readonly api = inject(LedgerApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly messages = inject(I18n).messages;
  protected readonly errorsOf = describeControlErrors;
  protected readonly busy = signal(false);
  /** What the server refused beyond the name, or why the request failed as a whole. */
  protected readonly problems = signal<readonly string[]>([]);

  protected readonly form = new FormGroup({
    name: new FormControl(this.data.mode === 'rename' ? this.data.view.name : '', {
      nonNullable: true,
      validators: schemaValidator(LedgerViewInputSchema.shape.name),
    }),
  });

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.problems.set([]);
    this.save(this.form.controls.name.value)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => this.dialogRef.close(view),
        error: (error: unknown) => {
          this.busy.set(false);
          this.problems.set(this.describeRefusal(error));
        },
      });
  }

  private save(name: string): Observable<LedgerView> {
    if (this.data.mode === 'create') return this.api.createView({ ...this.data.settings, name });
    const { id, createdAt: _createdAt, ...settings } = this.data.view;
    return this.api.updateView(id, { ...settings, name });
  }

  /** The name's messages go under the field; anything else is listed in the dialog. */
  private describeRefusal(error: unknown): string[] {
    const onName = applyServerErrors(this.form, error);
    const others =
      error instanceof ApiError ? (error.problem?.errors ?? []).filter((each) => each.path !== NAME_PATH).map((each) => each.message) : [];
    if (others.length || onName) return others;
    const failure = describeFailure(error, this.messages());
    return [failure.detail ? `${failure.title} ${failure.detail}` : failure.title];
  }
}
