/**
 * The one list convention for staff screens: filter, sort by a whitelisted field, offset pages, and the
 * total count — what react-admin's getList needs, through the project's own buildQuery.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from './errors.ts';
import type { IdRef } from './input.ts';

export interface ListArgs {
  sort?: { field: string; order?: 'ASC' | 'DESC' | null } | null;
  offset?: number | null;
  limit?: number | null;
}

export interface ListPage<T> {
  totalCount: number;
  nodes: T[];
}

/** The largest page a list of the convention returns (`limit`). */
export const MAX_LIMIT = 200;

/**
 * The most rows a list without paging arguments returns (people of a unit, sign-ups of an activity, a
 * member's ledger of a year…): the first ones in the list's order.
 */
export const UNPAGED_CAP = 500;

export interface ListSpec {
  /** Columns to select (aliased to the view's field names). */
  select: string;
  /** `from … join …` without where. */
  from: string;
  /** Conditions joined with `and` (scope first), with their parameters in order. */
  where: string[];
  params: unknown[];
  /** GraphQL sort field → SQL expression. */
  sortable: Record<string, string>;
  defaultSort: { field: string; order: 'ASC' | 'DESC' };
  /** A unique expression that breaks ties, so pages never overlap. */
  tieBreaker: string;
  /** The total count as a scalar subquery, when the list has a cheaper exact one than `count(*)` over `from`. */
  count?: { sql: string; params: unknown[] } | undefined;
}

export async function runList<T>(em: EntityManager, spec: ListSpec, args: ListArgs): Promise<ListPage<T>> {
  const limit = args.limit ?? 25;
  const offset = args.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT)
    throw badInput('limit', `must be between 0 and ${MAX_LIMIT}`);
  if (!Number.isInteger(offset) || offset < 0) throw badInput('offset', 'must not be negative');
  const field = args.sort?.field ?? spec.defaultSort.field;
  // Own properties only: `constructor` or `__proto__` are not sort fields.
  const column = Object.hasOwn(spec.sortable, field) ? spec.sortable[field] : undefined;
  if (typeof column !== 'string')
    throw badInput(
      'sort.field',
      `cannot sort by "${field.slice(0, 50)}"; use one of ${Object.keys(spec.sortable).join(', ')}`,
    );
  const order = (args.sort?.order ?? (args.sort ? 'ASC' : spec.defaultSort.order)) === 'DESC' ? 'desc' : 'asc';
  const where = spec.where.length > 0 ? `where ${spec.where.map((w) => `(${w})`).join(' and ')}` : '';
  const [count] = spec.count
    ? await em.execute<{ n: string }[]>(`select ${spec.count.sql} as n`, spec.count.params)
    : await em.execute<{ n: string }[]>(`select count(*) as n ${spec.from} ${where}`, spec.params);
  const nodes = await em.execute<T[]>(
    `select ${spec.select} ${spec.from} ${where} order by ${column} ${order} nulls last, ${spec.tieBreaker} ${order} limit ? offset ?`,
    [...spec.params, limit, offset],
  );
  return { totalCount: Number(count?.n ?? 0), nodes };
}

/** `?` placeholders for an optional id filter: an empty list matches nothing. */
export function idsCondition(
  column: string,
  ids: readonly number[] | null | undefined,
): { sql: string; params: unknown[] } | null {
  if (ids === null || ids === undefined) return null;
  return { sql: `${column} = any(?::int[])`, params: [`{${ids.join(',')}}`] };
}

/** The longest free-text search a list accepts. */
export const MAX_SEARCH = 100;

/**
 * `q` of a list filter: a case-insensitive substring match over some columns, or null without q. The
 * wildcards `%` and `_` and the escape `\` the user types match themselves, not anything. Every list's `q`
 * goes through here: at most MAX_SEARCH characters (as sent, spaces included).
 */
export function searchCondition(
  columns: readonly string[],
  q: string | null | undefined,
): { sql: string; params: unknown[] } | null {
  // Characters as people count them (an emoji is one), spaces included.
  if (typeof q === 'string' && q.length > MAX_SEARCH && [...q].length > MAX_SEARCH) {
    throw badInput('filter.q', `must be at most ${MAX_SEARCH} characters`);
  }
  const text = (q ?? '').trim();
  if (text.length === 0) return null;
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return { sql: columns.map((c) => `${c} ilike ?`).join(' or '), params: columns.map(() => pattern) };
}

/** The `ids` filter (react-admin getMany) from decoded references: malformed or foreign ids (null) match nothing. */
export function refsFilter(
  column: string,
  refs: readonly IdRef[] | null | undefined,
): { sql: string; params: unknown[] } | null {
  if (refs === null || refs === undefined) return null;
  return idsCondition(
    column,
    refs.filter((id): id is number => id !== null),
  );
}

/** Collects `where` conditions and their parameters in order, skipping absent filters. */
export class Conditions {
  readonly where: string[] = [];
  readonly params: unknown[] = [];

  add(condition: { sql: string; params: unknown[] } | null): this {
    if (condition) {
      this.where.push(condition.sql);
      this.params.push(...condition.params);
    }
    return this;
  }

  /** One condition with its parameters, e.g. `and('u.kind = ?', kind)`. */
  and(sql: string, ...params: unknown[]): this {
    return this.add({ sql, params });
  }
}
