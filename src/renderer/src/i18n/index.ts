/**
 * i18next set up once for the whole renderer: Vietnamese by default, English on request, and the
 * choice remembered in localStorage so the next start opens in the same language.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { vi } from './vi';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'htx-desk.language';

function isLanguage(value: unknown): value is Language {
  return languages.some((language) => language === value);
}

function storedLanguage(): Language {
  const stored = localStorage.getItem(storageKey);
  return isLanguage(stored) ? stored : 'vi';
}

i18next.on('languageChanged', (language) => {
  if (!isLanguage(language)) return;
  localStorage.setItem(storageKey, language);
  // Screen readers and hyphenation follow the document's language.
  document.documentElement.lang = language;
});

// Resources are bundled, so initialising synchronously lets the first render already have text.
void i18next.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  supportedLngs: languages,
  initAsync: false,
  // React escapes what it renders; escaping here too would show entities such as &amp;.
  interpolation: { escapeValue: false },
});

