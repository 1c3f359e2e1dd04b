/** Process entry: configuration, database, the app, and a clean shutdown. */
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { migrate, resolveDatabase, seedIfEmpty } from './db/database.ts';
import { portInUse } from './db/embedded-postgres.ts';
import { createLogger } from './logger.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (config.port !== 0 && (await portInUse(config.port, config.host === '0.0.0.0' ? '0.0.0.0' : config.host))) {
    throw new Error(`Port ${config.port} is in use: stop what listens there, or set PORT to a free port`);
  }
  const database = await resolveDatabase(config, logger);
  logger.info(database.embedded ? 'Using the embedded PostgreSQL' : 'Using the PostgreSQL at DATABASE_URL');
  const app = await buildApp({ config, databaseUrl: database.url, logger });
  const applied = await migrate(app.orm);
  if (applied.length > 0) logger.info(`Applied migrations: ${applied.join(', ')}`);
  if (config.seedOnStart && (await seedIfEmpty(app.orm, config.demoPassword))) {
    logger.info('Seeded the demo data of Xiguan Street');
  }
  const url = await app.start();

  const shutdown = async (signal: string) => {
    logger.info(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.stop().catch((err) => logger.error({ err }, 'error while stopping'));
    await database.embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const seeded = config.seedOnStart
    ? `log in as admin / ${config.demoPassword === 'wishgrid-demo' ? 'wishgrid-demo' : '$WISHGRID_DEMO_PASSWORD'}`
    : '';
  console.log(
    [
      '',
      `  WishGrid is running.`,
      `  GraphQL (HTTP and WebSocket): ${url}/graphql`,
      `  Admin panel:                  ${url}/admin/`,
      seeded ? `  Demo accounts (see README):   ${seeded}` : '',
      '',
    ]
      .filter((l) => l !== null)
      .join('\n'),
  );
}

main().catch((err: unknown) => {
  console.error(`\nWishGrid could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
