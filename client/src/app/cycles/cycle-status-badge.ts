import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { CycleStatus } from '@cadre/shared-models';
import { I18n } from '../core/i18n/i18n';

/** A cycle's state as a coloured chip: preparing, rating, calibrating, locked. */
@Component({
  selector: 'cadre-cycle-status',
  template: `<span [class]="'badge ' + status()">{{ messages().cycles.statuses[status()] }}</span>`,
  styles: `
    .badge {
      display: inline-block;
      padding: 2px 8px;
      border-radius: var(--mat-sys-corner-small);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-high);
    }
    .open {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .closed {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .locked {
      background: #d7f5dd;
      color: #0b5a1f;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CycleStatusBadge {
  readonly status = input.required<CycleStatus>();

  protected readonly messages = inject(I18n).messages;
}
