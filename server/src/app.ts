/**
 * buildApp(config) → { start, stop }: the whole server (HTTP, WebSocket, database, pub/sub), so tests
 * boot the real thing and main.ts only adds process concerns.
 */

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.ts';
import { DatabaseAvailability } from './db/availability.ts';
import { ormOptions } from './db/mikro-orm.config.ts';
import { cutConnectionsInUse, poolUsage } from './db/pool.ts';
import { runSweeps } from './domain/sweeps.ts';
import { carriesCsrfHeader, createHardening, logSocketErrors } from './graphql/hardening.ts';
import { observeGraphqlWs, useObservability } from './graphql/metrics.plugin.ts';
import { endSocketsWhileDatabaseDown } from './graphql/ws-faults.ts';
import { attachGraphqlWs } from './graphql/ws-server.ts';
import { createGraphqlHttp } from './graphql/yoga.ts';
import { answerWithinDeadline } from './http/deadline.ts';
import { Readiness, serveHealth } from './http/health.ts';
import { listenForMetrics, Metrics } from './http/metrics.ts';
import { createOpen311 } from './http/open311/open311.route.ts';
import { photoRoute } from './http/photos.ts';
import { Shutdown } from './http/shutdown.ts';
import { serveAdmin } from './http/static-files.ts';
import { frontDoor, watchSockets } from './http/traffic.ts';
import { isUploadRequest, receiveUpload } from './http/uploads.ts';
import { createLogger, type Logger } from './logger.ts';
import { DeliveryWorker } from './notify/delivery-worker.ts';
import { WishEventHub } from './realtime/wish-event-hub.ts';
import { closePhotoStorage, photoStorageFor } from './storage/photo-storage.ts';

export interface App {
  orm: MikroORM;
  hub: WishEventHub;
  logger: Logger;
  /** Base URL once started, e.g. http://127.0.0.1:4000 */
  url: string;
  start(): Promise<string>;
  /** Grouped `wishEvents` subscribers over graphql-ws now: how many groups, how many subscribers. */
  liveGroups(): { groups: number; subscribers: number };
  /**
   * The graceful stop: nothing new is accepted (HTTP requests get 503, WebSocket operations SERVICE_UNAVAILABLE),
   * what is in flight may finish for `graceMs` (default SHUTDOWN_GRACE_SECONDS), then sockets close with 1001.
   */
  stop(options?: { graceMs?: number }): Promise<void>;
}

export interface AppOptions {
  config: Config;
  databaseUrl: string;
  logger?: Logger;
}

export async function buildApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  // Whether PostgreSQL answers now (for /ready and open WebSockets); statements that find it gone say so at once.
  const database = new DatabaseAvailability(options.databaseUrl, {
    probeTimeoutMs: Math.min(3_000, config.database.connectTimeoutMs),
    intervalMs: 1_000,
    log: { info: (m) => logger.info(m), warn: (m) => logger.warn(m) },
  });
  const orm = await MikroORM.init(
    ormOptions(options.databaseUrl, {}, { limits: config.database, onUnavailable: (why) => database.suspect(why) }),
  );
  const readiness = new Readiness({ database, redisUrl: config.redisUrl, timeoutMs: 2_000 });
  const namespace = new URL(options.databaseUrl).pathname.slice(1) || 'wishgrid';
  const hub = new WishEventHub(config.redisUrl, namespace);
  await hub.ready();
  const hardening = createHardening(config, { namespace, logger });
  // Open311 GeoReport v2 at /open311/v2/ (its own errors, body limit and per-key rate limit).
  const open311 = createOpen311({ config, orm, hub, logger, namespace });

  const shutdown = new Shutdown();
  const metrics = new Metrics({ pool: () => poolUsage(orm), inFlight: () => shutdown.inFlight });
  const observed = { logger, metrics, shutdown };
  const plugins = [useObservability(observed), ...hardening.plugins];
  const yoga = createGraphqlHttp({ config, logger, orm, hub, plugins });
  // Photos: the storage every replica shares (or this server's disk), and their signed URLs under /photos/.
  const photoStorage = () => photoStorageFor(config.photoStorage);
  const photos = photoRoute({ orm, storage: photoStorage, logger });

  const metricsAccess = { token: config.metricsToken, port: config.metricsPort };
  let metricsListener: { close(): Promise<void> } | null = null;
  const handle: http.RequestListener = (req, res) => {
    const url = req.url ?? '/';
    if (serveHealth(url, res, readiness)) return;
    if (url === '/' || url === '') {
      res.writeHead(302, { location: '/admin/' });
      res.end();
      return;
    }
    if (serveAdmin(url, res)) return;
    if (photos.serve(req, res)) return;
    if (open311.handle(req, res)) return;
    if (hardening.refuseOversizedRequest(req, res)) return;
    const answer = () => answerWithinDeadline(res, config.requestTimeoutMs, () => yoga.handle(req, res));
    // A photo upload's deadline starts once its body is here (it arrives at the pace of the client's network).
    if (isUploadRequest(req) && carriesCsrfHeader(req)) {
      receiveUpload(req, res, answer);
      return;
    }
    answer();
  };
  const server = http.createServer(frontDoor(handle, { ...observed, metricsAccess }));

  const ws = attachGraphqlWs(server, yoga, {
    config,
    orm,
    hub,
    logger,
    observe: observeGraphqlWs(observed),
    delivered: (at, count) => metrics.eventDelivered(at, count),
  });
  logSocketErrors(ws.wss, logger);
  watchSockets(server, ws.wss, observed);
  endSocketsWhileDatabaseDown(ws.wss, database);
  // External delivery of notifications (the outbox), through the channels configured (NOTIFY_WEBHOOK_URL).
  const deliveries = new DeliveryWorker({ orm, config: config.notify, logger, metrics });

  let sweepTimer: NodeJS.Timeout | null = null;
  // Wishes resolved long ago close themselves, finished activities settle their no-shows, basic points
  // of the year are credited. Runs at start, then every SWEEP_INTERVAL_SECONDS.
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = () =>
    (sweeping = runSweeps(orm.em.fork(), {
      now: new Date(),
      autoCloseDays: config.autoCloseDays,
      finishAfterHours: 24,
      publishWish: (events) => hub.publish(events),
      publishActivity: (id) => hub.publishActivity(id),
      publishNotifications: (ids) => hub.publishNotifications(ids),
      photoStorage: photoStorage(),
    }).catch((err) => logger.error({ err }, 'sweep failed')));
  let stopped: Promise<void> | null = null;
  /** See App.stop. Every step is bounded in time; the order is the point. */
  async function stopGracefully(graceMs: number): Promise<void> {
    const graceEnds = Date.now() + graceMs;
    const left = () => Math.max(0, graceEnds - Date.now());
    // 1. Nothing new: the listener closes (idle kept-alive connections with it), later requests on a connection
    //    kept alive get 503, WebSocket upgrades and operations are refused, no sweep starts.
    shutdown.begin();
    if (sweepTimer) clearInterval(sweepTimer);
    const deliveriesStopped = deliveries.stop(graceMs);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const idleConnections = setInterval(() => server.closeIdleConnections(), 100);
    // 2. What is in flight finishes within the grace period: HTTP requests, WebSocket queries and mutations, a sweep.
    const finished = (await shutdown.idle(left())) && (await within(sweeping, left()));
    if (!finished) {
      // Their clients get no answer from here on, so what they asked for must not commit later: the database
      // connections they use are cut (their transactions roll back); whatever error comes of it is still sent.
      const cut = cutConnectionsInUse(orm);
      logger.warn({ inFlight: shutdown.inFlight, connectionsCut: cut }, 'grace period over: work in flight cut');
      await shutdown.idle(1_000);
    }
    // The last answers and events are written before the close frames (graphql-ws sends them a few ticks later).
    await pause(100);
    clearInterval(idleConnections);
    // 3. Sockets close with 1001 Going Away; a peer that does not answer the close is cut after 2 s.
    await within(ws.dispose(), 2_000);
    for (const socket of ws.wss.clients) socket.terminate();
    server.closeAllConnections();
    await closed;
    await metricsListener?.close();
    await within(sweeping, 2_000);
    await within(deliveriesStopped, 5_000);
    await hub.close();
    await hardening.close();
    await open311.close();
    closePhotoStorage(config.photoStorage);
    await database.close();
    await readiness.close();
    if (!(await within(orm.close(true), 5_000))) logger.warn('the database pool did not close in 5 s');
  }

  const app: App = {
    liveGroups: () => ws.groups.stats(),
    orm,
    hub,
    logger,
    url: '',
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', (err: NodeJS.ErrnoException) =>
          reject(
            err.code === 'EADDRINUSE'
              ? new Error(`Port ${config.port} is in use: stop what listens there or set PORT to a free port`)
              : err,
          ),
        );
        server.listen(config.port, config.host, () => resolve());
      });
      const { port } = server.address() as AddressInfo;
      app.url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
      if (metricsAccess.port !== null) metricsListener = await listenForMetrics(metrics, metricsAccess.port);
      database.start();
      await deliveries.start();
      if (config.sweepIntervalSeconds > 0) {
        void sweep();
        sweepTimer = setInterval(() => void sweep(), config.sweepIntervalSeconds * 1000);
        sweepTimer.unref();
      }
      return app.url;
    },
    stop(options = {}) {
      stopped ??= stopGracefully(options.graceMs ?? config.shutdownGraceSeconds * 1000);
      return stopped;
    },
  };
  return app;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Whether `promise` settled within `ms` (a rejection counts as settled; it is not this function's to report). */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const settled = promise.then(
    () => true as const,
    () => true as const,
  );
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
