// Same origin as the panel: the server serves /admin/ and /graphql, and the Vite dev server proxies /graphql.
export const GRAPHQL_URL = '/graphql';
