/**
 * Whether PostgreSQL answers now, known without waiting for a request: a probe (`select 1` on a connection of
 * its own, outside the pool) every second, and at once when a statement found the database unreachable.
 * `/ready` asks it; the WebSocket server ends open subscriptions when it turns unavailable.
 *
 * A refused or broken connection counts at once; probes that only time out count from the third in a row (a busy
 * machine may be slow for a moment without the database being gone).
 */
import pg from 'pg';
import { asDatabaseUnavailable } from './faults.ts';

export interface AvailabilityOptions {
  /** A probe without an answer by then has failed. */
  probeTimeoutMs: number;
  /** Between background probes; 0: no background probes (only `check()`). */
  intervalMs: number;
  log?: { info(msg: string): void; warn(msg: string): void };
}

type Listener = (available: boolean) => void;

/** Probes in a row without an answer in time that make the database unavailable. */
const SLOW_PROBES_TO_FAIL = 3;

export class DatabaseAvailability {
  readonly #url: string;
  readonly #options: AvailabilityOptions;
  readonly #listeners = new Set<Listener>();
  #available = true;
  #slowProbes = 0;
  #client: pg.Client | null = null;
  #inflight: Promise<boolean> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;
  #lastReport = 0;
  #unreported = 0;

  constructor(url: string, options: AvailabilityOptions) {
    this.#url = url;
    this.#options = options;
  }

  /** The latest verdict (true until a probe says otherwise). */
  get available(): boolean {
    return this.#available;
  }

  onChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  start(): void {
    if (this.#timer || this.#options.intervalMs <= 0) return;
    this.#timer = setInterval(() => void this.check(), this.#options.intervalMs);
    this.#timer.unref();
    void this.check();
  }

  /**
   * A statement found the database unreachable or too slow: logged (at most every 10 s, with how many
   * followed), and probed now rather than at the next tick.
   */
  suspect(reason: string): void {
    if (this.#closed) return;
    const now = Date.now();
    if (now - this.#lastReport >= 10_000) {
      const more = this.#unreported > 0 ? ` (and ${this.#unreported} more since the last report)` : '';
      this.#options.log?.warn(`A database statement failed: ${reason}${more}`);
      this.#lastReport = now;
      this.#unreported = 0;
    } else {
      this.#unreported++;
    }
    void this.check();
  }

  /** Probes now (one probe at a time: concurrent callers share it) and returns the verdict. */
  check(): Promise<boolean> {
    if (this.#closed) return Promise.resolve(false);
    this.#inflight ??= this.#probe().finally(() => {
      this.#inflight = null;
    });
    return this.#inflight;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#inflight?.catch(() => undefined);
    this.#drop();
    this.#listeners.clear();
  }

  async #probe(): Promise<boolean> {
    let outcome: 'up' | 'down' | 'slow';
    try {
      outcome = (await this.#select1()) ? 'up' : 'slow';
    } catch (err) {
      outcome = 'down';
      if (!asDatabaseUnavailable(err)) this.#options.log?.warn(`database probe failed: ${(err as Error).message}`);
    }
    if (outcome !== 'up') this.#drop();
    this.#slowProbes = outcome === 'slow' ? this.#slowProbes + 1 : 0;
    const available =
      outcome === 'up' || (outcome === 'slow' && this.#slowProbes < SLOW_PROBES_TO_FAIL && this.#available);
    if (!this.#closed) this.#set(available);
    return outcome === 'up';
  }

  /** True when answered in time, false when not; throws when the connection failed. */
  async #select1(): Promise<boolean> {
    const timeoutMs = this.#options.probeTimeoutMs;
    let timer: NodeJS.Timeout | null = null;
    const late = new Promise<false>((resolve) => {
      // An answer already read off the socket wins over a timer that fired late (I/O before setImmediate).
      timer = setTimeout(() => setImmediate(() => resolve(false)), timeoutMs);
    });
    const answer = (async () => {
      if (!this.#client) {
        const client = new pg.Client({
          connectionString: this.#url,
          connectionTimeoutMillis: timeoutMs,
          application_name: 'wishgrid-probe',
        });
        client.on('error', () => undefined);
        this.#client = client;
        await client.connect();
      }
      await this.#client.query('select 1');
      return true as const;
    })();
    answer.catch(() => undefined);
    try {
      return await Promise.race([answer, late]);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  #drop(): void {
    const client = this.#client as (pg.Client & { connection?: { stream?: { destroy(): void } } }) | null;
    this.#client = null;
    client?.connection?.stream?.destroy();
    client?.end().catch(() => undefined);
  }

  #set(available: boolean): void {
    if (available === this.#available) return;
    this.#available = available;
    if (available) this.#options.log?.info('The database is reachable again');
    else this.#options.log?.warn('The database is unreachable or does not answer in time');
    for (const listener of this.#listeners) listener(available);
  }
}
