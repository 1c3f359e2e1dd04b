/** The board's language for this page load (zh-CN unless `?lang=en`) and its translate function. */
import { createTranslate, pickLocale } from './messages.ts';

export const locale = pickLocale(window.location.search);
export const t = createTranslate(locale);
