/**
 * The graceful stop and the crash, on the server as a real process (test/support/server-process.ts) over a
 * database of its own. Writes are held in flight by the test: every wish event insert takes the event-order
 * advisory lock, which the test holds from its own connection, so a submitted wish waits inside its transaction
 * until the test lets it go.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from 'graphql-ws';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_ORDER_LOCK } from '../../server/src/domain/wishes/wish.events.ts';
import { DEMO_PASSWORD, LOGIN, postGraphql, wsClient } from '../support/harness.ts';
import { freePort } from '../support/ports.ts';
import { scrape, value } from '../support/prometheus.ts';
import { cloneTemplateDatabase, listening, type ServerProcess, startServerProcess } from '../support/server-process.ts';

const METRICS_TOKEN = 'graceful-stop-test-token';
const SUBMIT = 'mutation Submit($input: SubmitWishInput!) { submitWish(input: $input) { wish { id title } } }';
const wishInput = (title: string) => ({
  input: { title, description: '停机测试', categoryCode: 'repairs' },
});

/** What a client got for one write. */
type Outcome = { ok: true } | { ok: false; code: string | undefined; requestId: unknown } | { lost: string };

async function login(url: string, username: string): Promise<string> {
  const res = await postGraphql(url, { query: LOGIN, variables: { u: username, p: DEMO_PASSWORD } });
  const body = (await res.json()) as { data?: { login: { token: string } } };
  if (!body.data) throw new Error(`login ${username}: ${JSON.stringify(body)}`);
  return body.data.login.token;
}

async function writeOverHttp(url: string, token: string, title: string): Promise<Outcome> {
  try {
    const res = await postGraphql(url, { query: SUBMIT, variables: wishInput(title) }, token);
    const body = (await res.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
    if (!body.errors && body.data) return { ok: true };
    const ext = body.errors?.[0]?.extensions;
    return { ok: false, code: ext?.code as string | undefined, requestId: ext?.requestId };
  } catch (err) {
    return { lost: String((err as Error).cause ?? err) };
  }
}

function writeOverWs(client: Client, title: string): Promise<Outcome> {
  return new Promise((resolve) => {
    let outcome: Outcome = { lost: 'no answer' };
    client.subscribe(
      { query: SUBMIT, variables: wishInput(title) },
      {
        next: (value) => {
          const ext = value.errors?.[0]?.extensions as Record<string, unknown> | undefined;
          outcome = value.errors ? { ok: false, code: ext?.code as string, requestId: ext?.requestId } : { ok: true };
        },
        error: (err) => {
          if (Array.isArray(err)) {
            const ext = err[0]?.extensions as Record<string, unknown> | undefined;
            resolve({ ok: false, code: ext?.code as string, requestId: ext?.requestId });
          } else resolve({ lost: `socket closed (${(err as { code?: number }).code})` });
        },
        complete: () => resolve(outcome),
      },
    );
  });
}

async function until(
  what: string | (() => string),
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${typeof what === 'string' ? what : what()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms / 1000} s`)), ms)),
  ]);

let database: { url: string; drop(): Promise<void> };
let db: pg.Pool;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  database = await cloneTemplateDatabase('wishgrid_stop');
  db = new pg.Pool({ connectionString: database.url, max: 3 });
  db.on('error', () => undefined);
});

/** A test that failed half-way leaves no server behind for the next one. */
afterEach(async (context) => {
  for (const s of servers.splice(0)) {
    if (s.child.exitCode !== null || s.child.signalCode !== null) continue;
    if (context.task.result?.state === 'fail') console.error(s.output().slice(-4000));
    s.child.kill('SIGKILL');
    await s.exited;
  }
});

afterAll(async () => {
  await db?.end();
  await database?.drop();
});

async function start(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess({ DATABASE_URL: database.url, METRICS_TOKEN, ...env });
  servers.push(server);
  return server;
}

/** Holds the event-order lock from a connection of the test's own: every wish write waits for it. */
async function holdWrites(): Promise<() => Promise<void>> {
  const client = await db.connect();
  await client.query('select pg_advisory_lock($1)', [EVENT_ORDER_LOCK]);
  return async () => {
    await client.query('select pg_advisory_unlock($1)', [EVENT_ORDER_LOCK]);
    client.release();
  };
}

const inFlight = async (server: ServerProcess) => {
  const m = await scrape(`${server.url}/metrics`, METRICS_TOKEN);
  return {
    http: value(m, 'wishgrid_in_flight', { transport: 'http' }),
    ws: value(m, 'wishgrid_in_flight', { transport: 'ws' }),
  };
};

async function storedTitles(prefix: string): Promise<string[]> {
  const { rows } = await db.query('select title from wish where title like $1 order by title', [`${prefix}%`]);
  return rows.map((r) => r.title as string);
}

/** Until PostgreSQL has no session left of the given server process's pool (a killed one's die with it). */
const noServerSessions = () =>
  until(
    'the server sessions to end',
    async () => {
      const { rows } = await db.query(
        `select count(*)::int as n from pg_stat_activity
          where datname = current_database() and application_name = 'wishgrid' and pid <> pg_backend_pid()`,
      );
      return rows[0].n === 0;
    },
    15_000,
  );

describe('stopping the server', () => {
  it('SIGTERM with 100 subscribers and 20 writes in flight: every write answered and stored, sockets 1001, exit 0', async () => {
    const port = await freePort();
    // 110 sockets authenticate at once on a loaded CI machine: connection_init may take longer than the default 5 s
    // (a socket closed 4408 before the stop would make this test about something else).
    const server = await start({
      PORT: String(port),
      SHUTDOWN_GRACE_SECONDS: '10',
      WS_CONNECTION_INIT_TIMEOUT_MS: '30000',
    });
    const admin = await login(server.url, 'admin');
    const resident = await login(server.url, 'resident.wenxiangyuan.1');

    const closes: number[] = [];
    const onClosed = { closed: (event: unknown) => void closes.push((event as { code: number }).code) };
    const subscribers = Array.from({ length: 100 }, () => wsClient(server.url, admin, { on: onClosed }));
    const events = subscribers.map(() => 0);
    subscribers.forEach((client, i) => {
      client.subscribe(
        { query: 'subscription { wishEvents { sequence action } }' },
        { next: () => void events[i]!++, error: () => undefined, complete: () => undefined },
      );
    });
    const writers = Array.from({ length: 10 }, () =>
      wsClient(server.url, resident, { lazy: false, onNonLazyError: () => undefined, on: onClosed }),
    );
    let seen = '';
    await until(
      () => `100 subscriptions and 10 writer sockets (last seen: ${seen})`,
      async () => {
        const m = await scrape(`${server.url}/metrics`, METRICS_TOKEN);
        seen = `${value(m, 'wishgrid_graphql_subscriptions', { transport: 'ws' })} subscriptions, ${value(m, 'wishgrid_websocket_connections')} sockets, ${events.reduce((a, b) => a + b, 0)} events, closes [${closes.join(', ')}]`;
        return (
          value(m, 'wishgrid_graphql_subscriptions', { transport: 'ws' }) === 100 &&
          value(m, 'wishgrid_websocket_connections') === 110
        );
      },
      60_000,
    );

    const release = await holdWrites();
    let released = false;
    try {
      const writes = [
        ...Array.from({ length: 10 }, (_, i) => writeOverHttp(server.url, resident, `stop-http-${i}`)),
        ...writers.map((client, i) => writeOverWs(client, `stop-ws-${i}`)),
      ];
      await until(
        '20 writes in flight',
        async () => {
          const n = await inFlight(server);
          return n.http === 10 && n.ws === 10;
        },
        20_000,
      );

      server.child.kill('SIGTERM');
      // The stop has begun once the listener is closed: no new connection is accepted.
      await until('the listener to close', async () => !(await listening(port)), 5_000);
      await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
      // A write arriving now is refused at once, though the database is busy: nothing of it runs.
      const late = await withTimeout(
        Promise.all(writers.slice(0, 5).map((client, i) => writeOverWs(client, `stop-late-${i}`))),
        5_000,
        'the refusals of late writes',
      );
      for (const outcome of late) {
        expect(outcome).toMatchObject({ ok: false, code: 'SERVICE_UNAVAILABLE', requestId: expect.any(String) });
      }

      // The writes in flight were held past the signal; they finish within the grace period.
      await release();
      released = true;
      const outcomes = await withTimeout(Promise.all(writes), 20_000, 'the answers of the writes in flight');
      expect(outcomes, JSON.stringify(outcomes)).toEqual(Array(20).fill({ ok: true }));

      const exit = await withTimeout(server.exited, 30_000, 'the exit');
      expect(exit, server.output().slice(-3000)).toEqual({ code: 0, signal: null });
      await until('110 socket closes', () => closes.length === 110, 10_000);
      expect(new Set(closes)).toEqual(new Set([1001]));

      expect(await storedTitles('stop-')).toEqual(
        [
          ...Array.from({ length: 10 }, (_, i) => `stop-http-${i}`),
          ...Array.from({ length: 10 }, (_, i) => `stop-ws-${i}`),
        ].sort(),
      );
      const logs = server.logs();
      expect(logs.some((l) => l.msg === 'stopping: finishing the work in flight' && l.signal === 'SIGTERM')).toBe(true);
      expect(logs.at(-1)?.msg).toBe('stopped');
      // The subscribers were live to the end: they saw the writes committed during the stop.
      expect(Math.max(...events)).toBeGreaterThan(0);
    } finally {
      if (!released) await release();
      for (const client of [...subscribers, ...writers]) void client.dispose();
    }
  }, 150_000);

  it('kill -9 with a write in flight: nothing of it is stored, and the next start starts on the same port', async () => {
    const port = await freePort();
    const first = await start({ PORT: String(port) });
    const token = await login(first.url, 'resident.wenxiangyuan.1');
    const release = await holdWrites();
    let released = false;
    try {
      const write = writeOverHttp(first.url, token, 'kill-9-write');
      await until('the write in flight', async () => (await inFlight(first)).http === 1, 20_000);
      first.child.kill('SIGKILL');
      expect(await withTimeout(first.exited, 10_000, 'the exit')).toEqual({ code: null, signal: 'SIGKILL' });
      expect(await write).toHaveProperty('lost');
      await release();
      released = true;
    } finally {
      if (!released) await release();
    }
    await noServerSessions();
    expect(await storedTitles('kill-9-')).toEqual([]);

    const next = await start({ PORT: String(port), SHUTDOWN_GRACE_SECONDS: '1' });
    expect((await fetch(`${next.url}/healthz`)).status).toBe(200);
    next.child.kill('SIGTERM');
    expect(await withTimeout(next.exited, 30_000, 'the exit')).toEqual({ code: 0, signal: null });
  }, 150_000);

  it('writes still running when the grace period ends are cut: answered SERVICE_UNAVAILABLE or not at all, never stored', async () => {
    const port = await freePort();
    const server = await start({ PORT: String(port), SHUTDOWN_GRACE_SECONDS: '1' });
    const token = await login(server.url, 'resident.wenxiangyuan.1');
    const release = await holdWrites();
    let released = false;
    try {
      const writes = Array.from({ length: 3 }, (_, i) => writeOverHttp(server.url, token, `grace-over-${i}`));
      await until('3 writes in flight', async () => (await inFlight(server)).http === 3, 20_000);
      const signalled = Date.now();
      server.child.kill('SIGTERM');
      // It does not wait for the database: the grace period (1 s) and the bounded steps after it.
      expect(await withTimeout(server.exited, 15_000, 'the exit')).toEqual({ code: 0, signal: null });
      expect(Date.now() - signalled).toBeLessThan(15_000);
      for (const outcome of await Promise.all(writes)) {
        if ('lost' in outcome) continue;
        expect(outcome).toMatchObject({ ok: false, code: 'SERVICE_UNAVAILABLE' });
      }
      expect(server.logs().some((l) => l.msg === 'grace period over: work in flight cut')).toBe(true);
      // Let PostgreSQL get to the cut transactions: none of them commits.
      await release();
      released = true;
    } finally {
      if (!released) await release();
    }
    await noServerSessions();
    expect(await storedTitles('grace-over-')).toEqual([]);
  }, 150_000);

  it('kill -9 of a server running its embedded PostgreSQL: the next start starts; a SIGTERM stops that PostgreSQL last', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wishgrid-kill9-'));
    fs.chmodSync(dataDir, 0o755);
    const pgPort = await freePort();
    const env = { WISHGRID_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), PORT: String(await freePort()) };
    try {
      const first = await startServerProcess(env, 120_000);
      servers.push(first);
      expect(first.output()).toContain('Using the embedded PostgreSQL');
      first.child.kill('SIGKILL');
      await withTimeout(first.exited, 10_000, 'the exit');

      const next = await startServerProcess(env, 120_000);
      servers.push(next);
      expect((await fetch(`${next.url}/healthz`)).status).toBe(200);
      next.child.kill('SIGTERM');
      expect(await withTimeout(next.exited, 30_000, 'the exit')).toEqual({ code: 0, signal: null });
      expect(await listening(pgPort)).toBe(false);
    } finally {
      // Whatever happened above, no PostgreSQL of this test outlives it.
      const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
      const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
      if (pid > 0) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone already
        }
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
