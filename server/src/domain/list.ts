/**
 * The one list convention for staff screens: filter, sort by a whitelisted field, offset pages, and the
 * total count — what react-admin's getList needs, through the project's own buildQuery.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from './errors.ts';

export interface ListArgs {
  sort?: { field: string; order?: 'ASC' | 'DESC' | null } | null;
  offset?: number | null;
  limit?: number | null;
}

export interface ListPage<T> {
  totalCount: number;
  nodes: T[];
}

export const MAX_LIMIT = 200;

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
}

export async function runList<T>(em: EntityManager, spec: ListSpec, args: ListArgs): Promise<ListPage<T>> {
  const limit = args.limit ?? 25;
  const offset = args.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT)
    throw badInput('limit', `must be between 0 and ${MAX_LIMIT}`);
  if (!Number.isInteger(offset) || offset < 0) throw badInput('offset', 'must not be negative');
  const field = args.sort?.field ?? spec.defaultSort.field;
  const column = spec.sortable[field];
  if (!column)
    throw badInput('sort.field', `cannot sort by "${field}"; use one of ${Object.keys(spec.sortable).join(', ')}`);
  const order = (args.sort?.order ?? (args.sort ? 'ASC' : spec.defaultSort.order)) === 'DESC' ? 'desc' : 'asc';
  const where = spec.where.length > 0 ? `where ${spec.where.map((w) => `(${w})`).join(' and ')}` : '';
  const [count] = await em.execute<{ n: string }[]>(`select count(*) as n ${spec.from} ${where}`, spec.params);
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
