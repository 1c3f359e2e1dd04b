/**
 * A PostgreSQL array literal for one bound parameter (`= any(?::int[])`). The query builder would
 * otherwise expand a JavaScript array into a comma-separated list.
 */
export function pgArray(values: readonly (string | number)[]): string {
  return `{${values.map((v) => (typeof v === 'number' ? String(v) : `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

/** A `like` pattern no materialized path matches (paths start with "/"): the subtree of an unknown unit. */
export const NO_UNIT = '#no-such-unit';
