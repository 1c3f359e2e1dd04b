/**
 * One subscriber's live view of one activity: its current state first, then the state read again from
 * the database after each message about it (a sign-up, a cancellation, a check-in, an edit). Messages
 * carry only the activity id, so every replica reads committed counts, whichever replica made the change.
 */
import { asDatabaseUnavailable } from '../db/faults.ts';
import { abortableIterator, Wakeup } from './abortable-iterator.ts';

/** The part of the live hub this stream needs. */
export interface ActivityMessages {
  onActivity(listener: (activityId: number) => void): () => void;
}

interface StreamOptions<T> {
  hub: ActivityMessages;
  activityId: number;
  /** Reads the activity as it is now; null if it is gone. */
  read: () => Promise<T | null>;
}

/** The stream as an iterator that stops listening as soon as the subscriber leaves. */
export function activityIterator<T>(opts: StreamOptions<T>): AsyncIterableIterator<T> {
  return abortableIterator((signal) => activityStream(opts, signal));
}

async function* activityStream<T>(opts: StreamOptions<T>, signal: AbortSignal): AsyncGenerator<T> {
  let pending = 0;
  const wakeup = new Wakeup(signal);
  // Listening first, then the first read: a change committed in between is read again, never lost.
  const off = opts.hub.onActivity((id) => {
    if (id !== opts.activityId) return;
    pending++;
    wakeup.wake();
  });
  try {
    const first = await opts.read();
    if (first !== null) yield first;
    while (!signal.aborted) {
      if (pending === 0) {
        await wakeup.wait();
        continue;
      }
      pending--;
      const current = await opts.read();
      if (current !== null && !signal.aborted) yield current;
    }
  } catch (err) {
    // The database is gone or too slow: SERVICE_UNAVAILABLE, never a driver's message; the client subscribes again.
    throw asDatabaseUnavailable(err) ?? err;
  } finally {
    off();
  }
}
