/**
 * The panel's one WebSocket to the API (graphql-ws on /graphql): it reconnects by itself, tells the UI
 * whether it is live, and hands every wish event the viewer may see to whoever listens. A new token (a
 * different person signed in) gets a new connection.
 */
import { type Client, createClient } from 'graphql-ws';
import { getToken } from '../auth/session.ts';

export type LiveStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface LiveWishEvent {
  sequence: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  at: string;
  wish: { id: string; title: string; status: string };
}

type Listener = () => void;

const WISH_EVENTS = `subscription LiveWishEvents {
  wishEvents { sequence action fromStatus toStatus at wish { id title status } }
}`;

export function liveUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

class Live {
  #client: Client | null = null;
  #token: string | null = null;
  #dispose: (() => void) | null = null;
  #status: LiveStatus = 'offline';
  #everConnected = false;
  readonly #statusListeners = new Set<Listener>();
  readonly #eventListeners = new Set<(event: LiveWishEvent) => void>();
  /** Called after a reconnect: what was missed while offline must be re-read. */
  readonly #resyncListeners = new Set<Listener>();

  get status(): LiveStatus {
    return this.#status;
  }

  #setStatus(status: LiveStatus): void {
    if (status === this.#status) return;
    this.#status = status;
    for (const l of this.#statusListeners) l();
  }

  /** Connects for the signed-in person (or disconnects when nobody is signed in). */
  ensure(): void {
    const token = getToken();
    if (token === this.#token && this.#client) return;
    this.stop();
    this.#token = token;
    if (token === null) return;
    this.#everConnected = false;
    this.#setStatus('connecting');
    const client = createClient({
      url: liveUrl(),
      connectionParams: () => ({ authorization: `Bearer ${getToken() ?? ''}` }),
      lazy: false,
      keepAlive: 15_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: async (retries) => {
        await new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** Math.min(retries, 5))));
      },
      on: {
        connected: () => {
          const wasReconnect = this.#everConnected;
          this.#everConnected = true;
          this.#setStatus('connected');
          if (wasReconnect) for (const l of this.#resyncListeners) l();
        },
        closed: () => this.#setStatus(this.#everConnected ? 'reconnecting' : 'connecting'),
      },
    });
    this.#client = client;
    this.#dispose = client.subscribe<{ wishEvents: LiveWishEvent }>(
      { query: WISH_EVENTS },
      {
        next: (message) => {
          const event = message.data?.wishEvents;
          if (event) for (const l of this.#eventListeners) l(event);
        },
        error: () => this.#setStatus('reconnecting'),
        complete: () => undefined,
      },
    );
  }

  stop(): void {
    this.#dispose?.();
    this.#dispose = null;
    void this.#client?.dispose();
    this.#client = null;
    this.#token = null;
    this.#setStatus('offline');
  }

  onStatus(listener: Listener): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  onWishEvent(listener: (event: LiveWishEvent) => void): () => void {
    this.#eventListeners.add(listener);
    return () => this.#eventListeners.delete(listener);
  }

  onResync(listener: Listener): () => void {
    this.#resyncListeners.add(listener);
    return () => this.#resyncListeners.delete(listener);
  }
}

export const live = new Live();
