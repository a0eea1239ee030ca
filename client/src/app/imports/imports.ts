import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { I18n } from '../core/i18n/i18n';
import { ExcelImport } from './excel-import';
import { LrmxImport } from './lrmx-import';

/** Importing cadre records, from the Excel template or from appointment-form files. */
@Component({
  selector: 'cadre-imports',
  imports: [MatTabsModule, ExcelImport, LrmxImport],
  template: `
    @let text = messages().imports;
    <h1 class="page-title">{{ text.title }}</h1>
    <!-- Kept alive while hidden, so switching tabs keeps a report the user has not acted on yet. -->
    <mat-tab-group [aria-label]="text.tabs" preserveContent mat-stretch-tabs="false" mat-align-tabs="start">
      <mat-tab [label]="text.excelTab">
        <ng-template matTabContent><cadre-excel-import /></ng-template>
      </mat-tab>
      <mat-tab [label]="text.lrmxTab">
        <!-- Created on first opening, so the unit list is only fetched by those who use it. -->
        <ng-template matTabContent><cadre-lrmx-import /></ng-template>
      </mat-tab>
    </mat-tab-group>
  `,
  styleUrl: '../core/layout/_page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Imports {
  protected readonly messages = inject(I18n).messages;
}
