/**
 * The texts of notifications, by message key, in each language a person may read them in. A notification stores
 * its key and parameters; the text is made here when it is read, in the recipient's language (Simplified Chinese
 * unless they chose English), so a Chinese notification holds no English and a person who switches language reads
 * their older notifications in the new one.
 */
import type { NotificationKind } from '../../entities/notification.entity.ts';
import type { Language } from '../../entities/person.entity.ts';
import { STREET_UTC_OFFSET_MS } from '../kernel/street-time.ts';

export type { Language };

/** The parameters a message may use. Names of units come in both languages; texts people wrote stay as written. */
export interface MessageParams {
  wishTitle?: string;
  /** A unit's English and Chinese names (a compound, or the unit a wish went up to). */
  unitName?: string;
  unitNameZh?: string;
  /** A reason or note someone wrote. */
  reason?: string | null;
  activityTitle?: string;
  place?: string;
  /** ISO 8601. */
  startsAt?: string;
}

interface Text {
  title: string;
  body: string;
}
type Template = (p: MessageParams) => Text;

/** An instant in the street's time, written for people: 12月3日 09:30 / Dec 3, 09:30. */
function streetTime(iso: string | undefined, language: Language): string {
  if (!iso) return '';
  const at = new Date(new Date(iso).getTime() + STREET_UTC_OFFSET_MS);
  const hhmm = `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
  if (language === 'en') {
    const month = at.toLocaleString('en', { month: 'short', timeZone: 'UTC' });
    return `${month} ${at.getUTCDate()}, ${hhmm}`;
  }
  return `${at.getUTCMonth() + 1}月${at.getUTCDate()}日 ${hhmm}`;
}

const zhUnit = (p: MessageParams) => p.unitNameZh ?? p.unitName ?? '';
const enUnit = (p: MessageParams) => p.unitName ?? p.unitNameZh ?? '';
const zhReason = (p: MessageParams) => (p.reason ? `：${p.reason}` : '。');
const enReason = (p: MessageParams) => (p.reason ? `: ${p.reason}` : '.');

const MESSAGES: Readonly<Record<string, Readonly<Record<Language, Template>>>> = {
  'order.dispatched': {
    'zh-CN': (p) => ({ title: '新的派单', body: `心愿「${p.wishTitle}」已派给您，请及时接单。` }),
    en: (p) => ({
      title: 'New order',
      body: `The wish “${p.wishTitle}” has been dispatched to you: please accept it.`,
    }),
  },
  'order.open': {
    'zh-CN': (p) => ({ title: '有心愿待认领', body: `${zhUnit(p)}的心愿「${p.wishTitle}」等待认领。` }),
    en: (p) => ({ title: 'A wish to claim', body: `The wish “${p.wishTitle}” at ${enUnit(p)} is open for claim.` }),
  },
  'wish.accepted': {
    'zh-CN': (p) => ({ title: '心愿已被接单', body: `您的心愿「${p.wishTitle}」已有人接单，正在办理。` }),
    en: (p) => ({ title: 'Your wish was taken', body: `Someone has taken your wish “${p.wishTitle}” and is on it.` }),
  },
  'wish.resolved': {
    'zh-CN': (p) => ({ title: '心愿已办结', body: `您的心愿「${p.wishTitle}」已办结，请评价。` }),
    en: (p) => ({
      title: 'Your wish was resolved',
      body: `Your wish “${p.wishTitle}” has been resolved: please rate it.`,
    }),
  },
  'wish.rejected': {
    'zh-CN': (p) => ({ title: '心愿未被受理', body: `您的心愿「${p.wishTitle}」未被受理${zhReason(p)}` }),
    en: (p) => ({ title: 'Your wish was declined', body: `Your wish “${p.wishTitle}” was not taken up${enReason(p)}` }),
  },
  'wish.escalated': {
    'zh-CN': (p) => ({ title: '心愿已上报', body: `您的心愿「${p.wishTitle}」已转交${zhUnit(p)}办理。` }),
    en: (p) => ({ title: 'Your wish went up', body: `Your wish “${p.wishTitle}” is now handled by ${enUnit(p)}.` }),
  },
  'evaluation.due': {
    'zh-CN': (p) => ({ title: '请评价心愿', body: `您的心愿「${p.wishTitle}」已办结，明天将自动结单，请尽快评价。` }),
    en: (p) => ({
      title: 'Please rate your wish',
      body: `Your wish “${p.wishTitle}” was resolved and closes by itself tomorrow: please rate it.`,
    }),
  },
  'activity.reminder': {
    'zh-CN': (p) => ({
      title: '活动提醒',
      body: `您报名的活动「${p.activityTitle}」将于${streetTime(p.startsAt, 'zh-CN')}在${p.place}开始。`,
    }),
    en: (p) => ({
      title: 'Activity reminder',
      body: `The activity “${p.activityTitle}” you signed up for starts ${streetTime(p.startsAt, 'en')} at ${p.place}.`,
    }),
  },
  'verification.approved': {
    'zh-CN': (p) => ({ title: '注册已通过审核', body: `您在${zhUnit(p)}的居民注册已通过审核，欢迎使用。` }),
    en: (p) => ({
      title: 'Registration approved',
      body: `Your registration as a resident of ${enUnit(p)} is approved.`,
    }),
  },
  'verification.rejected': {
    'zh-CN': (p) => ({ title: '注册未通过审核', body: `您在${zhUnit(p)}的居民注册未通过审核${zhReason(p)}` }),
    en: (p) => ({
      title: 'Registration refused',
      body: `Your registration as a resident of ${enUnit(p)} was refused${enReason(p)}`,
    }),
  },
};

/** What a notification of each kind says when its message key is unknown here (a newer server wrote it). */
const FALLBACK_TITLES: Readonly<Record<NotificationKind, Readonly<Record<Language, string>>>> = {
  ORDER_DISPATCHED: { 'zh-CN': '新的派单', en: 'New order' },
  ORDER_OPEN: { 'zh-CN': '有心愿待认领', en: 'A wish to claim' },
  WISH_UPDATED: { 'zh-CN': '心愿有新进展', en: 'Your wish was updated' },
  EVALUATION_DUE: { 'zh-CN': '请评价心愿', en: 'Please rate your wish' },
  DUE_SOON: { 'zh-CN': '工单即将到期', en: 'An order is due soon' },
  OVERDUE: { 'zh-CN': '工单已超期', en: 'An order is overdue' },
  ACTIVITY_REMINDER: { 'zh-CN': '活动提醒', en: 'Activity reminder' },
  VERIFICATION: { 'zh-CN': '注册审核结果', en: 'Registration reviewed' },
  HOT_SPOT: { 'zh-CN': '热点问题提醒', en: 'A recurring problem' },
};

/** The message keys this server writes. */
export type MessageKey = keyof typeof MESSAGES;
export const hasMessage = (key: string): boolean => key in MESSAGES;

export function languageOf(value: string | null | undefined): Language {
  return value === 'en' ? 'en' : 'zh-CN';
}

/** The title and body of a notification in `language`. */
export function renderMessage(
  kind: NotificationKind,
  key: string,
  params: MessageParams,
  language: Language,
): { title: string; body: string } {
  const template = MESSAGES[key]?.[language];
  if (template) return template(params);
  const title = FALLBACK_TITLES[kind][language];
  return { title, body: params.wishTitle ?? params.activityTitle ?? title };
}
