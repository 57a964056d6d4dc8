import 'i18next';
import type { zhCN } from './zh-CN';

// Makes `t('…')` keys checked by the compiler against the zh-CN messages.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
