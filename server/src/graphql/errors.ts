/** Domain errors become GraphQL errors here, and only here: their code is the contract's `extensions.code`. */
import { GraphQLError } from 'graphql';
import { SERVICE_UNAVAILABLE_MESSAGE } from '../db/faults.ts';
import { DomainError } from '../domain/kernel/errors.ts';

export function domainToGraphQLError(error: DomainError, source?: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: source?.nodes,
    source: source?.source,
    positions: source?.positions,
    path: source?.path,
    originalError: error,
    extensions: { code: error.code, ...(error.field ? { field: error.field } : {}) },
  });
}

/** The DomainError behind a GraphQL error, if any. */
export function domainErrorOf(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  // Not `instanceof GraphQLError`: a dependency may hold another copy of the graphql module.
  const original = error instanceof Error ? (error as { originalError?: unknown }).originalError : undefined;
  return original ? domainErrorOf(original) : null;
}

/** By name, not `instanceof`: a dependency may hold another copy of the graphql module. */
export function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

/** Retry-After of a SERVICE_UNAVAILABLE answer, in seconds. */
const RETRY_AFTER_SECONDS = 5;

/**
 * The database (or another backend) could not be reached in time: the contract's SERVICE_UNAVAILABLE, with HTTP
 * status 503 and a Retry-After header over HTTP. The cause is not told (no address, no driver message).
 */
export function serviceUnavailableError(source?: GraphQLError): GraphQLError {
  return new GraphQLError(SERVICE_UNAVAILABLE_MESSAGE, {
    nodes: source?.nodes,
    source: source?.source,
    positions: source?.positions,
    path: source?.path,
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      retryAfterSeconds: RETRY_AFTER_SECONDS,
      http: { status: 503, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } },
    },
  });
}

/**
 * `isDatabaseUnavailable(error)`: whether an error means the database could not be reached in time;
 * `databaseFailedHere()`: whether the request (or WebSocket message) being handled already found it so, which
 * makes an unexpected error that follows a consequence of it (see db/faults.ts).
 */
export { databaseFailedHere, isDatabaseUnavailable } from '../db/faults.ts';
