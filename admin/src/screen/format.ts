/** Times on the board, on the street's clock (UTC+8) whatever the screen's own time zone. */
import { streetDate, streetDayKey } from '../common/street-time.ts';
import type { ScreenLocale, ScreenMessageKey, Translate } from './messages.ts';

const pad = (n: number) => String(n).padStart(2, '0');

export function clockTime(at: Date): string {
  const d = streetDate(at);
  return `${pad(d.hours)}:${pad(d.minutes)}`;
}

/** "2026年11月27日 周五" */
export function longDate(at: Date, t: Translate): string {
  const d = streetDate(at);
  return `${t('date.long', { year: d.year, month: d.month, day: d.day })} ${t(`weekday.${d.weekday}` as ScreenMessageKey)}`;
}

/** An event's time: `{ time: "14:05" }` today, `{ day: "11月26日", time: "14:05" }` before. */
export function eventTime(at: string, now: Date, t: Translate): { day: string | null; time: string } {
  const when = new Date(at);
  if (streetDayKey(when) === streetDayKey(now)) return { day: null, time: clockTime(when) };
  const d = streetDate(when);
  return { day: t('date.short', { month: d.month, day: d.day }), time: clockTime(when) };
}

/** An activity's start: "11月28日 周六 14:30". */
export function activityTime(at: string, t: Translate): string {
  const when = new Date(at);
  const d = streetDate(when);
  return `${t('date.short', { month: d.month, day: d.day })} ${t(`weekday.${d.weekday}` as ScreenMessageKey)} ${clockTime(when)}`;
}

/** A unit's, category's or brand's name in the board's language, falling back to the other. */
export function localName(value: { name: string; nameZh: string } | null | undefined, locale: ScreenLocale): string {
  if (!value) return '';
  return locale === 'en' ? value.name || value.nameZh : value.nameZh || value.name;
}
