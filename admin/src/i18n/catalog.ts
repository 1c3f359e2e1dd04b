/// <reference types="vite/client" />
/**
 * The whole catalogue per language: the shared messages plus each resource's own (from its folder's
 * messages.ts). Plain data, no React: the i18n provider and the key-parity test both read it.
 */
import type { TranslationMessages } from 'react-admin';
import { enMessages } from './en.ts';
import { type Messages, mergeMessages, type ResourceMessages } from './messages.ts';
import { zhCNMessages } from './zh-CN.ts';

// Each resource folder's (and the dashboard's) `messages.ts`; the board has its own texts.
const RESOURCE_MESSAGES = Object.values(
  import.meta.glob<ResourceMessages>(['../*/messages.ts', '!../{i18n,screen}/*'], { eager: true, import: 'default' }),
);

export const catalog = {
  'zh-CN': mergeMessages(zhCNMessages as Messages, ...RESOURCE_MESSAGES.map((m) => m['zh-CN'])) as TranslationMessages,
  en: mergeMessages(enMessages as Messages, ...RESOURCE_MESSAGES.map((m) => m.en)) as TranslationMessages,
};
