/**
 * One subscriber's live view of one activity: its current state first, then the state read again from
 * the database after each message about it (a sign-up, a cancellation, a check-in, an edit). Messages
 * carry only the activity id, so every replica reads committed counts, whichever replica made the change.
 */

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

/**
 * The stream as an iterator whose `return()` also wakes a pending wait: a plain async generator would
 * queue `return()` behind the `next()` that waits for the next message, and never remove its listener.
 */
export function activityIterator<T>(opts: StreamOptions<T>): AsyncIterableIterator<T> {
  const stop = new AbortController();
  const inner = activityStream(opts, stop.signal);
  return {
    next: () => inner.next(),
    return: async (value?: unknown) => {
      stop.abort();
      return inner.return(value as T);
    },
    throw: async (error?: unknown) => {
      stop.abort();
      return inner.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

async function* activityStream<T>(opts: StreamOptions<T>, signal: AbortSignal): AsyncGenerator<T> {
  let pending = 0;
  let wake: (() => void) | null = null;
  // Listening first, then the first read: a change committed in between is read again, never lost.
  const off = opts.hub.onActivity((id) => {
    if (id !== opts.activityId) return;
    pending++;
    wake?.();
  });
  signal.addEventListener('abort', () => wake?.(), { once: true });
  try {
    const first = await opts.read();
    if (first !== null) yield first;
    while (!signal.aborted) {
      if (pending === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
        continue;
      }
      pending--;
      const current = await opts.read();
      if (current !== null && !signal.aborted) yield current;
    }
  } finally {
    off();
  }
}
