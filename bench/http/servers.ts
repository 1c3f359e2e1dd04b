/**
 * The two servers the http benchmark compares, each with a count of the SQL statements it has sent:
 * the app itself (buildApp: yoga, Pothos, MikroORM) and a baseline — node:http and pg alone — that answers the
 * contract's `Wishes` query with the same JSON from the same SQL (the domain's own queries, sent straight to pg).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { buildApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import { authenticate } from '../../server/src/domain/auth/auth.service.ts';
import { listWishes } from '../../server/src/domain/wishes/wish.queries.ts';
import { encodeId } from '../../server/src/graphql/ids.ts';
import { createLogger } from '../../server/src/logger.ts';

export interface BenchServer {
  url: string;
  /** SQL statements sent so far. */
  statements(): number;
  stop(): Promise<void>;
}

export async function startApp(databaseUrl: string): Promise<BenchServer> {
  const base = loadConfig({});
  const config = {
    ...base,
    port: 0,
    host: '127.0.0.1',
    redisUrl: null,
    sweepIntervalSeconds: 0,
    // One account sends every request: the per-person query budget would stop the run, not measure it.
    rateLimits: { ...base.rateLimits, queryCostPerMinute: 0 },
  };
  const app = await buildApp({ config, databaseUrl, logger: createLogger('silent') });
  const url = await app.start();
  let count = 0;
  const connection = app.orm.em.getConnection();
  const execute = connection.execute.bind(connection);
  connection.execute = ((...args: Parameters<typeof execute>) => {
    count++;
    return execute(...args);
  }) as typeof connection.execute;
  return { url, statements: () => count, stop: () => app.stop({ graceMs: 0 }) };
}

/** `?` placeholders (MikroORM's) as pg's `$n`. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

interface WishesRequest {
  variables?: { first?: number | null; after?: string | null; filter?: null };
}

export async function startBaseline(databaseUrl: string): Promise<BenchServer> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: loadConfig({}).database.poolMax });
  let count = 0;
  // Just enough of an EntityManager for the domain's read queries: `execute(sql, params)` straight to pg.
  const em = {
    async execute(sql: string, params: unknown[] = []) {
      count++;
      return (await pool.query(numbered(sql), params)).rows;
    },
  } as unknown as EntityManager;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void answer(req, Buffer.concat(chunks).toString('utf8')).then(
        (body) => {
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
          res.end(body);
        },
        (err: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: String(err) }] }));
        },
      );
    });
  });

  async function answer(req: http.IncomingMessage, body: string): Promise<string> {
    const request = JSON.parse(body) as WishesRequest;
    const check = await authenticate(em, req.headers.authorization);
    if (check.kind !== 'ok') return JSON.stringify({ errors: [{ message: 'unauthenticated' }] });
    const v = request.variables ?? {};
    const page = await listWishes(em, check.viewer, { first: v.first ?? null, after: v.after ?? null });
    const units = new Map(page.units.map((u) => [u.id, u]));
    const categories = new Map(page.categories.map((k) => [k.id, k]));
    const unit = (id: number, kind: boolean) => {
      const u = units.get(id);
      if (!u) throw new Error(`unit ${id} missing`);
      return kind
        ? { id: encodeId('OrgUnit', u.id), name: u.name, kind: u.kind }
        : { id: encodeId('OrgUnit', u.id), name: u.name };
    };
    return JSON.stringify({
      data: {
        wishes: {
          totalCount: page.totalCount,
          pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.edges[page.edges.length - 1]?.cursor ?? null },
          edges: page.edges.map(({ cursor, node: w }) => {
            const k = categories.get(w.categoryId);
            return {
              cursor,
              node: {
                id: encodeId('Wish', w.id),
                title: w.title,
                status: w.status,
                category: { code: k?.code, name: k?.nameEn },
                compound: unit(w.compoundId, false),
                handlingUnit: unit(w.handlingUnitId, true),
                createdAt: w.createdAt.toISOString(),
                updatedAt: w.updatedAt.toISOString(),
              },
            };
          }),
        },
      },
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    statements: () => count,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
