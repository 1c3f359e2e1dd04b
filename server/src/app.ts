/**
 * buildApp(config) → { start, stop }: the whole server (HTTP, WebSocket, database, pub/sub), so tests
 * boot the real thing and main.ts only adds process concerns.
 */

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.ts';
import { ormOptions } from './db/mikro-orm.config.ts';
import { runSweeps } from './domain/sweeps.ts';
import { createHardening, logSocketErrors } from './graphql/hardening.ts';
import { attachGraphqlWs } from './graphql/ws-server.ts';
import { createGraphqlHttp } from './graphql/yoga.ts';
import { serveHealth } from './http/health.ts';
import { serveAdmin } from './http/static-files.ts';
import { createLogger, type Logger } from './logger.ts';
import { WishEventHub } from './realtime/wish-event-hub.ts';

export interface App {
  orm: MikroORM;
  hub: WishEventHub;
  logger: Logger;
  /** Base URL once started, e.g. http://127.0.0.1:4000 */
  url: string;
  start(): Promise<string>;
  stop(): Promise<void>;
}

export interface AppOptions {
  config: Config;
  databaseUrl: string;
  logger?: Logger;
}

export async function buildApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const orm = await MikroORM.init(ormOptions(options.databaseUrl));
  const namespace = new URL(options.databaseUrl).pathname.slice(1) || 'wishgrid';
  const hub = new WishEventHub(config.redisUrl, namespace);
  await hub.ready();
  const hardening = createHardening(config, { namespace, logger });

  const yoga = createGraphqlHttp({ config, logger, orm, hub, plugins: hardening.plugins });

  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (serveHealth(url, res, orm)) return;
    if (url === '/' || url === '') {
      res.writeHead(302, { location: '/admin/' });
      res.end();
      return;
    }
    if (serveAdmin(url, res)) return;
    if (hardening.refuseOversizedRequest(req, res)) return;
    void yoga.handle(req, res);
  });

  const ws = attachGraphqlWs(server, yoga, { config, orm });
  logSocketErrors(ws.wss, logger);

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
    }).catch((err) => logger.error({ err }, 'sweep failed')));
  const app: App = {
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
      if (config.sweepIntervalSeconds > 0) {
        void sweep();
        sweepTimer = setInterval(() => void sweep(), config.sweepIntervalSeconds * 1000);
        sweepTimer.unref();
      }
      return app.url;
    },
    async stop() {
      if (sweepTimer) clearInterval(sweepTimer);
      await sweeping;
      await ws.dispose();
      ws.wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await hub.close();
      await hardening.close();
      await orm.close(true);
    },
  };
  return app;
}
