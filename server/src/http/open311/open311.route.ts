/**
 * Open311 GeoReport v2 at /open311/v2/ (read and write), in JSON and XML: a plain HTTP route that parses the
 * request (./open311.params.ts), calls the domain (domain/open311/) and writes the specification's documents
 * (./open311.documents.ts, ./georeport-format.ts).
 *
 * - `discovery`, `services`, `services/{service_code}`, `requests` (GET; POST with an api_key) and
 *   `requests/{service_request_id}`, each as `.json` or `.xml`.
 * - Language: Simplified Chinese; English with `?locale=en` (any `en…` tag), or when Accept-Language prefers
 *   English to Chinese. `locale` wins over the header.
 * - Errors: GeoReport v2's `[{ code, description }]` (the code is the HTTP status): 400 for a bad parameter, 403 for
 *   a missing, unknown or revoked api_key (or one whose issuer is no longer street staff), 404 for an unknown
 *   endpoint, service, request or compound, 405 for a method an endpoint does not take, 413 for a body over
 *   HTTP_MAX_BODY_BYTES, 429 (with Retry-After) over the rate limit, 503 (with Retry-After) while the database
 *   does not answer. No input yields a 500.
 * - Rate limit: RATE_LIMIT_OPEN311_PER_MINUTE requests a minute per api_key (a request with a valid key counts for
 *   the key, any other for the client's address), counted in Redis when REDIS_URL is set so replicas share it.
 * - CORS: any origin (the data is public; a POST is authorised by its key, never by a cookie).
 */
import type http from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config.ts';
import { databaseFailedHere, isDatabaseUnavailable, SERVICE_UNAVAILABLE_MESSAGE } from '../../db/faults.ts';
import { DomainError } from '../../domain/kernel/errors.ts';
import type { Open311KeyRecord } from '../../domain/open311/open311-key.queries.ts';
import { Open311RequestService } from '../../domain/open311/open311-request.service.ts';
import { forbiddenControl } from '../../graphql/input-text.plugin.ts';
import {
  clientAddress,
  MemoryRateLimitStore,
  type RateLimitStore,
  RedisRateLimitStore,
} from '../../graphql/rate-limit.ts';
import type { Logger } from '../../logger.ts';
import type { WishEventHub } from '../../realtime/wish-event-hub.ts';
import { answerWithinDeadline } from '../deadline.ts';
import { errorDocument, type Format, render } from './georeport-format.ts';
import { type Endpoint, Open311Documents } from './open311.documents.ts';
import { Open311Error, readParams } from './open311.params.ts';

const PREFIX = '/open311/v2/';
const WINDOW_SECONDS = 60;

export interface Open311Options {
  config: Config;
  orm: MikroORM;
  hub: WishEventHub;
  logger: Logger;
  /** The database's name: rate-limit counters of one deployment stay apart from another's in a shared Redis. */
  namespace: string;
}

export interface Open311Route {
  /** Answers (and returns true) for a request under /open311/. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): boolean;
  close(): Promise<void>;
}

interface Route {
  endpoint: Endpoint;
  format: Format;
  /** The service code or request id of `services/{…}` and `requests/{…}`. */
  id?: string;
}

/** The endpoint a path names, or null. */
function routeOf(pathname: string): Route | null {
  if (!pathname.startsWith(PREFIX)) return null;
  const match = /^(discovery|services|requests)(?:\/([^/]+))?\.(json|xml)$/.exec(pathname.slice(PREFIX.length));
  if (!match) return null;
  const name = match[1] as 'discovery' | 'services' | 'requests';
  const rawId = match[2];
  const format = match[3] as Format;
  if (rawId === undefined) return { endpoint: name, format };
  if (name === 'discovery') return null;
  let id: string;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    return null;
  }
  // No service code or request id holds a control character (and PostgreSQL would refuse a NUL).
  if (forbiddenControl(id, false) !== null) return null;
  return { endpoint: name === 'services' ? 'service' : 'request', format, id };
}

/** The root element of each endpoint's XML document. */
const ROOTS: Readonly<Record<Endpoint | 'created', string>> = {
  discovery: 'discovery',
  services: 'services',
  service: 'service_definition',
  requests: 'service_requests',
  request: 'service_requests',
  created: 'service_requests',
};

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, accept, accept-language',
  'access-control-max-age': '600',
};

export function createOpen311({ config, orm, hub, logger, namespace }: Open311Options): Open311Route {
  let storeWarned = 0;
  const store: RateLimitStore = config.redisUrl
    ? new RedisRateLimitStore(config.redisUrl, `wishgrid:${namespace}:open311:`, (err) => {
        if (storeWarned++ % 100 === 0) logger.warn({ err }, 'Open311 rate limit store (Redis) error');
      })
    : new MemoryRateLimitStore();
  const limit = config.rateLimits.open311PerMinute;

  /** Null when the request may go on; else the seconds until the next window. */
  async function overLimit(who: string): Promise<number | null> {
    if (limit <= 0) return null;
    try {
      const { count, resetInSeconds } = await store.hit(who, 1, WINDOW_SECONDS);
      return count > limit ? resetInSeconds : null;
    } catch (err) {
      // Availability over the limit, as for GraphQL.
      logger.warn({ err }, 'Open311 rate limit not checked: the counter store failed');
      return null;
    }
  }

  function send(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    status: number,
    format: Format,
    root: string,
    value: Parameters<typeof render>[2],
    headers: Record<string, string> = {},
  ): void {
    if (res.headersSent || res.writableEnded) return;
    const { body, contentType } = render(format, root, value);
    res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', ...CORS, ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function sendError(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    format: Format,
    status: number,
    description: string,
    headers: Record<string, string> = {},
  ): void {
    send(req, res, status, format, 'errors', errorDocument(status, [description]), headers);
  }

  async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let pathname: string;
    let query: URLSearchParams;
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      pathname = url.pathname;
      query = url.searchParams;
    } catch {
      sendError(req, res, 'json', 400, 'The request URL is malformed');
      return;
    }
    const route = routeOf(pathname);
    const format: Format = route?.format ?? (pathname.endsWith('.xml') ? 'xml' : 'json');
    try {
      if (!route) throw new Open311Error(404, `No Open311 endpoint at ${pathname.slice(0, 100)}`);
      const method = req.method ?? 'GET';
      if (method === 'OPTIONS') {
        res.writeHead(204, CORS);
        res.end();
        return;
      }
      const writable = route.endpoint === 'requests';
      const allowed = writable ? ['GET', 'HEAD', 'POST'] : ['GET', 'HEAD'];
      if (!allowed.includes(method)) {
        sendError(req, res, format, 405, `${method.slice(0, 20)} is not allowed here`, { allow: allowed.join(', ') });
        return;
      }
      const params = await readParams(req, query, method === 'POST', config.httpMaxBodyBytes);
      const em = orm.em.fork();
      const requests = new Open311RequestService(em, (events) => hub.publish(events));

      // The key (if any) first, so a valid one is counted as itself; a bad one is refused after the count.
      const apiKey = params.text('api_key');
      let key: Open311KeyRecord | null = null;
      let keyError: unknown = null;
      if (apiKey !== undefined || method === 'POST') {
        try {
          key = await requests.key(apiKey);
        } catch (err) {
          keyError = err;
        }
      }
      const retryAfter = await overLimit(key ? `key:${key.id}` : `ip:${clientAddress({ req }, config.trustProxy)}`);
      if (retryAfter !== null) {
        sendError(req, res, format, 429, `Too many requests: retry in ${retryAfter} s`, {
          'retry-after': String(retryAfter),
        });
        return;
      }
      if (keyError) throw keyError;

      const documents = new Open311Documents(em, params, {
        baseUrl: baseUrl(req, config.trustProxy),
        acceptLanguage: req.headers['accept-language'],
      });
      if (method === 'POST' && key) {
        const created = await documents.create(requests, key);
        send(req, res, 201, format, ROOTS.created, created);
        return;
      }
      if (key) await requests.noteUse(key);
      const document = await documents.read(route.endpoint, route.id);
      send(req, res, 200, format, ROOTS[route.endpoint], document, { 'content-language': documents.contentLanguage });
    } catch (err) {
      answerError(req, res, format, err);
    }
  }

  function answerError(req: http.IncomingMessage, res: http.ServerResponse, format: Format, err: unknown): void {
    if (err instanceof Open311Error) {
      sendError(req, res, format, err.status, err.message, err.status === 413 ? { connection: 'close' } : {});
    } else if (err instanceof DomainError) {
      sendError(req, res, format, STATUS_OF_CODE[err.code], err.message);
    } else if (isDatabaseUnavailable(err) || databaseFailedHere()) {
      sendError(req, res, format, 503, SERVICE_UNAVAILABLE_MESSAGE, { 'retry-after': '5' });
    } else {
      logger.error({ err }, 'Open311: unexpected error');
      sendError(req, res, format, 500, 'Internal error');
    }
  }

  return {
    handle(req, res) {
      const url = req.url ?? '/';
      if (url !== '/open311' && !url.startsWith('/open311/') && !url.startsWith('/open311?')) return false;
      answerWithinDeadline(res, config.requestTimeoutMs, () => serve(req, res));
      return true;
    },
    close: () => store.close(),
  };
}

const STATUS_OF_CODE: Readonly<Record<DomainError['code'], number>> = {
  // No api_key: the specification answers a create without a valid key with 403.
  UNAUTHENTICATED: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  INVALID_TRANSITION: 400,
  CONFLICT: 400,
};

const HOST = /^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$|^\[[0-9A-Fa-f:.]{2,45}\](:\d{1,5})?$/;

/** The server's own URL as the client reached it (for discovery), or null when the Host header is unusable. */
function baseUrl(req: http.IncomingMessage, trustProxy: boolean): string | null {
  const forwardedHost = trustProxy ? firstValue(req.headers['x-forwarded-host']) : undefined;
  const host = forwardedHost ?? req.headers.host;
  if (!host || !HOST.test(host)) return null;
  const forwardedProto = trustProxy ? firstValue(req.headers['x-forwarded-proto']) : undefined;
  const proto = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : 'http';
  return `${proto}://${host}`;
}

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim() || undefined;
}
