/**
 * Process entry: configuration, database, the app, and the graceful stop.
 *
 * SIGTERM or SIGINT: the app stops accepting, lets what is in flight finish for SHUTDOWN_GRACE_SECONDS, closes its
 * sockets with 1001 (App.stop), then the embedded PostgreSQL (when this process started one) is stopped last, and
 * the process exits with 0. A signal during the start stops what has started so far. A second signal changes
 * nothing (the stop is under way and bounded); a stop that hangs anyway ends the process with 1 after a margin.
 */
import { type App, buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { type Database, migrate, resolveDatabase, seedIfEmpty } from './db/database.ts';
import { portInUse } from './db/embedded-postgres.ts';
import { createLogger } from './logger.ts';

const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;
/** Beyond the grace period, what the rest of the stop may take before the process gives up on it. */
const STOP_MARGIN_MS = 20_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const graceMs = config.shutdownGraceSeconds * 1000;

  let database: Database | null = null;
  let app: App | null = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      logger.warn(`${signal}: already stopping (within ${config.shutdownGraceSeconds} s of the first signal)`);
      return;
    }
    stopping = true;
    logger.info({ signal, graceSeconds: config.shutdownGraceSeconds }, 'stopping: finishing the work in flight');
    setTimeout(() => {
      logger.error('the stop did not finish in time: exiting');
      process.exit(1);
    }, graceMs + STOP_MARGIN_MS).unref();
    let code = 0;
    try {
      await app?.stop({ graceMs });
    } catch (err) {
      logger.error({ err }, 'error while stopping');
      code = 1;
    }
    try {
      await database?.embedded?.stop();
    } catch (err) {
      logger.error({ err }, 'the embedded PostgreSQL did not stop cleanly');
      code = 1;
    }
    logger.info('stopped');
    process.exit(code);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, () => void stop(signal));

  if (config.port !== 0 && (await portInUse(config.port, config.host === '0.0.0.0' ? '0.0.0.0' : config.host))) {
    throw new Error(`Port ${config.port} is in use: stop what listens there, or set PORT to a free port`);
  }
  const ours = new Map(STOP_SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  database = await resolveDatabase(config, logger);
  // The embedded-postgres package hooks these signals to stop its server and exit at once, which would cut the
  // work in flight: the stop above is the one place that stops it (last).
  for (const signal of STOP_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!ours.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  if (stopping) return;
  logger.info(database.embedded ? 'Using the embedded PostgreSQL' : 'Using the PostgreSQL at DATABASE_URL');
  let url: string;
  try {
    app = await buildApp({ config, databaseUrl: database.url, logger });
    const applied = await migrate(app.orm);
    if (applied.length > 0) logger.info(`Applied migrations: ${applied.join(', ')}`);
    if (config.seedOnStart && (await seedIfEmpty(app.orm, config.demoPassword))) {
      logger.info('Seeded the demo data of Xiguan Street');
    }
    if (stopping) return;
    url = await app.start();
  } catch (err) {
    // The embedded PostgreSQL started for nothing: it does not outlive the failed start.
    await database.embedded?.stop().catch(() => undefined);
    throw err;
  }

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
