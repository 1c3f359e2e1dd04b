// Same origin as the panel and the board: the server serves /admin/, /screen/ and /graphql, and the Vite
// dev server proxies /graphql.
export const GRAPHQL_URL = '/graphql';

/** The WebSocket address of the API (graphql-ws) for the page at `loc`. */
export function graphqlWsUrl(loc: { protocol: string; host: string }): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}${GRAPHQL_URL}`;
}
