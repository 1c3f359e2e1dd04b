/**
 * The whole catalogue per language: the shared messages plus each resource's own (from its folder's
 * messages.ts). Plain data, no React: the i18n provider and the key-parity test both read it.
 */
import type { TranslationMessages } from 'react-admin';
import activities from '../activities/messages.ts';
import dashboard from '../dashboard/messages.ts';
import monthlyThemes from '../monthlyThemes/messages.ts';
import orgUnits from '../orgUnits/messages.ts';
import people from '../people/messages.ts';
import pointEntries from '../pointEntries/messages.ts';
import pointRules from '../pointRules/messages.ts';
import propertyCommittees from '../propertyCommittees/messages.ts';
import serviceBrands from '../serviceBrands/messages.ts';
import wishCategories from '../wishCategories/messages.ts';
import wishes from '../wishes/messages.ts';
import { enMessages } from './en.ts';
import { type Messages, mergeMessages, type ResourceMessages } from './messages.ts';
import { zhCNMessages } from './zh-CN.ts';

const RESOURCE_MESSAGES: ResourceMessages[] = [
  wishes,
  orgUnits,
  people,
  wishCategories,
  propertyCommittees,
  serviceBrands,
  monthlyThemes,
  activities,
  pointRules,
  pointEntries,
  dashboard,
];

export const catalog = {
  'zh-CN': mergeMessages(zhCNMessages as Messages, ...RESOURCE_MESSAGES.map((m) => m['zh-CN'])) as TranslationMessages,
  en: mergeMessages(enMessages as Messages, ...RESOURCE_MESSAGES.map((m) => m.en)) as TranslationMessages,
};
