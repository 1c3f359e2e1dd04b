/**
 * Faults of PostgreSQL, for real: a dedicated embedded PostgreSQL (see support/fault-server.ts) is killed with
 * SIGKILL and stopped with SIGSTOP under load, with requests, /ready probes and subscribers running.
 *
 * - kill -9: /ready says 503 within 5 s; requests get SERVICE_UNAVAILABLE (HTTP 503) without hanging; the server
 *   starts its PostgreSQL again by itself and answers within 30 s; every acknowledged write is stored; subscribers
 *   are told (close 1013) and, resuming with the last sequence they saw, miss no event.
 * - SIGSTOP for 20 s: every request is answered within the request deadline (503); new WebSockets are closed with
 *   1013 and a reason without internal details; nothing a client was told failed is committed afterwards.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseAvailability } from '../../server/src/db/availability.ts';
import { DEFAULT_DATABASE_LIMITS } from '../../server/src/db/faults.ts';
import { ormOptions } from '../../server/src/db/mikro-orm.config.ts';
import { Readiness } from '../../server/src/http/health.ts';
import {
  type Answer,
  type FaultServer,
  load,
  pause,
  postgresProcesses,
  REQUEST_TIMEOUT_MS,
  signalAll,
  startFaultServer,
} from '../support/fault-server.ts';
import { wsClient } from '../support/harness.ts';
import { freePort } from '../support/ports.ts';
import { REDIS_URL, reachable } from '../support/redis.ts';

let server: FaultServer;

beforeAll(async () => {
  server = await startFaultServer();
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

/** /ready every 100 ms, recording each answer (and how long it took). */
function watchReady(url: string) {
  const answers: { at: number; status: number; ms: number }[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const at = Date.now();
      let status = 0;
      try {
        status = (await fetch(`${url}/ready`, { signal: AbortSignal.timeout(10_000) })).status;
      } catch {
        status = 0;
      }
      answers.push({ at, status, ms: Date.now() - at });
      await pause(100);
    }
  })();
  return {
    answers,
    async stop() {
      running = false;
      await loop;
    },
  };
}

const SUBSCRIPTION = 'subscription($a: Int) { wishEvents(afterSequence: $a) { sequence } }';

/**
 * A subscriber as a real client behaves: when its socket closes or its subscription fails, it subscribes again
 * (after 300 ms) with the last sequence it saw.
 */
function resilientSubscriber(url: string, token: string, after: number) {
  const seen: number[] = [];
  const closes: { code: number; reason: string }[] = [];
  const failures: string[] = [];
  let last = after;
  let running = true;
  let client: ReturnType<typeof wsClient> | null = null;
  const connect = () => {
    if (!running) return;
    const c = wsClient(url, token, {
      on: { closed: (e) => closes.push({ code: (e as CloseEvent).code, reason: String((e as CloseEvent).reason) }) },
    });
    client = c;
    let again = false;
    const retry = () => {
      if (again) return;
      again = true;
      void c.dispose();
      setTimeout(connect, 300);
    };
    c.subscribe<{ wishEvents: { sequence: number } }>(
      { query: SUBSCRIPTION, variables: { a: last } },
      {
        next: (value) => {
          if (value.errors) failures.push(...value.errors.map((e) => String(e.extensions?.code ?? e.message)));
          const sequence = value.data?.wishEvents.sequence;
          if (typeof sequence === 'number') {
            seen.push(sequence);
            last = sequence;
          }
        },
        error: (err) => {
          if (Array.isArray(err)) failures.push(...err.map((e) => String(e.extensions?.code ?? e.message)));
          retry();
        },
        complete: retry,
      },
    );
  };
  connect();
  return {
    seen,
    closes,
    failures,
    get last() {
      return last;
    },
    async stop() {
      running = false;
      await client?.dispose();
    },
  };
}

async function storedSequencesAfter(after: number): Promise<number[]> {
  const { rows } = await server.db.query('select sequence::int as s from wish_event where sequence > $1 order by 1', [
    after,
  ]);
  return rows.map((r) => r.s as number);
}

async function lastSequence(): Promise<number> {
  return (await storedSequencesAfter(0)).at(-1) ?? 0;
}

async function waitFor(what: string, ms: number, check: () => Promise<boolean> | boolean): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await pause(50);
  }
  return Date.now();
}

/** Every answer came in time, and every failure is SERVICE_UNAVAILABLE with HTTP 503. */
function expectCleanFailures(answers: Answer[]) {
  // The deadline, and a little for a loaded machine's event loop.
  const slow = answers.filter((a) => a.ms > REQUEST_TIMEOUT_MS + 1_500);
  expect(slow, 'answers later than the request deadline').toEqual([]);
  const failures = answers.filter((a) => a.code !== null);
  expect(
    failures.filter((a) => a.code !== 'SERVICE_UNAVAILABLE' || a.status !== 503),
    'failures other than SERVICE_UNAVAILABLE / 503',
  ).toEqual([]);
  return failures;
}

describe('PostgreSQL faults', () => {
  it('kill -9 of the embedded PostgreSQL under load: 503 fast, restarted by the server, nothing acknowledged lost, no event missed', async () => {
    const admin = await server.login('admin');
    const start = await lastSequence();
    const subscriber = resilientSubscriber(server.url, admin, start);
    const ready = watchReady(server.url);
    const traffic = load(server, {
      prefix: 'kill',
      writers: ['resident.wenxiangyuan.1', 'resident.wenxiangyuan.2', 'resident.financial.1'],
      readers: ['hongshun.secretary'],
    });
    try {
      await waitFor('the first acknowledged writes', 10_000, () => traffic.answers.filter((a) => !a.code).length >= 5);
      await waitFor('the subscriber to receive events', 10_000, () => subscriber.seen.length >= 3);
      const killed = server.embedded.pid as number;
      const restartsBefore = server.embedded.restarts;
      const killedAt = Date.now();
      process.kill(killed, 'SIGKILL');

      const downAt = await waitFor('/ready to answer 503', 5_000, () =>
        ready.answers.some((a) => a.at >= killedAt && a.status === 503),
      );
      expect(downAt - killedAt).toBeLessThanOrEqual(5_000);
      await waitFor(
        'the server to start its PostgreSQL again',
        30_000,
        () => server.embedded.restarts > restartsBefore,
      );
      expect(server.embedded.pid).not.toBe(killed);
      const backAt = await waitFor(
        '/ready 200 and acknowledged writes again',
        30_000,
        () =>
          traffic.answers.some((a) => a.kind === 'write' && a.code === null && a.sentAt > killedAt) &&
          ready.answers.some((a) => a.at > killedAt && a.status === 200),
      );
      expect(backAt - killedAt).toBeLessThanOrEqual(30_000);
      await pause(500);
    } finally {
      await traffic.stop();
      await ready.stop();
    }

    // Requests: answered in time, failures are SERVICE_UNAVAILABLE, some did fail (the fault was felt).
    const failures = expectCleanFailures(traffic.answers);
    expect(failures.length).toBeGreaterThan(0);
    expect(ready.answers.filter((a) => a.ms > 5_000)).toEqual([]);

    // Every acknowledged write is stored.
    const acknowledged = traffic.answers.filter((a) => a.kind === 'write' && a.code === null).map((a) => a.title);
    const { rows } = await server.db.query("select title from wish where title like 'kill-%'");
    const stored = new Set(rows.map((r) => r.title as string));
    expect(acknowledged.filter((t) => !stored.has(t as string))).toEqual([]);

    // The subscriber was told (1013, no internal detail) and, resuming, missed nothing and got nothing twice.
    const all = await storedSequencesAfter(start);
    await waitFor('the subscriber to catch up', 15_000, () => subscriber.last >= (all.at(-1) ?? 0));
    await subscriber.stop();
    expect(subscriber.seen).toEqual(all);
    expect(subscriber.closes.map((c) => c.code)).toContain(1013);
    for (const close of subscriber.closes) expect(close.reason).not.toMatch(/\d+\.\d+\.\d+\.\d+|ECONN|:\d{2,5}/);
    expect(subscriber.failures.filter((code) => code !== 'SERVICE_UNAVAILABLE')).toEqual([]);
  });

  it('SIGSTOP of PostgreSQL for 20 s: every request answered within the deadline, nothing told failed commits later', async () => {
    const admin = await server.login('admin');
    const start = await lastSequence();
    const subscriber = resilientSubscriber(server.url, admin, start);
    const ready = watchReady(server.url);
    const traffic = load(server, {
      prefix: 'stop',
      writers: [
        'resident.wenxiangyuan.1',
        'resident.wenxiangyuan.2',
        'resident.wenxiangyuan.3',
        'resident.financial.1',
      ],
      readers: ['hongshun.secretary', 'admin'],
    });
    let stopped: number[] = [];
    let stoppedAt = 0;
    let newSocket: { code: number; reason: string } | null = null;
    try {
      await waitFor('the first acknowledged writes', 10_000, () => traffic.answers.filter((a) => !a.code).length >= 8);
      await waitFor('the subscriber to receive events', 10_000, () => subscriber.seen.length >= 3);
      stopped = postgresProcesses(server.embedded.pid as number);
      stoppedAt = Date.now();
      signalAll(stopped, 'SIGSTOP');

      // A socket opened meanwhile is closed with 1013 Try Again Later, its reason free of internal details.
      await pause(2_000);
      newSocket = await new Promise((resolve) => {
        const timer = setTimeout(() => resolve({ code: -1, reason: 'not closed within 15 s' }), 15_000);
        const c = wsClient(server.url, admin, {
          on: {
            closed: (e) => {
              clearTimeout(timer);
              resolve({ code: (e as CloseEvent).code, reason: String((e as CloseEvent).reason) });
            },
          },
        });
        c.subscribe(
          { query: SUBSCRIPTION, variables: { a: start } },
          { next: () => {}, error: () => {}, complete: () => {} },
        );
      });
      // The liveness probe does not wait for the database.
      const liveAt = Date.now();
      const live = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      expect(live.status).toBe(200);
      expect(Date.now() - liveAt).toBeLessThan(1_000);
      await pause(Math.max(0, stoppedAt + 20_000 - Date.now()));
    } finally {
      signalAll(stopped, 'SIGCONT');
    }
    const resumedAt = Date.now();
    try {
      await waitFor('acknowledged writes after the resume', 20_000, () =>
        traffic.answers.some((a) => a.kind === 'write' && a.code === null && a.sentAt > resumedAt),
      );
      await waitFor('/ready 200 after the resume', 10_000, () =>
        ready.answers.some((a) => a.at > resumedAt && a.status === 200),
      );
    } finally {
      await traffic.stop();
      await ready.stop();
    }
    // Anything PostgreSQL still had to do when it resumed has been done by now.
    await pause(1_000);

    // Every request was answered within the deadline, with 503 SERVICE_UNAVAILABLE when it failed.
    const failures = expectCleanFailures(traffic.answers);
    const duringStop = traffic.answers.filter((a) => a.sentAt >= stoppedAt && a.sentAt + a.ms < resumedAt);
    expect(duringStop.length).toBeGreaterThan(10);
    expect(duringStop.filter((a) => a.code === null)).toEqual([]);
    expect(failures.length).toBeGreaterThan(10);
    expect(
      ready.answers.filter((a) => a.at >= stoppedAt + 3_000 && a.at < resumedAt - 1_000 && a.status !== 503),
    ).toEqual([]);
    expect(ready.answers.filter((a) => a.ms > 5_000)).toEqual([]);
    expect(newSocket?.code).toBe(1013);
    expect(newSocket?.reason).not.toMatch(/\d+\.\d+\.\d+\.\d+|ECONN|:\d{2,5}/);

    // Nothing a client was told failed was committed after the stop: PostgreSQL's commit timestamps say when.
    const { rows } = await server.db.query(
      `select title, extract(epoch from pg_xact_commit_timestamp(xmin)) * 1000 as committed
         from wish where title like 'stop-%'`,
    );
    const committed = new Map(rows.map((r) => [r.title as string, Number(r.committed)]));
    const toldFailed = traffic.answers.filter((a) => a.kind === 'write' && a.code !== null);
    const committedLater = toldFailed.filter((a) => (committed.get(a.title as string) ?? 0) >= stoppedAt);
    expect(committedLater, 'writes told failed but committed after the stop').toEqual([]);
    const acknowledged = traffic.answers.filter((a) => a.kind === 'write' && a.code === null);
    expect(acknowledged.filter((a) => !committed.has(a.title as string))).toEqual([]);

    // Subscribers were ended (1013) while the database was stopped, and resumed without a gap.
    const all = await storedSequencesAfter(start);
    await waitFor('the subscriber to catch up', 15_000, () => subscriber.last >= (all.at(-1) ?? 0));
    await subscriber.stop();
    expect(subscriber.seen).toEqual(all);
    expect(subscriber.closes.map((c) => c.code)).toContain(1013);
  });

  it('answers /healthz and /ready 200 when the database is there', async () => {
    const live = await fetch(`${server.url}/healthz`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up', redis: 'not configured' });
  });

  it('does not carry out a request its client abandoned while PostgreSQL was stopped, when PostgreSQL resumes', async () => {
    const token = await server.login('resident.wenxiangyuan.2');
    const title = `abandoned-${Date.now()}`;
    const stopped = postgresProcesses(server.embedded.pid as number);
    signalAll(stopped, 'SIGSTOP');
    try {
      const abandoned = fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: 'mutation($input: SubmitWishInput!) { submitWish(input: $input) { wish { id } } }',
          variables: { input: { title, description: 'the client gives up', categoryCode: 'repairs' } },
        }),
        signal: AbortSignal.timeout(300),
      });
      await expect(abandoned).rejects.toThrow();
      await pause(300);
    } finally {
      signalAll(stopped, 'SIGCONT');
    }
    // Resumed well within the request's deadline: left alone, the request would now run and commit.
    await pause(3_000);
    const { rows } = await server.db.query('select id from wish where title = $1', [title]);
    expect(rows).toEqual([]);
  });

  it('refuses a COMMIT that reaches PostgreSQL only after the client was told the transaction failed', async () => {
    await server.db.query('create table if not exists late_commit (note text)');
    const limits = { ...DEFAULT_DATABASE_LIMITS, statementTimeoutMs: 1_000 };
    const orm = await MikroORM.init(ormOptions(server.embedded.url, {}, { limits }));
    const note = `late-${Date.now()}`;
    let backend = 0;
    try {
      // The backend serving the transaction stops after the insert: the COMMIT waits in its socket, unread.
      const outcome = orm.em.fork().transactional(async (em) => {
        backend = (await em.execute<{ pid: number }[]>('select pg_backend_pid() as pid'))[0]?.pid ?? 0;
        await em.execute('insert into late_commit (note) values (?)', [note]);
        process.kill(backend, 'SIGSTOP');
      });
      await expect(outcome).rejects.toMatchObject({ databaseUnavailable: true });
    } finally {
      if (backend) process.kill(backend, 'SIGCONT');
      await orm.close(true);
    }
    // Resumed, the backend reads the COMMIT — and refuses it: its cutoff has passed.
    await pause(1_000);
    const { rows } = await server.db.query('select note from late_commit where note = $1', [note]);
    expect(rows).toEqual([]);
  });

  it('/ready reports Redis when it is configured: down when it does not answer, up when it does', async () => {
    const database = new DatabaseAvailability(server.embedded.url, { probeTimeoutMs: 2_000, intervalMs: 0 });
    const nobody = new Readiness({ database, redisUrl: `redis://127.0.0.1:${await freePort()}`, timeoutMs: 1_000 });
    try {
      const started = Date.now();
      expect(await nobody.check()).toEqual({ ready: false, database: 'up', redis: 'down' });
      expect(Date.now() - started).toBeLessThan(3_000);
      if (await reachable(REDIS_URL)) {
        const redis = new Readiness({ database, redisUrl: REDIS_URL, timeoutMs: 2_000 });
        expect(await redis.check()).toEqual({ ready: true, database: 'up', redis: 'up' });
        await redis.close();
      }
    } finally {
      await nobody.close();
      await database.close();
    }
  });
});
