/**
 * The API's enums come from the schema (generated: src/gql/graphql.ts). How the panel orders and labels
 * them is data keyed by those generated types: a `Record<Enum, …>` does not compile until a new value has
 * its entry.
 */

/** The values of an enum in display order: `{ A: 2, B: 1 }` → `['B', 'A']`. */
export function inOrder<T extends string>(rank: Readonly<Record<T, number>>): T[] {
  return (Object.keys(rank) as T[]).sort((a, b) => rank[a] - rank[b]);
}

/** Choices for SelectInput/SelectField, each labelled by the i18n key `<prefix>.<value>`. */
export function enumChoices<T extends string>(values: readonly T[], prefix: string): { id: T; name: string }[] {
  return values.map((id) => ({ id, name: `${prefix}.${id}` }));
}
