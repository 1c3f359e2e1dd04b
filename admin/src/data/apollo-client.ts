import { ApolloClient, from, HttpLink, InMemoryCache } from '@apollo/client/core';
import { setContext } from '@apollo/client/link/context';
import { getToken } from '../auth/session.ts';
import { GRAPHQL_URL } from './graphql-endpoint.ts';

// The token is read on every request, so signing in or out needs no new client.
const authLink = setContext((_operation, { headers }) => {
  const token = getToken();
  return { headers: token === null ? headers : { ...headers, authorization: `Bearer ${token}` } };
});

export const createApolloClient = (): ApolloClient<unknown> =>
  new ApolloClient({
    link: from([authLink, new HttpLink({ uri: GRAPHQL_URL })]),
    cache: new InMemoryCache(),
  });
