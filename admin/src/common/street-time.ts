/**
 * The street keeps China time (UTC+8, no daylight saving): "today", "this week" and "this month" start at
 * midnight there, whatever the browser's own time zone. Plain functions of a given instant, so they are
 * testable and give the same answer on a wall screen in Jiexiu and a laptop elsewhere.
 */

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export interface StreetDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 1 = Monday … 7 = Sunday (the Chinese week starts on Monday) */
  weekday: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export interface Period {
  /** Inclusive */
  from: Date;
  /** Exclusive */
  to: Date;
}

/** The calendar fields of `at` on the street's clock. */
export function streetDate(at: Date): StreetDate {
  const shifted = new Date(at.getTime() + OFFSET_MS);
  const jsDay = shifted.getUTCDay();
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: jsDay === 0 ? 7 : jsDay,
    hours: shifted.getUTCHours(),
    minutes: shifted.getUTCMinutes(),
    seconds: shifted.getUTCSeconds(),
  };
}

/** Midnight of a street calendar day; days and months past their end roll over (Date.UTC does). */
export function streetMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - OFFSET_MS);
}

export function dayPeriod(now: Date): Period {
  const d = streetDate(now);
  const from = streetMidnight(d.year, d.month, d.day);
  return { from, to: new Date(from.getTime() + DAY_MS) };
}

/** Monday 00:00 to the next Monday 00:00. */
export function weekPeriod(now: Date): Period {
  const d = streetDate(now);
  const from = streetMidnight(d.year, d.month, d.day - (d.weekday - 1));
  return { from, to: new Date(from.getTime() + 7 * DAY_MS) };
}

export function monthPeriod(now: Date): Period {
  const d = streetDate(now);
  return { from: streetMidnight(d.year, d.month, 1), to: streetMidnight(d.year, d.month + 1, 1) };
}

export function yearPeriod(year: number): Period {
  return { from: streetMidnight(year, 1, 1), to: streetMidnight(year + 1, 1, 1) };
}

/** "2026-11-27": changes exactly at the street's midnight. */
export function streetDayKey(now: Date): string {
  const d = streetDate(now);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Milliseconds until the next street midnight (never 0: at midnight itself, a whole day). */
export function msUntilNextStreetMidnight(now: Date): number {
  return dayPeriod(now).to.getTime() - now.getTime();
}
