import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import type { Resources } from './en';
import type { Language } from '../state/labState';

/**
 * English is in the first download (it is also every missing key's fallback); Chinese arrives when
 * it is first asked for, so an English page does not carry it. The service worker precaches both.
 */
const loaders: Record<Language, () => Promise<Resources>> = {
  en: async () => en,
  zh: () => import('./zh').then((module) => module.zh),
};

/** Makes `lang` the page's language, loading its strings first if they are not here yet. */
export async function switchLanguage(lang: Language): Promise<void> {
  if (!i18next.hasResourceBundle(lang, 'translation')) i18next.addResourceBundle(lang, 'translation', await loaders[lang]());
  await i18next.changeLanguage(lang);
}

/** React escapes what it renders, so i18next must not escape a second time. */
export async function initI18n(lang: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: 'en',
    fallbackLng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
    returnObjects: true,
  });
  await switchLanguage(lang);
}

export { i18next };
