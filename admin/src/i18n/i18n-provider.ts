import polyglotI18nProvider from 'ra-i18n-polyglot';
import { catalog } from './catalog.ts';

export const DEFAULT_LOCALE = 'zh-CN';

// Both catalogues are small and bundled: switching language needs no extra request.
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? catalog.en : catalog['zh-CN']),
  DEFAULT_LOCALE,
  [
    { locale: 'zh-CN', name: '简体中文' },
    { locale: 'en', name: 'English' },
  ],
);
