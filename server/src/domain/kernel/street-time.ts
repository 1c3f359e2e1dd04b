/**
 * The street's clock: Jiexiu is on China Standard Time (UTC+8, no daylight saving). Days, months and points
 * years are counted there, whatever zone the server runs in.
 */
export const STREET_TIME_ZONE = 'Asia/Shanghai';
export const STREET_UTC_OFFSET_MS = 8 * 3_600_000;

const local = (at: Date) => new Date(at.getTime() + STREET_UTC_OFFSET_MS);

/** The street's date of an instant, as YYYY-MM-DD. */
export function localDate(at: Date): string {
  return local(at).toISOString().slice(0, 10);
}

/** The street's calendar year and month (1–12) of an instant. */
export function localYearMonth(at: Date): { year: number; month: number } {
  const l = local(at);
  return { year: l.getUTCFullYear(), month: l.getUTCMonth() + 1 };
}

/** The street's calendar year of an instant (points years follow it). */
export function localYear(at: Date): number {
  return local(at).getUTCFullYear();
}
