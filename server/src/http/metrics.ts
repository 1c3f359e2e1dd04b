/**
 * /metrics in the Prometheus text format (prom-client): HTTP requests, GraphQL operations by name and type,
 * GraphQL errors by `extensions.code`, open WebSockets and subscriptions, the database pool, the delay between an
 * event's commit and its delivery to a subscriber, the work in flight, and the process's own figures.
 *
 * Every label has a bounded set of values: operation names are the contract's (schema/contract/*.graphql) plus
 * the first EXTRA_OPERATION_NAMES others seen, then "other" ("anonymous" when a document names none); error codes
 * outside the known ones are "OTHER"; routes and methods are fixed lists.
 *
 * Access (config): with METRICS_TOKEN, /metrics on the main port answers a request bearing that token (401
 * otherwise); without it, /metrics there is 404. With METRICS_PORT, a second listener on 127.0.0.1 serves /metrics
 * to local clients without a token (a scraper beside the process, or through an SSH tunnel).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { ROOT_DIR } from '../config.ts';
import type { PoolUsage } from '../db/pool.ts';

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const LAG_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];
/** Older events delivered to a subscriber are history being replayed (afterSequence), not a delivery delay. */
const LAG_HORIZON_SECONDS = 600;
/** Well-formed operation names outside the contract that get a label of their own (the panel's among them). */
export const EXTRA_OPERATION_NAMES = 50;

/** The contract's codes, the ones graphql-yoga and graphql-ws use, and the server's own. */
const ERROR_CODES = new Set([
  'UNAUTHENTICATED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'NOT_FOUND',
  'FORBIDDEN',
  'INVALID_TRANSITION',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  'PERSISTED_QUERY_NOT_FOUND',
]);
const METHODS = new Set(['GET', 'POST', 'HEAD', 'OPTIONS']);
const SOCKET_CLOSE_CODES = new Set([1000, 1001, 1006, 1009, 1011, 4400, 4401, 4403, 4408, 4409, 4429, 4500]);

export type Transport = 'http' | 'ws';
export type OperationType = 'query' | 'mutation' | 'subscription';

/** The operation names of the client contract: always labelled as themselves. */
function contractOperationNames(): Set<string> {
  const names = new Set<string>();
  const dir = path.join(ROOT_DIR, 'schema/contract');
  try {
    for (const file of fs.readdirSync(dir)) {
      if (!file.endsWith('.graphql')) continue;
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const m of text.matchAll(/^\s*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/gm)) {
        if (m[1]) names.add(m[1]);
      }
    }
  } catch {
    // No contract folder next to the server (an unusual deployment): names are then taken as they come.
  }
  return names;
}

/** The label of a request path: one of a fixed list. */
export function routeOf(url: string | undefined): string {
  const pathname = (url ?? '/').split('?')[0] ?? '/';
  if (pathname === '/graphql' || pathname === '/healthz' || pathname === '/ready' || pathname === '/metrics') {
    return pathname;
  }
  if (pathname === '/' || pathname === '') return '/';
  for (const prefix of ['/admin', '/screen', '/open311']) {
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) return prefix;
  }
  return 'other';
}

/** Process-wide figures (CPU, memory, event loop, GC): one set per process, however many apps it builds. */
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export interface MetricsSources {
  pool: () => PoolUsage | null;
  inFlight: () => { http: number; ws: number };
}

export class Metrics {
  readonly registry = new Registry();
  private readonly known = contractOperationNames();
  private readonly extra = new Set<string>();
  private sockets: () => number = () => 0;

  private readonly httpRequests = new Counter({
    name: 'wishgrid_http_requests_total',
    help: 'HTTP requests answered, by route, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: 'wishgrid_http_request_duration_seconds',
    help: 'Time from an HTTP request to the end of its response, by route and method',
    labelNames: ['route', 'method'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  private readonly operations = new Counter({
    name: 'wishgrid_graphql_operations_total',
    help: 'GraphQL operations executed (subscriptions: started), by operation name, type, transport and outcome',
    labelNames: ['operation', 'type', 'transport', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly operationDuration = new Histogram({
    name: 'wishgrid_graphql_operation_duration_seconds',
    help: 'Execution time of GraphQL queries and mutations, by operation name, type and transport',
    labelNames: ['operation', 'type', 'transport'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'wishgrid_graphql_errors_total',
    help: 'GraphQL errors sent to clients, by extensions.code and transport',
    labelNames: ['code', 'transport'] as const,
    registers: [this.registry],
  });
  private readonly subscriptions = new Gauge({
    name: 'wishgrid_graphql_subscriptions',
    help: 'GraphQL subscriptions running, by transport',
    labelNames: ['transport'] as const,
    registers: [this.registry],
  });
  private readonly socketCloses = new Counter({
    name: 'wishgrid_websocket_closes_total',
    help: 'WebSocket connections closed, by close code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  private readonly eventLag = new Histogram({
    name: 'wishgrid_event_delivery_lag_seconds',
    help: "Time from a wish event's commit (its `at`) to the moment its message is sent to a subscriber",
    buckets: LAG_BUCKETS,
    registers: [this.registry],
  });

  constructor(sources: MetricsSources) {
    const sockets = () => this.sockets();
    new Gauge({
      name: 'wishgrid_websocket_connections',
      help: 'WebSocket connections open',
      registers: [this.registry],
      collect() {
        this.set(sockets());
      },
    });
    new Gauge({
      name: 'wishgrid_db_pool_connections',
      help: 'Database pool connections: used (lent to an operation), free (idle), pending (awaited or opening)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const usage = sources.pool();
        for (const state of ['used', 'free', 'pending'] as const) this.set({ state }, usage ? usage[state] : 0);
      },
    });
    new Gauge({
      name: 'wishgrid_db_pool_max_connections',
      help: 'Largest number of connections the database pool opens',
      registers: [this.registry],
      collect() {
        this.set(sources.pool()?.max ?? 0);
      },
    });
    new Gauge({
      name: 'wishgrid_in_flight',
      help: 'Work a graceful stop waits for: HTTP requests being answered, WebSocket queries and mutations executing',
      labelNames: ['transport'] as const,
      registers: [this.registry],
      collect() {
        const { http, ws } = sources.inFlight();
        this.set({ transport: 'http' }, http);
        this.set({ transport: 'ws' }, ws);
      },
    });
  }

  /** Where the number of open sockets comes from (the WebSocket server exists after the metrics). */
  countSocketsWith(count: () => number): void {
    this.sockets = count;
  }

  /** The label of an operation name: see the module comment. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.known.has(name) || this.extra.has(name)) return name;
    if (this.extra.size < EXTRA_OPERATION_NAMES && /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) {
      this.extra.add(name);
      return name;
    }
    return 'other';
  }

  observeHttp(route: string, method: string | undefined, status: number, seconds: number): void {
    const m = method && METHODS.has(method) ? method : 'other';
    this.httpRequests.inc({ route, method: m, status: String(status) });
    this.httpDuration.observe({ route, method: m }, seconds);
  }

  observeOperation(
    name: string | null | undefined,
    type: OperationType,
    transport: Transport,
    ok: boolean,
    seconds: number | null,
  ): void {
    const operation = this.operationLabel(name);
    this.operations.inc({ operation, type, transport, outcome: ok ? 'ok' : 'error' });
    if (seconds !== null) this.operationDuration.observe({ operation, type, transport }, seconds);
  }

  countErrors(errors: readonly unknown[], transport: Transport): void {
    for (const error of errors) {
      const code = (error as { extensions?: { code?: unknown } | null } | null)?.extensions?.code;
      this.errors.inc({
        code: typeof code === 'string' ? (ERROR_CODES.has(code) ? code : 'OTHER') : 'NONE',
        transport,
      });
    }
  }

  subscriptionStarted(transport: Transport): () => void {
    this.subscriptions.inc({ transport });
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.subscriptions.dec({ transport });
    };
  }

  socketClosed(code: number): void {
    this.socketCloses.inc({ code: SOCKET_CLOSE_CODES.has(code) ? String(code) : 'other' });
  }

  /** `count` subscribers are sent the event committed at `at` (ISO 8601). */
  eventDelivered(at: string, count = 1): void {
    const seconds = (Date.now() - Date.parse(at)) / 1000;
    if (!Number.isFinite(seconds) || seconds > LAG_HORIZON_SECONDS) return;
    for (let i = 0; i < count; i++) this.eventLag.observe(Math.max(0, seconds));
  }

  async render(): Promise<{ contentType: string; body: string }> {
    const body = `${await processMetrics().metrics()}\n${await this.registry.metrics()}`;
    return { contentType: this.registry.contentType, body };
  }
}

export interface MetricsAccess {
  /** Bearer token for /metrics on the main port; null: /metrics is not served there. */
  token: string | null;
  /** Port of the loopback-only listener; null: none. 0 picks a free one (tests). */
  port: number | null;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether the request bears the token (compared in constant time). */
function bearsToken(req: http.IncomingMessage, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
}

function answer(res: http.ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(`${text}\n`);
}

async function send(metrics: Metrics, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, 'Method not allowed', { allow: 'GET' });
  try {
    const { contentType, body } = await metrics.render();
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    answer(res, 500, 'Metrics could not be collected');
  }
}

/** /metrics on the main port (see the module comment); false for any other path. */
export function serveMetrics(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  metrics: Metrics,
  access: MetricsAccess,
): boolean {
  if (routeOf(req.url) !== '/metrics') return false;
  if (access.token === null) answer(res, 404, 'Not found');
  else if (!bearsToken(req, access.token)) {
    answer(res, 401, 'Send the metrics token as a bearer token', { 'www-authenticate': 'Bearer realm="metrics"' });
  } else void send(metrics, req, res);
  return true;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** The loopback-only listener of METRICS_PORT. Resolves with its port once it listens. */
export async function listenForMetrics(
  metrics: Metrics,
  port: number,
): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (!LOOPBACK.test(req.socket.remoteAddress ?? '')) return answer(res, 403, 'Forbidden');
    if (routeOf(req.url) !== '/metrics') return answer(res, 404, 'Not found');
    void send(metrics, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`Port ${port} (METRICS_PORT) is in use: set METRICS_PORT to a free port`)
          : err,
      ),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
