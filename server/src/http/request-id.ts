/**
 * Every request has an id: the caller's `x-request-id` when it is well-formed (a proxy or a client that already
 * named the request), otherwise a new UUID. It is sent back in the `x-request-id` response header (on the
 * WebSocket upgrade too), carried by every log line written while the request is handled (logger.ts's logScope),
 * and put into `extensions.requestId` of every GraphQL error the client receives, over HTTP and WebSocket. A
 * WebSocket's operations share the id of the socket's upgrade request.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { GraphQLFormattedError } from 'graphql';
import { logScope } from '../logger.ts';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Letters, digits and `._:-`, 1 to 128 of them: safe in a header, a log line and a label. */
const WELL_FORMED = /^[A-Za-z0-9._:-]{1,128}$/;

const ids = new WeakMap<IncomingMessage, string>();

/** The request's id: the one it came with when well-formed, else a new one; the same on every call. */
export function requestIdOf(req: IncomingMessage): string {
  let id = ids.get(req);
  if (id === undefined) {
    const header = req.headers[REQUEST_ID_HEADER];
    const given = Array.isArray(header) ? header[0] : header;
    id = given !== undefined && WELL_FORMED.test(given) ? given : randomUUID();
    ids.set(req, id);
  }
  return id;
}

/** The id of the request (or WebSocket message) being handled now, for answers written outside GraphQL. */
export function currentRequestId(): string | undefined {
  return logScope.getStore()?.requestId;
}

interface ErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
  toJSON?: () => GraphQLFormattedError;
}

/**
 * The error as a WebSocket client will see it (graphql's toJSON when it has one), with `extensions.requestId`,
 * and without the extensions that only steer the HTTP answer (`http`: its status; `unexpected`), as yoga drops
 * them from HTTP answers.
 */
export function withRequestId(error: ErrorLike, requestId: string): GraphQLFormattedError {
  const formatted = (typeof error.toJSON === 'function' ? error.toJSON() : error) as GraphQLFormattedError;
  const { http: _http, unexpected: _unexpected, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions: { ...extensions, requestId } };
}
