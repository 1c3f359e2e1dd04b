import polyglotI18nProvider from 'ra-i18n-polyglot';
import { enMessages } from './en.ts';
import { zhCNMessages } from './zh-CN.ts';

export const DEFAULT_LOCALE = 'zh-CN';

// Both catalogues are small and bundled: switching language needs no extra request.
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? enMessages : zhCNMessages),
  DEFAULT_LOCALE,
  [
    { locale: 'zh-CN', name: '简体中文' },
    { locale: 'en', name: 'English' },
  ],
);
