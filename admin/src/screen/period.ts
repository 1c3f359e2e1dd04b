/** The periods the board counts over, in street time (UTC+8): today, this week, this month. */
import { dayPeriod, monthPeriod, type Period, streetDate, streetDayKey, weekPeriod } from '../common/street-time.ts';

export interface BoardPeriods {
  /** Changes at the street's midnight: when it does, "today" rolls over. */
  dayKey: string;
  year: number;
  /** 1–12 */
  month: number;
  today: Period;
  week: Period;
  monthPeriod: Period;
}

export function boardPeriods(now: Date): BoardPeriods {
  const d = streetDate(now);
  return {
    dayKey: streetDayKey(now),
    year: d.year,
    month: d.month,
    today: dayPeriod(now),
    week: weekPeriod(now),
    monthPeriod: monthPeriod(now),
  };
}

/** A period as the API's `from` / `to` arguments. */
export function periodVariables(period: Period): { from: string; to: string } {
  return { from: period.from.toISOString(), to: period.to.toISOString() };
}
