import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { I18n } from '../core/i18n/i18n';
import type { CorrectionStatus } from './corrections-api';

/** A request's state as a coloured label: pending waits, approved went through, rejected did not. */
@Component({
  selector: 'cadre-correction-status',
  template: `<span [class]="'badge ' + status()">{{ messages().corrections.statuses[status()] }}</span>`,
  styles: `
    .badge {
      display: inline-block;
      padding: 2px 8px;
      border-radius: var(--mat-sys-corner-small);
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .approved {
      background: #d7f5dd;
      color: #0b5a1f;
    }
    .rejected {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CorrectionStatusBadge {
  readonly status = input.required<CorrectionStatus>();

  protected readonly messages = inject(I18n).messages;
}
