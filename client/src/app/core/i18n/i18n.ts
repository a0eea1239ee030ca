import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { LANGUAGES, type Language, type Messages } from './messages';
import { MESSAGES_EN } from './messages-en';
import { MESSAGES_ZH_CN } from './messages-zh-cn';

const STORAGE_KEY = 'cadre.language';
const DEFAULT_LANGUAGE: Language = 'zh-CN';
const DICTIONARIES: Readonly<Record<Language, Messages>> = { 'zh-CN': MESSAGES_ZH_CN, en: MESSAGES_EN };

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** The interface language and its texts; the choice survives reloads through localStorage. */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly currentLanguage = signal(this.readStoredLanguage());

  readonly language = this.currentLanguage.asReadonly();
  readonly messages = computed(() => DICTIONARIES[this.currentLanguage()]);

  constructor() {
    this.document.documentElement.lang = this.currentLanguage();
  }

  setLanguage(language: Language): void {
    this.currentLanguage.set(language);
    this.document.documentElement.lang = language;
    try {
      this.document.defaultView?.localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Storage can be disabled (private mode, policy); the choice then lasts for this page only.
    }
  }

  private readStoredLanguage(): Language {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(STORAGE_KEY);
      return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
    } catch {
      return DEFAULT_LANGUAGE;
    }
  }
}
