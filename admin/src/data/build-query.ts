import { gql } from '@apollo/client/core';
import type { BuildQuery, BuildQueryFactory, BuildQueryResult } from 'ra-data-graphql';

// The documents are written by hand: introspection is off in production, so the panel never asks the
// server for its schema. Each operation comes before the fragments it spreads, because ra-data-graphql
// reads the first definition of a document to tell a query from a mutation.

const WISH_CARD = gql`
  fragment WishCard on Wish {
    id
    title
    status
    category {
      code
      name
    }
    compound {
      id
      name
    }
    handlingUnit {
      id
      name
      kind
    }
    createdAt
    updatedAt
  }
`;

export const WISHES_QUERY = gql`
  query Wishes($filter: WishFilter, $first: Int, $after: String) {
    wishes(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...WishCard
        }
      }
    }
  }
  ${WISH_CARD}
`;

export const WISH_QUERY = gql`
  query Wish($id: ID!) {
    wish(id: $id) {
      ...WishCard
      description
      rating
    }
  }
  ${WISH_CARD}
`;

/** The keys of the server's `WishFilter` input; anything else in react-admin's filter is not sent. */
export interface WishFilter {
  status?: string[];
  orgUnitId?: string;
  categoryCode?: string;
  overdue?: boolean;
  mine?: boolean;
}

export const toWishFilter = (filter: Record<string, unknown> | undefined): WishFilter | undefined => {
  if (!filter) return undefined;
  const result: WishFilter = {};
  const { status, orgUnitId, categoryCode, overdue, mine } = filter;
  if (typeof status === 'string') result.status = [status];
  else if (Array.isArray(status) && status.length > 0) result.status = status.map(String);
  if (typeof orgUnitId === 'string' && orgUnitId !== '') result.orgUnitId = orgUnitId;
  if (typeof categoryCode === 'string' && categoryCode !== '') result.categoryCode = categoryCode;
  if (typeof overdue === 'boolean') result.overdue = overdue;
  if (typeof mine === 'boolean') result.mine = mine;
  return Object.keys(result).length > 0 ? result : undefined;
};

/**
 * react-admin pages by number, the server by cursor. The end cursor of every page fetched is kept per
 * filter and page size, so moving to the next page asks for `perPage` rows after it. A page whose
 * predecessor was never fetched (a jump to the last page) is read as the first `page * perPage` rows.
 */
export class PageCursors {
  readonly #endCursors = new Map<string, string>();

  #key(filter: WishFilter | undefined, perPage: number, page: number): string {
    return JSON.stringify([filter ?? null, perPage, page]);
  }

  endCursorOf(filter: WishFilter | undefined, perPage: number, page: number): string | undefined {
    return this.#endCursors.get(this.#key(filter, perPage, page));
  }

  remember(filter: WishFilter | undefined, perPage: number, page: number, endCursor: string | null): void {
    const key = this.#key(filter, perPage, page);
    if (endCursor === null) this.#endCursors.delete(key);
    else this.#endCursors.set(key, endCursor);
  }
}

interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: T }[];
}

interface WishNode {
  id: string;
  [field: string]: unknown;
}

interface GetListParams {
  pagination?: { page: number; perPage: number };
  filter?: Record<string, unknown>;
}

const buildWishesGetList = (params: GetListParams, cursors: PageCursors): BuildQueryResult => {
  const page = Math.max(1, params.pagination?.page ?? 1);
  const perPage = Math.max(1, params.pagination?.perPage ?? 25);
  const filter = toWishFilter(params.filter);
  const after = page > 1 ? cursors.endCursorOf(filter, perPage, page - 1) : undefined;
  const first = page === 1 || after !== undefined ? perPage : page * perPage;
  return {
    query: WISHES_QUERY,
    variables: { filter, first, ...(after === undefined ? {} : { after }) },
    parseResponse: (response: { data: { wishes: Connection<WishNode> } }) => {
      const { totalCount, pageInfo, edges } = response.data.wishes;
      cursors.remember(filter, perPage, page, pageInfo.endCursor);
      const rows = after === undefined ? edges.slice((page - 1) * perPage) : edges;
      return {
        data: rows.map((edge) => edge.node),
        total: totalCount,
        pageInfo: { hasNextPage: pageInfo.hasNextPage, hasPreviousPage: page > 1 },
      };
    },
  };
};

const buildWishGetOne = (params: { id: string | number }): BuildQueryResult => ({
  query: WISH_QUERY,
  variables: { id: String(params.id) },
  parseResponse: (response: { data: { wish: WishNode | null } }) => {
    // The server answers null for a wish that does not exist or that the viewer may not see.
    if (response.data.wish === null) throw new Error('ra.notification.item_doesnt_exist');
    return { data: response.data.wish };
  },
});

export class NotSupportedYetError extends Error {
  constructor(resource: string, method: string) {
    super(`The admin panel does not support ${method} on "${resource}" yet.`);
    this.name = 'NotSupportedYetError';
  }
}

/** The project's query builder for ra-data-graphql: `wishes` getList and getOne, nothing else yet. */
export const createBuildQuery = (): BuildQueryFactory => {
  const cursors = new PageCursors();
  const buildQuery: BuildQuery = (method, resource, params) => {
    if (resource === 'wishes' && method === 'GET_LIST') return buildWishesGetList(params, cursors);
    if (resource === 'wishes' && method === 'GET_ONE') return buildWishGetOne(params);
    throw new NotSupportedYetError(resource, method);
  };
  return () => buildQuery;
};
