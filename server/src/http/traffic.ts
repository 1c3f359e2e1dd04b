/**
 * The front door of every HTTP request and WebSocket: its request id (request-id.ts) in the response header and
 * in the log scope, one pino log line per request (method, path without its query string, status, duration, the
 * GraphQL operation and error codes), the HTTP metrics, /metrics itself (metrics.ts decides who may read it), and
 * the graceful stop: once it began, a new request is answered 503 SERVICE_UNAVAILABLE without running, and a
 * WebSocket upgrade is refused; requests accepted before are counted until answered (shutdown.ts).
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { type Logger, type LogScope, logScope } from '../logger.ts';
import { type Metrics, type MetricsAccess, routeOf, serveMetrics } from './metrics.ts';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id.ts';
import { type Shutdown, STOPPING_MESSAGE } from './shutdown.ts';

/** What is known of the request being handled; the GraphQL plugin adds the operation and the error codes. */
export interface RequestScope extends LogScope {
  transport: 'http' | 'ws';
  operation?: string;
  errors?: string[];
  /** The request turned into a stream (a subscription over HTTP): the stop does not wait for it. */
  stream?: () => void;
}

/** The request (or WebSocket message) being handled, if any. */
export function currentRequest(): RequestScope | undefined {
  return logScope.getStore() as RequestScope | undefined;
}

/** Routes whose requests are logged at debug level: probes, scrapes and the panel's files. */
const QUIET_ROUTES = new Set(['/healthz', '/ready', '/metrics', '/admin', '/screen']);

export interface FrontDoorOptions {
  logger: Logger;
  metrics: Metrics;
  shutdown: Shutdown;
  metricsAccess: MetricsAccess;
}

function refuseWhileStopping(res: http.ServerResponse, requestId: string): void {
  const body = JSON.stringify({
    errors: [{ message: STOPPING_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE', requestId } }],
  });
  res.writeHead(503, {
    'content-type': 'application/json; charset=utf-8',
    'retry-after': '1',
    connection: 'close',
  });
  res.end(body);
}

/** Wraps the app's request handler: see the module comment. */
export function frontDoor(handler: http.RequestListener, options: FrontDoorOptions): http.RequestListener {
  const { logger, metrics, shutdown, metricsAccess } = options;
  // Answers still to come when the stop begins close their connection: no next request is sent on it.
  const answering = new Set<http.ServerResponse>();
  shutdown.onBegin(() => {
    for (const res of answering) if (!res.headersSent) res.setHeader('connection', 'close');
  });
  return (req, res) => {
    const started = performance.now();
    const requestId = requestIdOf(req);
    const route = routeOf(req.url);
    const scope: RequestScope = { requestId, transport: 'http' };
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const refused = shutdown.stopping;
    // A scrape is not work the stop waits for (and would count itself in wishgrid_in_flight).
    const tracked = !refused && route !== '/metrics';
    const release = tracked ? shutdown.trackRequest() : () => undefined;
    scope.stream = release;
    if (tracked) answering.add(res);
    res.once('close', () => {
      release();
      answering.delete(res);
      const seconds = (performance.now() - started) / 1000;
      metrics.observeHttp(route, req.method, res.statusCode, seconds);
      const line = {
        method: req.method,
        path: (req.url ?? '/').split('?')[0]?.slice(0, 200),
        status: res.statusCode,
        durationMs: Math.round(seconds * 10_000) / 10,
        ...(scope.operation ? { operation: scope.operation } : {}),
        ...(scope.errors?.length ? { errors: scope.errors.slice(0, 10) } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      logScope.run(scope, () => {
        if (QUIET_ROUTES.has(route)) logger.debug(line, 'request');
        else logger.info(line, 'request');
      });
    });
    logScope.run(scope, () => {
      if (refused) refuseWhileStopping(res, requestId);
      else if (!serveMetrics(req, res, metrics, metricsAccess)) handler(req, res);
    });
  };
}

/**
 * The WebSocket side of the front door: the upgrade's answer carries the request id, every message of a socket
 * is handled in the socket's log scope, sockets are counted and their closes logged, and once the stop began an
 * upgrade (on a connection kept alive from before) is refused with 503.
 */
export function watchSockets(
  server: http.Server,
  wss: WebSocketServer,
  { logger, metrics, shutdown }: Omit<FrontDoorOptions, 'metricsAccess'>,
): void {
  server.prependListener('upgrade', (_req: http.IncomingMessage, socket: Duplex) => {
    if (!shutdown.stopping) return;
    socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  wss.on('headers', (headers, req) => {
    headers.push(`${REQUEST_ID_HEADER}: ${requestIdOf(req)}`);
  });
  metrics.countSocketsWith(() => wss.clients.size);
  wss.on('connection', (socket, req) => {
    const opened = performance.now();
    const scope: RequestScope = { requestId: requestIdOf(req), transport: 'ws' };
    // Before graphql-ws's own listener: what it does for this message (and logs) belongs to this socket.
    socket.prependListener('message', () => logScope.enterWith(scope));
    logScope.run(scope, () => logger.debug('WebSocket opened'));
    socket.once('close', (code) => {
      metrics.socketClosed(code);
      const seconds = Math.round((performance.now() - opened) / 100) / 10;
      logScope.run(scope, () => logger.info({ code, seconds }, 'WebSocket closed'));
    });
  });
}
