import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client.ts';
import en from './en.json';
import it from './it.json';

export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const ONE_YEAR = 60 * 60 * 24 * 365;

function isLanguage(v: unknown): v is Language {
  return v === 'it' || v === 'en';
}

/** The language chosen earlier (the `lang` cookie the server also reads), Italian otherwise. */
export function storedLanguage(): Language | null {
  const m = /(?:^|;\s*)lang=(it|en)\b/.exec(document.cookie);
  return m && isLanguage(m[1]) ? m[1] : null;
}

function apply(lang: Language) {
  document.documentElement.lang = lang;
  setApiLanguage(lang);
}

export function initI18n() {
  const lang = storedLanguage() ?? 'it';
  void i18n.use(initReactI18next).init({
    resources: { it: { translation: it }, en: { translation: en } },
    lng: lang,
    fallbackLng: 'it',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  apply(lang);
}

/** Switches the interface language and remembers it in the `lang` cookie, so server messages follow. */
export async function switchLanguage(lang: Language) {
  // biome-ignore lint/suspicious/noDocumentCookie: the server reads this plain cookie; cookieStore is not in every browser
  document.cookie = `lang=${lang}; path=/; max-age=${ONE_YEAR}; SameSite=Lax`;
  apply(lang);
  await i18n.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'it';
}

/** The locale used to format numbers and dates. */
export function localeOf(lang: string): string {
  return lang === 'en' ? 'en-GB' : 'it-IT';
}

export default i18n;
