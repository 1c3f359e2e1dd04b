/** Month names in the panel's language (一月 … 十二月, January … December), from the platform, not a table. */
export function monthName(locale: string, month: number): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
}

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

export const monthChoices = (locale: string) => MONTHS.map((m) => ({ id: m, name: monthName(locale, m) }));
