import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  UNIT_TYPES,
  UnitCreateRequestSchema,
  UnitUpdateRequestSchema,
  type UnitType,
} from '@cadre/shared-models';
import type { Observable } from 'rxjs';
import { describeControlErrors, schemaValidator } from '../../core/forms/schema-validator';
import { showSubmitFailure } from '../../core/forms/server-errors';
import { problemCodeOf } from '../../core/http/api-error';
import type { FailureDescription } from '../../core/http/describe-failure';
import { I18n } from '../../core/i18n/i18n';
import { UnitsApi, type UnitWithVersion } from './units-api';

/** A new sub-unit of `parent`, or the name, code, type and order of an existing unit. */
export type UnitFormDialogData =
  | { readonly mode: 'create'; readonly parent: UnitWithVersion }
  | { readonly mode: 'edit'; readonly unit: UnitWithVersion };

export type UnitDialogResult = 'saved' | 'conflict';

const fields = UnitCreateRequestSchema.shape;

@Component({
  selector: 'cadre-unit-form-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  templateUrl: './unit-form-dialog.html',
  styleUrl: './unit-dialogs.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnitFormDialog {
  protected readonly data = inject<UnitFormDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<UnitFormDialog, UnitDialogResult>>(MatDialogRef);
  private readonly api = inject(UnitsApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly messages = inject(I18n).messages;
  protected readonly errorsOf = describeControlErrors;
  protected readonly unitTypes = UNIT_TYPES;
  protected readonly busy = signal(false);
  protected readonly failure = signal<FailureDescription | null>(null);

  private readonly unit = this.data.mode === 'edit' ? this.data.unit : null;
  protected readonly title = computed(() => {
    const text = this.messages().units;
    return this.data.mode === 'edit' ? text.editTitle(this.data.unit.name) : text.addChildTitle(this.data.parent.name);
  });

  protected readonly form = new FormGroup({
    name: new FormControl(this.unit?.name ?? '', { nonNullable: true, validators: schemaValidator(fields.name) }),
    code: new FormControl(this.unit?.code ?? '', { nonNullable: true, validators: schemaValidator(fields.code) }),
    type: new FormControl<UnitType>(this.unit?.type ?? (this.data.mode === 'create' ? this.data.parent.type : 'department'), {
      nonNullable: true,
    }),
    sortOrder: new FormControl(this.unit?.sortOrder ?? 0, {
      nonNullable: true,
      validators: schemaValidator(fields.sortOrder),
    }),
  });

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const request: Observable<UnitWithVersion> =
      this.data.mode === 'edit'
        ? this.api.update(this.data.unit.id, UnitUpdateRequestSchema.parse({ version: this.data.unit.version, ...value }))
        : this.api.create(UnitCreateRequestSchema.parse({ ...value, parentId: this.data.parent.id }));
    this.busy.set(true);
    this.failure.set(null);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => this.dialogRef.close('saved'),
      error: (error: unknown) => {
        this.busy.set(false);
        if (problemCodeOf(error) === 'version_conflict') {
          this.dialogRef.close('conflict');
        } else {
          showSubmitFailure(this.form, error, this.failure, this.messages());
        }
      },
    });
  }
}
