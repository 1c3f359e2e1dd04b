/** GraphQL side of the list convention (see domain/list.ts): `xxxList(filter, sort, offset, limit) → { totalCount, nodes }`. */
import type { ObjectRef, SchemaTypes } from '@pothos/core';
import { builder } from './builder.ts';

export const SortOrderEnum = builder.enumType('SortOrder', { values: ['ASC', 'DESC'] as const });

export const ListSortInput = builder.inputType('ListSort', {
  fields: (t) => ({
    field: t.string({ required: true, description: 'A field of the listed type that the list can sort by' }),
    order: t.field({ type: SortOrderEnum, description: 'Default ASC' }),
  }),
});

/** The `<Name>List` page type for a node type. */
export function listPage<Types extends SchemaTypes, T>(name: string, node: ObjectRef<Types, T>) {
  return builder.objectRef<{ totalCount: number; nodes: T[] }>(`${name}List`).implement({
    description: `A page of ${name} for staff screens`,
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount', { description: 'All matching, across pages' }),
      nodes: t.field({ type: [node], resolve: (p) => p.nodes }),
    }),
  });
}
