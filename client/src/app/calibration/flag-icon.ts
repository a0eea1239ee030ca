import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A small flag marking a unit whose 优秀 pattern deserves a look; without a label it only decorates text that says so. */
@Component({
  selector: 'cadre-flag-icon',
  template: `
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      focusable="false"
      [attr.role]="label() ? 'img' : null"
      [attr.aria-label]="label()"
      [attr.aria-hidden]="label() ? null : 'true'"
    >
      @if (label(); as label) {
        <title>{{ label }}</title>
      }
      <path d="M14.4 6 14 4H5v17h2v-7h5.6l.4 2h7V6z" fill="currentColor" />
    </svg>
  `,
  styles: `
    :host {
      display: inline-flex;
      vertical-align: middle;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlagIcon {
  readonly label = input<string | null>(null);
}
