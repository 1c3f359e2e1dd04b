/**
 * What every benchmark needs: its numeric options, and a scratch database of its own on the machine PostgreSQL
 * (created, optionally migrated and seeded with the demo, and dropped at the end). Benchmarks talk to 127.0.0.1 only.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { seedDemoData } from '../seeds/demo/index.ts';
import { migrate } from '../server/src/db/database.ts';
import { ormOptions } from '../server/src/db/mikro-orm.config.ts';

/** The PostgreSQL server the scratch databases are made on. */
export const BENCH_SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const DEMO_PASSWORD = process.env.WISHGRID_DEMO_PASSWORD ?? 'wishgrid-demo';

/** `--name <number>` from the command line, or `fallback`. */
export function numberOption(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} needs a number`);
  return v;
}

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function admin(run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: BENCH_SERVER_URL });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

/** A new database `<prefix>_<pid>_<time>`; with `seed`, migrated and seeded with the demo (seed 1). */
export async function scratchDatabase(prefix: string, opts: { seed?: boolean } = {}): Promise<ScratchDatabase> {
  if (!['127.0.0.1', 'localhost'].includes(new URL(BENCH_SERVER_URL).hostname)) {
    throw new Error('benchmarks talk to 127.0.0.1 only');
  }
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${name}`;
  const db: ScratchDatabase = {
    name,
    url: url.toString(),
    drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)),
  };
  if (opts.seed) {
    try {
      const orm = await MikroORM.init(ormOptions(db.url, { debug: false }));
      try {
        await migrate(orm);
        await seedDemoData(orm.em.fork(), { demoPassword: DEMO_PASSWORD, seed: 1 });
      } finally {
        await orm.close(true);
      }
    } catch (err) {
      await db.drop();
      throw err;
    }
  }
  return db;
}
