/**
 * `npm run bench -- generate [--events 1000000] [--residents 54506] [--activities 3000] [--now YYYY-MM-DD]
 *   [--connections 3] [--part-rows 250000] [--keep]` (--keep: leave the scratch database for a look at its plans)
 *
 * Creates a scratch database on the machine PostgreSQL, migrates it and seeds the demo; times the read paths
 * at the demo size; generates the whole street at scale (street.ts) and loads it with COPY (copy.ts) into the
 * real tables as a restore does (load.ts: keys, indexes and foreign keys set aside, COPY over several connections,
 * then built and validated), next to a raw COPY of the same rows into unindexed copies of the tables (the
 * baseline, same run); checks that the loaded database has exactly a migrated one's definitions (schema.ts); then
 * times the read paths again at that size, with their plans. The scratch database is dropped at the end, also on
 * failure.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { seedDemoData } from '../../seeds/demo/index.ts';
import { migrate } from '../../server/src/db/database.ts';
import { withoutTimeLimits } from '../../server/src/db/faults.ts';
import { WISH_EVENT_DAY_BACKFILL } from '../../server/src/db/migrations/Migration20261201000110_WishEventDays.ts';
import { ormOptions } from '../../server/src/db/mikro-orm.config.ts';
import { numberOption } from '../support.ts';
import { copyInto, must } from './copy.ts';
import { bulkLoad } from './load.ts';
import { type Timing, timeQueries } from './queries.ts';
import { definitions, differences } from './schema.ts';
import { generateStreet, SERIALS } from './street.ts';

const SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';

const events = numberOption('events', 1_000_000);
const residents = numberOption('residents', 54_506);
const activities = numberOption('activities', Math.max(50, Math.round((3_000 * events) / 1_000_000)));
const connections = numberOption('connections', 3);
const partRows = numberOption('part-rows', 250_000);
const keep = process.argv.includes('--keep');
const nowArg = process.argv.indexOf('--now');
const now = new Date(`${nowArg >= 0 ? process.argv[nowArg + 1] : new Date().toISOString().slice(0, 10)}T00:00:00Z`);

const dbName = `wishgrid_bench_generate_${process.pid}`;
const dbUrl = (() => {
  const u = new URL(SERVER);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: SERVER });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

export async function main(): Promise<void> {
  console.log(
    `bench/generate: ${events} events, ${residents} residents, ${activities} activities, now ${now.toISOString().slice(0, 10)}`,
  );
  await admin((c) => c.query(`create database ${dbName}`));
  const orm = await MikroORM.init(
    ormOptions(
      dbUrl,
      {},
      {
        limits: {
          connectTimeoutMs: 10_000,
          acquireTimeoutMs: 60_000,
          statementTimeoutMs: 600_000,
          idleInTransactionTimeoutMs: 600_000,
          poolMax: 4,
        },
      },
    ),
  );
  const client = new pg.Client({ connectionString: dbUrl });
  try {
    await client.connect();
    await migrate(orm);
    const t0 = performance.now();
    await withoutTimeLimits(() => seedDemoData(orm.em.fork(), { demoPassword: 'wishgrid-demo', seed: 1, now }));
    console.log(`demo seed: ${fmt(performance.now() - t0)} ms`);
    await client.query('analyze');
    const demoCounts = await counts(client);
    const atDemo = await withoutTimeLimits(() => timeQueries(orm.em.fork(), now));

    const g0 = performance.now();
    const tables = await generateStreet(client, { residents, events, activities, now, seed: 20_261_130 });
    console.log(`generated in memory: ${fmt(performance.now() - g0)} ms`);

    // The baseline: the same rows into unindexed, unconstrained copies of the tables.
    let raw = 0;
    for (const t of tables) await client.query(`create table bench_raw_${t.name} (like ${t.name} including defaults)`);
    for (const t of tables) {
      const t1 = performance.now();
      if (process.env.BENCH_DEBUG) console.log(`raw ${t.name} ${t.lines.length}`);
      await copyInto(client, `bench_raw_${t.name}`, t.columns, t.lines);
      raw += performance.now() - t1;
    }
    // The load: into the real tables as a restore does it (load.ts), serials moved on after the explicit ids.
    // wish_event_day's trigger reads each event's wish, which may still be loading on another connection: it
    // pauses during the load, and the summary is rebuilt from the loaded events beside the index builds.
    const loaded = await bulkLoad(dbUrl, tables, {
      connections,
      partRows,
      before: async (c) => {
        await c.query('alter table wish_event disable trigger wish_event_day_insert');
        await c.query('delete from wish_event_day');
      },
      besideIndexes: [WISH_EVENT_DAY_BACKFILL],
      after: async (c) => {
        await c.query('alter table wish_event enable trigger wish_event_day_insert');
        for (const [table, col] of SERIALS)
          await c.query(
            `select setval(pg_get_serial_sequence('${table}', '${col}'), (select max(${col}) from ${table}))`,
          );
      },
    });
    const load = loaded.ms;
    for (const t of tables) await client.query(`drop table bench_raw_${t.name}`);
    await sameAsMigrated(client);
    // What autovacuum would do after a bulk load: statistics, and the visibility map index-only scans need.
    const a0 = performance.now();
    await client.query('vacuum (analyze)');
    const analyze = performance.now() - a0;
    const rows = tables.reduce((s, t) => s + t.lines.length, 0);
    console.log(`\nload of ${rows} rows (${loaded.phases.join('; ')})`);
    console.log('| load | COPY into the real tables | raw COPY, unindexed copies (baseline) | ratio |');
    console.log('|---|---|---|---|');
    console.log(`| ${rows} rows | ${fmt(load)} ms | ${fmt(raw)} ms | ${(load / raw).toFixed(2)} |`);
    console.log(`(then VACUUM ANALYZE: ${fmt(analyze)} ms)`);

    const scaleCounts = await counts(client);
    const atScale = await withoutTimeLimits(() => timeQueries(orm.em.fork(), now));
    report(demoCounts, scaleCounts, atDemo, atScale);
  } finally {
    await client.end().catch(() => undefined);
    await orm.close(true);
    if (keep) console.log(`--keep: the database ${dbName} is left in place (drop it when done)`);
    else await admin((c) => c.query(`drop database if exists ${dbName} with (force)`));
  }
}

/**
 * The loaded database against a freshly migrated one: the same indexes, constraints (all validated), triggers and
 * columns; and the wish_count summary equal to a recount of the loaded wishes. Throws, listing what differs.
 */
async function sameAsMigrated(client: pg.Client): Promise<void> {
  const refName = `${dbName}_ref`;
  const refUrl = dbUrl.replace(`/${dbName}`, `/${refName}`);
  await admin((c) => c.query(`create database ${refName}`));
  try {
    const ref = await MikroORM.init(ormOptions(refUrl, { debug: false }));
    try {
      await migrate(ref);
    } finally {
      await ref.close(true);
    }
    const diff = differences(await definitions(refUrl), await definitions(dbUrl));
    if (diff.length > 0)
      throw new Error(`bench/generate: the loaded database differs from a migrated one:\n${diff.join('\n')}`);
  } finally {
    await admin((c) => c.query(`drop database if exists ${refName} with (force)`));
  }
  const drift = await client.query(
    `(select compound_id, category_id, status, n from wish_count where n > 0
      except select compound_id, category_id, status, count(*)::int from wish group by 1, 2, 3)
     union all
     (select compound_id, category_id, status, count(*)::int from wish group by 1, 2, 3
      except select compound_id, category_id, status, n from wish_count)`,
  );
  if (drift.rows.length > 0)
    throw new Error(`bench/generate: wish_count differs from a recount in ${drift.rows.length} rows after the load`);
  const days = `select (e.at at time zone 'UTC')::date as day, w.compound_id, e.to_status, count(*)::int as n,
       coalesce(sum(extract(epoch from (e.at - w.created_at)) / 3600) filter (where e.to_status = 'CLOSED'), 0) as closed_hours,
       (count(*) filter (where e.action in ('EVALUATE', 'REOPEN')))::int as rated,
       (sum(coalesce((e.data->>'rating')::int, 0)) filter (where e.action in ('EVALUATE', 'REOPEN')))::int as rating_sum
     from wish_event e join wish w on w.id = e.wish_id group by 1, 2, 3`;
  const daysDrift = await client.query(
    `(select day, compound_id, to_status, n, closed_hours, rated, nullif(rating_sum, 0) from wish_event_day where n > 0
      except select day, compound_id, to_status, n, closed_hours, rated, nullif(rating_sum, 0) from (${days}) r)
     union all
     (select day, compound_id, to_status, n, closed_hours, rated, nullif(rating_sum, 0) from (${days}) r
      except select day, compound_id, to_status, n, closed_hours, rated, nullif(rating_sum, 0) from wish_event_day)`,
  );
  const pointsDrift = await client.query(
    `(select person_id, year, total from point_year_total
      except select person_id, year, sum(case when kind = 'DEDUCTION' then -amount else amount end)::int from point_entry group by 1, 2)
     union all
     (select person_id, year, sum(case when kind = 'DEDUCTION' then -amount else amount end)::int from point_entry group by 1, 2
      except select person_id, year, total from point_year_total)`,
  );
  if (pointsDrift.rows.length > 0)
    throw new Error(`bench/generate: point_year_total differs from the ledger in ${pointsDrift.rows.length} rows`);
  if (daysDrift.rows.length > 0)
    throw new Error(
      `bench/generate: wish_event_day differs from a recount in ${daysDrift.rows.length} rows after the load`,
    );
  console.log(
    'schema after the load: identical to a migrated database (indexes, constraints, triggers, columns); wish_count, wish_event_day and point_year_total = recounts',
  );
}

async function counts(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ w: string; e: string; p: string; l: string }>(
    `select (select count(*) from wish) as w, (select count(*) from wish_event) as e,
            (select count(*) from person) as p, (select count(*) from point_entry) as l`,
  );
  const r = must(rows[0]);
  return `${r.w} wishes, ${r.e} events, ${r.p} people, ${r.l} ledger entries`;
}

function report(demo: string, scale: string, atDemo: Timing[], atScale: Timing[]): void {
  console.log(`\ndemo size: ${demo}\nstreet size: ${scale}\n`);
  console.log('| query (median of 5) | demo size | street size | ratio | flat (≤2× or <50 ms) |');
  console.log('|---|---|---|---|---|');
  atScale.forEach((s, i) => {
    const d = must(atDemo[i]);
    const ok = s.ms < 50 || s.ms <= 2 * d.ms;
    console.log(
      `| ${s.name} | ${fmt(d.ms)} ms | ${fmt(s.ms)} ms | ${(s.ms / d.ms).toFixed(1)} | ${ok ? 'yes' : 'NO'} |`,
    );
  });
  console.log('\nPlans at the street size (EXPLAIN ANALYZE, BUFFERS; short form):');
  for (const s of atScale) {
    console.log(`\n## ${s.name}`);
    for (const [i, p] of s.plans.entries()) console.log(`-- statement ${i + 1}\n${p}`);
  }
}
