import { registerLocaleData } from '@angular/common';
import localeZh from '@angular/common/locales/zh';
import { LOCALE_ID, inject, makeEnvironmentProviders, type EnvironmentProviders } from '@angular/core';
import { MAT_DATE_LOCALE } from '@angular/material/core';
import { I18n } from './i18n';

/**
 * Locale providers for the stored interface language. LOCALE_ID and MAT_DATE_LOCALE are read
 * once at start, as Angular requires; templates that format dates or numbers pass
 * `I18n.language()` to their pipes so a switch takes effect without a reload.
 */
export function provideI18n(): EnvironmentProviders {
  registerLocaleData(localeZh, 'zh-CN');
  return makeEnvironmentProviders([
    { provide: LOCALE_ID, useFactory: () => inject(I18n).language() },
    { provide: MAT_DATE_LOCALE, useFactory: () => inject(I18n).language() },
  ]);
}
