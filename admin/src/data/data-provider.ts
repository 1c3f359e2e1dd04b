import buildGraphQLProvider from 'ra-data-graphql';
import { createApolloClient } from './apollo-client.ts';
import { createBuildQuery } from './build-query.ts';
import { registry } from './registry.ts';

export const createDataProvider = () =>
  buildGraphQLProvider({
    client: createApolloClient(),
    // Introspection is disabled on the production server: the queries are built from our own documents.
    introspection: false,
    buildQuery: createBuildQuery(registry),
  });
