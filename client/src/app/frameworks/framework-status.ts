import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { I18n } from '../core/i18n/i18n';

/** A version's state (草稿/已发布) and, once a cycle used it, the lock that keeps it from ever changing. */
@Component({
  selector: 'cadre-framework-status',
  template: `
    @let text = messages().frameworks;
    <span [class]="'badge ' + status()">{{ text.statuses[status()] }}</span>
    @if (locked()) {
      <span class="badge locked" [attr.title]="text.lockedHint">
        <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
          <path d="M6 10V8a6 6 0 1 1 12 0v2h1a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V11a1 1 0 0 1 1-1h1zm2 0h8V8a4 4 0 1 0-8 0v2z" fill="currentColor" />
        </svg>
        {{ text.locked }}
      </span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 8px;
      border-radius: var(--mat-sys-corner-small);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-high);
    }
    .published {
      background: #d7f5dd;
      color: #0b5a1f;
    }
    .locked {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FrameworkStatus {
  readonly status = input.required<'draft' | 'published'>();
  readonly locked = input(false);

  protected readonly messages = inject(I18n).messages;
}
