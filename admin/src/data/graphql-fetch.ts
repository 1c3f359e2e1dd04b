/**
 * GraphQL over HTTP with plain fetch and a given token: the board's requests (with the screen's own token)
 * and the panel's sign-in. The panel's other requests go through Apollo (graphql-client.ts).
 */
import { GRAPHQL_URL } from './graphql-endpoint.ts';

/** `code`: the server's `extensions.code`, or NETWORK when no GraphQL answer came back. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

/** True when the token is missing, expired or revoked: the board must sign in again. */
export const isAuthError = (error: unknown): boolean => error instanceof ApiError && error.code === 'UNAUTHENTICATED';

export async function request<T>(
  query: string,
  variables: Record<string, unknown>,
  token: string | null,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('network error', 'NETWORK');
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    // Not a GraphQL answer (a proxy's error page, a server being restarted).
    throw new ApiError(`HTTP ${response.status}`, response.status === 401 ? 'UNAUTHENTICATED' : 'NETWORK');
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message ?? 'error', first.extensions?.code ?? 'UNKNOWN');
  if (!body.data) throw new ApiError(`HTTP ${response.status}`, 'NETWORK');
  return body.data;
}
