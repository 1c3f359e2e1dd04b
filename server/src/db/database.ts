/** Where the data lives: DATABASE_URL, or the embedded PostgreSQL; migrations and the demo seed. */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres.ts';
import { withoutTimeLimits } from './faults.ts';

export interface Database {
  url: string;
  embedded: EmbeddedDatabase | null;
}

export async function resolveDatabase(config: Config, logger: Logger): Promise<Database> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  // Restarted by itself if it dies; stopped if this process dies (see embedded-postgres.ts).
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPgPort,
    log: { info: (m) => logger.info(m), warn: (m) => logger.warn(m) },
  });
  return { url: embedded.url, embedded };
}

/** Replicas starting together take turns: one migrates, the others then find nothing to do. */
const MIGRATION_LOCK = 7_310_002;

/** Maintenance takes as long as it takes: no statement timeout (a replica may wait for another's migration). */
const NO_TIMEOUTS = 'set local statement_timeout = 0; set local idle_in_transaction_session_timeout = 0';

export async function migrate(orm: MikroORM): Promise<string[]> {
  return await withoutTimeLimits(() => migrateNow(orm));
}

async function migrateNow(orm: MikroORM): Promise<string[]> {
  return await orm.em.fork().transactional(async (em) => {
    await em.execute(NO_TIMEOUTS);
    await em.execute('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    const transaction = em.getTransactionContext();
    const applied = await orm.getMigrator().up(transaction ? { transaction } : {});
    return applied.map((m) => m.name);
  });
}

/** Seeds the demo data when the database has no org units yet. Returns whether it seeded. */
export async function seedIfEmpty(orm: MikroORM, demoPassword: string): Promise<boolean> {
  return await withoutTimeLimits(() => seedNow(orm, demoPassword));
}

async function seedNow(orm: MikroORM, demoPassword: string): Promise<boolean> {
  const em = orm.em.fork();
  const [row] = await em.execute<{ n: string }[]>('select count(*) as n from org_unit');
  if (Number(row?.n ?? 0) > 0) return false;
  const { seedDemoData } = await import('../../../seeds/demo/index.ts');
  try {
    await em.transactional(async (tx) => {
      await tx.execute(NO_TIMEOUTS);
      await seedDemoData(tx, { demoPassword });
    });
    return true;
  } catch (err) {
    // Another replica seeded it between our count and our lock: that is fine.
    const [again] = await em.execute<{ n: string }[]>('select count(*) as n from org_unit');
    if (Number(again?.n ?? 0) > 0) return false;
    throw err;
  }
}
