/**
 * The one graphql-ws client set-up of the panel and the display screen (no React here): a socket to
 * /graphql that reconnects by itself forever, says whether it is live, tells when it came back after a drop
 * (what was missed must be re-read), closes a half-open connection whose pong does not come back, and
 * restarts a subscription the server ended or failed. The panel keeps one for the signed-in person
 * (live-client.ts); the board one with its own token (screen/live.ts).
 */
import { createClient } from 'graphql-ws';

export type LinkState = 'connecting' | 'connected' | 'reconnecting';

export interface LiveSocketOptions {
  url: string;
  /** The token, read at each (re)connection */
  token: () => string | null;
  /** How long to wait before the n-th retry (of the socket, or of a subscription that ended) */
  retryDelayMs: (retries: number) => number;
  /** How often to ping the server */
  keepAliveMs: number;
  /** Close and reopen a connection whose pong does not come back within this time */
  pongWithinMs?: number;
  onState: (state: LinkState) => void;
  /** The socket came back after a drop */
  onReconnected?: () => void;
  /**
   * The server refused the token (socket closed 4403, or UNAUTHENTICATED): the socket stops for good. Without
   * this handler a refusal is retried like any other drop.
   */
  onAuthRefused?: () => void;
}

export interface SubscriptionPayload {
  query: string;
  /** Sent again as it is at each resubscription: updating it (e.g. a sequence seen) makes the stream resume. */
  variables?: Record<string, unknown>;
}

export interface LiveSocket {
  /** Runs the subscription until the returned function is called. */
  subscribe<T>(payload: SubscriptionPayload, onData: (data: T) => void): () => void;
  /** Closes the socket for good. */
  stop(): void;
}

const FORBIDDEN_CLOSE = 4403;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface GraphQLErrorLike {
  extensions?: { code?: unknown };
}

const refusesToken = (errors: unknown): boolean =>
  Array.isArray(errors) && errors.some((e: GraphQLErrorLike) => e?.extensions?.code === 'UNAUTHENTICATED');

const isCloseEvent = (value: unknown): value is { code: number } =>
  typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'number';

export function openLiveSocket(options: LiveSocketOptions): LiveSocket {
  const { onState, onReconnected, onAuthRefused, retryDelayMs, pongWithinMs } = options;
  let stopped = false;
  let everConnected = false;
  let socket: WebSocket | null = null;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  const running = new Set<() => void>();

  const refuse = () => {
    if (stopped) return;
    stop();
    onAuthRefused?.();
  };

  const client = createClient({
    url: options.url,
    connectionParams: () => ({ authorization: `Bearer ${options.token() ?? ''}` }),
    lazy: false,
    onNonLazyError: () => undefined,
    keepAlive: options.keepAliveMs,
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
        if (again) onReconnected?.();
      },
      closed: (event) => {
        socket = null;
        clearTimeout(pongTimer);
        if (onAuthRefused && isCloseEvent(event) && event.code === FORBIDDEN_CLOSE) return refuse();
        if (!stopped) onState(everConnected ? 'reconnecting' : 'connecting');
      },
      ping: (received) => {
        if (received || pongWithinMs === undefined) return;
        pongTimer = setTimeout(() => {
          // No answer: the connection is dead without knowing it. Closing makes graphql-ws reconnect.
          if (socket?.readyState === WebSocket.OPEN) socket.close(4408, 'Request Timeout');
        }, pongWithinMs);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
    },
  });

  // graphql-ws resubscribes by itself after a reconnect; this loop also restarts a subscription the server
  // ended or failed (a fatal close code, a failed replay), so nothing stays dead.
  function subscribe<T>(payload: SubscriptionPayload, onData: (data: T) => void): () => void {
    let ended = false;
    let unsubscribe: (() => void) | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const again = () => {
      if (stopped || ended) return;
      clearTimeout(timer);
      timer = setTimeout(start, retryDelayMs(failures++));
    };
    const start = () => {
      if (stopped || ended) return;
      unsubscribe = client.subscribe<T>(payload as { query: string }, {
        next: (message) => {
          if (onAuthRefused && refusesToken(message.errors)) return refuse();
          if (message.data) onData(message.data as T);
        },
        error: (error) => {
          if (onAuthRefused && (refusesToken(error) || (isCloseEvent(error) && error.code === FORBIDDEN_CLOSE))) {
            return refuse();
          }
          again();
        },
        complete: () => again(),
      });
    };
    const end = () => {
      ended = true;
      clearTimeout(timer);
      unsubscribe?.();
      running.delete(end);
    };
    running.add(end);
    start();
    return end;
  }

  function stop() {
    stopped = true;
    clearTimeout(pongTimer);
    for (const end of [...running]) end();
    // dispose() awaits a connection still being made, and rejects when that one was refused.
    Promise.resolve(client.dispose()).catch(() => undefined);
  }

  return { subscribe, stop };
}
