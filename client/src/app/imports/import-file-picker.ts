import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { I18n } from '../core/i18n/i18n';
import { ImportFlow } from './import-flow';
import { formatFileSize, type FileRules } from './import-files';

/**
 * Choosing the file of an import and sending it, with the upload's progress. Options that go
 * with the upload (the .lrmx defaults) are projected between the choice and the upload button.
 */
@Component({
  selector: 'cadre-import-file-picker',
  imports: [MatButtonModule, MatProgressBarModule],
  template: `
    @let text = messages().imports;
    <div class="choice">
      <!-- The native input stays hidden; its button opens it, so the control looks like the rest of the page. -->
      <input
        #input
        type="file"
        hidden
        [accept]="rules().extensions.join(',')"
        [attr.aria-label]="chooseLabel()"
        (change)="picked(input)"
      />
      <button matButton="outlined" type="button" [disabled]="flow.busy()" (click)="input.click()">
        {{ chooseLabel() }}
      </button>
      <span class="chosen">{{ chosenText() }}</span>
    </div>
    @if (refusal(); as refusal) {
      <p class="refusal" role="alert">{{ refusal }}</p>
    }
    <ng-content />
    <div class="send">
      <button matButton="filled" type="button" [disabled]="!flow.file() || flow.busy()" (click)="send()">
        {{ text.upload }}
      </button>
    </div>
    @if (progress(); as progress) {
      <div class="progress" role="status">
        <mat-progress-bar
          [mode]="progress.checking ? 'indeterminate' : 'determinate'"
          [value]="progress.percent"
          [attr.aria-label]="text.uploadProgress"
        />
        <span>{{ progress.checking ? text.checking : text.uploading(progress.percent) }}</span>
      </div>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .choice {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
    }
    .chosen {
      min-width: 0;
      overflow-wrap: anywhere;
      color: var(--mat-sys-on-surface-variant);
    }
    .refusal {
      margin: 0;
      color: var(--mat-sys-error);
    }
    .progress {
      display: flex;
      flex-direction: column;
      gap: 4px;
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportFilePicker {
  /** File endings offered in the browser's dialog, and the checks made after the choice. */
  readonly rules = input.required<FileRules>();
  readonly chooseLabel = input.required<string>();
  /** The user asked to send the chosen file. */
  readonly upload = output<void>();

  protected readonly flow = inject(ImportFlow);
  protected readonly messages = inject(I18n).messages;

  protected readonly chosenText = computed(() => {
    const file = this.flow.file();
    const text = this.messages().imports;
    return file ? text.chosenFile(file.name, formatFileSize(file.size)) : text.noFileChosen;
  });
  protected readonly refusal = computed(() => {
    const refusal = this.flow.refusal();
    const text = this.messages().imports;
    switch (refusal?.reason) {
      case undefined:
        return null;
      case 'empty':
        return text.fileEmpty;
      case 'tooLarge':
        return text.fileTooLarge(formatFileSize(refusal.limit));
      case 'wrongType':
        return text.wrongType(refusal.extensions.join(' / '));
    }
  });
  /** Sending, then waiting while the server checks every row: the bar cannot measure that part. */
  protected readonly progress = computed(() => {
    const state = this.flow.state();
    if (state.status !== 'uploading') return null;
    const percent = state.total > 0 ? Math.min(100, Math.round((state.sent / state.total) * 100)) : 0;
    return { percent, checking: state.total > 0 && state.sent >= state.total };
  });

  protected picked(input: HTMLInputElement): void {
    this.flow.choose(input.files?.[0] ?? null, this.rules());
    // Cleared so that choosing the same file again, once fixed, is still a change.
    input.value = '';
  }

  protected send(): void {
    this.upload.emit();
  }
}
