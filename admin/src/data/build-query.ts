/**
 * The project's buildQuery for ra-data-graphql: react-admin's calls become the API's list convention and
 * each resource's own queries and mutations (declared in its folder). Introspection is off in production,
 * so nothing here asks the server for its schema.
 */
import type { BuildQuery, BuildQueryFactory, BuildQueryResult } from 'ra-data-graphql';
import type { ResourceQueries, Row } from './resource-queries.ts';

export class NotSupportedError extends Error {
  constructor(resource: string, method: string) {
    super(`The admin panel does not support ${method} on "${resource}".`);
    this.name = 'NotSupportedError';
  }
}

/** Drops empty values; react-admin keeps a cleared filter input as '' or []. */
export function cleanFilter(filter: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!filter) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

interface ListParams {
  pagination?: { page: number; perPage: number };
  sort?: { field: string; order: 'ASC' | 'DESC' };
  filter?: Record<string, unknown>;
}

type ListResponse = { data: Record<string, { totalCount: number; nodes: Row[] }> };

function listQuery(
  queries: ResourceQueries,
  params: ListParams,
  extraFilter?: Record<string, unknown>,
): BuildQueryResult {
  const page = Math.max(1, params.pagination?.page ?? 1);
  const perPage = Math.max(1, params.pagination?.perPage ?? 25);
  const merged = cleanFilter({ ...(params.filter ?? {}), ...(extraFilter ?? {}) });
  const filter = merged && queries.toFilter ? cleanFilter(queries.toFilter(merged)) : merged;
  // react-admin sorts by `id` when nothing is chosen; the server's lists know their own default order.
  const sort =
    params.sort && params.sort.field !== 'id' ? { field: params.sort.field, order: params.sort.order } : undefined;
  return {
    query: queries.list,
    variables: { filter, sort, offset: (page - 1) * perPage, limit: perPage },
    parseResponse: (response: ListResponse) => {
      const result = response.data[queries.listField];
      if (!result) throw new Error(`The server returned no ${queries.listField}`);
      return { data: result.nodes, total: result.totalCount };
    },
  };
}

export function createBuildQuery(registry: Readonly<Record<string, ResourceQueries>>): BuildQueryFactory {
  const buildQuery: BuildQuery = (method, resource, params) => {
    const queries = registry[resource];
    if (!queries) throw new NotSupportedError(resource, method);
    switch (method) {
      case 'GET_LIST':
        return listQuery(queries, params);
      case 'GET_MANY':
        return listQuery(
          queries,
          { pagination: { page: 1, perPage: Math.max(1, params.ids.length) } },
          {
            ids: params.ids.map(String),
          },
        );
      case 'GET_MANY_REFERENCE':
        return listQuery(queries, params, { [params.target]: String(params.id) });
      case 'GET_ONE':
        return {
          query: queries.one,
          variables: { id: String(params.id) },
          parseResponse: (response: { data: Record<string, Row | null> }) => {
            const record = response.data[queries.oneField];
            // The server answers null for what does not exist or lies outside the viewer's view.
            if (!record) throw new Error('ra.notification.item_doesnt_exist');
            return { data: record };
          },
        };
      case 'CREATE':
      case 'UPDATE':
      case 'DELETE': {
        const spec = method === 'CREATE' ? queries.create : method === 'UPDATE' ? queries.update : queries.delete;
        if (!spec) throw new NotSupportedError(resource, method);
        const id = method === 'CREATE' ? undefined : String(params.id);
        return {
          query: spec.document,
          variables: { input: spec.toInput(params.data ?? params.previousData ?? {}, id, params.previousData) },
          parseResponse: (response: { data: Record<string, Record<string, Row> | null> }) => {
            const payload = response.data[spec.field];
            const record = payload?.[spec.resultKey] ?? (id ? { id } : undefined);
            if (!record) throw new Error(`The server returned no ${spec.resultKey}`);
            return { data: record };
          },
        };
      }
      default:
        throw new NotSupportedError(resource, method);
    }
  };
  return () => buildQuery;
}
