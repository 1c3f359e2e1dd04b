/**
 * One subscriber's stream of wish events: stored events after `afterSequence` first, then live ones,
 * with no gap and no duplicate at the seam. Events commit in sequence order (see EVENT_ORDER_LOCK), so
 * a live event that skips sequences means the skipped ones are committed but not yet delivered here:
 * they are read from the database before it, and dropped when their own message arrives.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { asDatabaseUnavailable } from '../db/faults.ts';
import { isUnder, type Viewer } from '../domain/auth/viewer.ts';
import type { PublishedWishEvent } from '../domain/wishes/wish.events.ts';
import {
  currentSequence,
  type EventScope,
  visibleEventsBetween,
  type WishEventRecord,
} from '../domain/wishes/wish.queries.ts';
import { canSeeWish } from '../domain/wishes/wish.scope.ts';
import { abortableIterator, Wakeup } from './abortable-iterator.ts';
import type { WishEventHub } from './wish-event-hub.ts';

const REPLAY_PAGE = 500;

interface StreamOptions {
  hub: WishEventHub;
  em: EntityManager;
  viewer: Viewer;
  scope: EventScope;
  afterSequence: number | null;
  /** Called before each event is handed on (the subscriber's loaders forget earlier reads). */
  beforeEach?: () => void;
}

/** The stream as an iterator that stops listening as soon as the subscriber leaves. */
export function wishEventIterator(opts: StreamOptions): AsyncIterableIterator<WishEventRecord> {
  return abortableIterator((signal) => wishEventStream(opts, signal));
}

async function* wishEventStream(opts: StreamOptions, signal: AbortSignal): AsyncGenerator<WishEventRecord> {
  const { hub, em, viewer, scope } = opts;
  const queue: PublishedWishEvent[] = [];
  const wakeup = new Wakeup(signal);
  const off = hub.on((event) => {
    queue.push(event);
    wakeup.wake();
  });
  const matches = (e: PublishedWishEvent) =>
    canSeeWish(viewer, e.facts) &&
    (scope.unitPath === null || isUnder(e.facts.compoundPath, scope.unitPath)) &&
    (scope.wishId === null || scope.wishId === e.wishId);
  try {
    // Subscribed first, then the watermark: whatever commits after it arrives through the queue.
    let last = await currentSequence(em);
    if (opts.afterSequence !== null && opts.afterSequence < last) {
      let from = opts.afterSequence;
      while (from < last) {
        const page = await visibleEventsBetween(em, viewer, scope, from, last, REPLAY_PAGE);
        for (const e of page) {
          opts.beforeEach?.();
          yield e;
        }
        from = page.length === REPLAY_PAGE ? (page[page.length - 1] as WishEventRecord).sequence : last;
      }
    }
    // A client that says it has seen more than is stored (e.g. the database was restored) gets only newer events.
    if (opts.afterSequence !== null && opts.afterSequence > last) last = opts.afterSequence;
    while (!signal.aborted) {
      const event = queue.shift();
      if (!event) {
        await wakeup.wait();
        continue;
      }
      if (event.sequence <= last) continue;
      if (event.sequence > last + 1) {
        for (const missed of await visibleEventsBetween(em, viewer, scope, last, event.sequence - 1, 10_000)) {
          opts.beforeEach?.();
          yield missed;
        }
      }
      last = event.sequence;
      if (matches(event)) {
        const { facts: _facts, ...record } = event;
        opts.beforeEach?.();
        yield record;
      }
    }
  } catch (err) {
    // The database is gone or too slow: the subscriber gets SERVICE_UNAVAILABLE (never a driver's message) and
    // resumes later with the last sequence it saw.
    throw asDatabaseUnavailable(err) ?? err;
  } finally {
    off();
  }
}
