import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { AuditVerification } from '@cadre/shared-models';
import { describeFailure, type FailureDescription } from '../core/http/describe-failure';
import { I18n } from '../core/i18n/i18n';
import { AuditApi } from './audit-api';

type VerificationState =
  | { readonly status: 'idle' }
  | { readonly status: 'running' }
  | { readonly status: 'done'; readonly verification: AuditVerification }
  | { readonly status: 'failed'; readonly failure: FailureDescription };

/**
 * Checks the audit hash chain on request. It is not run on page load: walking a long chain is
 * work for the server, and the auditor decides when it is worth it.
 */
@Component({
  selector: 'cadre-audit-verification-card',
  imports: [MatButtonModule, MatCardModule, MatProgressBarModule],
  template: `
    @let text = messages().audit;
    <mat-card appearance="outlined">
      <mat-card-header>
        <h2 mat-card-title>{{ text.verificationTitle }}</h2>
        <mat-card-subtitle>{{ text.verificationHint }}</mat-card-subtitle>
      </mat-card-header>
      @if (state().status === 'running') {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="messages().common.loading" />
      }
      <mat-card-content>
        @if (outcome(); as outcome) {
          <p class="outcome" [class.broken]="!outcome.ok" role="status">
            <strong class="headline">{{ outcome.headline }}</strong>
            @if (outcome.detail) {
              <span class="detail">{{ outcome.detail }}</span>
            }
          </p>
        }
      </mat-card-content>
      <mat-card-actions>
        <button matButton="outlined" type="button" [disabled]="state().status === 'running'" (click)="verify()">
          {{ text.verify }}
        </button>
      </mat-card-actions>
    </mat-card>
  `,
  styles: `
    h2 {
      margin: 0;
    }
    .outcome {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin: 8px 0 0;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .outcome.broken {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .detail {
      font: var(--mat-sys-body-small);
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditVerificationCard {
  private readonly api = inject(AuditApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly messages = inject(I18n).messages;
  protected readonly state = signal<VerificationState>({ status: 'idle' });

  protected readonly outcome = computed((): { ok: boolean; headline: string; detail: string | null } | null => {
    const state = this.state();
    const text = this.messages().audit;
    if (state.status === 'failed') return { ok: false, headline: state.failure.title, detail: state.failure.detail };
    if (state.status !== 'done') return null;
    const { ok, checked, firstBrokenSeq, reason, headHash } = state.verification;
    if (ok) return { ok, headline: text.chainIntact, detail: [text.checked(checked), headHash].filter(Boolean).join(' · ') };
    const headline = firstBrokenSeq === null ? text.brokenUnknown : text.tampered(firstBrokenSeq);
    return { ok, headline, detail: reason };
  });

  protected verify(): void {
    this.state.set({ status: 'running' });
    this.api
      .verify()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (verification) => this.state.set({ status: 'done', verification }),
        error: (error: unknown) => this.state.set({ status: 'failed', failure: describeFailure(error, this.messages()) }),
      });
  }
}
