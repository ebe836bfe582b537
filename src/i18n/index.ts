import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zh } from './zh';
import type { Language } from '../state/labState';

/** React escapes what it renders, so i18next must not escape a second time. */
export function initI18n(lang: Language) {
  return i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'en',
    resources: { en: { translation: en }, zh: { translation: zh } },
    interpolation: { escapeValue: false },
    returnObjects: true,
  });
}

export { i18next };
