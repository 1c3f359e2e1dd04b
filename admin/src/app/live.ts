/**
 * The app's live updates on the one graphql-ws client set-up (live/live-socket.ts), with the signed-in
 * token: the wish events the person may see (their wishes, their orders), resumed after a drop from the last
 * sequence seen (`afterSequence`), and their new notifications. After a reconnect the screens re-read what
 * they show (a notification written while offline is not replayed).
 */
import { print } from 'graphql';
import { getToken } from '../auth/session.ts';
import { graphqlWsUrl } from '../data/graphql-endpoint.ts';
import type { AppNotificationsLiveSubscription, AppWishEventsSubscription } from '../gql/graphql.ts';
import { type LinkState, type LiveSocket, openLiveSocket } from '../live/live-socket.ts';
import { APP_NOTIFICATIONS_LIVE, APP_WISH_EVENTS } from './documents.ts';

export type AppWishEvent = AppWishEventsSubscription['wishEvents'];
export type AppNotification = AppNotificationsLiveSubscription['notifications'];
export type LiveState = LinkState | 'offline';

type Listener<T> = (value: T) => void;

const retryDelayMs = (retries: number) =>
  Math.min(10_000, 500 * 2 ** Math.min(retries, 5)) + Math.floor(Math.random() * 300);

class AppLive {
  #socket: LiveSocket | null = null;
  #state: LiveState = 'offline';
  /** Grows at each start and stop: a stopped socket's late news is ignored. */
  #generation = 0;
  readonly #events = new Set<Listener<AppWishEvent>>();
  readonly #notifications = new Set<Listener<AppNotification>>();
  readonly #states = new Set<Listener<LiveState>>();
  readonly #resyncs = new Set<() => void>();

  get state(): LiveState {
    return this.#state;
  }

  #setState(state: LiveState): void {
    this.#state = state;
    for (const l of this.#states) l(state);
  }

  start(onAuthRefused: () => void): void {
    if (this.#socket) return;
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    const socket = openLiveSocket({
      url: graphqlWsUrl(location),
      token: getToken,
      retryDelayMs,
      keepAliveMs: 10_000,
      pongWithinMs: 5_000,
      onState: (state) => {
        if (current()) this.#setState(state);
      },
      onReconnected: () => {
        if (current()) for (const l of this.#resyncs) l();
      },
      onAuthRefused,
    });
    this.#socket = socket;
    // graphql-ws sends these very variables again at each resubscription: the stream resumes after the
    // last event seen.
    const variables: { afterSequence?: number } = {};
    socket.subscribe<AppWishEventsSubscription>({ query: print(APP_WISH_EVENTS), variables }, ({ wishEvents }) => {
      variables.afterSequence = Math.max(variables.afterSequence ?? 0, wishEvents.sequence);
      for (const l of this.#events) l(wishEvents);
    });
    socket.subscribe<AppNotificationsLiveSubscription>(
      { query: print(APP_NOTIFICATIONS_LIVE) },
      ({ notifications }) => {
        for (const l of this.#notifications) l(notifications);
      },
    );
  }

  stop(): void {
    this.#generation += 1;
    this.#socket?.stop();
    this.#socket = null;
    this.#setState('offline');
  }

  onWishEvent(listener: Listener<AppWishEvent>): () => void {
    this.#events.add(listener);
    return () => this.#events.delete(listener);
  }

  onNotification(listener: Listener<AppNotification>): () => void {
    this.#notifications.add(listener);
    return () => this.#notifications.delete(listener);
  }

  onState(listener: Listener<LiveState>): () => void {
    this.#states.add(listener);
    return () => this.#states.delete(listener);
  }

  onResync(listener: () => void): () => void {
    this.#resyncs.add(listener);
    return () => this.#resyncs.delete(listener);
  }
}

export const appLive = new AppLive();
