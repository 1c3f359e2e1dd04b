/**
 * The read paths timed at the demo size and at the street's size: each through its domain function (the
 * statements it sends are recorded), timed as the median of a few runs, then each statement EXPLAINed
 * (ANALYZE, BUFFERS) to show which indexes it uses.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { loadViewer } from '../../server/src/domain/auth/auth.service.ts';
import type { Viewer } from '../../server/src/domain/auth/viewer.ts';
import { pointRanking } from '../../server/src/domain/points/points.queries.ts';
import { recentVisibleEvents, wishList } from '../../server/src/domain/wishes/wish.queries.ts';
import { wishStats } from '../../server/src/domain/wishes/wish.stats.ts';

export interface Timing {
  name: string;
  ms: number;
  plans: string[];
}

type Statement = [sql: string, params: unknown[]];

/** The same entity manager, recording every `execute` it is given. */
function recording(em: EntityManager, log: Statement[]): EntityManager {
  return new Proxy(em, {
    get(target, prop) {
      if (prop === 'execute') {
        return (sql: string, params: unknown[] = [], ...rest: unknown[]) => {
          log.push([sql, params]);
          return (target.execute as (...a: unknown[]) => unknown)(sql, params, ...rest);
        };
      }
      const v = Reflect.get(target, prop, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

async function viewerNamed(em: EntityManager, username: string): Promise<Viewer> {
  const [row] = await em.execute<{ id: number }[]>('select id from person where username = ?', [username]);
  const viewer = row ? await loadViewer(em, row.id) : null;
  if (!viewer) throw new Error(`generate: no demo account ${username}`);
  return viewer;
}

/** A plan in short form: the plan nodes with their index names and actual times, and the execution time. */
function shortPlan(rows: { 'QUERY PLAN': string }[]): string {
  const lines = rows.map((r) => r['QUERY PLAN']);
  const nodes = lines
    .filter((l) => /(Scan|Join|Aggregate|Sort |Limit|Nested Loop|Execution Time|Bitmap)/.test(l))
    .map((l) =>
      l
        .replace(/\(cost=[^)]*\)\s*/, '')
        .replace(/\(actual time=[\d.]+\.\.([\d.]+) rows=(\d+) loops=(\d+)\)/, '[$1 ms, $2 rows×$3]')
        .replace(/^\s*->\s*/, (m) => `${' '.repeat(Math.max(0, m.indexOf('->') / 3))}-> `),
    );
  return nodes.slice(0, 14).join('\n');
}

const RUNS = 5;

async function time(em: EntityManager, name: string, run: (em: EntityManager) => Promise<unknown>): Promise<Timing> {
  const log: Statement[] = [];
  await run(recording(em, log)); // warm-up, and the statements it sends
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run(em);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const plans: string[] = [];
  for (const [sql, params] of log) {
    const rows = await em.execute<{ 'QUERY PLAN': string }[]>(`explain (analyze, buffers) ${sql}`, params);
    plans.push(shortPlan(rows));
  }
  return { name, ms: ms[Math.floor(RUNS / 2)] ?? 0, plans };
}

/** Category × compound counts of the wishes listed in the last 30 days (the hotSpots board's aggregation). */
const HOT_SPOTS = `select w.category_id, w.compound_id, count(*) as n
  from wish w join org_unit c on c.id = w.compound_id
 where w.created_at >= now() - interval '30 days' and c.path like ?
 group by w.category_id, w.compound_id order by n desc limit 20`;

export async function timeQueries(em: EntityManager, now: Date): Promise<Timing[]> {
  const admin = await viewerNamed(em, 'admin');
  const secretary = await viewerNamed(em, 'hongshun.secretary');
  const screen = await viewerNamed(em, 'screen.hongshun');
  const [street] = await em.execute<{ id: number; path: string }[]>(
    `select id, path from org_unit where kind = 'STREET'`,
  );
  if (!street) throw new Error('generate: no street');
  const screenPath = screen.roles[0]?.scopePath ?? street.path;
  const from = new Date(now.getTime() - 30 * 86_400_000);
  return [
    await time(em, 'wishStats (street, 30 days)', (e) => wishStats(e, admin, { unitPath: null, from, to: null })),
    await time(em, 'wishList first page (street admin)', (e) => wishList(e, admin, {}, { limit: 25, offset: 0 })),
    await time(em, 'wishList first page (community secretary)', (e) =>
      wishList(e, secretary, {}, { limit: 25, offset: 0 }),
    ),
    await time(em, 'wishList deep page (offset 1000)', (e) => wishList(e, admin, {}, { limit: 25, offset: 1000 })),
    await time(em, 'recentWishEvents (screen, last 50)', (e) => recentVisibleEvents(e, screen, screenPath, 50)),
    await time(em, 'pointRanking (street, this year, top 10)', (e) =>
      pointRanking(e, admin, { orgUnitId: street.id, year: now.getUTCFullYear(), first: 10 }),
    ),
    await time(em, 'hotSpots (category × compound, 30 days)', (e) => e.execute(HOT_SPOTS, [`${street.path}%`])),
  ];
}
