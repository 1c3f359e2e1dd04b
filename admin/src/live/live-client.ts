/**
 * The panel's one WebSocket to the API (live-socket.ts), shared by the lists, the pages and the activities:
 * it tells the UI whether it is live, hands every wish event the viewer may see to whoever listens, and
 * carries each page's own subscriptions (an activity's sign-ups). A new token (a different person signed
 * in) gets a new connection, with the same subscriptions.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { getToken } from '../auth/session.ts';
import { graphqlWsUrl } from '../data/graphql-endpoint.ts';
import { graphql } from '../gql/gql.ts';
import type { LiveWishEventsSubscription } from '../gql/graphql.ts';
import { type LinkState, type LiveSocket, openLiveSocket, type SubscriptionPayload } from './live-socket.ts';

export type LiveStatus = LinkState | 'offline';

export type LiveWishEvent = LiveWishEventsSubscription['wishEvents'];

type Listener = () => void;

const WISH_EVENTS = graphql(`
  subscription LiveWishEvents { wishEvents { sequence action fromStatus toStatus at wish { id title status } } }
`);

/** From half a second up to ten, doubling. */
const retryDelayMs = (retries: number) => Math.min(10_000, 500 * 2 ** Math.min(retries, 5));

interface Subscription {
  payload: SubscriptionPayload;
  onData: (data: unknown) => void;
  end?: () => void;
}

class Live {
  #socket: LiveSocket | null = null;
  #token: string | null = null;
  #status: LiveStatus = 'offline';
  readonly #subscriptions = new Set<Subscription>();
  readonly #statusListeners = new Set<Listener>();
  readonly #eventListeners = new Set<(event: LiveWishEvent) => void>();
  /** Called after a reconnect: what was missed while offline must be re-read. */
  readonly #resyncListeners = new Set<Listener>();

  constructor() {
    this.subscribe(WISH_EVENTS, {}, ({ wishEvents }) => {
      for (const l of this.#eventListeners) l(wishEvents);
    });
  }

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
    if (token === this.#token && this.#socket) return;
    this.stop();
    this.#token = token;
    if (token === null) return;
    this.#setStatus('connecting');
    const socket = openLiveSocket({
      url: graphqlWsUrl(location),
      token: getToken,
      retryDelayMs,
      keepAliveMs: 15_000,
      onState: (state) => this.#setStatus(state),
      onReconnected: () => {
        for (const l of this.#resyncListeners) l();
      },
    });
    this.#socket = socket;
    for (const subscription of this.#subscriptions) this.#start(subscription, socket);
  }

  stop(): void {
    for (const subscription of this.#subscriptions) subscription.end?.();
    this.#socket?.stop();
    this.#socket = null;
    this.#token = null;
    this.#setStatus('offline');
  }

  #start(subscription: Subscription, socket: LiveSocket): void {
    subscription.end = socket.subscribe(subscription.payload, subscription.onData);
  }

  /** A subscription on the shared socket, kept across reconnections, until the returned function is called. */
  subscribe<T, V extends Record<string, unknown>>(
    document: TypedDocumentNode<T, V>,
    variables: V,
    onData: (data: T) => void,
  ): () => void {
    const subscription: Subscription = {
      payload: { query: print(document), variables },
      onData: onData as (data: unknown) => void,
    };
    this.#subscriptions.add(subscription);
    if (this.#socket) this.#start(subscription, this.#socket);
    return () => {
      subscription.end?.();
      this.#subscriptions.delete(subscription);
    };
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
