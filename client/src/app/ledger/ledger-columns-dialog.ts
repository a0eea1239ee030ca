import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { DEFAULT_LEDGER_COLUMNS, LEDGER_COLUMN_KEYS, type LedgerColumn } from '@cadre/shared-models';
import { I18n } from '../core/i18n/i18n';
import { FIXED_COLUMN, normalizeColumns } from './ledger-columns';

/**
 * Chooses the ledger's columns and their order. The name stays first and cannot be hidden, so a
 * layout always has a column and always a way to open the portrait.
 */
@Component({
  selector: 'cadre-ledger-columns-dialog',
  imports: [MatButtonModule, MatCheckboxModule, MatDialogModule],
  template: `
    @let text = messages().ledger;
    <h2 mat-dialog-title>{{ text.columnsTitle }}</h2>
    <mat-dialog-content>
      <p class="hint">{{ text.columnsHint }}</p>
      <ul class="column-list">
        @for (column of listed(); track column) {
          @let label = text.columns[column];
          @let position = shown().indexOf(column);
          <li class="column-item">
            <mat-checkbox
              [checked]="position >= 0"
              [disabled]="column === fixed"
              (change)="toggle(column, $event.checked)"
            >
              {{ label }}
              @if (column === fixed) {
                <span class="fixed-note">（{{ text.nameAlwaysShown }}）</span>
              }
            </mat-checkbox>
            @if (position > 0) {
              <button matIconButton type="button" [disabled]="position === 1" [attr.aria-label]="text.moveUp(label)" (click)="move(column, -1)">
                <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                  <path d="M7.4 15.4 12 10.8l4.6 4.6L18 14l-6-6-6 6z" fill="currentColor" />
                </svg>
              </button>
              <button matIconButton type="button" [disabled]="position === shown().length - 1" [attr.aria-label]="text.moveDown(label)" (click)="move(column, 1)">
                <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                  <path d="M7.4 8.6 12 13.2l4.6-4.6L18 10l-6 6-6-6z" fill="currentColor" />
                </svg>
              </button>
            }
          </li>
        }
      </ul>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" (click)="restoreDefaults()">{{ text.defaultColumns }}</button>
      <button matButton type="button" mat-dialog-close>{{ messages().common.cancel }}</button>
      <button matButton="filled" type="button" (click)="apply()">{{ text.apply }}</button>
    </mat-dialog-actions>
  `,
  styleUrl: './ledger-dialogs.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LedgerColumnsDialog {
  private readonly dialogRef = inject<MatDialogRef<LedgerColumnsDialog, LedgerColumn[]>>(MatDialogRef);
  private readonly initial = normalizeColumns(inject<readonly LedgerColumn[]>(MAT_DIALOG_DATA));

  protected readonly messages = inject(I18n).messages;
  protected readonly fixed = FIXED_COLUMN;
  /** The shown columns in their order; the list shows them first, then the hidden ones in the default order. */
  protected readonly shown = signal<readonly LedgerColumn[]>(this.initial);
  protected readonly listed = computed(() => [
    ...this.shown(),
    ...LEDGER_COLUMN_KEYS.filter((column) => !this.shown().includes(column)),
  ]);

  /** A column ticked joins the end of the shown ones; one unticked goes back among the hidden. */
  protected toggle(column: LedgerColumn, checked: boolean): void {
    this.shown.update((shown) => (checked ? [...shown, column] : shown.filter((each) => each !== column)));
  }

  /** Moves a shown column one place, never above the name. */
  protected move(column: LedgerColumn, step: -1 | 1): void {
    this.shown.update((shown) => {
      const from = shown.indexOf(column);
      const to = from + step;
      if (from < 1 || to < 1 || to >= shown.length) return shown;
      const next = [...shown];
      [next[from], next[to]] = [next[to]!, next[from]!];
      return next;
    });
  }

  protected restoreDefaults(): void {
    this.shown.set(normalizeColumns(DEFAULT_LEDGER_COLUMNS));
  }

  protected apply(): void {
    this.dialogRef.close(normalizeColumns(this.shown()));
  }
}
