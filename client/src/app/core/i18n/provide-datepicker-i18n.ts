import type { Provider } from '@angular/core';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { TranslatedDatepickerIntl } from './translated-datepicker-intl';

/**
 * Date picker providers for the components that use one. Kept out of `provideI18n` because the
 * datepicker module also brings in forms and overlays, which would otherwise load with the first
 * page. Native dates suffice for date-only fields; their format follows MAT_DATE_LOCALE.
 */
export function provideDatepickerI18n(): Provider[] {
  return [{ provide: MatDatepickerIntl, useClass: TranslatedDatepickerIntl }, provideNativeDateAdapter()];
}
