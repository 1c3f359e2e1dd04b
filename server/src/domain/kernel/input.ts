/** Small validators for staff inputs: each refuses with BAD_USER_INPUT naming the field. */

import { badInput, notFound } from './errors.ts';

/** GraphQL optional input fields: undefined = leave as is, null = clear (where clearing makes sense). */
export type Maybe<T> = T | null | undefined;

/** An update's fields: those of `T`, each left as is when undefined. */
export type Patch<T> = { [K in keyof T]?: Maybe<T[K]> };

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

/**
 * A reference the client sent, decoded by the transport: the row id, or null when the opaque id was malformed or
 * of another type. The domain reports a null reference as NOT_FOUND at the point its rules check it, so the
 * contract's error order holds (a bad title is BAD_USER_INPUT even when the unit id is garbage too).
 */
export type IdRef = number | null;

/** The row id of a reference, or NOT_FOUND naming `what`. */
export function requiredRef(ref: IdRef, what: string): number {
  if (ref === null) throw notFound(what);
  return ref;
}
