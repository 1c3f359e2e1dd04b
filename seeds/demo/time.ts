/** The units of time the seed counts in (milliseconds since the epoch); the street's clock is street-time.ts. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A number of days in whole minutes. */
export const minutes = (days: number) => Math.round(days * 24 * 60);

export const iso = (ms: number) => new Date(ms).toISOString();
