/**
 * The client contract's error codes that the domain decides, in the order they are checked. (The transport's own
 * GRAPHQL_VALIDATION_FAILED, between UNAUTHENTICATED and BAD_USER_INPUT, is decided in graphql/.)
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'INVALID_TRANSITION',
  'CONFLICT',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A failure the client can act on. Mapped to a GraphQL error with `extensions.code` in one place. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
  }

  /** GraphQL copies an original error's `extensions` onto the error it reports. */
  get extensions(): { code: ErrorCode; field?: string } {
    return this.field ? { code: this.code, field: this.field } : { code: this.code };
  }
}

export const unauthenticated = (message = 'Authentication required: send a valid bearer token') =>
  new DomainError('UNAUTHENTICATED', message);
export const badInput = (field: string, message: string) =>
  new DomainError('BAD_USER_INPUT', `${field}: ${message}`, field);
export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const invalidTransition = (message: string) => new DomainError('INVALID_TRANSITION', message);
export const conflict = (message: string) => new DomainError('CONFLICT', message);
