/**
 * buildApp(config) → { start, stop }: the whole server (HTTP, WebSocket, database, pub/sub), so tests
 * boot the real thing and main.ts only adds process concerns.
 */

import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga, maskError as defaultMaskError } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { type Config, ROOT_DIR } from './config.ts';
import { ormOptions } from './db/mikro-orm.config.ts';
import { authenticate, type TokenCheck } from './domain/auth/auth.service.ts';
import { runSweeps } from './domain/sweeps.ts';
import { WishService } from './domain/wishes/wish.service.ts';
import { useAuthFirst, useInputErrorCodes } from './graphql/auth-first.plugin.ts';
import type { Context } from './graphql/context.ts';
import { domainErrorOf, domainToGraphQLError, isGraphQLError } from './graphql/errors.ts';
import { createHardening, logSocketErrors } from './graphql/hardening.ts';
import { createLoaders } from './graphql/loaders.ts';
import { schema } from './graphql/schema.ts';
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

const ADMIN_DIST = path.join(ROOT_DIR, 'admin/dist');
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/**
 * The built panel at /admin (a single-page app: unknown paths get index.html) and the display screens at
 * /screen/<orgUnitId> (their own page, screen.html). Decoded paths never leave admin/dist.
 */
function serveAdmin(url: string, res: http.ServerResponse): boolean {
  const pathname = url.split('?')[0] ?? '';
  const isScreen = pathname === '/screen' || pathname.startsWith('/screen/');
  if (!pathname.startsWith('/admin') && !isScreen) return false;
  if (!fs.existsSync(ADMIN_DIST)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The admin panel is not built: run `npm run build:admin`.');
    return true;
  }
  let file: string;
  if (isScreen) {
    file = path.join(ADMIN_DIST, 'screen.html');
  } else {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname.replace(/^\/admin\/?/, ''));
    } catch {
      rel = '';
    }
    file = path.normalize(path.join(ADMIN_DIST, rel));
    if (!file.startsWith(ADMIN_DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      file = path.join(ADMIN_DIST, 'index.html');
    }
  }
  if (!fs.existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return true;
  }
  // Hashed assets never change; the pages themselves must be re-read after a deploy.
  const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, {
    'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': cache,
  });
  fs.createReadStream(file).pipe(res);
  return true;
}

export async function buildApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const orm = await MikroORM.init(ormOptions(options.databaseUrl));
  const namespace = new URL(options.databaseUrl).pathname.slice(1) || 'wishgrid';
  const hub = new WishEventHub(config.redisUrl, namespace);
  await hub.ready();
  const hardening = createHardening(config, { namespace, logger });

  const tokenChecks = new WeakMap<Request, TokenCheck>();

  const yoga = createYoga<{ tokenCheck?: TokenCheck; request?: Request }, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: !config.production,
    landingPage: false,
    logging: {
      debug: (...args) => logger.debug({ args }, 'yoga'),
      info: (...args) => logger.info({ args }, 'yoga'),
      warn: (...args) => logger.warn({ args }, 'yoga'),
      // Unexpected errors arrive here unmasked; the client got "Unexpected error."
      error: (err, ...rest) => logger.error({ err, rest }, 'unexpected error'),
    },
    maskedErrors: {
      // Never the original error in a response, whatever NODE_ENV says: it goes to the log only.
      isDev: false,
      maskError(error, message, isDev) {
        const domain = domainErrorOf(error);
        // Returned as it is (it already carries the code), so it is not logged as unexpected.
        if (domain) return isGraphQLError(error) ? error : domainToGraphQLError(domain);
        // Errors the schema raises on purpose (scope-auth, scalars) are GraphQL errors all the way down.
        if (isGraphQLError(error) && (!error.originalError || isGraphQLError(error.originalError))) return error;
        return defaultMaskError(error, message, isDev);
      },
    },
    plugins: [
      useAuthFirst(async (request) => {
        const check = await authenticate(
          orm.em.fork(),
          request.headers.get('authorization'),
          config.displayTokenTtlSeconds,
        );
        tokenChecks.set(request, check);
        return check;
      }),
      useInputErrorCodes(),
      ...hardening.plugins,
    ],
    context: (initial): Context => {
      const request = initial.request;
      const check = initial.tokenCheck ?? (request ? tokenChecks.get(request) : undefined) ?? { kind: 'none' };
      const viewer = check.kind === 'ok' ? check.viewer : null;
      const em = orm.em.fork();
      return {
        em,
        viewer,
        loaders: createLoaders(em),
        wishes: new WishService(em, viewer, (events) => hub.publish(events)),
        hub,
        config,
        authorization: request?.headers.get('authorization') ?? null,
      };
    },
  });

  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/healthz') {
      orm.em
        .fork()
        .execute('select 1')
        .then(
          () => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end('{"status":"ok"}');
          },
          () => {
            res.writeHead(503, { 'content-type': 'application/json' });
            res.end('{"status":"database unavailable"}');
          },
        );
      return;
    }
    if (url === '/' || url === '') {
      res.writeHead(302, { location: '/admin/' });
      res.end();
      return;
    }
    if (serveAdmin(url, res)) return;
    if (hardening.refuseOversizedRequest(req, res)) return;
    void yoga.handle(req, res);
  });

  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: config.wsMaxPayloadBytes });
  const wsServer = useServer<Record<string, unknown>, { tokenCheck?: TokenCheck }>(
    {
      connectionInitWaitTimeout: config.wsConnectionInitTimeoutMs,
      execute: (args) => (args.rootValue as { execute: typeof import('graphql').execute }).execute(args),
      subscribe: (args) => (args.rootValue as { subscribe: typeof import('graphql').subscribe }).subscribe(args),
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.authorization;
        const check = await authenticate(
          orm.em.fork(),
          typeof header === 'string' ? header : null,
          config.displayTokenTtlSeconds,
        );
        if (check.kind !== 'ok') return false; // closes the socket with 4403 Forbidden
        ctx.extra.tokenCheck = check;
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const {
          schema: enveloped,
          execute,
          subscribe,
          contextFactory,
          parse,
          validate,
        } = yoga.getEnveloped({
          ...ctx,
          tokenCheck: ctx.extra.tokenCheck,
          params: payload,
        });
        let document: ReturnType<typeof parse>;
        try {
          document = parse(payload.query);
        } catch (err) {
          const message = err instanceof Error ? err.message : 'Syntax error';
          return [new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })];
        }
        const errors = validate(enveloped, document);
        if (errors.length > 0) return errors;
        return {
          schema: enveloped,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
    },
    wss,
  );
  logSocketErrors(wss, logger);

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
      await wsServer.dispose();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await hub.close();
      await hardening.close();
      await orm.close(true);
    },
  };
  return app;
}
