import { LOCALE_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DATE_LOCALE } from '@angular/material/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { I18n } from './i18n';
import { provideI18n } from './provide-i18n';
import { providePaginatorI18n } from './provide-paginator-i18n';

describe('provideI18n', () => {
  beforeEach(() => {
    localStorage.removeItem('cadre.language');
    TestBed.configureTestingModule({ providers: [provideI18n(), providePaginatorI18n()] });
  });
  afterEach(() => localStorage.removeItem('cadre.language'));

  it('sets the Angular and date-picker locales to Chinese by default', () => {
    expect(TestBed.inject(LOCALE_ID)).toBe('zh-CN');
    expect(TestBed.inject(MAT_DATE_LOCALE)).toBe('zh-CN');
  });

  it('labels the paginator in Chinese', () => {
    const intl = TestBed.inject(MatPaginatorIntl);

    expect(intl.itemsPerPageLabel).toBe('每页条数');
    expect(intl.nextPageLabel).toBe('下一页');
    expect(intl.getRangeLabel(0, 10, 25)).toBe('第 1–10 条，共 25 条');
    expect(intl.getRangeLabel(2, 10, 25)).toBe('第 21–25 条，共 25 条');
    expect(intl.getRangeLabel(0, 10, 0)).toBe('共 0 条');
  });

  it('relabels the paginator and notifies paginators when the language changes', () => {
    const intl = TestBed.inject(MatPaginatorIntl);
    const changes = jasmine.createSpy('changes');
    intl.changes.subscribe(changes);
    TestBed.tick();
    changes.calls.reset();

    TestBed.inject(I18n).setLanguage('en');
    TestBed.tick();

    expect(intl.itemsPerPageLabel).toBe('Items per page');
    expect(intl.getRangeLabel(1, 10, 25)).toBe('11 – 20 of 25');
    expect(changes).toHaveBeenCalledTimes(1);
  });
});
