import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { I18n } from '../../core/i18n/i18n';

export interface OneTimePasswordDialogData {
  readonly displayName: string;
  readonly oneTimePassword: string;
  /** Which half of a password split between two administrators this is; absent for a whole one. */
  readonly part?: 1 | 2;
}

/**
 * Shows a generated password the one time the API returns it. It closes only through its
 * button, so a stray click beside it cannot lose the password.
 */
@Component({
  selector: 'cadre-one-time-password-dialog',
  imports: [MatButtonModule, MatDialogModule],
  template: `
    @let text = messages().users;
    <h2 mat-dialog-title>{{ data.part ? text.passwordPartFor(data.displayName, data.part) : text.oneTimePasswordFor(data.displayName) }}</h2>
    <mat-dialog-content>
      <code class="secret">{{ data.oneTimePassword }}</code>
      <p class="hint">{{ data.part ? text.passwordPartHint : text.oneTimePasswordHint }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton="outlined" type="button" (click)="copy()">
        {{ copied() ? messages().common.copied : messages().common.copy }}
      </button>
      <button matButton="filled" type="button" mat-dialog-close>{{ text.done }}</button>
    </mat-dialog-actions>
  `,
  styleUrl: './user-dialogs.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OneTimePasswordDialog {
  protected readonly data = inject<OneTimePasswordDialogData>(MAT_DIALOG_DATA);
  private readonly clipboard = inject(Clipboard);

  protected readonly messages = inject(I18n).messages;
  protected readonly copied = signal(false);

  protected copy(): void {
    this.copied.set(this.clipboard.copy(this.data.oneTimePassword));
  }
}
