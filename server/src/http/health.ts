/**
 * Probes for orchestrators and load balancers:
 * - `/healthz` (liveness): the process answers. It touches nothing else, so it answers at once even while the
 *   database is gone — restarting the server would not bring the database back.
 * - `/ready` (readiness): 200 when PostgreSQL (and Redis, when REDIS_URL is set) answer now, 503 while one of
 *   them does not; each is asked with a short timeout, so the probe itself never hangs.
 */
import type http from 'node:http';
import { Redis } from 'ioredis';
import type { DatabaseAvailability } from '../db/availability.ts';

export interface ReadinessOptions {
  database: DatabaseAvailability;
  redisUrl: string | null;
  /** How long Redis may take to answer PING. */
  timeoutMs: number;
}

export interface ReadinessReport {
  ready: boolean;
  database: 'up' | 'down';
  redis: 'up' | 'down' | 'not configured';
}

export class Readiness {
  readonly #options: ReadinessOptions;
  #redis: Redis | null = null;

  constructor(options: ReadinessOptions) {
    this.#options = options;
  }

  async check(): Promise<ReadinessReport> {
    const [database, redis] = await Promise.all([this.#options.database.check(), this.#redisUp()]);
    return {
      ready: database && redis !== false,
      database: database ? 'up' : 'down',
      redis: redis === null ? 'not configured' : redis ? 'up' : 'down',
    };
  }

  async close(): Promise<void> {
    const redis = this.#redis;
    this.#redis = null;
    await redis?.quit().catch(() => redis.disconnect());
  }

  /** null: no Redis configured. */
  async #redisUp(): Promise<boolean | null> {
    const url = this.#options.redisUrl;
    if (!url) return null;
    // A client of its own, that fails fast instead of queueing commands while disconnected.
    if (!this.#redis) {
      this.#redis = new Redis(url, {
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        connectTimeout: this.#options.timeoutMs,
        retryStrategy: () => null,
      });
      this.#redis.on('error', () => undefined);
    }
    const redis = this.#redis;
    let timer: NodeJS.Timeout | null = null;
    try {
      return await Promise.race([
        (async () => {
          if (redis.status === 'wait' || redis.status === 'end' || redis.status === 'close') await redis.connect();
          else if (redis.status !== 'ready') {
            await new Promise<void>((resolve, reject) => {
              redis.once('ready', resolve);
              redis.once('end', () => reject(new Error('no connection')));
            });
          }
          return (await redis.ping()) === 'PONG';
        })(),
        new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), this.#options.timeoutMs);
        }),
      ]);
    } catch {
      return false;
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

/** Answers the probe paths; false for any other path. */
export function serveHealth(url: string, res: http.ServerResponse, readiness: Readiness): boolean {
  const pathname = url.split('?')[0];
  if (pathname === '/healthz') {
    json(res, 200, { status: 'ok' });
    return true;
  }
  if (pathname !== '/ready') return false;
  readiness.check().then(
    (report) =>
      json(res, report.ready ? 200 : 503, {
        status: report.ready ? 'ready' : 'unavailable',
        database: report.database,
        redis: report.redis,
      }),
    () => json(res, 503, { status: 'unavailable' }),
  );
  return true;
}
