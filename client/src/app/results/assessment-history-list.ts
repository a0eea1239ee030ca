import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AssessmentHistoryEntry } from '@cadre/shared-models';
import { I18n } from '../core/i18n/i18n';

/** A cadre's locked results, newest first, each linking to its report. */
@Component({
  selector: 'cadre-assessment-history-list',
  imports: [DecimalPipe, RouterLink],
  template: `
    @let text = messages().results;
    <div class="scroller">
      <table class="history">
        <thead>
          <tr>
            <th scope="col">{{ text.year }}</th>
            <th scope="col">{{ text.cycle }}</th>
            <th scope="col">{{ text.grade }}</th>
            <th scope="col" class="number">{{ text.total }}</th>
          </tr>
        </thead>
        <tbody>
          @for (entry of newestFirst(); track entry.cycleId) {
            <tr>
              <td>{{ entry.year }}</td>
              <td>
                <a [routerLink]="['/cycles', entry.cycleId, 'results', cadreId()]" [attr.title]="text.viewReport">{{ entry.cycleName }}</a>
              </td>
              <td>{{ entry.grade ? messages().calibration.grades[entry.grade] : text.noGrade }}</td>
              <td class="number">{{ entry.total === null ? text.unscored : (entry.total | number: '1.2-2' : language()) }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .scroller {
      overflow-x: auto;
    }
    .history {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: start;
      white-space: nowrap;
    }
    th {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    a {
      color: var(--mat-sys-primary);
    }
    .number {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssessmentHistoryList {
  readonly cadreId = input.required<string>();
  readonly entries = input.required<readonly AssessmentHistoryEntry[]>();

  private readonly i18n = inject(I18n);
  protected readonly messages = this.i18n.messages;
  protected readonly language = this.i18n.language;
  protected readonly newestFirst = computed(() => [...this.entries()].sort((a, b) => b.year - a.year || b.lockedAt.localeCompare(a.lockedAt)));
}
