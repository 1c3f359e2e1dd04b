/** Limits and input checks shared by the volunteering services (brands, themes, activities, attendance). */
import { badInput } from '../kernel/errors.ts';

export const MAX_TITLE = 200;
export const MAX_TEXT = 4000;

export function intInRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(field, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** Given and not null (null and undefined both leave a required field as it is). */
export const present = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/** "2026-03" */
export const yearMonth = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
