/**
 * The plumbing every live stream shares: an async generator driven by an AbortSignal, exposed as an iterator
 * whose `return()` also wakes a pending wait (a plain async generator would queue `return()` behind the `next()`
 * that waits for the next message, and never remove its listener), and a wake-up that the message listener pokes.
 */
export function abortableIterator<T>(stream: (signal: AbortSignal) => AsyncGenerator<T>): AsyncIterableIterator<T> {
  const stop = new AbortController();
  const inner = stream(stop.signal);
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

/** A one-slot wake-up: `wait()` resolves at the next `wake()` or when the signal aborts. */
export class Wakeup {
  private resolve: (() => void) | null = null;

  constructor(signal: AbortSignal) {
    signal.addEventListener('abort', () => this.wake(), { once: true });
  }

  wake(): void {
    this.resolve?.();
  }

  async wait(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.resolve = resolve;
    });
    this.resolve = null;
  }
}
