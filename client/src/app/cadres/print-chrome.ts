import { ChangeDetectionStrategy, Component, ViewEncapsulation } from '@angular/core';

/**
 * Print rules for a page meant to be saved as PDF from the browser: the application frame
 * (toolbar, navigation, footer, overlays) is left out and its scrolling box is opened up, since a
 * printed scroll container yields only its first screenful. Unencapsulated because those
 * elements belong to the shell; Angular drops these styles when the last page using them
 * leaves, so other pages print as they always did.
 */
@Component({
  selector: 'cadre-print-chrome',
  template: '',
  styles: `
    @media print {
      html,
      body {
        height: auto !important;
        background: #fff !important;
      }
      cadre-shell {
        display: block !important;
        height: auto !important;
      }
      cadre-shell > .mat-toolbar,
      cadre-shell .mat-drawer,
      cadre-shell .mat-drawer-backdrop,
      cadre-shell .footer,
      .cdk-overlay-container {
        display: none !important;
      }
      cadre-shell .mat-drawer-container,
      cadre-shell .mat-drawer-content {
        display: block !important;
        height: auto !important;
        margin: 0 !important;
        overflow: visible !important;
        background: #fff !important;
      }
      cadre-shell main.page {
        max-width: none !important;
        padding: 0 !important;
      }
    }
  `,
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PrintChrome {}
