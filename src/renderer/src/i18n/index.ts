import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../shared/contract/settings';
import { en } from './en';
import { zhCN } from './zh-CN';

export const messages = { 'zh-CN': zhCN, en } satisfies Record<Locale, unknown>;

/** One i18next instance per app (and per test), zh-CN first. */
export async function createI18n(locale: Locale = 'zh-CN'): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
  });
  return instance;
}
