/**
 * Hardening, over HTTP and graphql-ws alike: query limits (depth, aliases, cost, directives, tokens,
 * characters) that refuse with GRAPHQL_VALIDATION_FAILED without revealing the limits; CSRF prevention;
 * request and message size limits; the connection_init timeout; masked unexpected errors that reach the log
 * unmasked but without personal data; no introspection or suggestions in production; rate limits on login
 * and mutations, in memory and through Redis.
 */
import fs from 'node:fs';
import path from 'node:path';
import { addTypenameToDocument } from '@apollo/client/utilities';
import { type DocumentNode, print } from 'graphql';
import { describe, expect } from 'vitest';
import { registry as adminRegistry } from '../../admin/src/data/registry.ts';
import { type App, buildApp } from '../../server/src/app.ts';
import { type Config, loadConfig } from '../../server/src/config.ts';
import { limitRefusals, REFUSALS } from '../../server/src/graphql/hardening.ts';
import { schema } from '../../server/src/graphql/schema.ts';
import { createLogger, type Logger } from '../../server/src/logger.ts';
import { CONTRACT_DIR } from '../support/contract.ts';
import { closeCode, DEMO_PASSWORD, LOGIN, postGraphql, wsOperation } from '../support/harness.ts';
import { harnessTest } from '../support/harness-test.ts';
import { REDIS_URL, reachable } from '../support/redis.ts';
import { wishTablesDigest } from '../support/tables.ts';

const SUBMIT = `mutation($input: SubmitWishInput!) { submitWish(input: $input) { wish { id } } }`;
const REFUSAL_TEXTS: string[] = Object.values(REFUSALS);
const RATE_LIMITS = loadConfig({}).rateLimits;

interface Result {
  status?: number;
  data?: any;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}, token?: string | null) {
  const res = await postGraphql(url, { query, variables }, token);
  return { status: res.status, ...((await res.json()) as Result) };
}

function captureLogs(level = 'debug'): { logger: Logger; text: () => string } {
  const lines: string[] = [];
  return {
    logger: createLogger(level, { write: (line: string) => void lines.push(line) }),
    text: () => lines.join(''),
  };
}

const codes = (r: Result) => (r.errors ?? []).map((e) => e.extensions?.code);

/** Refused by a query limit: the contract's code, a message that names no number, nothing executed. */
function expectRefused(r: Result, what: string) {
  expect(r.errors?.length, `${what}: ${JSON.stringify(r)}`).toBeGreaterThan(0);
  expect(r.data ?? null, what).toBeNull();
  for (const e of r.errors ?? []) {
    expect(e.extensions?.code, what).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(e.message, what).not.toMatch(/\d/);
  }
  expect(
    r.errors?.some((e) => REFUSAL_TEXTS.includes(e.message)),
    `${what}: ${JSON.stringify(r.errors)}`,
  ).toBe(true);
}

/** A document `depth` fields deep that stays cheap: one object per level (no list multiplies it). */
const nested = (depth: number, leaf = 'id') =>
  `{ me { roles { orgUnit { ${'parent { '.repeat(depth - 4)}${leaf}${' }'.repeat(depth - 4)} } } } }`;
const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }`;

/** Over each limit and under every other one, so each case proves one limit. */
const OVER_LIMITS: [string, string][] = [
  ['depth 12', nested(12)],
  ['50 aliases', aliases(50)],
  ['20,000 characters', `{ me { id } }${' '.repeat(20_000)}`],
  ['2,500 tokens in 7,500 characters', `{ me { ${'id '.repeat(2_500)}} }`],
  // Shallow and short, but 200 units × 50 children × 50 children: the estimate knows list sizes.
  ['cost', '{ orgUnitList(limit: 200) { nodes { children { children { id name } } } } }'],
  ['11 directives', `{ me { ${'id @include(if: true) '.repeat(11)}} }`],
];

/**
 * `admin` is the street admin's token on the file's server, `countSessions()` the logins its database holds;
 * `extraApp(overrides, logger)` starts another server on the same database with other settings (stopped when the
 * file is done).
 */
const it = harnessTest
  .extend('admin', { scope: 'file' }, ({ h }) => h.login('admin'))
  .extend('countSessions', { scope: 'file' }, ({ h }) => {
    return async () => Number((await h.db.query('select count(*) from auth_session')).rows[0].count);
  })
  .extend('extraApp', { scope: 'file' }, ({ h }, { onCleanup }) => {
    const apps: App[] = [];
    onCleanup(async () => {
      for (const app of apps) await app.stop();
    });
    return async (overrides: Partial<Config>, logger: Logger = createLogger('silent')): Promise<App> => {
      const config: Config = { ...loadConfig({}), port: 0, host: '127.0.0.1', redisUrl: null, ...overrides };
      const app = await buildApp({ config, databaseUrl: h.databaseUrl, logger });
      apps.push(app);
      await app.start();
      return app;
    };
  });

describe('hardening', () => {
  it('reads its limits from the environment, naming a wrong variable', () => {
    const config = loadConfig({
      GRAPHQL_MAX_DEPTH: '8',
      GRAPHQL_MAX_CHARACTERS: '5000',
      WS_CONNECTION_INIT_TIMEOUT_MS: '1000',
      RATE_LIMIT_LOGINS_PER_MINUTE: '3',
      RATE_LIMIT_MUTATIONS_PER_MINUTE: '0',
      TRUST_PROXY: 'true',
      GRAPHQL_MAX_ROWS: '5000',
      GRAPHQL_MAX_CONNECTIONS_PER_OPERATION: '2',
    });
    expect(config.queryLimits).toMatchObject({ maxDepth: 8, maxCharacters: 5000 });
    expect(config.wsConnectionInitTimeoutMs).toBe(1000);
    expect(config.rateLimits).toEqual({
      loginsPerMinute: 3,
      loginsPerIpPerMinute: 100,
      registrationsPerIpPerMinute: 5,
      mutationsPerMinute: 0,
      queryCostPerMinute: 500_000,
      open311PerMinute: 120,
    });
    expect(loadConfig({ RATE_LIMIT_OPEN311_PER_MINUTE: '7' }).rateLimits.open311PerMinute).toBe(7);
    expect(config.trustProxy).toBe(true);
    expect(config.workLimits).toEqual({ maxRows: 5000, maxStatements: 2000, maxConcurrentStatements: 2 });
    expect(loadConfig({ RATE_LIMIT_QUERY_COST_PER_MINUTE: '1000' }).rateLimits.queryCostPerMinute).toBe(1000);
    expect(() => loadConfig({ GRAPHQL_MAX_STATEMENTS: '-1' })).toThrow(/GRAPHQL_MAX_STATEMENTS/);
    expect(() => loadConfig({ RATE_LIMIT_QUERY_COST_PER_MINUTE: 'lots' })).toThrow(/RATE_LIMIT_QUERY_COST_PER_MINUTE/);
    expect(() => loadConfig({ RATE_LIMIT_MUTATIONS_PER_MINUTE: 'many' })).toThrow(/RATE_LIMIT_MUTATIONS_PER_MINUTE/);
    expect(() => loadConfig({ GRAPHQL_MAX_DEPTH: '0' })).toThrow(/GRAPHQL_MAX_DEPTH/);
  });

  describe('query limits', () => {
    for (const [what, query] of OVER_LIMITS) {
      it(`refuses ${what} over HTTP and WebSocket, revealing no limit`, async ({ h, admin }) => {
        expect(query.length).toBeLessThan(what.startsWith('20,000') ? 30_000 : 10_000);
        expectRefused(await post(h.url, query, {}, admin), `HTTP ${what}`);
        expectRefused(await wsOperation(h.url, admin, query), `WebSocket ${what}`);
      });
    }

    it('answers a document that does not parse with GRAPHQL_VALIDATION_FAILED on both transports', async ({
      h,
      admin,
    }) => {
      for (const r of [await post(h.url, '{ me { id }', {}, admin), await wsOperation(h.url, admin, '{ me { id }')]) {
        expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
        expect(r.errors?.[0]?.message).toMatch(/Syntax Error/);
      }
    });

    it('accepts what lies just within the limits', async ({ h, admin }) => {
      const within = [
        nested(10),
        aliases(15),
        `{ me { id } }${' '.repeat(9_000)}`,
        `{ me { ${'id '.repeat(1_900)}} }`,
        `{ me { ${'id @include(if: true) '.repeat(10)}} }`,
      ];
      for (const query of within) {
        const http = await post(h.url, query, {}, admin);
        expect(http.errors, query.slice(0, 80)).toBeUndefined();
        const ws = await wsOperation(h.url, admin, query);
        expect(ws.errors, query.slice(0, 80)).toBeUndefined();
        expect(ws.data).toEqual(http.data);
      }
    });

    it('keeps every contract document and every admin panel query within the limits', async () => {
      const limits = loadConfig({}).queryLimits;
      const files = fs.readdirSync(CONTRACT_DIR).filter((f) => f.endsWith('.graphql'));
      expect(files).toEqual(expect.arrayContaining(['activities.graphql', 'points.graphql', 'wishes.graphql']));
      for (const file of files) {
        const source = fs.readFileSync(path.join(CONTRACT_DIR, file), 'utf8');
        expect(limitRefusals(source, schema, limits), file).toEqual([]);
        // Some slack: a document may grow by half before it meets a limit.
        const tighter = {
          ...limits,
          maxDepth: Math.floor(limits.maxDepth * 0.8),
          maxCost: limits.maxCost / 2,
          maxTokens: limits.maxTokens / 2,
          maxCharacters: limits.maxCharacters / 2,
        };
        expect(limitRefusals(source, schema, tighter), `${file} with half the room`).toEqual([]);
        // A literal page size multiplies the cost: the largest page the server gives still fits.
        const fullPage = source.replace(/first: \$first/g, 'first: 100');
        expect(limitRefusals(fullPage, schema, limits), `${file} with first: 100`).toEqual([]);
      }
      // Every document the panel's data provider sends: lists, single records and mutations of each resource.
      const documents: [string, DocumentNode][] = Object.entries(adminRegistry).flatMap(([name, q]) => [
        [`${name} list`, q.list] as [string, DocumentNode],
        [`${name} one`, q.one] as [string, DocumentNode],
        ...(['create', 'update', 'delete'] as const).flatMap((m) => {
          const spec = q[m];
          return spec ? [[`${name} ${m}`, spec.document] as [string, DocumentNode]] : [];
        }),
      ]);
      expect(documents.length).toBeGreaterThan(0);
      for (const [name, document] of documents) {
        // As Apollo Client sends it: with __typename added to every selection.
        const source = print(addTypenameToDocument(document));
        expect(limitRefusals(source, schema, limits), name).toEqual([]);
        expect(limitRefusals(source.replace(/first: \$first/g, 'first: 100'), schema, limits), name).toEqual([]);
      }
      // With the pages the panel asks for (its lists show up to 50 rows; the unit tree and pickers ask for 200 units).
      for (const [name, q] of Object.entries(adminRegistry)) {
        const source = print(addTypenameToDocument(q.list));
        expect(limitRefusals(source, schema, limits, { limit: 50 }), `${name} list of 50`).toEqual([]);
      }
      const units = print(addTypenameToDocument(adminRegistry.orgUnits?.list as DocumentNode));
      expect(limitRefusals(units, schema, limits, { limit: 200 }), 'org units list of 200').toEqual([]);
      // The check itself can fail.
      expect(limitRefusals(nested(12), schema, limits)).toEqual([REFUSALS.depth]);
      expect(limitRefusals(units.replace('nodes {', 'nodes { children { children { id } }'), schema, limits)).toEqual([
        REFUSALS.cost,
      ]);
    });
  });

  describe('transport limits', () => {
    it('closes a socket that never sends connection_init (4408)', async ({ extraApp }) => {
      const app = await extraApp({ wsConnectionInitTimeoutMs: 300 });
      const { code, ms } = await closeCode(app.url);
      expect(code).toBe(4408);
      expect(ms).toBeLessThan(3_000);
    });

    it('closes a socket whose message exceeds the frame size limit (1009)', async ({ h }) => {
      const { code } = await closeCode(h.url, (socket) => socket.send('x'.repeat(70 * 1024)));
      expect(code).toBe(1009);
    });

    it('refuses an HTTP body over the size limit', async ({ h, admin }) => {
      const res = await fetch(`${h.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(70 * 1024) } }),
      });
      expect(res.status).toBe(413);
      const body = (await res.json()) as Result;
      expect(codes(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(body.errors?.[0]?.message).not.toMatch(/\d/);
    });
  });

  describe('CSRF prevention', () => {
    const form = new URLSearchParams({
      query: LOGIN,
      variables: JSON.stringify({ u: 'resident.wenxiangyuan.3', p: DEMO_PASSWORD }),
    }).toString();

    it('refuses a form or text/plain POST without the header, and changes nothing', async ({ h, countSessions }) => {
      const before = await countSessions();
      for (const contentType of [
        'application/x-www-form-urlencoded',
        'text/plain',
        'multipart/form-data; boundary=x',
      ]) {
        const res = await fetch(`${h.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': contentType },
          body: contentType.startsWith('text') ? JSON.stringify({ query: LOGIN }) : form,
        });
        expect(res.status, contentType).toBe(403);
        const body = await res.text();
        expect(body).not.toContain('token');
        // A refusal with the code the contract's README names, and a message saying what to send.
        const refused = JSON.parse(body) as Result;
        expect(codes(refused), contentType).toEqual(['BAD_REQUEST']);
        expect(refused.errors?.[0]?.message).toMatch(/GraphQL-Require-Preflight/);
      }
      expect(await countSessions()).toBe(before);
      // The same form with the header is a request the browser had to preflight: it runs.
      const allowed = await fetch(`${h.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-graphql-csrf': '1' },
        body: form,
      });
      expect(((await allowed.json()) as Result).data?.login?.token).toEqual(expect.any(String));
      expect(await countSessions()).toBe(before + 1);
    });

    it('refuses a GET without the header; JSON POSTs need none', async ({ h, admin }) => {
      const url = `${h.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`;
      const auth = { authorization: `Bearer ${admin}`, accept: 'application/json' };
      const refused = await fetch(url, { headers: auth });
      expect(refused.status).toBe(403);
      expect(codes((await refused.json()) as Result)).toEqual(['BAD_REQUEST']);
      // GraphQL over HTTP's own header, in any case, or the other servers' ones.
      for (const header of ['GraphQL-Require-Preflight', 'graphql-require-preflight', 'x-graphql-csrf']) {
        const withHeader = await fetch(url, { headers: { ...auth, [header]: '1' } });
        expect(((await withHeader.json()) as Result).data?.me?.id, header).toEqual(expect.any(String));
      }
      expect((await post(h.url, '{ me { id } }', {}, admin)).data?.me?.id).toEqual(expect.any(String));
    });

    it('still serves GraphiQL to a browser in development', async ({ h }) => {
      const res = await fetch(`${h.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
    });
  });

  describe('production mode', () => {
    const INTROSPECTION = ['{ __schema { types { name } } }', '{ __type(name: "Wish") { name fields { name } } }'];

    it('refuses introspection over HTTP and WebSocket, and hides suggestions and GraphiQL', async ({
      admin,
      extraApp,
    }) => {
      const app = await extraApp({ production: true });
      for (const query of INTROSPECTION) {
        for (const r of [await post(app.url, query, {}, admin), await wsOperation(app.url, admin, query)]) {
          expect(codes(r), query).toContain('GRAPHQL_VALIDATION_FAILED');
          expect(r.data ?? null).toBeNull();
        }
      }
      // Without a token too (login is the only other thing an anonymous request may do).
      expect(codes(await post(app.url, INTROSPECTION[0] as string))).toContain('GRAPHQL_VALIDATION_FAILED');
      const typo = await post(app.url, '{ me { displayNam } }', {}, admin);
      expect(codes(typo)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean|displayName/);
      const enumTypo = await post(
        app.url,
        SUBMIT,
        { input: { title: 'x', description: 'x', categoryCode: 'repairs', channel: 'APX' } },
        admin,
      );
      expect(codes(enumTypo)).toEqual(['BAD_USER_INPUT']);
      expect(JSON.stringify(enumTypo.errors)).not.toMatch(/Did you mean/);
      // An enum value, an argument and a type written in the document, over both transports.
      for (const query of [
        '{ wishes(filter: { status: [SUBMITTE] }) { totalCount } }',
        '{ wishes(frist: 1) { totalCount } }',
        'query($f: Wishfilter) { wishes(filter: $f) { totalCount } }',
      ]) {
        for (const r of [await post(app.url, query, {}, admin), await wsOperation(app.url, admin, query)]) {
          expect(codes(r), query).toEqual(['GRAPHQL_VALIDATION_FAILED']);
          expect(JSON.stringify(r.errors), query).not.toMatch(/Did you mean|SUBMITTED|"first"|WishFilter/);
        }
      }
      const page = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html', 'x-graphql-csrf': '1' } });
      expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
      // The refusals still say nothing about the limits.
      expectRefused(await post(app.url, nested(12), {}, admin), 'production depth');
    });

    it('allows introspection and suggestions in development', async ({ h, admin }) => {
      for (const query of INTROSPECTION) {
        expect((await post(h.url, query, {}, admin)).errors, query).toBeUndefined();
        expect((await wsOperation(h.url, admin, query)).errors, query).toBeUndefined();
      }
      expect(JSON.stringify((await post(h.url, '{ me { displayNam } }', {}, admin)).errors)).toMatch(/Did you mean/);
    });
  });

  describe('unexpected errors and logs', () => {
    it('masks an unexpected error for the client and logs it unmasked', async ({ h, admin, extraApp }) => {
      const logs = captureLogs('info');
      const app = await extraApp({}, logs.logger);
      await h.db.query('alter table wish_category rename to wish_category_away');
      try {
        const query = '{ wishCategories { code } }';
        for (const r of [await post(app.url, query, {}, admin), await wsOperation(app.url, admin, query)]) {
          expect(r.errors).toEqual([
            expect.objectContaining({
              message: 'Unexpected error.',
              extensions: expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR' }),
            }),
          ]);
          expect(JSON.stringify(r)).not.toMatch(/wish_category|relation|select/);
        }
      } finally {
        await h.db.query('alter table wish_category_away rename to wish_category');
      }
      const logged = logs.text();
      expect(logged).toContain('unexpected error');
      expect(logged.match(/relation \\"wish_category\\" does not exist/g)?.length).toBeGreaterThanOrEqual(2);
      // Fixed again: the same query works.
      expect(
        (await post(app.url, '{ wishCategories { code } }', {}, admin)).data?.wishCategories.length,
      ).toBeGreaterThan(0);
    });

    it('never logs passwords, tokens, phone numbers or descriptions, even of failed statements', async ({
      h,
      admin,
      extraApp,
    }) => {
      const logs = captureLogs('debug');
      const app = await extraApp({}, logs.logger);
      const phone = '13912345678';
      const description = `楼道灯坏了，请打电话 ${phone} 找王阿姨`;
      const login = await post(app.url, LOGIN, { u: 'resident.wenxiangyuan.2', p: DEMO_PASSWORD });
      const token = login.data.login.token as string;
      const input = { title: '楼道灯不亮', description, categoryCode: 'repairs' };
      expect((await post(app.url, SUBMIT, { input }, token)).errors).toBeUndefined();
      expect((await wsOperation(app.url, token, SUBMIT, { input })).errors).toBeUndefined();
      // Every insert into wish now fails inside PostgreSQL: the driver's message carries the statement with
      // its values, and PostgreSQL's detail the failing row.
      await h.db.query('alter table wish add constraint hardening_probe check (false) not valid');
      try {
        for (const r of [
          await post(app.url, SUBMIT, { input }, token),
          await wsOperation(app.url, token, SUBMIT, { input }),
        ]) {
          expect(codes(r)).toEqual(['INTERNAL_SERVER_ERROR']);
          expect(JSON.stringify(r)).not.toContain(phone);
        }
      } finally {
        await h.db.query('alter table wish drop constraint hardening_probe');
      }
      const logged = logs.text();
      expect(logged).toContain('hardening_probe'); // the failure itself was logged
      expect(logged.length).toBeGreaterThan(0);
      for (const secret of [DEMO_PASSWORD, token, phone, '王阿姨', admin]) expect(logged).not.toContain(secret);
    });
  });

  describe('rate limits', () => {
    const login = (app: App, u: string, p = DEMO_PASSWORD) => post(app.url, LOGIN, { u, p });

    function expectRateLimited(r: Result) {
      expect(codes(r)).toEqual(['RATE_LIMITED']);
      expect(r.errors?.[0]?.message).toMatch(/retry later/);
      const retry = r.errors?.[0]?.extensions?.retryAfterSeconds;
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(60);
      expect(r.data?.login ?? r.data?.submitWish ?? null).toBeNull();
    }

    it('limits login attempts per username and per client address, writing nothing when refused', async ({
      h,
      extraApp,
      countSessions,
    }) => {
      const app = await extraApp({
        rateLimits: { ...RATE_LIMITS, loginsPerMinute: 3, loginsPerIpPerMinute: 8, mutationsPerMinute: 600 },
      });
      const before = await countSessions();
      expect((await login(app, 'member.wenxiangyuan.2')).data.login.token).toEqual(expect.any(String));
      expect(codes(await login(app, 'member.wenxiangyuan.2', 'wrong-password'))).toEqual(['UNAUTHENTICATED']);
      expect((await login(app, 'member.wenxiangyuan.2')).data.login.token).toEqual(expect.any(String));
      // The fourth attempt within the minute, with the right password: refused, no session written.
      expectRateLimited(await login(app, 'member.wenxiangyuan.2'));
      expect(await countSessions()).toBe(before + 2);
      // Another username from the same address has its own count …
      for (let i = 0; i < 3; i++) expect((await login(app, 'member.wenxiangyuan.3')).data.login.token).toBeTruthy();
      expect((await login(app, 'member.wenxiangyuan.4')).data.login.token).toBeTruthy();
      // … until the address has made 8 attempts in all.
      expectRateLimited(await login(app, 'member.wenxiangyuan.5'));
      expect(await countSessions()).toBe(before + 6);
      // The harness's server, with the default limits, is not affected.
      expect((await login(h.app, 'member.wenxiangyuan.2')).data.login.token).toBeTruthy();
    });

    it('behind a trusted proxy, counts by the last X-Forwarded-For hop, which a client cannot prepend away', async ({
      extraApp,
    }) => {
      const app = await extraApp({
        trustProxy: true,
        rateLimits: { ...RATE_LIMITS, loginsPerMinute: 10, loginsPerIpPerMinute: 2, mutationsPerMinute: 600 },
      });
      const from = async (forwardedFor: string) => {
        const res = await fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          body: JSON.stringify({ query: LOGIN, variables: { u: 'grid.hongshun', p: DEMO_PASSWORD } }),
        });
        return (await res.json()) as Result;
      };
      expect((await from('203.0.113.5')).data.login.token).toBeTruthy();
      expect((await from('198.51.100.7, 203.0.113.5')).data.login.token).toBeTruthy();
      expectRateLimited(await from('192.0.2.1, 203.0.113.5'));
      expect((await from('203.0.113.6')).data.login.token).toBeTruthy();
    });

    it('limits mutations per person over both transports; queries count against their own budget', async ({
      h,
      extraApp,
    }) => {
      const app = await extraApp({
        rateLimits: { ...RATE_LIMITS, loginsPerMinute: 10, loginsPerIpPerMinute: 100, mutationsPerMinute: 5 },
      });
      const resident = await h.login('resident.wenxiangyuan.1');
      const other = await h.login('resident.financial.1');
      const input = { title: '门禁坏了', description: '东门门禁刷卡没反应', categoryCode: 'repairs' };
      for (let i = 0; i < 4; i++) expect((await post(app.url, SUBMIT, { input }, resident)).errors).toBeUndefined();
      expect((await wsOperation(app.url, resident, SUBMIT, { input })).errors).toBeUndefined();
      const before = await wishTablesDigest(h);
      expectRateLimited(await post(app.url, SUBMIT, { input }, resident));
      expectRateLimited(await wsOperation(app.url, resident, SUBMIT, { input }));
      expect(await wishTablesDigest(h)).toBe(before);
      for (let i = 0; i < 20; i++) expect((await post(app.url, '{ me { id } }', {}, resident)).errors).toBeUndefined();
      expect((await wsOperation(app.url, resident, '{ me { id } }')).errors).toBeUndefined();
      // Someone else is not held back by it.
      expect((await post(app.url, SUBMIT, { input }, other)).errors).toBeUndefined();
      // Two mutations in one request count as two.
      const two = `mutation($input: SubmitWishInput!) { a: submitWish(input: $input) { wish { id } } b: submitWish(input: $input) { wish { id } } }`;
      for (let i = 0; i < 2; i++) expect((await post(app.url, two, { input }, other)).errors).toBeUndefined();
      const beforeTwo = await wishTablesDigest(h);
      expectRateLimited(await post(app.url, two, { input }, other));
      expect(await wishTablesDigest(h)).toBe(beforeTwo);
    });
  });
});

describe.runIf(await reachable(REDIS_URL))('rate limits shared by replicas through Redis', () => {
  it('counts login attempts on one replica against the other', async ({ extraApp }) => {
    const apps: App[] = [];
    for (let i = 0; i < 2; i++) {
      apps.push(
        await extraApp({
          redisUrl: REDIS_URL,
          rateLimits: { ...RATE_LIMITS, loginsPerMinute: 2, loginsPerIpPerMinute: 100, mutationsPerMinute: 600 },
        }),
      );
    }
    const [a, b] = apps as [App, App];
    const attempt = (app: App) => post(app.url, LOGIN, { u: 'volunteer.wenxiangyuan.1', p: DEMO_PASSWORD });
    expect((await attempt(a)).data.login.token).toBeTruthy();
    expect((await attempt(b)).data.login.token).toBeTruthy();
    const refused = await attempt(a);
    expect(codes(refused)).toEqual(['RATE_LIMITED']);
    expect(codes(await attempt(b))).toEqual(['RATE_LIMITED']);
  });
});
