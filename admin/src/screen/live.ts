/**
 * The board's WebSocket (graphql-ws): it reconnects by itself forever, resumes the event stream after
 * the last sequence it saw — so nothing is missed across a server restart — and says when the token is
 * refused. A half-open connection (no pong) is closed and reopened.
 */
import { createClient } from 'graphql-ws';
import type { BoardEvent } from './events.ts';
import { WISH_EVENTS } from './queries.ts';

export type LinkState = 'connecting' | 'connected' | 'reconnecting';

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

const FORBIDDEN_CLOSE = 4403;
const PING_EVERY_MS = 10_000;
const PONG_WITHIN_MS = 5_000;

/** Exponential backoff from 1 s, capped at 30 s, with up to 1 s of jitter so screens do not stampede. */
export function retryDelayMs(retries: number, random: () => number = Math.random): number {
  return Math.min(30_000, 1_000 * 2 ** Math.min(retries, 5)) + Math.floor(random() * 1_000);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface GraphQLErrorLike {
  extensions?: { code?: unknown };
}

const refusesToken = (errors: readonly GraphQLErrorLike[] | undefined): boolean =>
  errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED') ?? false;

const isCloseEvent = (value: unknown): value is { code: number } =>
  typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'number';

/** Starts the live stream; the returned function stops it for good. */
export function startLive(options: LiveOptions): () => void {
  const { onEvent, onState, onReconnected, onAuthRefused } = options;
  // graphql-ws sends this very object again when it resubscribes after a reconnect, so keeping
  // afterSequence up to date here makes every resubscription resume where the board left off.
  const variables = { unit: options.unitId, afterSequence: options.afterSequence };
  const payload = { query: WISH_EVENTS, variables };

  let stopped = false;
  let everConnected = false;
  let socket: WebSocket | null = null;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  let resubscribeTimer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe: (() => void) | null = null;
  let failures = 0;

  const refuse = () => {
    if (stopped) return;
    stop();
    onAuthRefused();
  };

  const client = createClient({
    url: options.url,
    connectionParams: { authorization: `Bearer ${options.token}` },
    lazy: false,
    onNonLazyError: () => undefined,
    keepAlive: PING_EVERY_MS,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => sleep(retryDelayMs(retries)),
    on: {
      connecting: () => onState(everConnected ? 'reconnecting' : 'connecting'),
      connected: (connected) => {
        socket = connected as WebSocket;
        const again = everConnected;
        everConnected = true;
        failures = 0;
        onState('connected');
        if (again) onReconnected();
      },
      closed: (event) => {
        socket = null;
        clearTimeout(pongTimer);
        if (isCloseEvent(event) && event.code === FORBIDDEN_CLOSE) return refuse();
        if (!stopped) onState(everConnected ? 'reconnecting' : 'connecting');
      },
      ping: (received) => {
        if (received) return;
        pongTimer = setTimeout(() => {
          // No answer: the connection is dead without knowing it. Closing makes graphql-ws reconnect.
          if (socket?.readyState === WebSocket.OPEN) socket.close(4408, 'Request Timeout');
        }, PONG_WITHIN_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
    },
  });

  // graphql-ws retries the socket by itself; this outer loop also restarts the subscription when the
  // server ends it or reports an error (a fatal close code, a failed replay), so the board never stays dead.
  const subscribe = () => {
    if (stopped) return;
    unsubscribe = client.subscribe<{ wishEvents: BoardEvent }>(payload, {
      next: (message) => {
        if (refusesToken(message.errors)) return refuse();
        const event = message.data?.wishEvents;
        if (!event) return;
        variables.afterSequence = Math.max(variables.afterSequence, event.sequence);
        onEvent(event);
      },
      error: (error) => {
        if (Array.isArray(error) && refusesToken(error)) return refuse();
        if (isCloseEvent(error) && error.code === FORBIDDEN_CLOSE) return refuse();
        again();
      },
      complete: () => again(),
    });
  };
  const again = () => {
    if (stopped) return;
    clearTimeout(resubscribeTimer);
    resubscribeTimer = setTimeout(subscribe, retryDelayMs(failures++));
  };

  function stop() {
    stopped = true;
    clearTimeout(pongTimer);
    clearTimeout(resubscribeTimer);
    unsubscribe?.();
    // dispose() awaits a connection still being made, and rejects when that one was refused.
    Promise.resolve(client.dispose()).catch(() => undefined);
  }

  subscribe();
  return stop;
}
