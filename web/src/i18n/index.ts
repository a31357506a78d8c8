import { createI18n } from 'vue-i18n';
import id from './id';
import en from './en';

export type MessageSchema = typeof id;
export type Locale = 'id' | 'en';
export const LOCALES: readonly Locale[] = ['id', 'en'];

const STORAGE_KEY = 'sinergi.bahasa';

function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    if (value === 'id' || value === 'en') {
      return value;
    }
  } catch {
    // storage may be unavailable (private mode); fall back to the default
  }
  return 'id';
}

const initial = storedLocale();
document.documentElement.lang = initial;

// Composition API mode; messages are compiled by vue-i18n's JIT compiler (no eval),
// which keeps the app within the server's Content-Security-Policy.
export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: initial,
  fallbackLocale: 'id',
  messages: { id, en },
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
});

export function currentLocale(): Locale {
  return i18n.global.locale.value;
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not persisted; the choice still holds for this page
  }
}

/** The BCP 47 tag used for dates and numbers. */
export function intlLocale(): string {
  return currentLocale() === 'en' ? 'en-GB' : 'id-ID';
}
