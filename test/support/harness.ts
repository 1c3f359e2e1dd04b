/**
 * A real server for one test file: its own database cloned from the seeded template, the app on a
 * random port, HTTP through fetch and WebSocket through graphql-ws.
 */
import { type Client, createClient } from 'graphql-ws';
import pg from 'pg';
import { inject } from 'vitest';
import WebSocket from 'ws';
import { type App, buildApp } from '../../server/src/app.ts';
import { type Config, loadConfig } from '../../server/src/config.ts';
import { createLogger } from '../../server/src/logger.ts';
import { withDatabase } from './db-url.ts';

export const DEMO_PASSWORD = 'wishgrid-demo';
/** The login mutation as a client sends it: variables `u` (username) and `p` (password). */
export const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';

export interface GqlError {
  message: string;
  extensions?: { code?: string; field?: string };
}
export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: GqlError[];
}
/** The code and the field of a result's first error (undefined when it has none). */
export const errorCode = (res: GqlResult) => res.errors?.[0]?.extensions?.code;
export const errorField = (res: GqlResult) => res.errors?.[0]?.extensions?.field;

export interface GraphqlRequest {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** One GraphQL request POSTed as JSON to the server at `url`, with a bearer token when given. */
export function postGraphql(url: string, request: GraphqlRequest, token?: string | null): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(request),
  });
}

/** A lazy graphql-ws client of the server at `url`, authenticated by `token` in connection_init. */
export function wsClient(
  url: string,
  token: string | null,
  extra: Partial<Parameters<typeof createClient>[0]> = {},
): Client {
  return createClient({
    url: `${url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
    ...extra,
  });
}

/** One operation's outcome as the tests read it (errors keep every extension the server sent). */
export interface OperationResult {
  data?: any;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

/**
 * One operation over graphql-ws: its single (last) result, or the errors it was refused with; a socket closed
 * instead becomes one error naming the close code and reason.
 */
export async function wsOperation(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<OperationResult> {
  const client = wsClient(url, token);
  try {
    return await new Promise<OperationResult>((resolve) => {
      let result: OperationResult = {};
      client.subscribe(
        { query, variables },
        {
          next: (value) => {
            result = value as OperationResult;
          },
          error: (err) => {
            const close = err as { code?: number; reason?: string };
            resolve({
              errors: Array.isArray(err) ? err : [{ message: `socket closed: ${close.code} ${close.reason ?? ''}` }],
            });
          },
          complete: () => resolve(result),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

/** The close code of a raw graphql-transport-ws socket after `act` (which may send nothing at all). */
export function closeCode(url: string, act: (socket: WebSocket) => void = () => undefined) {
  return new Promise<{ code: number; ms: number }>((resolve, reject) => {
    const started = Date.now();
    const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    socket.on('open', () => act(socket));
    socket.on('close', (code) => resolve({ code, ms: Date.now() - started }));
    socket.on('error', reject);
  });
}

export interface HarnessOptions {
  /** Share live events (and rate limits) through this Redis. */
  redisUrl?: string | null;
  /** Serve this existing database (another harness's) instead of a fresh clone of the template. */
  databaseName?: string;
  /** Settings that differ from the defaults (e.g. a short token lifetime). */
  config?: Partial<Config>;
}

export interface Harness {
  app: App;
  url: string;
  databaseUrl: string;
  db: pg.Pool;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResult<T>>;
  /** Runs one named operation of a multi-operation document (a contract document, as written). */
  operation<T = any>(
    document: string,
    operationName: string,
    variables: Record<string, unknown>,
    token: string | null,
  ): Promise<GqlResult<T>>;
  login(username: string): Promise<string>;
  /** The newest event sequence: subscribe with it as afterSequence and nothing after it can be missed. */
  lastSequence(): Promise<number>;
  ws(token: string | null, extra?: Partial<Parameters<typeof createClient>[0]>): Client;
  stop(): Promise<void>;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const server = inject('pgServerUrl');
  const template = inject('templateDatabase');
  const name = opts.databaseName ?? `wishgrid_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const owner = !opts.databaseName;
  if (owner) {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
  }
  const databaseUrl = withDatabase(server, name);
  // No background sweeps: a test decides when time passes.
  const config = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    redisUrl: opts.redisUrl ?? null,
    sweepIntervalSeconds: 0,
    ...opts.config,
  };
  const app = await buildApp({ config, databaseUrl, logger: createLogger('silent') });
  const url = await app.start();
  const db = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  // An idle connection may be cut by a test that terminates backends: the pool drops it, nothing else to do.
  db.on('error', () => undefined);
  const tokens = new Map<string, string>();

  const harness: Harness = {
    app,
    url,
    databaseUrl,
    db,
    gql: (query, variables, token) => harness.operation(query, '', variables ?? {}, token ?? null),
    async operation(document, operationName, variables, token) {
      const request = { query: document, variables, ...(operationName ? { operationName } : {}) };
      return (await (await postGraphql(url, request, token)).json()) as GqlResult<any>;
    },
    async login(username) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const result = await harness.gql<{ login: { token: string } }>(LOGIN, { u: username, p: DEMO_PASSWORD });
      const token = result.data?.login.token;
      if (!token) throw new Error(`login ${username} failed: ${JSON.stringify(result.errors)}`);
      tokens.set(username, token);
      return token;
    },
    async lastSequence() {
      const { rows } = await db.query('select coalesce(max(sequence), 0)::int as s from wish_event');
      return rows[0].s as number;
    },
    ws: (token, extra = {}) => wsClient(url, token, extra),
    async stop() {
      await app.stop();
      await db.end();
      if (owner) {
        const admin = new pg.Client({ connectionString: server });
        await admin.connect();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
  };
  return harness;
}

/**
 * Collects a subscription's messages (of one named operation of the document, when given); `next(n)` awaits
 * the first n with a timeout instead of sleeping.
 */
export function subscribe<T = any>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
  operationName?: string,
) {
  const items: T[] = [];
  const errors: any[] = [];
  let waiters: (() => void)[] = [];
  let completed = false;
  const notify = () => {
    for (const w of waiters) w();
    waiters = [];
  };
  const dispose = client.subscribe<T>(
    { query, variables, ...(operationName ? { operationName } : {}) },
    {
      next: (value) => {
        if (value.errors) errors.push(...value.errors);
        if (value.data) items.push(value.data as T);
        notify();
      },
      error: (err) => {
        errors.push(err);
        notify();
      },
      complete: () => {
        completed = true;
        notify();
      },
    },
  );
  return {
    items,
    errors,
    get completed() {
      return completed;
    },
    dispose,
    async until(predicate: () => boolean, timeoutMs = 5_000, what = 'subscription messages'): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(`timed out waiting for ${what} (have ${items.length}, errors ${JSON.stringify(errors)})`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
    },
    async next(count: number, timeoutMs = 5_000): Promise<T[]> {
      await this.until(() => items.length >= count || errors.length > 0 || completed, timeoutMs);
      return items.slice(0, count);
    },
  };
}
