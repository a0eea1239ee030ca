import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { FrameworkContentSchema, type FrameworkVersion } from '@cadre/shared-models';
import { EMPTY, catchError, concatMap, filter, map, of, startWith, switchMap, type Observable } from 'rxjs';
import { AuthSession } from '../core/auth/auth-session';
import { ConfirmDialog, type ConfirmDialogData } from '../core/dialogs/confirm-dialog';
import { countInvalid, placeIssues, problemIssues, zodIssues } from '../core/forms/place-issues';
import { fieldIssueMessage } from '../core/forms/schema-validator';
import { describeConflict } from '../core/http/describe-conflict';
import { describeFailure, type FailureDescription } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { FrameworkEditor } from './framework-editor';
import { buildFrameworkForm, summarizeWeights, toFrameworkContent, type FrameworkForm, type WeightSummary } from './framework-form';
import { FrameworkStatus } from './framework-status';
import { FrameworkViewer } from './framework-viewer';
import { FrameworksApi } from './frameworks-api';
import { WeightChart } from './weight-chart';

type PageState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded' }
  | { readonly status: 'failed'; readonly error: unknown };

/**
 * One framework version: org_admin edits a draft here (weights checked live), saves and
 * publishes it; a published version is shown read-only and can be the start of the next version.
 */
@Component({
  selector: 'cadre-framework-page',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, FailureNotice, FrameworkEditor, FrameworkStatus, FrameworkViewer, WeightChart],
  templateUrl: './framework-page.html',
  styleUrl: './framework-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FrameworkPage {
  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  private readonly api = inject(FrameworksApi);
  private readonly session = inject(AuthSession);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly messages = inject(I18n).messages;

  private readonly reloads = signal(0);
  protected readonly page = signal<PageState>({ status: 'loading' });
  protected readonly version = signal<FrameworkVersion | null>(null);
  protected readonly form = signal<FrameworkForm | null>(null);
  protected readonly dirty = signal(false);
  protected readonly busy = signal(false);
  /** Why a write was refused because the version changed meanwhile; the page offers to reload it. */
  protected readonly conflict = signal<string | null>(null);
  protected readonly failure = signal<FailureDescription | null>(null);
  protected readonly otherErrors = signal<readonly string[]>([]);
  protected readonly invalidCount = signal(0);

  protected readonly canWrite = computed(() => this.session.can('framework:write'));
  protected readonly editing = computed(() => this.canWrite() && this.version()?.status === 'draft' && !this.version()?.locked);

  /** The weights as they stand: typed into the form while editing, else the version's own. */
  private readonly formWeights = toSignal(
    toObservable(this.form).pipe(
      switchMap((form): Observable<WeightSummary | null> =>
        form ? form.valueChanges.pipe(startWith(null), map(() => summarizeWeights(form.getRawValue()))) : of(null),
      ),
    ),
    { initialValue: null },
  );
  protected readonly weights = computed((): WeightSummary | null => {
    const version = this.version();
    if (this.editing()) return this.formWeights();
    return version ? summarizeWeights(version) : null;
  });

  constructor() {
    toObservable(computed(() => ({ id: this.id(), reload: this.reloads() })))
      .pipe(
        switchMap(({ id }) =>
          this.api.get(id).pipe(
            map((version) => ({ version })),
            catchError((error: unknown) => of({ error })),
            startWith(null),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        if (result === null) this.page.set({ status: 'loading' });
        else if ('version' in result) this.startFrom(result.version);
        else this.page.set({ status: 'failed', error: result.error });
      });
  }

  protected pageFailure(state: PageState): FailureDescription | null {
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  }

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }

  protected save(): void {
    const form = this.form();
    const version = this.version();
    if (!form || !version) return;
    this.failure.set(null);
    this.otherErrors.set([]);
    if (form.invalid) {
      form.markAllAsTouched();
      this.invalidCount.set(countInvalid(form));
      return;
    }
    const checked = FrameworkContentSchema.safeParse(toFrameworkContent(form), { error: fieldIssueMessage });
    if (!checked.success) {
      this.otherErrors.set(placeIssues(form, zodIssues(checked.error)));
      this.invalidCount.set(countInvalid(form));
      return;
    }
    this.invalidCount.set(0);
    this.busy.set(true);
    this.api
      .update(version.id, version.revision, checked.data)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (saved) => {
          this.busy.set(false);
          this.version.set(saved);
          this.dirty.set(false);
          form.markAsPristine();
          this.snackBar.open(this.messages().frameworks.saved, undefined, { duration: 4000 });
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.showFailure(error, form);
        },
      });
  }

  protected publish(): void {
    const version = this.version();
    if (!version) return;
    const text = this.messages().frameworks;
    this.confirmThen(text.publish, text.publishConfirm, () => this.api.publish(version.id, version.revision)).subscribe((published) => {
      this.startFrom(published);
      this.snackBar.open(text.publishedDone, undefined, { duration: 4000 });
    });
  }

  protected createNextVersion(): void {
    const version = this.version();
    if (!version) return;
    const text = this.messages().frameworks;
    this.confirmThen(text.nextVersion, text.nextVersionConfirm, () => this.api.nextVersion(version.id)).subscribe((next) => {
      this.snackBar.open(text.nextVersionCreated(next.version), undefined, { duration: 4000 });
      void this.router.navigate(['/frameworks', next.id]);
    });
  }

  private confirmThen(title: string, message: string, request: () => Observable<FrameworkVersion>): Observable<FrameworkVersion> {
    return this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data: { title, message, confirmLabel: title }, maxWidth: '95vw' })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        concatMap(() => {
          this.busy.set(true);
          this.failure.set(null);
          return request().pipe(
            catchError((error: unknown) => {
              this.busy.set(false);
              this.showFailure(error, null);
              return EMPTY;
            }),
          );
        }),
        map((version) => {
          this.busy.set(false);
          return version;
        }),
        takeUntilDestroyed(this.destroyRef),
      );
  }

  private showFailure(error: unknown, form: FrameworkForm | null): void {
    const conflict = describeConflict(error, this.messages().frameworks.conflict);
    if (conflict) {
      this.conflict.set(conflict);
      return;
    }
    const issues = form ? problemIssues(error, 'body.content.') : [];
    if (!form || issues.length === 0) {
      this.failure.set(describeFailure(error, this.messages()));
      return;
    }
    this.otherErrors.set(placeIssues(form, issues));
    this.invalidCount.set(countInvalid(form));
  }

  private startFrom(version: FrameworkVersion): void {
    this.version.set(version);
    this.page.set({ status: 'loaded' });
    this.conflict.set(null);
    this.failure.set(null);
    this.otherErrors.set([]);
    this.invalidCount.set(0);
    this.dirty.set(false);
    const form = version.status === 'draft' ? buildFrameworkForm(version) : null;
    form?.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.dirty.set(true));
    this.form.set(form);
  }
}
