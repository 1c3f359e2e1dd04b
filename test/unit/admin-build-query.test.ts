/** The panel's buildQuery: react-admin calls become the API's list convention and each resource's mutations. */
import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { cleanFilter, createBuildQuery, NotSupportedError } from '../../admin/src/data/build-query.ts';
import { registry } from '../../admin/src/data/registry.ts';

const build = createBuildQuery(registry)({} as never);
/** The builder's result with a loosely typed parseResponse, as tests feed it hand-made responses. */
const buildQuery = (method: string, resource: string, params: Record<string, any>) => {
  const q = build(method, resource, params);
  return { ...q, variables: q.variables ?? {}, parseResponse: (r: unknown) => q.parseResponse(r as never) };
};

describe('the panel data provider', () => {
  it('turns getList into the resource list with offset pages, sort and filter', () => {
    const q = buildQuery('GET_LIST', 'wishes', {
      pagination: { page: 3, perPage: 25 },
      sort: { field: 'createdAt', order: 'DESC' },
      filter: { status: 'SUBMITTED', q: '', orgUnitId: 'T3Jn' },
    });
    expect(print(q.query)).toContain('wishList(filter: $filter, sort: $sort, offset: $offset, limit: $limit)');
    expect(q.variables).toEqual({
      filter: { status: ['SUBMITTED'], orgUnitId: 'T3Jn' },
      sort: { field: 'createdAt', order: 'DESC' },
      offset: 50,
      limit: 25,
    });
    const parsed = q.parseResponse({ data: { wishList: { totalCount: 77, nodes: [{ id: 'a' }] } } });
    expect(parsed).toEqual({ data: [{ id: 'a' }], total: 77 });
  });

  it('leaves the default order to the server when react-admin sorts by id', () => {
    const q = buildQuery('GET_LIST', 'wishes', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'id', order: 'ASC' },
    });
    expect(q.variables.sort).toBeUndefined();
  });

  it('reads getMany through the ids filter and getManyReference through the target filter', () => {
    const many = buildQuery('GET_MANY', 'wishes', { ids: ['a', 'b'] });
    expect(many.variables).toMatchObject({ filter: { ids: ['a', 'b'] }, limit: 2, offset: 0 });
    const ref = buildQuery('GET_MANY_REFERENCE', 'wishes', {
      target: 'orgUnitId',
      id: 'u1',
      pagination: { page: 1, perPage: 5 },
      sort: { field: 'createdAt', order: 'ASC' },
      filter: {},
    });
    expect(ref.variables.filter).toEqual({ orgUnitId: 'u1' });
  });

  it('reports a record the server does not show as missing', () => {
    const one = buildQuery('GET_ONE', 'wishes', { id: 'x' });
    expect(one.variables).toEqual({ id: 'x' });
    expect(() => one.parseResponse({ data: { wish: null } })).toThrow('ra.notification.item_doesnt_exist');
  });

  it('creates through the resource mutation and returns the record of its payload', () => {
    const create = buildQuery('CREATE', 'wishes', {
      data: { title: 't', categoryCode: 'repairs', orgUnitId: 'u', residentId: '', extra: 1 },
    });
    expect(print(create.query)).toContain('submitWish(input: $input)');
    expect(create.variables).toEqual({
      input: { description: '', title: 't', categoryCode: 'repairs', orgUnitId: 'u' },
    });
    expect(create.parseResponse({ data: { submitWish: { wish: { id: 'w1' } } } })).toEqual({ data: { id: 'w1' } });
  });

  it('refuses what a resource does not offer, and unknown resources', () => {
    expect(() => buildQuery('DELETE', 'wishes', { id: 'x' })).toThrow(NotSupportedError);
    expect(() => buildQuery('GET_LIST', 'nope', {})).toThrow(NotSupportedError);
  });

  it('drops empty filter values', () => {
    expect(cleanFilter({ a: '', b: [], c: null, d: 0, e: false, f: 'x' })).toEqual({ d: 0, e: false, f: 'x' });
    expect(cleanFilter({ a: '' })).toBeUndefined();
  });

  it('declares list and single queries for every registered resource', () => {
    for (const [name, q] of Object.entries(registry)) {
      // print() wraps a field's arguments onto their own lines past 80 columns (propertyCommitteeList does).
      const flat = (doc: typeof q.list) => print(doc).replace(/\(\s+/g, '(').replace(/\s+/g, ' ');
      expect(flat(q.list), name).toContain(`${q.listField}(filter: $filter`);
      expect(flat(q.one), name).toContain(`${q.oneField}(id: $id)`);
    }
  });
});
