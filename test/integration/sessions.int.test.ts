/**
 * A session ends for every transport at once. An open graphql-ws connection re-checks its session for every
 * operation, and is closed with 4403 within seconds of the session ending — logout (over HTTP or over the socket
 * itself), deactivation, a new password, a role change, expiry — on whichever replica it ended. A socket runs at
 * most 20 subscriptions.
 *
 * The file's server checks open sessions only every 300 s, so a close within 5 s here comes from the live hub
 * (or from the operation's own check); a second server checks every second, for expiry.
 */
import type { Client } from 'graphql-ws';
import { describe, expect } from 'vitest';
import { decodeId } from '../../server/src/graphql/ids.ts';
import { type Harness, LOGIN, startHarness, subscribe, wsClient } from '../support/harness.ts';
import { harnessTest } from '../support/harness-test.ts';
import { REDIS_URL, reachable } from '../support/redis.ts';
import { wishTablesDigest } from '../support/tables.ts';

const redisUp = await reachable(REDIS_URL);
if (!redisUp && process.env.CI) throw new Error(`CI needs Redis at ${REDIS_URL}`);

const EVENTS = 'subscription($a: Int) { wishEvents(afterSequence: $a) { sequence } }';
const PASSWORD = 'a-long-password';
const HASH = "encode(sha256(convert_to($1, 'UTF8')), 'hex')";
const SUBMIT =
  'mutation { submitWish(input: { title: "门口路灯坏了", description: "晚上很黑", categoryCode: "repairs" }) { wish { id } } }';

interface Closed {
  code: number;
  reason: string;
  at: number;
}

interface OpenSocket {
  client: Client;
  /** A live subscription that keeps the socket open. */
  live: ReturnType<typeof subscribe>;
  closed: () => Closed | null;
}

interface Outcome {
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
  /** The socket was closed with this code before the operation was answered. */
  closeCode?: number;
}

/** One operation over the client: its result, its errors, or the close that ended it. */
function run(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    let result: Outcome = {};
    client.subscribe(
      { query, variables },
      {
        next: (value) => {
          result = value as Outcome;
        },
        error: (err) =>
          resolve(Array.isArray(err) ? { errors: err } : { closeCode: (err as { code?: number })?.code ?? -1 }),
        complete: () => resolve(result),
      },
    );
  });
}

/** A socket with a live subscription, whose session has answered `{ me { id } }`. */
async function openSocket(url: string, token: string): Promise<OpenSocket> {
  let closed: Closed | null = null;
  const client = wsClient(url, token, {
    on: {
      closed: (event) => {
        const e = event as { code: number; reason: string };
        closed ??= { code: e.code, reason: String(e.reason), at: Date.now() };
      },
    },
  });
  const live = subscribe(client, EVENTS);
  const me = await run(client, '{ me { id } }');
  expect(me.data?.me?.id, JSON.stringify(me)).toBeTruthy();
  return { client, live, closed: () => closed };
}

async function waitUntil(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The socket is closed with 4403 within 5 s of `since`. */
async function closedWith4403(socket: OpenSocket, since: number): Promise<Closed> {
  while (!socket.closed() && Date.now() - since < 5_000) await new Promise((r) => setTimeout(r, 25));
  const closed = socket.closed();
  expect(closed, 'the socket is closed within 5 s').not.toBeNull();
  expect(closed?.code).toBe(4403);
  expect((closed as Closed).at - since).toBeLessThanOrEqual(5_000);
  expect(closed?.reason).not.toMatch(/127\.0\.0\.1|ECONN|Error:/);
  return closed as Closed;
}

let people = 0;

/** A new person (a resident of Wenxiangyuan, and a volunteer there when asked) logged in on `h`. */
async function freshPerson(h: Harness, opts: { volunteer?: boolean } = {}) {
  const admin = await h.login('admin');
  const unit = (await h.gql('{ orgUnits { id name } }', {}, admin)).data.orgUnits.find(
    (u: { name: string }) => u.name === 'Wenxiangyuan',
  ).id as string;
  const username = `session.${process.pid}.${++people}.${Math.random().toString(36).slice(2, 6)}`;
  const roles = [{ role: 'RESIDENT', orgUnitId: unit }];
  if (opts.volunteer) roles.push({ role: 'VOLUNTEER', orgUnitId: unit });
  const created = await h.gql(
    'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }',
    { input: { displayName: '会话测试', username, password: PASSWORD, roles } },
    admin,
  );
  expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
  const login = await h.gql(LOGIN, { u: username, p: PASSWORD });
  const token = login.data?.login?.token as string;
  expect(token).toBeTruthy();
  return { id: created.data.createPerson.person.id as string, username, token, unit, admin };
}

const it = harnessTest
  .override('harnessOptions', { config: { wsSessionCheckSeconds: 300 } })
  /** A server that checks open sessions every second, where tokens last 3 s (a display screen's too). */
  .extend('quick', { scope: 'file' }, async ({ harnessOptions: _ }, { onCleanup }) => {
    const quick = await startHarness({
      config: { wsSessionCheckSeconds: 1, tokenTtlSeconds: 3, displayTokenTtlSeconds: 3 },
    });
    onCleanup(() => quick.stop());
    return quick;
  });

describe('an open WebSocket ends with its session', () => {
  it('every operation checks the session again: revoked, expired, deactivated or other roles are refused, and the socket closed with 4403', async ({
    h,
  }) => {
    const changes: [string, (p: Awaited<ReturnType<typeof freshPerson>>) => Promise<unknown>][] = [
      ['revoked', (p) => h.db.query(`delete from auth_session where token_hash = ${HASH}`, [p.token])],
      [
        'expired',
        (p) =>
          h.db.query(`update auth_session set expires_at = now() - interval '1 second' where token_hash = ${HASH}`, [
            p.token,
          ]),
      ],
      ['deactivated', (p) => h.db.query('update person set active = false where id = $1', [decodeId('Person', p.id)])],
      [
        'given another role',
        (p) =>
          h.db.query(
            "insert into person_role (person_id, role, org_unit_id, created_at) values ($1, 'VOLUNTEER', $2, now())",
            [decodeId('Person', p.id), decodeId('OrgUnit', p.unit)],
          ),
      ],
    ];
    for (const [what, change] of changes) {
      const p = await freshPerson(h);
      const socket = await openSocket(h.url, p.token);
      // Straight in the database: no live message announces it, and the periodic check is minutes away.
      await change(p);
      const before = await wishTablesDigest(h);
      const since = Date.now();
      const refused = await run(socket.client, SUBMIT);
      expect(refused.errors?.[0]?.extensions?.code, `${what}: ${JSON.stringify(refused)}`).toBe('UNAUTHENTICATED');
      expect(refused.data ?? null, what).toBeNull();
      await closedWith4403(socket, since);
      expect(await wishTablesDigest(h), `${what}: nothing written`).toBe(before);
      await socket.client.dispose();
    }
  });

  it('logout over HTTP closes the sockets of that token within 5 s, and only those', async ({ h }) => {
    const p = await freshPerson(h);
    const second = await h.gql(LOGIN, { u: p.username, p: PASSWORD });
    const socket = await openSocket(h.url, p.token);
    const other = await openSocket(h.url, second.data.login.token);
    const since = Date.now();
    expect((await h.gql('mutation { logout }', {}, p.token)).data?.logout).toBe(true);
    await closedWith4403(socket, since);
    // The next operation on that token fails: a new connection with it is refused with 4403 too.
    expect((await run(socket.client, '{ me { id } }')).closeCode).toBe(4403);
    // The same person's other session goes on.
    expect((await run(other.client, '{ me { id } }')).data?.me?.id).toBe(p.id);
    expect(other.closed()).toBeNull();
    await socket.client.dispose();
    await other.client.dispose();
  });

  it('logout sent over the socket answers true, revokes the token and ends the socket with 4403', async ({ h }) => {
    const p = await freshPerson(h);
    const socket = await openSocket(h.url, p.token);
    const since = Date.now();
    const res = await run(socket.client, 'mutation { logout }');
    expect(res).toEqual({ data: { logout: true } });
    await closedWith4403(socket, since);
    expect((await h.gql('{ me { id } }', {}, p.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const { rows } = await h.db.query(`select 1 from auth_session where token_hash = ${HASH}`, [p.token]);
    expect(rows).toHaveLength(0);
    await socket.client.dispose();
  });

  it('deactivation and a new password close the person’s sockets within 5 s', async ({ h }) => {
    const changes: [string, string, (id: string) => Record<string, unknown>][] = [
      ['deactivatePerson', 'DeactivatePersonInput', (id) => ({ personId: id })],
      ['updatePerson', 'UpdatePersonInput', (id) => ({ personId: id, password: 'another-long-password' })],
    ];
    for (const [mutation, input, variables] of changes) {
      const p = await freshPerson(h);
      const socket = await openSocket(h.url, p.token);
      const since = Date.now();
      const res = await h.gql(
        `mutation($input: ${input}!) { ${mutation}(input: $input) { person { id } } }`,
        { input: variables(p.id) },
        p.admin,
      );
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      await closedWith4403(socket, since);
      expect((await run(socket.client, '{ me { id } }')).closeCode, mutation).toBe(4403);
      expect((await h.gql('{ me { id } }', {}, p.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      await socket.client.dispose();
    }
  });

  it('a revoked or a granted role closes the sockets within 5 s; a new connection has the new roles', async ({ h }) => {
    const p = await freshPerson(h, { volunteer: true });
    const roles = async () => {
      const client = wsClient(h.url, p.token);
      const res = await run(client, '{ me { roles { role } } }');
      await client.dispose();
      return (res.data?.me?.roles ?? []).map((r: { role: string }) => r.role).sort();
    };
    expect(await roles()).toEqual(['RESIDENT', 'VOLUNTEER']);
    for (const [mutation, input, after] of [
      ['revokeRole', 'RevokeRoleInput', ['RESIDENT']],
      ['grantRole', 'GrantRoleInput', ['RESIDENT', 'VOLUNTEER']],
    ] as const) {
      const socket = await openSocket(h.url, p.token);
      const since = Date.now();
      const res = await h.gql(
        `mutation($input: ${input}!) { ${mutation}(input: $input) { person { id } } }`,
        { input: { personId: p.id, role: 'VOLUNTEER', orgUnitId: p.unit } },
        p.admin,
      );
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      const closed = await closedWith4403(socket, since);
      expect(closed.reason).toMatch(/roles/i);
      // The session itself goes on, with the new roles, over both transports.
      expect(await roles()).toEqual(after);
      expect((await h.gql('{ me { id } }', {}, p.token)).data?.me?.id).toBe(p.id);
      await socket.client.dispose();
    }
  });

  it('no event reaches a socket whose token has expired, even before any check runs', async ({ h, world: w }) => {
    const login = await h.gql(LOGIN, { u: 'admin', p: 'wishgrid-demo' });
    const token = login.data.login.token as string;
    await h.db.query(`update auth_session set expires_at = now() + interval '2 seconds' where token_hash = ${HASH}`, [
      token,
    ]);
    const socket = await openSocket(h.url, token);
    await new Promise((r) => setTimeout(r, 2_200));
    expect(socket.closed()).toBeNull(); // nothing has checked yet: the periodic check is minutes away
    const since = Date.now();
    await w.submit('resident.wenxiangyuan.1');
    await closedWith4403(socket, since);
    expect(socket.live.items).toEqual([]);
    await socket.client.dispose();
  });

  it('with tokens of 3 s, an idle socket is closed with 4403 within 5 s of its expiry', async ({ quick }) => {
    const login = await quick.gql(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt } }',
      { u: 'admin', p: 'wishgrid-demo' },
    );
    const expiresAt = new Date(login.data.login.expiresAt as string).getTime();
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(3_000);
    const socket = await openSocket(quick.url, login.data.login.token);
    await closedWith4403(socket, expiresAt);
    expect(socket.closed()?.reason).toMatch(/expired/);
    expect((await run(socket.client, '{ me { id } }')).closeCode).toBe(4403);
    await socket.client.dispose();
  });

  it('a display screen’s session renews while its socket is open, without a single operation', async ({ quick }) => {
    const login = await quick.gql(LOGIN, { u: 'screen.hongshun', p: 'wishgrid-demo' });
    const token = login.data.login.token as string;
    const socket = await openSocket(quick.url, token);
    await new Promise((r) => setTimeout(r, 4_500)); // past the 3 s it was given at login
    expect(socket.closed()).toBeNull();
    const { rows } = await quick.db.query(`select expires_at from auth_session where token_hash = ${HASH}`, [token]);
    expect(new Date(rows[0].expires_at).getTime()).toBeGreaterThan(Date.now());
    expect((await run(socket.client, '{ me { id } }')).data?.me?.id).toBeTruthy();
    await socket.client.dispose();
  });
});

describe('subscriptions per socket', () => {
  it('a socket runs at most 20 subscriptions: the 21st is refused naming the limit, queries still run', async ({
    h,
  }) => {
    const client = wsClient(h.url, await h.login('admin'));
    const from = (await h.lastSequence()) - 1;
    const subs = Array.from({ length: 21 }, () => subscribe(client, EVENTS, { a: from }));
    const settled = () => subs.every((s) => s.items.length > 0 || s.errors.length > 0);
    await waitUntil(settled, 10_000, 'every subscription to start or be refused');
    const refused = subs.filter((s) => s.errors.length > 0);
    expect(refused).toHaveLength(1);
    expect(JSON.stringify(refused[0]?.errors)).toContain('BAD_USER_INPUT');
    expect(JSON.stringify(refused[0]?.errors)).toMatch(/At most 20 subscriptions/);
    expect(subs.filter((s) => s.items.length > 0)).toHaveLength(20);
    expect((await run(client, '{ me { id } }')).data?.me?.id).toBeTruthy();
    // One ends: there is room for one more.
    subs.find((s) => s.items.length > 0)?.dispose();
    // (The server handles the completion before the next subscribe message: they arrive in order.)
    const again = subscribe(client, EVENTS, { a: from });
    await again.until(() => again.items.length > 0 || again.errors.length > 0, 5_000, 'the 21st, after one ended');
    expect(again.errors).toEqual([]);
    expect(again.items).toHaveLength(1);
    await client.dispose();
  });
});

/** Replicas `a` and `b` on one database, sharing the live hub through Redis; neither checks sessions by itself. */
const replicas = it
  .extend('a', { scope: 'file' }, async ({ harnessOptions: _ }, { onCleanup }) => {
    const a = await startHarness({ redisUrl: REDIS_URL, config: { wsSessionCheckSeconds: 300 } });
    onCleanup(() => a.stop());
    return a;
  })
  .extend('b', { scope: 'file' }, async ({ a }, { onCleanup }) => {
    const b = await startHarness({
      redisUrl: REDIS_URL,
      databaseName: new URL(a.databaseUrl).pathname.slice(1),
      config: { wsSessionCheckSeconds: 300 },
    });
    onCleanup(() => b.stop());
    return b;
  });

describe.runIf(redisUp)('sessions end on every replica', () => {
  replicas('a logout or a deactivation on replica A closes the socket on replica B within 5 s', async ({ a, b }) => {
    const p = await freshPerson(a);
    const socket = await openSocket(b.url, p.token);
    let since = Date.now();
    expect((await a.gql('mutation { logout }', {}, p.token)).data?.logout).toBe(true);
    await closedWith4403(socket, since);
    await socket.client.dispose();

    const q = await freshPerson(a);
    const other = await openSocket(b.url, q.token);
    since = Date.now();
    const res = await a.gql(
      'mutation($input: DeactivatePersonInput!) { deactivatePerson(input: $input) { person { id } } }',
      { input: { personId: q.id } },
      q.admin,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    await closedWith4403(other, since);
    await other.client.dispose();
  });
});
