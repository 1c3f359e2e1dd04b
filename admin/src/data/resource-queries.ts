/**
 * What the panel asks the server for each resource, following the API's one list convention:
 * `<name>List(filter, sort, offset, limit) { totalCount nodes }`, `<name>(id)`, and the resource's own
 * mutations. Each resource folder declares its documents; build-query.ts turns react-admin calls into them.
 */
import { type DocumentNode, gql } from '@apollo/client/core';
import { Kind } from 'graphql';

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

/** The name of the fragment a fragment document (from `graphql(…)`) defines first. */
function fragmentName(fragment: DocumentNode): string {
  const definition = fragment.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  if (!definition) throw new Error('Not a fragment document (run `npm run codegen`?)');
  return definition.name.value;
}

/** `...Row ...Detail`: the selection of the given fragments. */
const spreads = (fragments: readonly DocumentNode[]) => fragments.map((f) => `...${fragmentName(f)}`).join(' ');

/** The operation in `source` with the definitions of the fragments it spreads (each once). */
function withFragments(source: string, fragments: readonly DocumentNode[]): DocumentNode {
  const operation = gql(source);
  const definitions = [...operation.definitions];
  const names = new Set<string>();
  for (const definition of fragments.flatMap((f) => f.definitions)) {
    if (definition.kind !== Kind.FRAGMENT_DEFINITION || names.has(definition.name.value)) continue;
    names.add(definition.name.value);
    definitions.push(definition);
  }
  return { ...operation, definitions };
}

/**
 * The list and single-record queries of a resource from its fragments (generated types: src/gql/).
 * `filterType` is the GraphQL input type of the list's filter (e.g. `OrgUnitListFilter`).
 */
export function resourceQueries(opts: {
  listField: string;
  oneField: string;
  filterType: string;
  /** The fields of a row, e.g. `graphql('fragment OrgUnitRow on OrgUnit { id name … }')`. */
  row: DocumentNode;
  /** Extra fields for the show/edit page. */
  detail?: DocumentNode;
  toFilter?: ResourceQueries['toFilter'];
  create?: MutationSpec;
  update?: MutationSpec;
  delete?: MutationSpec;
}): ResourceQueries {
  const record = opts.detail ? [opts.row, opts.detail] : [opts.row];
  return {
    listField: opts.listField,
    list: withFragments(
      `query ${cap(opts.listField)}($filter: ${opts.filterType}, $sort: ListSort, $offset: Int, $limit: Int) {
        ${opts.listField}(filter: $filter, sort: $sort, offset: $offset, limit: $limit) { totalCount nodes { ${spreads([opts.row])} } }
      }`,
      [opts.row],
    ),
    oneField: opts.oneField,
    one: withFragments(
      `query ${cap(opts.oneField)}One($id: ID!) { ${opts.oneField}(id: $id) { ${spreads(record)} } }`,
      record,
    ),
    ...(opts.toFilter ? { toFilter: opts.toFilter } : {}),
    ...(opts.create ? { create: opts.create } : {}),
    ...(opts.update ? { update: opts.update } : {}),
    ...(opts.delete ? { delete: opts.delete } : {}),
  };
}

/**
 * A mutation `field(input: $input) { resultKey { …fragments } }` (its input type is the API's
 * `<Field>Input`); without fragments, the payload's `deletedId` (a delete: the data provider then answers
 * `{ id }`, all react-admin needs).
 */
export function mutation(opts: {
  field: string;
  resultKey: string;
  fragments?: readonly DocumentNode[];
  toInput: MutationSpec['toInput'];
}): MutationSpec {
  const fragments = opts.fragments ?? [];
  const selection = fragments.length > 0 ? `${opts.resultKey} { ${spreads(fragments)} }` : 'deletedId';
  const name = cap(opts.field);
  return {
    document: withFragments(
      `mutation ${name}($input: ${name}Input!) { ${opts.field}(input: $input) { ${selection} } }`,
      fragments,
    ),
    field: opts.field,
    resultKey: opts.resultKey,
    toInput: opts.toInput,
  };
}

/** What a versioned update sends besides its changes: the version read (a concurrent edit is refused). */
export const expectedVersion = (previous: Record<string, unknown> | undefined): { expectedVersion?: number } =>
  typeof previous?.version === 'number' ? { expectedVersion: previous.version } : {};

type Data = Record<string, unknown>;

/**
 * The usual update: the record's id (as `idKey`), what changed among the `editable` keys, and the version
 * read. `asInput` first turns a record as the form holds it into the input's names (`brand.id` → `brandId`).
 */
export function updateMutation(opts: {
  field: string;
  resultKey: string;
  fragments: readonly DocumentNode[];
  idKey?: string;
  editable: readonly string[] | ((data: Data, previous: Data | undefined) => readonly string[]);
  asInput?: (data: Data) => Data;
}): MutationSpec {
  const { idKey = 'id', editable, asInput = (data: Data) => data } = opts;
  return mutation({
    ...opts,
    toInput: (data, id, previous) => ({
      [idKey]: id,
      ...expectedVersion(previous),
      ...changed(
        asInput(data),
        previous && asInput(previous),
        typeof editable === 'function' ? editable(data, previous) : editable,
      ),
    }),
  });
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
