import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { describeFailure, type FailureDescription } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { FileSaver } from '../ledger/file-download';
import { ImportFilePicker } from './import-file-picker';
import { EXCEL_FILES } from './import-files';
import { ImportFlow } from './import-flow';
import { ImportReportView } from './import-report';
import { ImportsApi } from './imports-api';

/** The Excel tab: the template, then an upload checked row by row, then the all-or-none apply. */
@Component({
  selector: 'cadre-excel-import',
  imports: [MatButtonModule, FailureNotice, ImportFilePicker, ImportReportView],
  providers: [ImportFlow],
  template: `
    @let text = messages().imports;
    <p class="intro">{{ text.excelIntro }}</p>
    <section class="step">
      <h2 class="step-title">{{ text.templateTitle }}</h2>
      <p class="hint">{{ text.templateHint }}</p>
      <div>
        <button matButton="outlined" type="button" [disabled]="downloading()" (click)="downloadTemplate()">
          {{ text.downloadTemplate }}
        </button>
      </div>
      @if (templateFailure(); as failure) {
        <cadre-failure-notice [failure]="failure" />
      }
    </section>
    <section class="step">
      <h2 class="step-title">{{ text.uploadTitle }}</h2>
      <cadre-import-file-picker [rules]="rules" [chooseLabel]="text.chooseExcel" (upload)="upload()" />
    </section>
    <cadre-import-report />
  `,
  styleUrl: './import-tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExcelImport {
  private readonly api = inject(ImportsApi);
  private readonly flow = inject(ImportFlow);
  private readonly saver = inject(FileSaver);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly messages = inject(I18n).messages;
  protected readonly rules = EXCEL_FILES;
  protected readonly downloading = signal(false);
  protected readonly templateFailure = signal<FailureDescription | null>(null);

  protected downloadTemplate(): void {
    this.downloading.set(true);
    this.templateFailure.set(null);
    this.api
      .downloadExcelTemplate(this.messages().imports.templateFileName)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (file) => {
          this.downloading.set(false);
          this.saver.save(file);
        },
        error: (error: unknown) => {
          this.downloading.set(false);
          this.templateFailure.set(describeFailure(error, this.messages()));
        },
      });
  }

  protected upload(): void {
    this.flow.upload((file) => this.api.uploadExcel(file));
  }
}
