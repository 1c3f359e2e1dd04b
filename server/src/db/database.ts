/** Where the data lives: DATABASE_URL, or the embedded PostgreSQL; migrations and the demo seed. */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres.ts';

export interface Database {
  url: string;
  embedded: EmbeddedDatabase | null;
}

export async function resolveDatabase(config: Config, logger: Logger): Promise<Database> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPgPort,
    log: { info: (m) => logger.info(m), warn: (m) => logger.warn(m) },
  });
  return { url: embedded.url, embedded };
}

export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/** Seeds the demo data when the database has no org units yet. Returns whether it seeded. */
export async function seedIfEmpty(orm: MikroORM, demoPassword: string): Promise<boolean> {
  const em = orm.em.fork();
  const [row] = await em.execute<{ n: string }[]>('select count(*) as n from org_unit');
  if (Number(row?.n ?? 0) > 0) return false;
  const { seedDemoData } = await import('../../../seeds/demo-seed.ts');
  await seedDemoData(em, { demoPassword });
  return true;
}
