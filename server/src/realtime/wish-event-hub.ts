/**
 * One pub/sub topic for live messages. In one process it is in memory; with REDIS_URL the event target is
 * Redis, so every replica hears every commit. Each process holds a single topic subscription and fans
 * messages out to its local subscribers. Besides wish and activity changes it carries session changes
 * (a logout, a deactivation, a new password, a role change), so every replica closes the affected sockets.
 */
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { SessionChange } from '../domain/auth/sessions.ts';
import type { PublishedWishEvent } from '../domain/wishes/wish.events.ts';

/** What travels between processes. */
export type LiveMessage =
  | { kind: 'wish'; event: PublishedWishEvent }
  /** Sign-up, cancellation or check-in counts of an activity changed. */
  | { kind: 'activity'; activityId: number }
  /** A session ended or its roles changed (published after the commit). */
  | { kind: 'session'; change: SessionChange }
  /** These people have new notifications (committed): their `notifications` streams read them. */
  | { kind: 'notifications'; recipientIds: readonly number[] };

type Topics = Record<string, [LiveMessage]>;
type Listener<T> = (message: T) => void;

export class WishEventHub {
  private readonly wishListeners = new Set<Listener<PublishedWishEvent>>();
  private readonly activityListeners = new Set<Listener<number>>();
  private readonly sessionListeners = new Set<Listener<SessionChange>>();
  private readonly notificationListeners = new Set<Listener<readonly number[]>>();
  private readonly pubsub;
  private readonly iterator: AsyncIterator<LiveMessage>;
  private readonly redis: Redis[] = [];
  private readonly loop: Promise<void>;
  private readonly topic: string;

  /**
   * `namespace` keeps deployments that share one Redis apart: replicas of one database use the same
   * namespace (the database name), so they share messages and nobody else's.
   */
  constructor(redisUrl: string | null, namespace: string) {
    this.topic = `wishgrid:${namespace}:live`;
    if (redisUrl) {
      const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
      const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
      this.redis.push(publishClient, subscribeClient);
      this.pubsub = createPubSub<Topics>({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
    } else {
      this.pubsub = createPubSub<Topics>();
    }
    this.iterator = this.pubsub.subscribe(this.topic)[Symbol.asyncIterator]();
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    while (true) {
      const next = await this.iterator.next();
      if (next.done) return;
      const message = next.value;
      if (message.kind === 'wish') for (const listener of this.wishListeners) listener(message.event);
      else if (message.kind === 'activity') for (const listener of this.activityListeners) listener(message.activityId);
      else if (message.kind === 'session') for (const listener of this.sessionListeners) listener(message.change);
      else if (message.kind === 'notifications')
        for (const listener of this.notificationListeners) listener(message.recipientIds);
    }
  }

  /** Resolves once the topic subscription is live (Redis SUBSCRIBE acknowledged). */
  async ready(): Promise<void> {
    const sub = this.redis[1];
    if (!sub) return;
    for (let i = 0; i < 200; i++) {
      const count = (await this.redis[0]?.call('PUBSUB', 'NUMSUB', this.topic)) as [string, number] | undefined;
      if (count && Number(count[1]) > 0 && sub.status === 'ready') return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('Redis subscription for live events did not become ready');
  }

  publish(events: readonly PublishedWishEvent[]): void {
    for (const { notifiedIds, ...event } of events) {
      this.pubsub.publish(this.topic, { kind: 'wish', event });
      // The notifications the event caused (written in its transaction).
      if (notifiedIds && notifiedIds.length > 0) this.publishNotifications(notifiedIds);
    }
  }

  publishNotifications(recipientIds: readonly number[]): void {
    if (recipientIds.length > 0) this.pubsub.publish(this.topic, { kind: 'notifications', recipientIds });
  }

  publishActivity(activityId: number): void {
    this.pubsub.publish(this.topic, { kind: 'activity', activityId });
  }

  publishSessionChange(change: SessionChange): void {
    this.pubsub.publish(this.topic, { kind: 'session', change });
  }

  on(listener: Listener<PublishedWishEvent>): () => void {
    this.wishListeners.add(listener);
    return () => this.wishListeners.delete(listener);
  }

  onActivity(listener: Listener<number>): () => void {
    this.activityListeners.add(listener);
    return () => this.activityListeners.delete(listener);
  }

  onNotifications(listener: Listener<readonly number[]>): () => void {
    this.notificationListeners.add(listener);
    return () => this.notificationListeners.delete(listener);
  }

  onSessionChange(listener: Listener<SessionChange>): () => void {
    this.sessionListeners.add(listener);
    return () => this.sessionListeners.delete(listener);
  }

  /** Subscribers of wish, activity and notification streams (the transport's own session listener is not counted). */
  listenerCount(): number {
    return this.wishListeners.size + this.activityListeners.size + this.notificationListeners.size;
  }

  async close(): Promise<void> {
    await this.iterator.return?.();
    await this.loop.catch(() => undefined);
    await Promise.all(this.redis.map((r) => r.quit().catch(() => r.disconnect())));
  }
}
