/**
 * One person's live notifications: each notification written for them after the stream started, once, in the
 * order written. Hub messages carry only the recipients' ids, so whichever replica wrote a notification, every
 * replica reads it from the table; the stream reads after the last id it delivered, so a message that arrives
 * twice, or late, delivers nothing twice.
 */
import { asDatabaseUnavailable } from '../db/faults.ts';
import { abortableIterator, Wakeup } from './abortable-iterator.ts';

/** The part of the live hub this stream needs. */
export interface NotificationMessages {
  onNotifications(listener: (recipientIds: readonly number[]) => void): () => void;
}

interface StreamOptions<T extends { id: number }> {
  hub: NotificationMessages;
  recipientId: number;
  /** The newest notification id of the recipient now (the stream starts after it). */
  lastId: () => Promise<number>;
  /** The recipient's notifications after an id, oldest first. */
  after: (id: number) => Promise<T[]>;
}

export function notificationIterator<T extends { id: number }>(opts: StreamOptions<T>): AsyncIterableIterator<T> {
  return abortableIterator((signal) => notificationStream(opts, signal));
}

async function* notificationStream<T extends { id: number }>(
  opts: StreamOptions<T>,
  signal: AbortSignal,
): AsyncGenerator<T> {
  // The starting point first, then listening, then one read after it: whatever was committed in between is read
  // then, and everything later is announced. (Subscribers are live once the hub counts their listener.)
  let cursor: number;
  try {
    cursor = await opts.lastId();
  } catch (err) {
    throw asDatabaseUnavailable(err) ?? err;
  }
  let pending = true;
  const wakeup = new Wakeup(signal);
  const off = opts.hub.onNotifications((ids) => {
    if (!ids.includes(opts.recipientId)) return;
    pending = true;
    wakeup.wake();
  });
  try {
    while (!signal.aborted) {
      if (!pending) {
        await wakeup.wait();
        continue;
      }
      pending = false;
      // Everything after the cursor, page by page (a burst of notifications is read in few statements).
      for (;;) {
        const batch = await opts.after(cursor);
        for (const item of batch) {
          if (signal.aborted) return;
          cursor = item.id;
          yield item;
        }
        if (batch.length === 0 || signal.aborted) break;
      }
    }
  } catch (err) {
    throw asDatabaseUnavailable(err) ?? err;
  } finally {
    off();
  }
}
