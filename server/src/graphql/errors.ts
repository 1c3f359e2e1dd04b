/** Domain errors become GraphQL errors here, and only here: their code is the contract's `extensions.code`. */
import { GraphQLError } from 'graphql';
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
