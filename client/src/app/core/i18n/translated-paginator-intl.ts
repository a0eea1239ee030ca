import { Injectable, effect, inject, untracked } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { I18n } from './i18n';
import type { Messages } from './messages';

/** Paginator labels in the interface language, re-announced to paginators when it changes. */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly i18n = inject(I18n);

  constructor() {
    super();
    // Applied once synchronously so the first paginator render is already translated; the
    // effect then follows language switches.
    this.applyLabels(this.i18n.messages().paginator);
    effect(() => {
      this.applyLabels(this.i18n.messages().paginator);
      untracked(() => this.changes.next());
    });
  }

  private applyLabels(labels: Messages['paginator']): void {
    this.itemsPerPageLabel = labels.itemsPerPage;
    this.nextPageLabel = labels.nextPage;
    this.previousPageLabel = labels.previousPage;
    this.firstPageLabel = labels.firstPage;
    this.lastPageLabel = labels.lastPage;
    this.getRangeLabel = (page, pageSize, length) => {
      if (length === 0 || pageSize === 0) return labels.emptyRange;
      const first = page * pageSize + 1;
      // A page index past the end (after items were removed) still shows where it starts.
      const last = first <= length ? Math.min(first + pageSize - 1, length) : first + pageSize - 1;
      return labels.range(first, last, length);
    };
  }
}
