/**
 * Rows that join several tables (an activity, its theme, the theme's brand): each table's fields are selected
 * under the table's alias (`b.code as "b.code"`) and read back per table, so one query fills nested views.
 */
type Row = Record<string, unknown>;

/** `b.code as "b.code", b.name_zh as "b.nameZh", …`: each field (field → SQL expression) under `alias`. */
export function selectAs(alias: string, fields: Readonly<Record<string, string>>): string {
  return Object.entries(fields)
    .map(([field, sql]) => `${sql} as "${alias}.${field}"`)
    .join(', ');
}

/**
 * The fields selected under `alias`, or null when its `id` is null (a left join that found nothing). The
 * database hands timestamps over as text: the fields named in `dates` become Dates.
 */
export function readAs<T>(r: Row, alias: string, dates: readonly string[]): T | null {
  if (r[`${alias}.id`] === null || r[`${alias}.id`] === undefined) return null;
  const view: Row = {};
  for (const [key, value] of Object.entries(r)) {
    if (!key.startsWith(`${alias}.`)) continue;
    const field = key.slice(alias.length + 1);
    view[field] = dates.includes(field) && value !== null ? new Date(value as string | Date) : value;
  }
  return view as T;
}
