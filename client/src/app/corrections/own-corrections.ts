import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CadreRecord, CorrectionRequest } from '@cadre/shared-models';
import { catchError, filter, map, of, startWith, switchMap } from 'rxjs';
import { describeFailure } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { CorrectionDialog } from './correction-dialog';
import { CorrectionsApi, type CorrectionList } from './corrections-api';
import { CorrectionStatusBadge } from './correction-status-badge';

/** The most recent requests shown on a portrait; a cadre rarely has more. */
const SHOWN = 20;

type ListState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly list: CorrectionList }
  | { readonly status: 'failed'; readonly error: unknown };

/** On a cadre's own portrait: the way to ask for a correction, and what became of earlier requests. */
@Component({
  selector: 'cadre-own-corrections',
  imports: [DatePipe, MatButtonModule, MatProgressBarModule, FailureNotice, CorrectionStatusBadge],
  template: `
    @let text = messages().corrections;
    @let current = state();
    <section class="card" aria-labelledby="own-corrections-title">
      <div class="heading">
        <h2 id="own-corrections-title" class="card-title">{{ text.ownTitle }}</h2>
        <button matButton="filled" type="button" (click)="request()">{{ text.request }}</button>
      </div>
      <p class="hint">{{ text.ownHint }}</p>
      @switch (current.status) {
        @case ('loading') {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="messages().common.loading" />
        }
        @case ('failed') {
          @if (failure(); as failure) {
            <cadre-failure-notice [failure]="failure">
              <button matButton type="button" (click)="reload()">{{ messages().common.retry }}</button>
            </cadre-failure-notice>
          }
        }
        @case ('loaded') {
          @if (current.list.items.length === 0) {
            <p class="hint">{{ text.noneYet }}</p>
          } @else {
            <ul class="requests">
              @for (item of current.list.items; track item.id) {
                <li>
                  <div class="line">
                    <span class="field">{{ text.fields[item.field] }}</span>
                    <cadre-correction-status [status]="item.status" />
                    <span class="date">{{ item.submittedAt | date: 'mediumDate' : undefined : language() }}</span>
                  </div>
                  <p class="value"><span class="label">{{ text.proposedValue }}</span>{{ item.proposedValue }}</p>
                  @if (item.status !== 'pending') {
                    <p class="value outcome">
                      @if (item.decisionReason) {
                        <span class="label">{{ text.decisionReason }}</span>{{ item.decisionReason }}
                      }
                      <span class="decided">
                        {{ text.decidedOutcome(item.decidedByName ?? '', (item.decidedAt | date: 'short' : undefined : language()) ?? '') }}
                      </span>
                    </p>
                    @if (item.appliedValue !== null) {
                      <p class="value applied"><span class="label">{{ text.appliedValue }}</span>{{ item.appliedValue }}</p>
                    } @else if (item.appliedVersion !== null) {
                      <p class="applied">{{ text.recordUpdated }}</p>
                    }
                  }
                </li>
              }
            </ul>
          }
        }
      }
    </section>
  `,
  styleUrl: './own-corrections.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OwnCorrections {
  readonly record = input.required<CadreRecord>();

  private readonly api = inject(CorrectionsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly i18n = inject(I18n);
  protected readonly messages = this.i18n.messages;
  protected readonly language = this.i18n.language;

  private readonly reloads = signal(0);
  private readonly query = computed(() => ({ cadreId: this.record().id, reload: this.reloads() }));
  protected readonly state = toSignal(
    toObservable(this.query).pipe(
      switchMap(({ cadreId }) =>
        this.api.list({ cadreId, page: 0, size: SHOWN }).pipe(
          map((list): ListState => ({ status: 'loaded', list })),
          catchError((error: unknown) => of<ListState>({ status: 'failed', error })),
          startWith<ListState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as ListState },
  );
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  });

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }

  protected request(): void {
    this.dialog
      .open<CorrectionDialog, CadreRecord, CorrectionRequest>(CorrectionDialog, {
        data: this.record(),
        width: '560px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(
        filter((created): created is CorrectionRequest => created !== undefined),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => {
        this.snackBar.open(this.messages().corrections.submitted, undefined, { duration: 4000 });
        this.reload();
      });
  }
}
