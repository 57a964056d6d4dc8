import { useTranslation } from 'react-i18next';
import type { adminZhCN } from '../i18n/admin-words';

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of the administrator's words, checked against the Chinese ones. */
export type AdminKey = Paths<typeof adminZhCN>;
export type AdminField = keyof typeof adminZhCN.fields;

type Words = (key: AdminKey, options?: Record<string, string | number>) => string;

/**
 * The console's words in the admin's language: `w('form.save')` is `admin.form.save`, `{{name}}`
 * filled from the options (`lng` asks for another language). Read from the resources as they are,
 * without the app-wide key types these words are kept out of; the component still redraws when the
 * language changes, as `useTranslation` is subscribed to it.
 */
export function useAdminWords() {
  const { i18n } = useTranslation();
  const w: Words = (key, options = {}) => {
    const { lng, ...values } = options;
    const read = (language: string): unknown => i18n.getResource(language, 'translation', `admin.${key}`);
    const text = read(String(lng ?? i18n.language)) ?? read('zh-CN');
    return typeof text === 'string' ? text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? '')) : key;
  };
  return { w, i18n };
}
