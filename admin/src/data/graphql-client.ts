/**
 * Direct GraphQL calls for what is not a react-admin resource call (tab counts, pickers, lifecycle actions),
 * through the same Apollo client and token as the data provider. Documents are the generated typed ones
 * (`graphql(…)`, src/gql/) or, where a document is built at run time, a string.
 */
import { type DocumentNode, gql, type TypedDocumentNode } from '@apollo/client/core';
import { useQuery } from '@tanstack/react-query';
import { createApolloClient } from './apollo-client.ts';

export const apollo = createApolloClient();

type Variables = Record<string, unknown>;

/** A document, typed by its result and variables. */
export type Document<T = unknown, V extends Variables = Variables> = TypedDocumentNode<T, V> | string;

/** The first GraphQL error's message (what the server says), or the error's own. */
export function errorMessage(error: unknown): string {
  const e = error as { graphQLErrors?: { message: string }[]; message?: string };
  return e.graphQLErrors?.[0]?.message ?? e.message ?? String(error);
}

const parsed = new Map<string, DocumentNode>();
const doc = <T, V extends Variables>(document: Document<T, V>): TypedDocumentNode<T, V> => {
  if (typeof document !== 'string') return document;
  let d = parsed.get(document);
  if (!d) {
    d = gql(document);
    parsed.set(document, d);
  }
  return d;
};

export async function gqlQuery<T, V extends Variables = Variables>(
  document: Document<T, V>,
  variables?: V,
): Promise<T> {
  const result = await apollo.query<T, V>({ query: doc(document), variables, fetchPolicy: 'network-only' });
  return result.data;
}

export async function gqlMutate<T, V extends Variables = Variables>(
  document: Document<T, V>,
  variables?: V,
): Promise<T> {
  const result = await apollo.mutate<T, V>({ mutation: doc(document), variables });
  if (!result.data) throw new Error('The server returned no data');
  return result.data;
}

/** A query as react-query state; `key` must change whenever the variables do. */
export function useGql<T, V extends Variables = Variables>(
  key: unknown[],
  document: Document<T, V>,
  variables?: V,
  enabled = true,
) {
  return useQuery({ queryKey: ['gql', ...key], queryFn: () => gqlQuery<T, V>(document, variables), enabled });
}
