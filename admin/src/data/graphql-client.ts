/**
 * Direct GraphQL calls for what is not a react-admin resource call (tab counts, pickers, lifecycle actions),
 * through the same Apollo client and token as the data provider.
 */
import { type DocumentNode, gql } from '@apollo/client/core';
import { useQuery } from '@tanstack/react-query';
import { createApolloClient } from './apollo-client.ts';

export const apollo = createApolloClient();

/** The first GraphQL error's message (what the server says), or the error's own. */
export function errorMessage(error: unknown): string {
  const e = error as { graphQLErrors?: { message: string }[]; message?: string };
  return e.graphQLErrors?.[0]?.message ?? e.message ?? String(error);
}

const documents = new Map<string, DocumentNode>();
const doc = (source: string): DocumentNode => {
  let d = documents.get(source);
  if (!d) {
    d = gql(source);
    documents.set(source, d);
  }
  return d;
};

export async function gqlQuery<T>(source: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await apollo.query<T>({ query: doc(source), variables, fetchPolicy: 'network-only' });
  return result.data;
}

export async function gqlMutate<T>(source: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await apollo.mutate<T>({ mutation: doc(source), variables });
  if (!result.data) throw new Error('The server returned no data');
  return result.data;
}

/** A query as react-query state; `key` must change whenever the variables do. */
export function useGql<T>(key: unknown[], source: string, variables: Record<string, unknown> = {}, enabled = true) {
  return useQuery({ queryKey: ['gql', ...key], queryFn: () => gqlQuery<T>(source, variables), enabled });
}
