import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../shared/contract/settings';
import { en } from './en';
import { zhCN } from './zh-CN';
import { adminEn, adminZhCN } from './admin-words';

export const messages = { 'zh-CN': zhCN, en } satisfies Record<Locale, unknown>;

/**
 * Areas whose words are typed on their own (see admin/use-admin-words) rather than in the one tree
 * `t` is typed by: every key more there makes each `t` call costlier to check, and the compiler gives up.
 */
export const areaMessages = { 'zh-CN': { admin: adminZhCN }, en: { admin: adminEn } } satisfies Record<Locale, unknown>;

/** One i18next instance per app (and per test), zh-CN first. */
export async function createI18n(locale: Locale = 'zh-CN'): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: { ...zhCN, ...areaMessages['zh-CN'] } }, en: { translation: { ...en, ...areaMessages.en } } },
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
  });
  return instance;
}
