import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { I18n } from '../i18n/i18n';

/**
 * The card around a table paged on the server: a progress bar while a page loads, the table, and
 * its paginator. The table is projected so each page keeps its own columns and rows.
 */
@Component({
  selector: 'cadre-paged-table-card',
  imports: [MatPaginatorModule, MatProgressBarModule],
  template: `
    <section class="table-card">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="messages().common.loading" />
      }
      <div class="scroller">
        <ng-content />
      </div>
      <mat-paginator
        [length]="length()"
        [pageIndex]="pageIndex()"
        [pageSize]="pageSize()"
        [pageSizeOptions]="pageSizeOptions()"
        (page)="page.emit($event)"
      />
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .table-card {
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface);
      overflow: hidden;
    }
    /* The card keeps its rounded corners; a wide table scrolls inside it on narrow screens. */
    .scroller {
      overflow-x: auto;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PagedTableCard {
  readonly loading = input(false);
  readonly length = input.required<number>();
  readonly pageIndex = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly pageSizeOptions = input.required<number[]>();
  readonly page = output<PageEvent>();

  protected readonly messages = inject(I18n).messages;
}
