/**
 * What the panel asks the server for each resource, following the API's one list convention:
 * `<name>List(filter, sort, offset, limit) { totalCount nodes }`, `<name>(id)`, and the resource's own
 * mutations. Each resource folder declares its documents; build-query.ts turns react-admin calls into them.
 */
import { type DocumentNode, gql } from '@apollo/client/core';

export type Row = { id: string; [field: string]: unknown };

export interface MutationSpec {
  document: DocumentNode;
  /** The root field of the mutation, e.g. `createOrgUnit`. */
  field: string;
  /** The key of the payload that holds the record, e.g. `orgUnit`. */
  resultKey: string;
  /** react-admin's data (and, for update, the id and the previous data) → the mutation's `input`. */
  toInput: (data: Record<string, unknown>, id?: string, previous?: Record<string, unknown>) => Record<string, unknown>;
}

export interface ResourceQueries {
  listField: string;
  list: DocumentNode;
  oneField: string;
  one: DocumentNode;
  /** react-admin's filter → the list's filter input (default: passed through, empty values dropped). */
  toFilter?: (filter: Record<string, unknown>) => Record<string, unknown>;
  create?: MutationSpec;
  update?: MutationSpec;
  delete?: MutationSpec;
}

/**
 * The list and single-record queries of a resource from one selection of fields.
 * `filterType` is the GraphQL input type of the list's filter (e.g. `OrgUnitListFilter`).
 */
export function resourceQueries(opts: {
  listField: string;
  oneField: string;
  filterType: string;
  /** Fields of a row, e.g. `id name kind parent { id name }`. */
  fields: string;
  /** Extra fields for the show/edit page. */
  detailFields?: string;
  toFilter?: ResourceQueries['toFilter'];
  create?: MutationSpec;
  update?: MutationSpec;
  delete?: MutationSpec;
}): ResourceQueries {
  return {
    listField: opts.listField,
    list: gql(`query ${cap(opts.listField)}($filter: ${opts.filterType}, $sort: ListSort, $offset: Int, $limit: Int) {
      ${opts.listField}(filter: $filter, sort: $sort, offset: $offset, limit: $limit) { totalCount nodes { ${opts.fields} } }
    }`),
    oneField: opts.oneField,
    one: gql(
      `query ${cap(opts.oneField)}One($id: ID!) { ${opts.oneField}(id: $id) { ${opts.fields} ${opts.detailFields ?? ''} } }`,
    ),
    ...(opts.toFilter ? { toFilter: opts.toFilter } : {}),
    ...(opts.create ? { create: opts.create } : {}),
    ...(opts.update ? { update: opts.update } : {}),
    ...(opts.delete ? { delete: opts.delete } : {}),
  };
}

/** A mutation `field(input: $input) { resultKey { fields } }` with the given input type. */
export function mutation(opts: {
  field: string;
  inputType: string;
  resultKey: string;
  fields: string;
  toInput: MutationSpec['toInput'];
}): MutationSpec {
  return {
    document: gql(`mutation ${cap(opts.field)}($input: ${opts.inputType}!) {
      ${opts.field}(input: $input) { ${opts.resultKey} { ${opts.fields} } }
    }`),
    field: opts.field,
    resultKey: opts.resultKey,
    toInput: opts.toInput,
  };
}

const cap = (s: string) => `${s[0]?.toUpperCase() ?? ''}${s.slice(1)}`;

/** Only the keys listed, without undefined and empty-string values (react-admin keeps cleared inputs as ''). */
export function pick(data: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = data[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

/** The keys whose value differs from the previous record: an update sends only what changed. */
export function changed(
  data: Record<string, unknown>,
  previous: Record<string, unknown> | undefined,
  keys: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (!(key in data)) continue;
    const value = data[key] === '' ? null : data[key];
    if (previous === undefined || JSON.stringify(value) !== JSON.stringify(previous[key] ?? null)) out[key] = value;
  }
  return out;
}
