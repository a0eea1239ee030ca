import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { UnitUpdateRequestSchema } from '@cadre/shared-models';
import { problemCodeOf } from '../../core/http/api-error';
import { describeFailure, type FailureDescription } from '../../core/http/describe-failure';
import { I18n } from '../../core/i18n/i18n';
import type { UnitDialogResult } from './unit-form-dialog';
import { collectSubtreeIds, listInTreeOrder, type UnitNode } from './unit-tree';
import { UnitsApi } from './units-api';

export interface UnitMoveDialogData {
  readonly node: UnitNode;
  readonly roots: readonly UnitNode[];
}

/** Moves a unit, with its whole subtree, under another parent chosen from the tree. */
@Component({
  selector: 'cadre-unit-move-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatProgressBarModule, MatSelectModule],
  template: `
    @let text = messages().units;
    <h2 mat-dialog-title>{{ text.moveTitle(data.node.unit.name) }}</h2>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" />
    }
    <mat-dialog-content>
      <mat-form-field class="parent">
        <mat-label>{{ text.newParent }}</mat-label>
        <mat-select [formControl]="parentId">
          @for (option of candidates; track option.unit.id) {
            <mat-option [value]="option.unit.id">{{ indent(option.depth) }}{{ option.unit.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @if (failure(); as failure) {
        <p class="alert" role="alert">{{ failure.title }}@if (failure.detail) { {{ failure.detail }} }</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" mat-dialog-close>{{ messages().common.cancel }}</button>
      <button matButton="filled" type="button" [disabled]="busy() || parentId.invalid" (click)="move()">
        {{ text.move }}
      </button>
    </mat-dialog-actions>
  `,
  styleUrl: './unit-dialogs.scss',
  styles: `
    .parent {
      width: 100%;
      padding-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnitMoveDialog {
  protected readonly data = inject<UnitMoveDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<UnitMoveDialog, UnitDialogResult>>(MatDialogRef);
  private readonly api = inject(UnitsApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly messages = inject(I18n).messages;
  protected readonly busy = signal(false);
  protected readonly failure = signal<FailureDescription | null>(null);

  /** A unit cannot go under itself or its own descendants, and staying put is no move. */
  private readonly excluded = collectSubtreeIds(this.data.node);
  protected readonly candidates = listInTreeOrder(this.data.roots).filter(
    (option) => !this.excluded.has(option.unit.id) && option.unit.id !== this.data.node.unit.parentId,
  );
  protected readonly parentId = new FormControl<string | null>(null, { validators: Validators.required });

  /** Full-width spaces indent CJK names by whole characters. */
  protected indent(depth: number): string {
    return '\u3000'.repeat(depth);
  }

  protected move(): void {
    const { unit } = this.data.node;
    this.busy.set(true);
    this.failure.set(null);
    this.api
      .update(unit.id, UnitUpdateRequestSchema.parse({ version: unit.version, parentId: this.parentId.value }))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => this.dialogRef.close('saved'),
        error: (error: unknown) => {
          this.busy.set(false);
          if (problemCodeOf(error) === 'version_conflict') this.dialogRef.close('conflict');
          else this.failure.set(describeFailure(error, this.messages()));
        },
      });
  }
}
