import type { Provider } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslatedPaginatorIntl } from './translated-paginator-intl';

/**
 * Translated paginator labels for the components that page through a list. Provided there rather
 * than in `provideI18n`: a root-level reference to the paginator module pulls the paginator, select
 * and form-field code into the first download of every page, login included.
 */
export function providePaginatorI18n(): Provider[] {
  return [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }];
}
