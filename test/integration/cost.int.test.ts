/**
 * Cost that matches the work (issue 8, point 1): the estimate multiplies a selection by the page its list will
 * really return, over HTTP and graphql-ws, with the request's variables; every list stops at its maximum; an
 * operation that still loads too much is stopped by its work budget and holds at most a few pool connections;
 * queries count against a budget weighted by cost; login attempts count by the username however it is written.
 */
import { getNamedType, getNullableType, isListType, isObjectType } from 'graphql';
import { describe, expect } from 'vitest';
import { type App, buildApp } from '../../server/src/app.ts';
import { type Config, loadConfig } from '../../server/src/config.ts';
import { LIST_SIZES } from '../../server/src/graphql/cost.ts';
import { REFUSALS } from '../../server/src/graphql/hardening.ts';
import { schema } from '../../server/src/graphql/schema.ts';
import { createLogger } from '../../server/src/logger.ts';
import { DEMO_PASSWORD, LOGIN, postGraphql, wsOperation } from '../support/harness.ts';
import { harnessTest } from '../support/harness-test.ts';

interface Result {
  data?: any;
  errors?: { message: string; extensions?: Record<string, any> }[];
  ms?: number;
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}, token?: string | null) {
  const started = Date.now();
  const res = await postGraphql(url, { query, variables }, token);
  return { ...((await res.json()) as Result), ms: Date.now() - started };
}

const codes = (r: Result) => (r.errors ?? []).map((e) => e.extensions?.code);

/** Refused as too large: the contract's code, the kind of limit and no number, and no data. */
function expectRefused(r: Result, what: string, message: string = REFUSALS.cost) {
  expect(codes(r), `${what}: ${JSON.stringify(r).slice(0, 300)}`).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  expect(r.errors?.[0]?.message, what).toBe(message);
  expect(r.errors?.[0]?.message, what).not.toMatch(/\d/);
  expect(r.data ?? null, what).toBeNull();
}

/** The document of issue 8, point 1 (depth 9, under every other limit), `n` times under aliases. */
const POINT_1 = (n: number) =>
  `{ ${Array.from(
    { length: n },
    (_, i) =>
      `a${i}: wishList(limit: 200) { nodes { events { actor { displayName } wish { events { wish { events { wish { events { note } } } } } } } } }`,
  ).join(' ')} }`;

const it = harnessTest.extend('extraApp', { scope: 'file' }, ({ h }, { onCleanup }) => {
  const apps: App[] = [];
  onCleanup(async () => {
    for (const app of apps) await app.stop();
  });
  return async (overrides: Partial<Config>): Promise<App> => {
    const base = loadConfig({});
    const config: Config = {
      ...base,
      port: 0,
      host: '127.0.0.1',
      redisUrl: null,
      sweepIntervalSeconds: 0,
      ...overrides,
    };
    const app = await buildApp({ config, databaseUrl: h.databaseUrl, logger: createLogger('silent') });
    apps.push(app);
    await app.start();
    return app;
  };
});

describe('the cost estimate knows list sizes', () => {
  it('sizes every list field of the schema', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type))) continue;
        const coordinate = `${type.name}.${field.name}`;
        // A page's items: sized by the field that returns the page (its limit or first).
        const pageItems = ['nodes', 'edges'].includes(field.name) && /(List|Connection)$/.test(type.name);
        if (!pageItems && !LIST_SIZES[coordinate]) missing.push(`${coordinate}: ${getNamedType(field.type).name}`);
      }
    }
    expect(missing).toEqual([]);
    for (const [coordinate, size] of Object.entries(LIST_SIZES)) {
      expect(size.default, coordinate).toBeLessThanOrEqual(size.max);
      expect(size.max, coordinate).toBeLessThanOrEqual(500);
    }
  });

  it("refuses issue 8's document with 1, 4 and 15 aliases as admin, DISPLAY and resident, within 2 s, while others are served", async ({
    h,
  }) => {
    const accounts = ['admin', 'screen.hongshun', 'resident.wenxiangyuan.1'];
    const tokens = await Promise.all(accounts.map((u) => h.login(u)));
    const other = await h.login('member.wenxiangyuan.1');
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }, 20);
    try {
      const attacks = tokens.flatMap((token, i) =>
        [1, 4, 15].map(async (n) => ({ what: `${accounts[i]} × ${n}`, r: await post(h.url, POINT_1(n), {}, token) })),
      );
      // Someone else meanwhile.
      const me = await post(h.url, '{ me { id } }', {}, other);
      expect(me.errors).toBeUndefined();
      expect(me.ms).toBeLessThan(1_000);
      for (const { what, r } of await Promise.all(attacks)) {
        expectRefused(r, what);
        expect(r.ms, what).toBeLessThan(2_000);
      }
      // Over the socket too, and with the page size in a variable (estimated with the request's variables).
      const ws = await wsOperation(h.url, tokens[0] as string, POINT_1(15));
      expectRefused(ws, 'WebSocket × 15');
      const variable = POINT_1(1).replace('{ a0: wishList(limit: 200)', 'query($n: Int) { a0: wishList(limit: $n)');
      expectRefused(await post(h.url, variable, { n: 200 }, tokens[0]), 'limit: $n = 200');
      expectRefused(await wsOperation(h.url, tokens[1] as string, variable, { n: 3 }), 'limit: $n = 3 (WebSocket)');
    } finally {
      clearInterval(sampler);
    }
    expect(rssPeak - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('multiplies by the page a variable asks for: a small page runs, a full one is refused', async ({ h }) => {
    const admin = await h.login('admin');
    const query = 'query($n: Int) { wishList(limit: $n) { nodes { id events { sequence action at note } } } }';
    const small = await post(h.url, query, { n: 5 }, admin);
    expect(small.errors).toBeUndefined();
    expect(small.data.wishList.nodes).toHaveLength(5);
    expect(small.data.wishList.nodes[0].events.length).toBeGreaterThan(0);
    expectRefused(await post(h.url, query, { n: 200 }, admin), 'HTTP n = 200');
    expectRefused(await wsOperation(h.url, admin, query, { n: 200 }), 'WebSocket n = 200');
    // A variable's default value counts when the request does not send it.
    const defaulted =
      'query($n: Int = 200) { wishList(limit: $n) { nodes { id events { sequence action at note } } } }';
    expectRefused(await post(h.url, defaulted, {}, admin), 'default 200');
    expect((await post(h.url, defaulted, { n: 2 }, admin)).errors).toBeUndefined();
    // Outside a list's range the resolver answers, naming the argument (not a cost refusal).
    const tooMany = await post(h.url, '{ wishList(limit: 100000) { nodes { id } } }', {}, admin);
    expect(codes(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.errors?.[0]?.message).toMatch(/limit/);
  });

  it('stops every list at its maximum: people of the street, children of a unit', async ({ h }) => {
    const admin = await h.login('admin');
    const units = await post(h.url, '{ orgUnits(kind: STREET) { id } }', {}, admin);
    const street = units.data.orgUnits[0].id;
    const everyone = Number((await h.db.query('select count(*) from person')).rows[0].count);
    expect(everyone).toBeGreaterThan(LIST_SIZES['Query.people']?.max ?? 0);
    const people = await post(h.url, 'query($u: ID!) { people(orgUnitId: $u) { id } }', { u: street }, admin);
    expect(people.errors).toBeUndefined();
    expect(people.data.people).toHaveLength(LIST_SIZES['Query.people']?.max as number);
    // 55 grids under one community: `children` gives the first 50, in the list's order.
    const community = (await post(h.url, '{ orgUnits(kind: COMMUNITY) { id } }', {}, admin)).data.orgUnits[0].id;
    const create = `mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id } } }`;
    const before = await post(h.url, 'query($u: ID!) { orgUnit(id: $u) { children { id } } }', { u: community }, admin);
    const missing = Array.from({ length: 55 - before.data.orgUnit.children.length }, (_, i) => i);
    for (let from = 0; from < missing.length; from += 8) {
      const made = await Promise.all(
        missing.slice(from, from + 8).map((i) => {
          const input = { kind: 'GRID', parentId: community, name: `Cost Grid ${i}`, nameZh: `测试网格${i}` };
          return post(h.url, create, { input }, admin);
        }),
      );
      for (const r of made) expect(r.errors).toBeUndefined();
    }
    const { rows } = await h.db.query(
      'select count(*)::int as n from org_unit where parent_id = (select parent_id from org_unit where name = $1)',
      [`Cost Grid ${missing.length - 1}`],
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(55);
    const children = await post(
      h.url,
      'query($u: ID!) { orgUnit(id: $u) { children { id } } }',
      { u: community },
      admin,
    );
    expect(children.data.orgUnit.children).toHaveLength(LIST_SIZES['OrgUnit.children']?.max as number);
  });
});

describe('the work budget of one operation', () => {
  it('stops a query that loads more rows than its budget, over HTTP and WebSocket; mutations are not cut', async ({
    h,
    extraApp,
  }) => {
    const app = await extraApp({ workLimits: { maxRows: 60, maxStatements: 2_000, maxConcurrentStatements: 3 } });
    const admin = await h.login('admin');
    const small = await post(app.url, '{ wishList(limit: 10) { nodes { id title } } }', {}, admin);
    expect(small.errors).toBeUndefined();
    expect(small.data.wishList.nodes).toHaveLength(10);
    const big = '{ wishList(limit: 100) { totalCount nodes { id title } } }';
    expectRefused(await post(app.url, big, {}, admin), 'HTTP rows', REFUSALS.work);
    expectRefused(await wsOperation(app.url, admin, big), 'WebSocket rows', REFUSALS.work);
    // The next operation has a budget of its own.
    expect((await post(app.url, '{ me { id } }', {}, admin)).errors).toBeUndefined();
    // A change runs whole: its answer is never replaced by a refusal after it committed.
    const resident = await h.login('resident.wenxiangyuan.2');
    const submit = `mutation($input: SubmitWishInput!) { submitWish(input: $input) { wish { id title } } }`;
    const input = { title: '预算内的心愿', description: '路灯不亮', categoryCode: 'repairs' };
    const submitted = await post(app.url, submit, { input }, resident);
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data.submitWish.wish.title).toBe('预算内的心愿');
  });

  it('stops a query that sends more statements than its budget', async ({ h, extraApp }) => {
    const app = await extraApp({ workLimits: { maxRows: 20_000, maxStatements: 30, maxConcurrentStatements: 3 } });
    const admin = await h.login('admin');
    // availableActions reads each wish's facts on its own: 50 statements.
    const query = '{ wishList(limit: 50) { nodes { id availableActions } } }';
    expectRefused(await post(app.url, query, {}, admin), 'statements', REFUSALS.work);
    expect((await post(app.url, query.replace('50', '10'), {}, admin)).errors).toBeUndefined();
  });

  it('holds at most a few pool connections, however far one operation fans out', async ({ h, extraApp }) => {
    const connections = async () =>
      Number(
        (await h.db.query('select count(*) from pg_stat_activity where datname = current_database()')).rows[0].count,
      );
    const app = await extraApp({ workLimits: { maxRows: 20_000, maxStatements: 2_000, maxConcurrentStatements: 2 } });
    const admin = await h.login('admin');
    // Warm: the token check and a first statement open what the app needs for one request at a time.
    expect((await post(app.url, '{ me { id } }', {}, admin)).errors).toBeUndefined();
    const before = await connections();
    // 150 wishes, each reading its facts on its own, all at once: without the gate, the whole pool.
    const wide = await post(app.url, '{ wishList(limit: 150) { nodes { id availableActions } } }', {}, admin);
    expect(wide.errors).toBeUndefined();
    expect(wide.data.wishList.nodes).toHaveLength(150);
    expect((await connections()) - before).toBeLessThanOrEqual(2);
  });
});

describe('the query budget', () => {
  it('counts queries by cost per person over HTTP and WebSocket, and per address without a token', async ({
    h,
    extraApp,
  }) => {
    const app = await extraApp({ rateLimits: { ...loadConfig({}).rateLimits, queryCostPerMinute: 2_000 } });
    const admin = await h.login('admin');
    const other = await h.login('hongshun.secretary');
    // About 600 each (200 wishes × 3 fields): three fit in the minute, the fourth does not.
    const heavy = '{ wishList(limit: 200) { nodes { id title status } } }';
    for (let i = 0; i < 2; i++) expect((await post(app.url, heavy, {}, admin)).errors).toBeUndefined();
    expect((await wsOperation(app.url, admin, heavy)).errors).toBeUndefined();
    for (const r of [await post(app.url, heavy, {}, admin), await wsOperation(app.url, admin, heavy)]) {
      expect(codes(r)).toEqual(['RATE_LIMITED']);
      expect(r.errors?.[0]?.message).toMatch(/retry later/);
      expect(r.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
      expect(r.errors?.[0]?.extensions?.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(r.data ?? null).toBeNull();
    }
    // Someone else has a budget of their own.
    expect((await post(app.url, heavy, {}, other)).errors).toBeUndefined();
    // Without a token, by address: what an anonymous client may run (here `__typename`) counts too.
    const anonymous = await extraApp({ rateLimits: { ...loadConfig({}).rateLimits, queryCostPerMinute: 5 } });
    for (let i = 0; i < 5; i++) expect((await post(anonymous.url, '{ __typename }')).errors).toBeUndefined();
    expect(codes(await post(anonymous.url, '{ __typename }'))).toEqual(['RATE_LIMITED']);
  });

  it('counts login attempts by the username used, however the document writes it', async ({ extraApp }) => {
    const app = await extraApp({ rateLimits: { ...loadConfig({}).rateLimits, loginsPerMinute: 2 } });
    const attempt = (query: string, variables: Record<string, unknown>) => post(app.url, query, variables);
    // As variables, then as a variable's default value: two attempts for grid.hongshun.
    expect((await attempt(LOGIN, { u: 'grid.hongshun', p: DEMO_PASSWORD })).data?.login?.token).toBeTruthy();
    const defaulted = `mutation($u: String! = "grid.hongshun", $p: String!) { login(username: $u, password: $p) { token } }`;
    expect((await attempt(defaulted, { p: DEMO_PASSWORD })).data?.login?.token).toBeTruthy();
    // A literal in other letters and spaces, an alias: the same username, over the limit.
    const literal = `mutation { login(username: "  GRID.Hongshun ", password: "${DEMO_PASSWORD}") { token } }`;
    const aliased = `mutation { again: login(username: "grid.hongshun", password: "${DEMO_PASSWORD}") { token } }`;
    for (const query of [literal, aliased, defaulted]) {
      const r = await attempt(query, { p: DEMO_PASSWORD });
      expect(codes(r), query).toEqual(['RATE_LIMITED']);
    }
    // Another username is counted on its own.
    expect((await attempt(LOGIN, { u: 'grid.hongshun.x', p: DEMO_PASSWORD })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});
