/**
 * The graceful stop's state, shared by the HTTP front (traffic.ts), the GraphQL plugin (which refuses WebSocket
 * operations once the stop began) and app.ts's stop(): whether the stop began, and the work in flight — HTTP
 * requests accepted before it, and WebSocket queries and mutations being executed — that it waits for.
 */

/** Answers for what arrives after the stop began: retry on another replica, or on this one once restarted. */
export const STOPPING_MESSAGE = 'The server is shutting down: retry in a moment';

export class Shutdown {
  private began = false;
  private http = 0;
  private operations = 0;
  private readonly waiters = new Set<() => void>();
  private readonly beginListeners: (() => void)[] = [];

  /** True once the stop began: nothing new is accepted. */
  get stopping(): boolean {
    return this.began;
  }

  begin(): void {
    if (this.began) return;
    this.began = true;
    for (const listener of this.beginListeners) listener();
  }

  /** Runs `listener` when the stop begins. */
  onBegin(listener: () => void): void {
    this.beginListeners.push(listener);
  }

  /** HTTP requests and WebSocket operations in flight. */
  get inFlight(): { http: number; ws: number } {
    return { http: this.http, ws: this.operations };
  }

  /** Counts an HTTP request until the returned release is called (once is enough; more calls do nothing). */
  trackRequest(): () => void {
    this.http++;
    return this.release(() => this.http--);
  }

  /** Counts a WebSocket query or mutation until the returned release is called. */
  trackOperation(): () => void {
    this.operations++;
    return this.release(() => this.operations--);
  }

  /** Resolves true when nothing is in flight, or false when `timeoutMs` passed first. */
  async idle(timeoutMs: number): Promise<boolean> {
    if (this.http + this.operations === 0) return true;
    return await new Promise<boolean>((resolve) => {
      const done = (idle: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(idle);
      };
      const wake = () => {
        if (this.http + this.operations === 0) done(true);
      };
      const timer = setTimeout(() => done(false), Math.max(0, timeoutMs));
      this.waiters.add(wake);
    });
  }

  private release(decrement: () => void): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      decrement();
      for (const wake of [...this.waiters]) wake();
    };
  }
}
