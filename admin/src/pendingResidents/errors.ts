/**
 * What the page tells a grid worker when the server refuses: a message of the catalogue by the error's code
 * (the server's own messages are English), never the raw server text.
 */
import { graphQLErrorsOf } from '../auth/graphql-errors.ts';

const KNOWN = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'INVALID_TRANSITION', 'RATE_LIMITED']);

/** The i18n key that explains `error` (wishgrid.pendingResidents.errors.*). */
export function errorKey(error: unknown): string {
  const code = graphQLErrorsOf(error)
    .map((e) => e.extensions?.code)
    .find((c): c is string => typeof c === 'string');
  if (code && KNOWN.has(code)) return `wishgrid.pendingResidents.errors.${code}`;
  if (code === undefined && !graphQLErrorsOf(error).length) return 'wishgrid.pendingResidents.errors.NETWORK';
  return 'wishgrid.pendingResidents.errors.UNKNOWN';
}

/** NOT_FOUND or INVALID_TRANSITION: someone else decided, or the person left the viewer's area; reload the list. */
export const isStale = (error: unknown): boolean =>
  graphQLErrorsOf(error).some((e) => e.extensions?.code === 'NOT_FOUND' || e.extensions?.code === 'INVALID_TRANSITION');
