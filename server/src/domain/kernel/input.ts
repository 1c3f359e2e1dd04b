/** Small validators for staff inputs: each refuses with BAD_USER_INPUT naming the field. */

import { decodeId, type IdType } from '../../graphql/ids.ts';
import { badInput, notFound } from './errors.ts';

/** GraphQL optional input fields: undefined = leave as is, null = clear (where clearing makes sense). */
export type Maybe<T> = T | null | undefined;

export const given = <T>(value: Maybe<T>): value is T | null => value !== undefined;

export function requiredText(field: string, value: Maybe<string>, max: number): string {
  const text = (value ?? '').trim();
  if (text.length === 0) throw badInput(field, 'must not be empty');
  if (text.length > max) throw badInput(field, `must be at most ${max} characters (got ${text.length})`);
  return text;
}

/** Empty or blank becomes null. */
export function optionalText(field: string, value: Maybe<string>, max: number): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text.length > max) throw badInput(field, `must be at most ${max} characters (got ${text.length})`);
  return text.length > 0 ? text : null;
}

export function optionalCount(field: string, value: Maybe<number>, max = 10_000_000): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0 || value > max) throw badInput(field, `must be a whole number 0–${max}`);
  return value;
}

/** An opaque id of one type; a malformed one is NOT_FOUND, as the contract says. */
export function requiredId(type: IdType, value: string | number, what: string): number {
  const id = decodeId(type, String(value));
  if (id === null) throw notFound(what);
  return id;
}

/** Today's date where the street is (China Standard Time, UTC+8, no DST), as YYYY-MM-DD. */
export function localDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** `expectedVersion` of an update: optimistic concurrency, a stale one is refused with CONFLICT later. */
export function checkExpectedVersion(version: Maybe<number>): void {
  if (version !== null && version !== undefined && (!Number.isInteger(version) || version < 1)) {
    throw badInput('expectedVersion', 'must be a version the server gave you (1 or more)');
  }
}
