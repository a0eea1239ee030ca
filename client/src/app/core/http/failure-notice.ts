import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { I18n } from '../i18n/i18n';
import type { FailureDescription } from './describe-failure';

/** A failed request as the user sees it: the server's title and detail, and the request id support asks for. */
@Component({
  selector: 'cadre-failure-notice',
  imports: [MatCardModule],
  template: `
    @let current = failure();
    <mat-card appearance="outlined" class="failure" role="alert">
      <mat-card-header>
        <h2 mat-card-title>{{ current.title }}</h2>
      </mat-card-header>
      <mat-card-content>
        @if (current.detail) {
          <p>{{ current.detail }}</p>
        }
        @if (current.requestId) {
          <p class="request-id">{{ messages().errors.requestId }}<code>{{ current.requestId }}</code></p>
        }
      </mat-card-content>
      <mat-card-actions>
        <ng-content />
      </mat-card-actions>
    </mat-card>
  `,
  styles: `
    h2 {
      margin: 0;
    }
    .request-id {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FailureNotice {
  readonly failure = input.required<FailureDescription>();

  protected readonly messages = inject(I18n).messages;
}
