/**
 * The board's live stream, on the shared live socket (live/live-socket.ts) with the screen's own token: it
 * reconnects by itself forever, resumes the event stream after the last sequence it saw — so nothing is
 * missed across a server restart — and says when the token is refused. A half-open connection (no pong) is
 * closed and reopened.
 */
import { type LinkState, openLiveSocket } from '../live/live-socket.ts';
import type { BoardEvent } from './events.ts';
import { WISH_EVENTS } from './queries.ts';

export type { LinkState };

export interface LiveOptions {
  url: string;
  token: string;
  unitId: string;
  /** Stream the stored events after this one first, then live ones. */
  afterSequence: number;
  onEvent: (event: BoardEvent) => void;
  onState: (state: LinkState) => void;
  /** The socket came back after a drop: figures may have moved meanwhile. */
  onReconnected: () => void;
  /** The server refused the token (socket closed 4403, or UNAUTHENTICATED). */
  onAuthRefused: () => void;
}

const PING_EVERY_MS = 10_000;
const PONG_WITHIN_MS = 5_000;

/** Exponential backoff from 1 s, capped at 30 s, with up to 1 s of jitter so screens do not stampede. */
export function retryDelayMs(retries: number, random: () => number = Math.random): number {
  return Math.min(30_000, 1_000 * 2 ** Math.min(retries, 5)) + Math.floor(random() * 1_000);
}

/** Starts the live stream; the returned function stops it for good. */
export function startLive(options: LiveOptions): () => void {
  const socket = openLiveSocket({
    url: options.url,
    token: () => options.token,
    retryDelayMs: (retries) => retryDelayMs(retries),
    keepAliveMs: PING_EVERY_MS,
    pongWithinMs: PONG_WITHIN_MS,
    onState: options.onState,
    onReconnected: options.onReconnected,
    onAuthRefused: options.onAuthRefused,
  });
  // graphql-ws sends these very variables again when it resubscribes after a reconnect, so keeping
  // afterSequence up to date here makes every resubscription resume where the board left off.
  const variables = { unit: options.unitId, afterSequence: options.afterSequence };
  socket.subscribe<{ wishEvents?: BoardEvent }>({ query: WISH_EVENTS, variables }, ({ wishEvents: event }) => {
    if (!event) return;
    variables.afterSequence = Math.max(variables.afterSequence, event.sequence);
    options.onEvent(event);
  });
  return socket.stop;
}
