/**
 * WebSockets while the database is gone. Every open socket is closed with 1013 ("Try Again Later", which
 * graphql-ws clients retry) when the database turns unavailable, and a socket opened meanwhile is closed the
 * same way: its subscriptions could not read what they missed, and a client that reconnects with the last
 * `afterSequence` it saw misses nothing. A socket that graphql-ws would close with 4500 (an unexpected error,
 * such as the database failing during connection_init) gets 1013 too when the database is what failed.
 * No close reason carries an internal address or message.
 */
import type { WebSocket, WebSocketServer } from 'ws';
import type { DatabaseAvailability } from '../db/availability.ts';
import { enterUnboundedScope } from '../db/faults.ts';

/** Try Again Later (RFC 6455 registry): the service is overloaded or a backend is down. */
export const UNAVAILABLE_CLOSE_CODE = 1013;
export const UNAVAILABLE_CLOSE_REASON = 'Service unavailable: the database cannot be reached; reconnect later';
const INTERNAL_ERROR_CODE = 4500;
const INTERNAL_ERROR_REASON = 'Internal server error';

/** Reasons that carry an internal detail: an address, a host and port, a system error code, a stack. */
const INTERNAL_DETAIL = /\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\]|\b[\w.-]+:\d{2,5}\b|\bE[A-Z]{4,}\b|\n\s*at\s/;

const closeUnavailable = (close: WebSocket['close']) => close(UNAVAILABLE_CLOSE_CODE, UNAVAILABLE_CLOSE_REASON);

/** See the module comment. Returns a function that stops watching. */
export function endSocketsWhileDatabaseDown(wss: WebSocketServer, database: DatabaseAvailability): () => void {
  const originals = new WeakMap<WebSocket, WebSocket['close']>();
  const onConnection = (socket: WebSocket) => {
    // Each message (an operation) records database failures in a scope of its own, as an HTTP request does.
    socket.prependListener('message', enterUnboundedScope);
    const close = socket.close.bind(socket);
    originals.set(socket, close);
    socket.close = (code?: number, reason?: string | Buffer) => {
      if (code === INTERNAL_ERROR_CODE) {
        // Was it the database? Ask it (a refused connection answers at once).
        void database.check().then(
          (up) => (up ? close(INTERNAL_ERROR_CODE, INTERNAL_ERROR_REASON) : closeUnavailable(close)),
          () => close(INTERNAL_ERROR_CODE, INTERNAL_ERROR_REASON),
        );
        return;
      }
      const text = reason === undefined ? undefined : String(reason);
      close(code, text !== undefined && INTERNAL_DETAIL.test(text) ? '' : text);
    };
    if (!database.available) closeUnavailable(close);
  };
  wss.on('connection', onConnection);
  const off = database.onChange((available) => {
    if (available) return;
    for (const socket of wss.clients) {
      const close = originals.get(socket);
      if (close) closeUnavailable(close);
    }
  });
  return () => {
    wss.off('connection', onConnection);
    off();
  };
}
