import type { OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isUnauthenticated } from '../../admin/src/auth/graphql-errors.ts';
import { createBuildQuery, NotSupportedYetError, toWishFilter } from '../../admin/src/data/build-query.ts';

const wishNode = (id: string) => ({ id, title: `wish ${id}`, status: 'SUBMITTED' });

const connection = (ids: string[], endCursor: string | null, totalCount = 100) => ({
  data: {
    wishes: {
      totalCount,
      pageInfo: { hasNextPage: true, endCursor },
      edges: ids.map((id) => ({ cursor: `c${id}`, node: wishNode(id) })),
    },
  },
});

describe('the admin query builder', () => {
  it('reads the first page of wishes with `first` only', () => {
    const buildQuery = createBuildQuery()(undefined as never);
    const query = buildQuery('GET_LIST', 'wishes', { pagination: { page: 1, perPage: 2 }, filter: {} });
    const definition = query.query.definitions[0] as OperationDefinitionNode;
    // ra-data-graphql tells queries from mutations by the first definition of the document.
    expect(definition.operation).toBe('query');
    expect(query.variables).toEqual({ filter: undefined, first: 2 });
    expect(query.parseResponse(connection(['1', '2'], 'c2') as never)).toEqual({
      data: [wishNode('1'), wishNode('2')],
      total: 100,
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
    });
  });

  it('asks for the next page after the end cursor of the page before', () => {
    const buildQuery = createBuildQuery()(undefined as never);
    const filter = { status: 'SUBMITTED' };
    buildQuery('GET_LIST', 'wishes', { pagination: { page: 1, perPage: 2 }, filter }).parseResponse(
      connection(['1', '2'], 'c2') as never,
    );
    const next = buildQuery('GET_LIST', 'wishes', { pagination: { page: 2, perPage: 2 }, filter });
    expect(next.variables).toEqual({ filter: { status: ['SUBMITTED'] }, first: 2, after: 'c2' });
  });

  it('reads a page it has no cursor for as the leading rows and keeps the last perPage', () => {
    const buildQuery = createBuildQuery()(undefined as never);
    const query = buildQuery('GET_LIST', 'wishes', { pagination: { page: 3, perPage: 2 }, filter: {} });
    expect(query.variables).toEqual({ filter: undefined, first: 6 });
    const result = query.parseResponse(connection(['1', '2', '3', '4', '5', '6'], 'c6') as never);
    expect(result.data).toEqual([wishNode('5'), wishNode('6')]);
  });

  it('reads one wish by id and reports a missing one as not found', () => {
    const buildQuery = createBuildQuery()(undefined as never);
    const query = buildQuery('GET_ONE', 'wishes', { id: 'w1' });
    expect(query.variables).toEqual({ id: 'w1' });
    expect(query.parseResponse({ data: { wish: wishNode('w1') } } as never)).toEqual({ data: wishNode('w1') });
    expect(() => query.parseResponse({ data: { wish: null } } as never)).toThrow('ra.notification.item_doesnt_exist');
  });

  it('refuses other resources and methods with a clear error', () => {
    const buildQuery = createBuildQuery()(undefined as never);
    expect(() => buildQuery('UPDATE', 'wishes', {})).toThrow(NotSupportedYetError);
    expect(() => buildQuery('GET_LIST', 'people', {})).toThrow('does not support GET_LIST on "people" yet');
  });

  it('sends only the fields of WishFilter', () => {
    expect(toWishFilter({ q: 'lamp', status: ['OPEN_FOR_CLAIM'], mine: true, overdue: 'yes' })).toEqual({
      status: ['OPEN_FOR_CLAIM'],
      mine: true,
    });
    expect(toWishFilter({})).toBeUndefined();
  });
});

describe('recognising an expired session', () => {
  it('finds UNAUTHENTICATED inside the HttpError that ra-data-graphql throws', () => {
    const apolloError = { graphQLErrors: [{ message: 'no token', extensions: { code: 'UNAUTHENTICATED' } }] };
    expect(isUnauthenticated({ status: 200, body: apolloError })).toBe(true);
  });

  it('treats HTTP 401 as unauthenticated and FORBIDDEN as not', () => {
    expect(isUnauthenticated({ status: 401 })).toBe(true);
    const forbidden = { graphQLErrors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] };
    expect(isUnauthenticated({ status: 200, body: forbidden })).toBe(false);
    expect(isUnauthenticated(new Error('network down'))).toBe(false);
  });
});
