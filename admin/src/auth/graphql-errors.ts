// Errors reach the panel in several shapes: a raw GraphQL response (login), an ApolloError, or the
// HttpError that ra-data-graphql wraps around either. These helpers read the codes out of all of them.

interface GraphQLErrorLike {
  message?: unknown;
  extensions?: { code?: unknown } | null;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const errorList = (value: unknown): GraphQLErrorLike[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** Every GraphQL error found in `error`, wherever the client library put it. */
export const graphQLErrorsOf = (error: unknown, depth = 0): GraphQLErrorLike[] => {
  // The wrappers nest a few levels at most (HttpError → ApolloError → ServerError → response body).
  if (!isObject(error) || depth > 4) return [];
  return [
    ...(isObject(error.extensions) ? [error as GraphQLErrorLike] : []),
    ...errorList(error.graphQLErrors),
    ...errorList(error.errors),
    ...[error.body, error.networkError, error.result].flatMap((inner) => graphQLErrorsOf(inner, depth + 1)),
  ];
};

export const hasErrorCode = (error: unknown, code: string): boolean =>
  graphQLErrorsOf(error).some((e) => e.extensions?.code === code);

/** True when the server says the token is missing, bad or expired: the panel must sign in again. */
export const isUnauthenticated = (error: unknown): boolean =>
  (isObject(error) && error.status === 401) || hasErrorCode(error, 'UNAUTHENTICATED');
