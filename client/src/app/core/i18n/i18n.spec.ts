import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18n } from './i18n';

const STORAGE_KEY = 'cadre.language';

describe('I18n', () => {
  beforeEach(() => localStorage.removeItem(STORAGE_KEY));
  afterEach(() => localStorage.removeItem(STORAGE_KEY));

  it('starts in Chinese when no language was chosen before', () => {
    const i18n = TestBed.inject(I18n);

    expect(i18n.language()).toBe('zh-CN');
    expect(i18n.messages().shell.productName).toBe('江北区干部能力现代化平台');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('zh-CN');
  });

  it('starts in the language stored by an earlier visit', () => {
    localStorage.setItem(STORAGE_KEY, 'en');

    const i18n = TestBed.inject(I18n);

    expect(i18n.language()).toBe('en');
    expect(i18n.messages().home.retry).toBe('Retry');
  });

  it('falls back to Chinese when the stored value is not a supported language', () => {
    localStorage.setItem(STORAGE_KEY, 'fr');

    expect(TestBed.inject(I18n).language()).toBe('zh-CN');
  });

  it('switches every text, the document language and the stored choice together', () => {
    const i18n = TestBed.inject(I18n);

    i18n.setLanguage('en');

    expect(i18n.language()).toBe('en');
    expect(i18n.messages().shell.productName).toBe('Jiangbei District Cadre Capability Platform');
    expect(i18n.messages().unitTypes.street).toBe('Subdistricts');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('en');
    expect(localStorage.getItem(STORAGE_KEY)).toBe('en');

    i18n.setLanguage('zh-CN');

    expect(i18n.messages().unitTypes.street).toBe('街道');
    expect(i18n.messages().ageBands['36-40岁']).toBe('36-40岁');
    expect(localStorage.getItem(STORAGE_KEY)).toBe('zh-CN');
  });

  it('still switches when the browser refuses to store the choice', () => {
    spyOn(Storage.prototype, 'setItem').and.throwError('QuotaExceededError');
    const i18n = TestBed.inject(I18n);

    i18n.setLanguage('en');

    expect(i18n.messages().home.retry).toBe('Retry');
  });
});
