/**
 * Observability: /metrics (who may read it, and the figures it has), request ids (header, error extensions over
 * HTTP and WebSocket, log lines). The file's harness server runs with the defaults (no /metrics); `observed(...)`
 * starts another server on the same database with a metrics token, a loopback metrics port and captured logs.
 */
import net from 'node:net';
import os from 'node:os';
import pg from 'pg';
import { describe, expect } from 'vitest';
import WebSocket from 'ws';
import { type App, buildApp } from '../../server/src/app.ts';
import { type Config, loadConfig } from '../../server/src/config.ts';
import { EVENT_ORDER_LOCK } from '../../server/src/domain/wishes/wish.events.ts';
import { encodeId } from '../../server/src/graphql/ids.ts';
import { EXTRA_OPERATION_NAMES } from '../../server/src/http/metrics.ts';
import { createLogger } from '../../server/src/logger.ts';
import { postGraphql, subscribe, wsClient } from '../support/harness.ts';
import { harnessTest } from '../support/harness-test.ts';
import { freePort } from '../support/ports.ts';
import { type Sample, scrape, series, value } from '../support/prometheus.ts';

const TOKEN = 'metrics-test-token-0123456789';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SUBMIT = 'mutation Submit($input: SubmitWishInput!) { submitWish(input: $input) { wish { id } } }';
const input = (title: string) => ({ input: { title, description: '指标测试', categoryCode: 'repairs' } });

interface Observed {
  app: App;
  metricsPort: number;
  scrape(): Promise<Sample[]>;
  /** pino's lines so far, parsed. */
  logs(): Record<string, any>[];
}

const it = harnessTest.extend('observed', { scope: 'file' }, ({ h }, { onCleanup }) => {
  const apps: App[] = [];
  onCleanup(async () => {
    for (const app of apps) await app.stop();
  });
  return async (overrides: Partial<Config> = {}): Promise<Observed> => {
    const lines: string[] = [];
    const metricsPort = await freePort();
    const config: Config = {
      ...loadConfig({}),
      port: 0,
      host: '127.0.0.1',
      sweepIntervalSeconds: 0,
      metricsToken: TOKEN,
      metricsPort,
      ...overrides,
    };
    const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
    const app = await buildApp({ config, databaseUrl: h.databaseUrl, logger });
    apps.push(app);
    await app.start();
    return {
      app,
      metricsPort,
      scrape: () => scrape(`${app.url}/metrics`, TOKEN),
      logs: () => lines.map((l) => JSON.parse(l)),
    };
  };
});

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A raw graphql-transport-ws socket (sending `headers` with the upgrade), its messages and its upgrade answer. */
async function rawSocket(url: string, token: string, headers: Record<string, string>) {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', { headers });
  const messages: any[] = [];
  let upgradeHeaders: Record<string, unknown> = {};
  socket.on('upgrade', (res) => {
    upgradeHeaders = res.headers;
  });
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  const acked = Date.now() + 5_000;
  while (!messages.some((m) => m.type === 'connection_ack')) {
    if (Date.now() > acked) throw new Error(`no connection_ack: ${JSON.stringify(messages)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const answer = async (id: string) => {
    const deadline = Date.now() + 5_000;
    while (!messages.some((m) => m.id === id && (m.type === 'error' || m.type === 'complete'))) {
      if (Date.now() > deadline) throw new Error(`no answer to ${id}: ${JSON.stringify(messages)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return messages.filter((m) => m.id === id);
  };
  return {
    socket,
    upgradeHeaders: () => upgradeHeaders,
    async run(id: string, query: string, variables: Record<string, unknown> = {}) {
      socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
      return await answer(id);
    },
  };
}

describe('configuration', () => {
  it('reads METRICS_TOKEN, METRICS_PORT and SHUTDOWN_GRACE_SECONDS, naming a wrong value', () => {
    const defaults = loadConfig({});
    expect(defaults).toMatchObject({ metricsToken: null, metricsPort: null, shutdownGraceSeconds: 10 });
    expect(loadConfig({ METRICS_TOKEN: TOKEN, METRICS_PORT: '9464', SHUTDOWN_GRACE_SECONDS: '30' })).toMatchObject({
      metricsToken: TOKEN,
      metricsPort: 9464,
      shutdownGraceSeconds: 30,
    });
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ METRICS_TOKEN: 'sixteen chars with spaces' })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ METRICS_PORT: 'abc' })).toThrow(/METRICS_PORT/);
    expect(() => loadConfig({ SHUTDOWN_GRACE_SECONDS: '-1' })).toThrow(/SHUTDOWN_GRACE_SECONDS/);
  });
});

describe('/metrics access', () => {
  it('is not served on the main port without a token configured', async ({ h }) => {
    const res = await fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toMatch(/wishgrid_/);
  });

  it('answers only the configured bearer token on the main port', async ({ observed }) => {
    const { app } = await observed();
    const none = await fetch(`${app.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await none.text()).not.toMatch(/wishgrid_/);
    for (const authorization of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `Basic ${TOKEN}`, TOKEN]) {
      expect((await fetch(`${app.url}/metrics`, { headers: { authorization } })).status, authorization).toBe(401);
    }
    const ok = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await ok.text()).toMatch(/^wishgrid_db_pool_connections\{state="used"\} \d+$/m);
  });

  it('serves the loopback listener to local clients without a token, and nothing else there', async ({ observed }) => {
    const { metricsPort } = await observed({ metricsToken: null });
    const local = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(local.status).toBe(200);
    expect(await local.text()).toContain('wishgrid_websocket_connections');
    expect((await fetch(`http://127.0.0.1:${metricsPort}/graphql`)).status).toBe(404);
    // It listens on the loopback interface only: from any other address of this machine there is nobody there.
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (external) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = net.connect(metricsPort, external);
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
      expect(reached, `port ${metricsPort} reachable at ${external}`).toBe(false);
    }
  });
});

describe('/metrics figures', () => {
  it('counts requests and operations by name and type, errors by code; unknown names stay bounded', async ({
    observed,
    world,
  }) => {
    const { app, scrape } = await observed();
    const admin = await world.token('admin');
    // "Submit" is not a contract name: it takes the first label of its own; the Junk names take the others.
    const client = wsClient(app.url, admin);
    const overWs = subscribe(client, SUBMIT, input(''));
    await overWs.until(() => overWs.completed || overWs.errors.length > 0);
    const invalid = subscribe(client, '{ nope }');
    await invalid.until(() => invalid.errors.length > 0);
    await client.dispose();
    for (let i = 0; i < 2; i++) await postGraphql(app.url, { query: 'query Me { me { id } }' }, admin);
    await postGraphql(app.url, { query: '{ me { id } }' }, admin);
    await postGraphql(app.url, { query: '{ nope }' }, admin);
    for (let i = 0; i < EXTRA_OPERATION_NAMES + 10; i++) {
      await postGraphql(app.url, { query: `query Junk${i} { me { id } }` }, admin);
    }

    const m = await scrape();
    const op = (operation: string, type: string, transport: string, outcome = 'ok') =>
      value(m, 'wishgrid_graphql_operations_total', { operation, type, transport, outcome });
    expect(op('Me', 'query', 'http')).toBe(2);
    expect(value(m, 'wishgrid_graphql_operation_duration_seconds_count', { operation: 'Me', type: 'query' })).toBe(2);
    expect(op('anonymous', 'query', 'http')).toBe(1);
    expect(op('Submit', 'mutation', 'ws', 'error')).toBe(1);
    expect(value(m, 'wishgrid_http_requests_total', { route: '/graphql', method: 'POST', status: '200' })).toBe(
      4 + EXTRA_OPERATION_NAMES + 10,
    );
    expect(value(m, 'wishgrid_http_request_duration_seconds_count', { route: '/graphql' })).toBe(
      4 + EXTRA_OPERATION_NAMES + 10,
    );
    // The first EXTRA_OPERATION_NAMES names outside the contract are labelled as themselves, later ones "other".
    const names = new Set(series(m, 'wishgrid_graphql_operations_total').map((s) => s.labels.operation));
    expect([...names].filter((n) => n?.startsWith('Junk'))).toHaveLength(EXTRA_OPERATION_NAMES - 1);
    expect(op('other', 'query', 'http')).toBe(11);
    const errors = (code: string, transport: string) => value(m, 'wishgrid_graphql_errors_total', { code, transport });
    expect(errors('GRAPHQL_VALIDATION_FAILED', 'http')).toBe(1);
    expect(errors('GRAPHQL_VALIDATION_FAILED', 'ws')).toBe(1);
    expect(errors('BAD_USER_INPUT', 'ws')).toBe(1);
    expect(series(m, 'wishgrid_graphql_errors_total').every((s) => /^[A-Z_]+$/.test(s.labels.code ?? ''))).toBe(true);
  });

  it('shows open sockets, subscriptions, the database pool and the work in flight', async ({ observed, world, h }) => {
    const { app, scrape } = await observed();
    const admin = await world.token('admin');
    const clients = Array.from({ length: 3 }, () => wsClient(app.url, admin));
    for (const client of clients) subscribe(client, 'subscription { wishEvents { sequence } }');
    await until('3 subscriptions', async () => {
      const m = await scrape();
      return value(m, 'wishgrid_graphql_subscriptions', { transport: 'ws' }) === 3;
    });
    let m = await scrape();
    expect(value(m, 'wishgrid_websocket_connections')).toBe(3);
    expect(value(m, 'wishgrid_db_pool_max_connections')).toBeGreaterThan(0);

    // A write held inside its transaction uses a pool connection and is in flight.
    const lock = new pg.Client({ connectionString: h.databaseUrl });
    await lock.connect();
    await lock.query('select pg_advisory_lock($1)', [EVENT_ORDER_LOCK]);
    const resident = await world.token('resident.wenxiangyuan.1');
    let write: Promise<Response> | null = null;
    try {
      write = postGraphql(app.url, { query: SUBMIT, variables: input('指标：进行中的写入') }, resident);
      await until('the write in flight', async () => {
        m = await scrape();
        return value(m, 'wishgrid_in_flight', { transport: 'http' }) === 1;
      });
      expect(value(m, 'wishgrid_db_pool_connections', { state: 'used' })).toBeGreaterThanOrEqual(1);
    } finally {
      await lock.query('select pg_advisory_unlock($1)', [EVENT_ORDER_LOCK]);
      await lock.end();
    }
    expect((await (await (write as Promise<Response>)).json()).errors).toBeUndefined();
    m = await scrape();
    expect(value(m, 'wishgrid_in_flight', { transport: 'http' })).toBe(0);
    expect(value(m, 'wishgrid_db_pool_connections', { state: 'used' })).toBe(0);
    expect(value(m, 'wishgrid_db_pool_connections', { state: 'free' })).toBeGreaterThanOrEqual(1);

    for (const client of clients) await client.dispose();
    await until('the sockets to close', async () => {
      m = await scrape();
      return value(m, 'wishgrid_websocket_connections') === 0;
    });
    expect(value(m, 'wishgrid_graphql_subscriptions', { transport: 'ws' })).toBe(0);
    expect(value(m, 'wishgrid_websocket_closes_total', { code: '1000' })).toBe(3);
  });

  it('measures the event lag, commit to delivery, of live events (replayed history is not a lag)', async ({
    observed,
    world,
    h,
  }) => {
    const { app, scrape } = await observed();
    const client = wsClient(app.url, await world.token('admin'));
    // The whole history of a wish of the seed, committed long ago, replayed.
    const { rows } = await h.db.query(
      `select wish_id, count(*)::int as n from wish_event group by wish_id
        having max(at) < now() - interval '1 day' order by wish_id limit 1`,
    );
    const history = subscribe(
      client,
      'subscription($w: ID!) { wishEvents(wishId: $w, afterSequence: 0) { sequence } }',
      {
        w: encodeId('Wish', rows[0].wish_id),
      },
    );
    await history.next(rows[0].n);
    expect(history.items).toHaveLength(rows[0].n);
    const live = subscribe(client, 'subscription { wishEvents { sequence } }');
    await until(
      'the live subscription',
      async () => value(await scrape(), 'wishgrid_graphql_subscriptions', { transport: 'ws' }) === 2,
    );
    expect(value(await scrape(), 'wishgrid_event_delivery_lag_seconds_count')).toBe(0);

    const started = Date.now();
    // Through this server: its live hub is its own (no Redis here).
    const resident = await world.token('resident.wenxiangyuan.1');
    const res = await postGraphql(app.url, { query: SUBMIT, variables: input('指标：事件延迟') }, resident);
    expect((await res.json()).errors).toBeUndefined();
    await live.next(1);
    const bound = (Date.now() - started) / 1000;
    const m = await scrape();
    expect(value(m, 'wishgrid_event_delivery_lag_seconds_count')).toBe(1);
    const lag = value(m, 'wishgrid_event_delivery_lag_seconds_sum');
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThanOrEqual(bound + 1);
    await client.dispose();
  });
});

describe('request ids', () => {
  it('over HTTP: the caller’s well-formed id or a new one, in the header, the errors and the log line', async ({
    observed,
    world,
  }) => {
    const { app, logs } = await observed();
    const authorization = `Bearer ${await world.token('admin')}`;
    const ask = (headers: Record<string, string>) =>
      fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization, ...headers },
        body: JSON.stringify({ query: '{ nope }' }),
      });
    const given = await ask({ 'x-request-id': 'trace-abc.123:7' });
    expect(given.headers.get('x-request-id')).toBe('trace-abc.123:7');
    const body = await given.json();
    expect(body.errors[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      requestId: 'trace-abc.123:7',
    });
    expect(body.errors[0].extensions).not.toHaveProperty('http');

    for (const bad of ['has spaces in it', 'x'.repeat(129), 'new\\nline', '']) {
      const res = await ask({ 'x-request-id': bad });
      const id = res.headers.get('x-request-id');
      expect(id, bad).toMatch(UUID);
      expect((await res.json()).errors[0].extensions.requestId).toBe(id);
    }
    const a = (await ask({})).headers.get('x-request-id');
    const b = (await ask({})).headers.get('x-request-id');
    expect(a).toMatch(UUID);
    expect(b).not.toBe(a);
    // A refused request, outside GraphQL, has one too; a GraphQL request refused before GraphQL runs carries it.
    expect((await fetch(`${app.url}/metrics`)).headers.get('x-request-id')).toMatch(UUID);
    const large = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization, 'x-request-id': 'trace-413' },
      body: JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(70 * 1024) } }),
    });
    expect(large.status).toBe(413);
    expect((await large.json()).errors[0].extensions).toMatchObject({ requestId: 'trace-413' });

    const get = await fetch(`${app.url}/graphql?query=${encodeURIComponent('query Me { me { id } }')}`, {
      headers: { 'x-graphql-csrf': '1', 'x-request-id': 'trace-get-1', authorization },
    });
    expect(get.status).toBe(200);
    await until('the log lines', async () => logs().some((l) => l.requestId === 'trace-get-1'));
    expect(logs().find((l) => l.msg === 'request' && l.requestId === 'trace-abc.123:7')).toMatchObject({
      method: 'POST',
      path: '/graphql',
      status: 200,
      errors: ['GRAPHQL_VALIDATION_FAILED'],
      durationMs: expect.any(Number),
    });
    // The logged path has no query string (it may carry a document or variables).
    expect(logs().find((l) => l.msg === 'request' && l.requestId === 'trace-get-1')).toMatchObject({
      method: 'GET',
      path: '/graphql',
      operation: 'Me',
    });
  });

  it('over the WebSocket: the upgrade’s id, in its answer, in every error sent and in the log lines', async ({
    observed,
    world,
  }) => {
    const { app, logs } = await observed();
    const ws = await rawSocket(app.url, await world.token('resident.wenxiangyuan.1'), { 'x-request-id': 'ws-trace-1' });
    expect(ws.upgradeHeaders()['x-request-id']).toBe('ws-trace-1');

    const [invalid] = await ws.run('1', '{ nope }');
    expect(invalid.type).toBe('error');
    expect(invalid.payload[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', requestId: 'ws-trace-1' });
    expect(invalid.payload[0].extensions).not.toHaveProperty('http');

    const [refused] = await ws.run('2', SUBMIT, input(''));
    expect(refused.type).toBe('next');
    expect(refused.payload.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', requestId: 'ws-trace-1' });

    const [done] = await ws.run('3', 'query Me { me { id } }');
    expect(done.type).toBe('next');
    expect(done.payload.errors).toBeUndefined();

    ws.socket.close(1000);
    await until('the close to be logged', async () =>
      logs().some((l) => l.msg === 'WebSocket closed' && l.requestId === 'ws-trace-1'),
    );
    expect(logs().find((l) => l.msg === 'WebSocket closed' && l.requestId === 'ws-trace-1')).toMatchObject({
      code: 1000,
    });
  });
});
