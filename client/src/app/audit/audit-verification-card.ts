import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { AuditVerification } from '@cadre/shared-models';
import { describeFailure, type FailureDescription } from '../core/http/describe-failure';
import { I18n } from '../core/i18n/i18n';
import { AuditApi } from './audit-api';

interface Outcome {
  readonly ok: boolean;
  readonly headline: string;
  /** Every break the server listed, described for the auditor. */
  readonly breaks: readonly string[];
  readonly notes: readonly string[];
}

type VerificationState =
  | { readonly status: 'idle' }
  | { readonly status: 'running' }
  | { readonly status: 'done'; readonly verification: AuditVerification; readonly at: Date }
  | { readonly status: 'failed'; readonly failure: FailureDescription };

/**
 * The last verification of this session, kept while the auditor moves between pages, so coming
 * back to the log shows its result and when it was made instead of an empty card.
 */
@Injectable({ providedIn: 'root' })
export class AuditVerificationMemory {
  readonly state = signal<VerificationState>({ status: 'idle' });
}

/**
 * Checks the audit hash chain, at the top of the audit page. It is not run on page load: it reads
 * every record of the log (the one request that scans the whole collection), the auditor opens
 * the page often, and a retention-length log takes a while; the auditor decides when, and the
 * last result of the session stays on the card.
 */
@Component({
  selector: 'cadre-audit-verification-card',
  imports: [DatePipe, MatButtonModule, MatCardModule, MatProgressBarModule],
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
        @if (verifiedAt(); as at) {
          <p class="detail">{{ text.lastVerified((at | date: 'yyyy-MM-dd HH:mm:ss' : undefined : language()) ?? '') }}</p>
        } @else if (state().status === 'idle') {
          <p class="detail">{{ text.verificationCost }}</p>
        }
        @if (outcome(); as outcome) {
          <div class="outcome" [class.broken]="!outcome.ok" role="status">
            <strong class="headline">{{ outcome.headline }}</strong>
            @if (outcome.breaks.length > 0) {
              <ul class="breaks">
                @for (line of outcome.breaks; track $index) {
                  <li>{{ line }}</li>
                }
              </ul>
            }
            @for (line of outcome.notes; track $index) {
              <span class="detail">{{ line }}</span>
            }
          </div>
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
    p.detail {
      margin: 8px 0 0;
      color: var(--mat-sys-on-surface-variant);
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
    .breaks {
      margin: 0;
      padding-inline-start: 20px;
      font: var(--mat-sys-body-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditVerificationCard {
  private readonly api = inject(AuditApi);
  private readonly destroyRef = inject(DestroyRef);

  private readonly i18n = inject(I18n);
  protected readonly messages = this.i18n.messages;
  protected readonly language = this.i18n.language;
  protected readonly state = inject(AuditVerificationMemory).state;
  protected readonly verifiedAt = computed(() => {
    const state = this.state();
    return state.status === 'done' ? state.at : null;
  });

  protected readonly outcome = computed((): Outcome | null => {
    const state = this.state();
    const text = this.messages().audit;
    if (state.status === 'failed') {
      return { ok: false, headline: state.failure.title, breaks: [], notes: [state.failure.detail].filter((line) => line !== null) };
    }
    if (state.status !== 'done') return null;
    const { ok, checked, headHash, breakCount, breaks, unkeyed, checkpoint } = state.verification;
    const notes = [
      ok ? [text.checked(checked), headHash].filter(Boolean).join(' · ') : text.checked(checked),
      breakCount > breaks.length ? text.moreBreaks(breakCount - breaks.length) : null,
      unkeyed > 0 ? text.unkeyed(unkeyed) : null,
      checkpoint ? text.checkpoint(checkpoint.seq) : null,
    ].filter((line): line is string => line !== null);
    return {
      ok,
      headline: ok ? text.chainIntact : text.broken(breakCount),
      breaks: breaks.map((found) => text.breakKinds[found.kind](found)),
      notes,
    };
  });

  protected verify(): void {
    this.state.set({ status: 'running' });
    this.api
      .verify()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (verification) => this.state.set({ status: 'done', verification, at: new Date() }),
        error: (error: unknown) => this.state.set({ status: 'failed', failure: describeFailure(error, this.messages()) }),
      });
  }
}
