import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { BallotDraftSchema, type BallotDraft, type RaterGroup, type RatingForm } from '@cadre/shared-models';
import { EMPTY, Subscription, catchError, concatMap, debounceTime, filter, map, of, startWith, switchMap, tap } from 'rxjs';
import { ConfirmDialog, type ConfirmDialogData } from '../core/dialogs/confirm-dialog';
import { describeControlErrors, schemaValidator } from '../core/forms/schema-validator';
import { describeConflict } from '../core/http/describe-conflict';
import { describeFailure, type FailureDescription } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { RatingsApi, type RatingKey } from './ratings-api';

/** How long the rater pauses before a draft is saved, so each click is not a request. */
export const AUTOSAVE_DELAY_MS = 800;

type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

type PageState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly form: RatingForm }
  | { readonly status: 'failed'; readonly error: unknown };

function buildBallotForm(form: RatingForm) {
  const scores: Record<string, FormControl<number | null>> = {};
  for (const dimension of form.dimensions) {
    for (const indicator of dimension.indicators) {
      scores[indicator.id] = new FormControl<number | null>(form.draft?.scores[indicator.id] ?? null, Validators.required);
    }
  }
  return new FormGroup({
    scores: new FormGroup(scores),
    comment: new FormControl(form.draft?.comment ?? '', { nonNullable: true, validators: schemaValidator(BallotDraftSchema.shape.comment) }),
  });
}
type BallotForm = ReturnType<typeof buildBallotForm>;

/**
 * The rating form of one ratee in one role: every indicator that applies to them, each a choice
 * of rubric levels. The draft saves itself as the rater goes; submitting is final.
 */
@Component({
  selector: 'cadre-rating-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    FailureNotice,
  ],
  templateUrl: './rating-form.html',
  styleUrl: './rating-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RatingFormPage {
  /** Route parameters. */
  readonly cycleId = input.required<string>();
  readonly rateeId = input.required<string>();
  readonly group = input.required<RaterGroup>();

  private readonly api = inject(RatingsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly messages = inject(I18n).messages;
  protected readonly errorsOf = describeControlErrors;

  private readonly key = computed((): RatingKey => ({ cycleId: this.cycleId(), rateeId: this.rateeId(), group: this.group() }));
  private readonly reloads = signal(0);
  protected readonly page = signal<PageState>({ status: 'loading' });
  protected readonly ballot = signal<BallotForm | null>(null);
  protected readonly answered = signal(0);
  protected readonly total = signal(0);
  protected readonly saveState = signal<SaveState>('idle');
  protected readonly busy = signal(false);
  protected readonly showMissing = signal(false);
  protected readonly failure = signal<FailureDescription | null>(null);
  protected readonly submitted = computed(() => {
    const page = this.page();
    return page.status === 'loaded' && page.form.task.state === 'submitted';
  });
  private autosave = Subscription.EMPTY;

  constructor() {
    toObservable(computed(() => ({ key: this.key(), reload: this.reloads() })))
      .pipe(
        switchMap(({ key }) =>
          this.api.form(key).pipe(
            map((form): PageState => ({ status: 'loaded', form })),
            catchError((error: unknown) => of<PageState>({ status: 'failed', error })),
            startWith<PageState>({ status: 'loading' }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((state) => {
        this.page.set(state);
        if (state.status === 'loaded') this.startFrom(state.form);
      });
  }

  protected pageFailure(state: PageState): FailureDescription | null {
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  }

  protected retry(): void {
    this.reloads.update((count) => count + 1);
  }

  protected submit(): void {
    const ballot = this.ballot();
    const page = this.page();
    if (!ballot || page.status !== 'loaded') return;
    if (ballot.invalid) {
      ballot.markAllAsTouched();
      this.showMissing.set(true);
      return;
    }
    const text = this.messages().ratings;
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: { title: text.confirmTitle, message: text.confirmMessage(page.form.task.rateeName), confirmLabel: text.submit },
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        concatMap(() => {
          // A draft saved after the ballot would be refused anyway; stop saving before sending it.
          this.autosave.unsubscribe();
          this.busy.set(true);
          this.failure.set(null);
          return this.api.submit(this.key(), this.valueOf(ballot)).pipe(
            catchError((error: unknown) => {
              this.busy.set(false);
              const conflict = describeConflict(error, this.messages().common.versionConflict);
              this.failure.set(conflict ? { title: conflict, detail: null, requestId: null } : describeFailure(error, this.messages()));
              this.watch(ballot);
              return EMPTY;
            }),
          );
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => {
        this.busy.set(false);
        this.snackBar.open(text.submitted, undefined, { duration: 4000 });
        void this.router.navigateByUrl('/my-ratings');
      });
  }

  private startFrom(form: RatingForm): void {
    const ballot = buildBallotForm(form);
    this.ballot.set(ballot);
    this.total.set(Object.keys(ballot.controls.scores.controls).length);
    this.countAnswered(ballot);
    this.saveState.set(form.draft ? 'saved' : 'idle');
    this.showMissing.set(false);
    if (form.task.state === 'submitted') {
      ballot.disable({ emitEvent: false });
      return;
    }
    this.watch(ballot);
  }

  /** Saves the draft a moment after each change, one request after another so the last one wins. */
  private watch(ballot: BallotForm): void {
    this.autosave.unsubscribe();
    this.autosave = ballot.valueChanges
      .pipe(
        tap(() => {
          this.countAnswered(ballot);
          this.saveState.set('pending');
        }),
        debounceTime(AUTOSAVE_DELAY_MS),
        filter(() => ballot.controls.comment.valid),
        concatMap(() => {
          this.saveState.set('saving');
          return this.api.saveDraft(this.key(), this.valueOf(ballot)).pipe(
            map((): SaveState => 'saved'),
            catchError(() => of<SaveState>('failed')),
          );
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((state) => {
        // A change made while the request was out still waits for its own save.
        if (this.saveState() === 'saving') this.saveState.set(state);
      });
  }

  private countAnswered(ballot: BallotForm): void {
    this.answered.set(Object.values(ballot.controls.scores.controls).filter((control) => control.value !== null).length);
  }

  private valueOf(ballot: BallotForm): BallotDraft {
    const raw = ballot.getRawValue();
    return BallotDraftSchema.parse({ scores: raw.scores, comment: raw.comment });
  }
}
