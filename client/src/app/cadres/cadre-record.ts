import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { AuthSession } from '../core/auth/auth-session';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Cadre } from '@cadre/shared-models';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { describeFailure } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { CadresApi } from './cadres-api';
import { ApiError } from '../core/http/api-error';
import { NoAccess } from '../no-access/no-access';

type RecordState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly cadre: Cadre }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'out-of-scope' };

/** A cadre's basic record, read-only; the API decides whose record the caller may see. */
@Component({
  selector: 'cadre-cadre-record',
  imports: [MatButtonModule, MatCardModule, MatProgressBarModule, FailureNotice, NoAccess],
  template: `
    @let text = messages().cadre;
    @let current = state();
    @if (current.status !== 'out-of-scope') {
      <h1 class="page-title">{{ text.title }}</h1>
    }
    @switch (current.status) {
      @case ('out-of-scope') {
        <cadre-no-access />
      }
      @case ('loading') {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="messages().common.loading" />
      }
      @case ('failed') {
        @if (failure(); as failure) {
          <cadre-failure-notice [failure]="failure" />
        }
      }
      @case ('loaded') {
        <mat-card appearance="outlined">
          <mat-card-header>
            <h2 mat-card-title>{{ current.cadre.name }}</h2>
            <mat-card-subtitle>{{ current.cadre.post }}</mat-card-subtitle>
          </mat-card-header>
          <mat-card-content>
            <dl class="facts">
              <dt>{{ text.sex }}</dt>
              <dd>{{ current.cadre.sex }}</dd>
              <dt>{{ text.birthMonth }}</dt>
              <dd>{{ current.cadre.birthMonth }}</dd>
              <dt>{{ text.ethnicity }}</dt>
              <dd>{{ current.cadre.ethnicity }}</dd>
              <dt>{{ text.unitId }}</dt>
              <dd><code>{{ current.cadre.unitId }}</code></dd>
              <dt>{{ text.post }}</dt>
              <dd>{{ current.cadre.post }}</dd>
              <dt>{{ text.postLevel }}</dt>
              <dd>{{ current.cadre.postLevel }}</dd>
              <dt>{{ text.rank }}</dt>
              <dd>{{ current.cadre.rank }}</dd>
              <dt>{{ text.education }}</dt>
              <dd>{{ current.cadre.education }}</dd>
              <dt>{{ text.idNumber }}</dt>
              <dd class="id-number">
                <code>{{ revealed() ?? current.cadre.idNumberMasked ?? text.idNumberMissing }}</code>
                @if (canReveal() && current.cadre.idNumberMasked && !revealed()) {
                  <button matButton type="button" [title]="text.revealNote" (click)="reveal(current.cadre.id)">
                    {{ text.revealIdNumber }}
                  </button>
                }
              </dd>
            </dl>
            @if (revealFailure(); as failure) {
              <cadre-failure-notice [failure]="failure" />
            }
          </mat-card-content>
        </mat-card>
      }
    }
  `,
  styleUrl: '../account/account.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CadreRecord {
  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  private readonly api = inject(CadresApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly messages = inject(I18n).messages;
  private readonly session = inject(AuthSession);
  protected readonly canReveal = computed(() => this.session.can('cadre:reveal_id'));
  /** The full number once revealed; never kept beyond this page. */
  protected readonly revealed = signal<string | null>(null);
  protected readonly revealFailure = signal<ReturnType<typeof describeFailure> | null>(null);

  protected reveal(id: string): void {
    this.revealFailure.set(null);
    this.api
      .revealIdNumber(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (idNumber) => this.revealed.set(idNumber),
        error: (error: unknown) => this.revealFailure.set(describeFailure(error, this.messages())),
      });
  }

  protected readonly state = toSignal(
    toObservable(this.id).pipe(
      switchMap((id) =>
        this.api.get(id).pipe(
          map((cadre): RecordState => ({ status: 'loaded', cadre })),
          // The API answers 404 alike for a record outside the caller's scope and a missing one,
          // so that ids cannot be probed; either way the person typed an address they may not open.
          catchError((error: unknown) =>
            of<RecordState>(
              error instanceof ApiError && (error.status === 403 || error.status === 404)
                ? { status: 'out-of-scope' }
                : { status: 'failed', error },
            ),
          ),
          startWith<RecordState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as RecordState },
  );
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  });
}
