/** GraphQL side of the list convention (domain/kernel/list.ts): `xxxList(filter, sort, offset, limit) → { totalCount, nodes }`. */
import type { InputObjectRef, ObjectRef, SchemaTypes } from '@pothos/core';
import type { ListArgs } from '../domain/kernel/list.ts';
import { builder } from './builder.ts';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** `sort` of every list: a field of the listed type and an order. */
export const ListSortInput = builder.inputRef<NonNullable<ListArgs['sort']>>('ListSort');

/** Registers SortOrder and ListSort (where the published schema lists them: see types/organisation-and-committees.ts). */
export function registerListSort(): void {
  const SortOrderEnum = builder.enumType('SortOrder', { values: ['ASC', 'DESC'] as const });
  ListSortInput.implement({
    fields: (t) => ({
      field: t.string({ required: true, description: 'A field of the listed type that the list can sort by' }),
      order: t.field({ type: SortOrderEnum, description: 'Default ASC' }),
    }),
  });
}

/** The arguments of a list query: its filter, then sort, offset and limit. */
export function listArgs<Filter>(filter: InputObjectRef<Types, Filter>) {
  return builder.args((t) => ({
    filter: t.field({ type: filter }),
    sort: t.field({ type: ListSortInput }),
    offset: t.int(),
    limit: t.int(),
  }));
}

/** The `<Name>List` page type for a node type. */
export function listPage<T extends SchemaTypes, Node>(name: string, node: ObjectRef<T, Node>) {
  return builder.objectRef<{ totalCount: number; nodes: Node[] }>(`${name}List`).implement({
    description: `A page of ${name} for staff screens`,
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount', { description: 'All matching, across pages' }),
      nodes: t.field({ type: [node], resolve: (p) => p.nodes }),
    }),
  });
}
