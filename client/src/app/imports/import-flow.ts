import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ImportReport } from '@cadre/shared-models';
import { filter, type Observable, type Subscription } from 'rxjs';
import { ConfirmDialog, type ConfirmDialogData } from '../core/dialogs/confirm-dialog';
import { ApiError } from '../core/http/api-error';
import { describeFailure, type FailureDescription } from '../core/http/describe-failure';
import { I18n } from '../core/i18n/i18n';
import { checkImportFile, formatFileSize, type FileRefusal, type FileRules } from './import-files';
import { ImportsApi, type ImportApplyResult, type UploadEvent } from './imports-api';

export type ImportState =
  | { readonly status: 'idle' }
  | { readonly status: 'uploading'; readonly sent: number; readonly total: number }
  | {
      readonly status: 'reported';
      readonly report: ImportReport;
      readonly busy: 'applying' | 'discarding' | null;
      /** Why the last apply or discard failed, when the batch itself is still there to retry. */
      readonly failure: FailureDescription | null;
    }
  | { readonly status: 'applied'; readonly report: ImportReport; readonly result: ImportApplyResult }
  | {
      readonly status: 'failed';
      readonly failure: FailureDescription;
      /** Uploading the same file again can help: the preview went stale, or the network failed. */
      readonly canRetry: boolean;
    };

/**
 * One import from choosing a file to applying it, for one tab of the import page (each tab
 * provides its own). The server keeps the uploaded batch; this keeps what the user sees of it.
 */
@Injectable()
export class ImportFlow {
  private readonly api = inject(ImportsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly messages = inject(I18n).messages;

  private readonly current = signal<ImportState>({ status: 'idle' });
  private readonly chosen = signal<File | null>(null);
  private readonly refused = signal<FileRefusal | null>(null);
  private rules: FileRules | null = null;
  private sending: Subscription | null = null;
  private lastUpload: (() => Observable<UploadEvent>) | null = null;

  readonly state = this.current.asReadonly();
  readonly file = this.chosen.asReadonly();
  readonly refusal = this.refused.asReadonly();
  readonly busy = computed(() => {
    const state = this.current();
    return state.status === 'uploading' || (state.status === 'reported' && state.busy !== null);
  });

  /** Takes the user's choice; a file the server would refuse anyway is not kept. */
  choose(file: File | null, rules: FileRules): void {
    this.rules = rules;
    const refusal = file ? checkImportFile(file, rules) : null;
    this.refused.set(refusal);
    this.chosen.set(refusal ? null : file);
  }

  /**
   * Sends the chosen file through `send` and shows the report. A batch still waiting from an
   * earlier upload is discarded on the server: its report is replaced and nobody can apply it.
   */
  upload(send: (file: File) => Observable<UploadEvent>): void {
    const file = this.chosen();
    if (!file || this.busy()) return;
    this.discardReplaced();
    this.lastUpload = () => send(file);
    this.start();
  }

  /** Uploads the same file again, after a stale preview or a failed connection. */
  retry(): void {
    if (this.lastUpload && !this.busy()) this.start();
  }

  /** Applies the batch after the user confirms; all rows are written or none. */
  apply(): void {
    const state = this.current();
    if (state.status !== 'reported' || !state.report.canApply || state.busy) return;
    const report = state.report;
    const text = this.messages().imports;
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: text.confirmTitle,
          message: text.confirmMessage(report.counts.create, report.counts.update),
          confirmLabel: text.confirmLabel,
        },
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => this.sendApply(report));
  }

  discard(): void {
    const state = this.current();
    if (state.status !== 'reported' || state.busy) return;
    this.current.set({ ...state, busy: 'discarding', failure: null });
    this.api
      .discard(state.report.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => this.discarded(),
        error: (error: unknown) => {
          // Already gone (expired, or discarded in another tab): the user's wish is met.
          if (error instanceof ApiError && error.status === 404) return this.discarded();
          this.current.set({ ...state, busy: null, failure: describeFailure(error, this.messages()) });
        },
      });
  }

  /** Back to an empty tab, ready for the next file. */
  reset(): void {
    this.sending?.unsubscribe();
    this.current.set({ status: 'idle' });
    this.chosen.set(null);
    this.refused.set(null);
    this.lastUpload = null;
  }

  private start(): void {
    const file = this.chosen();
    const send = this.lastUpload;
    if (!send) return;
    this.sending?.unsubscribe();
    this.current.set({ status: 'uploading', sent: 0, total: file?.size ?? 0 });
    this.sending = send()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (event) =>
          this.current.set(
            event.kind === 'progress'
              ? { status: 'uploading', sent: event.sent, total: event.total }
              : { status: 'reported', report: event.report, busy: null, failure: null },
          ),
        error: (error: unknown) => this.current.set(this.uploadFailure(error)),
      });
  }

  private uploadFailure(error: unknown): ImportState {
    const failure = describeFailure(error, this.messages());
    const limit = this.rules?.maxBytes;
    if (error instanceof ApiError && error.status === 413 && limit) {
      // Where the contract names the limit, the figure the user can act on says more than the server's generic text.
      const title = this.messages().imports.fileTooLarge(formatFileSize(limit));
      return { status: 'failed', failure: { ...failure, title, detail: null }, canRetry: false };
    }
    const canRetry = !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
    return { status: 'failed', failure, canRetry };
  }

  private sendApply(report: ImportReport): void {
    this.current.set({ status: 'reported', report, busy: 'applying', failure: null });
    this.api
      .apply(report.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          // The file is in the records now; sending it again could only produce duplicate errors.
          this.lastUpload = null;
          this.chosen.set(null);
          this.current.set({ status: 'applied', report, result });
        },
        error: (error: unknown) => {
          const failure = describeFailure(error, this.messages());
          if (error instanceof ApiError && (error.status === 409 || error.status === 404)) {
            // The preview no longer holds (applied already, expired, or a record changed): only a new upload can.
            // The problem's title is the generic one of its status; its detail names what changed.
            const text = this.messages().imports;
            const detail = failure.detail ?? text.staleHint;
            this.current.set({ status: 'failed', failure: { ...failure, title: text.nothingImported, detail }, canRetry: true });
          } else {
            this.current.set({ status: 'reported', report, busy: null, failure });
          }
        },
      });
  }

  private discarded(): void {
    this.reset();
    this.snackBar.open(this.messages().imports.discarded, undefined, { duration: 4000 });
  }

  private discardReplaced(): void {
    const state = this.current();
    if (state.status !== 'reported' || state.report.status !== 'validated') return;
    // Nothing waits on it: an unapplied batch also expires on the server by itself.
    this.api.discard(state.report.id).subscribe({ error: () => undefined });
  }
}
