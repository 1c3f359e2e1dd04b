/**
 * `npm run bench -- generate [--events 1000000] [--residents 54506] [--activities 3000] [--now YYYY-MM-DD]`
 *
 * Creates a scratch database on the machine PostgreSQL, migrates it and seeds the demo; times the read paths
 * at the demo size; generates the whole street at scale (street.ts) and loads it with COPY (copy.ts) into the
 * real tables (indexes, constraints and triggers as migrated), next to a raw COPY of the same rows into
 * unindexed copies of the tables (the baseline, same run); then times the read paths again at that size, with
 * their plans. The scratch database is dropped at the end, also on failure.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { seedDemoData } from '../../seeds/demo/index.ts';
import { migrate } from '../../server/src/db/database.ts';
import { withoutTimeLimits } from '../../server/src/db/faults.ts';
import { ormOptions } from '../../server/src/db/mikro-orm.config.ts';
import { numberOption } from '../support.ts';
import { copyInto, must } from './copy.ts';
import { type Timing, timeQueries } from './queries.ts';
import { generateStreet, SERIALS } from './street.ts';

const SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';

const events = numberOption('events', 1_000_000);
const residents = numberOption('residents', 54_506);
const activities = numberOption('activities', Math.max(50, Math.round((3_000 * events) / 1_000_000)));
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
    // The load: into the real tables, in one transaction, serials moved on after the explicit ids.
    const l0 = performance.now();
    const perTable: string[] = [];
    await client.query('begin');
    for (const t of tables) {
      const t1 = performance.now();
      const n = await copyInto(client, t.name, t.columns, t.lines);
      perTable.push(`${t.name} ${n} rows ${fmt(performance.now() - t1)} ms`);
    }
    for (const [table, col] of SERIALS)
      await client.query(
        `select setval(pg_get_serial_sequence('${table}', '${col}'), (select max(${col}) from ${table}))`,
      );
    await client.query('commit');
    const load = performance.now() - l0;
    for (const t of tables) await client.query(`drop table bench_raw_${t.name}`);
    // What autovacuum would do after a bulk load: statistics, and the visibility map index-only scans need.
    const a0 = performance.now();
    await client.query('vacuum (analyze)');
    const analyze = performance.now() - a0;
    const rows = tables.reduce((s, t) => s + t.lines.length, 0);
    console.log(`\nload of ${rows} rows (${perTable.join('; ')})`);
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
    await admin((c) => c.query(`drop database if exists ${dbName} with (force)`));
  }
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
