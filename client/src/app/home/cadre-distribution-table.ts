import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { AGE_BANDS } from '@cadre/shared-models';
import { I18n } from '../core/i18n/i18n';
import type { DistributionMatrix } from './distribution-matrix';

/** The chart's numbers as a table, for screen readers and for anyone who wants exact figures. */
@Component({
  selector: 'cadre-distribution-table',
  imports: [MatTableModule, DecimalPipe],
  templateUrl: './cadre-distribution-table.html',
  styleUrl: './cadre-distribution-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CadreDistributionTable {
  readonly matrix = input.required<DistributionMatrix>();

  private readonly i18n = inject(I18n);
  protected readonly messages = this.i18n.messages;
  protected readonly language = this.i18n.language;
  protected readonly ageBands = AGE_BANDS;
  protected readonly columns: readonly string[] = ['unitType', ...AGE_BANDS, 'total'];
  // Labels are resolved here because mat-table hands rows to the template untyped.
  protected readonly rows = computed(() => {
    const labels = this.messages().unitTypes;
    return this.matrix().rows.map((row) => ({ ...row, label: labels[row.unitType] }));
  });
}
