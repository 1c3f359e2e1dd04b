/** `npm run db:migrate` and `npm run db:seed` against DATABASE_URL or the embedded PostgreSQL. */
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { migrate, resolveDatabase, seedIfEmpty } from './database.ts';
import { releaseProcessHooks } from './embedded-postgres.ts';
import { ormOptions } from './mikro-orm.config.ts';

const command = process.argv[2];
const config = loadConfig();
const logger = createLogger(config.logLevel);
const database = await resolveDatabase(config, logger);
const orm = await MikroORM.init(ormOptions(database.url));
try {
  if (command === 'migrate') {
    const applied = await migrate(orm);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  } else if (command === 'seed') {
    await migrate(orm);
    console.log(
      (await seedIfEmpty(orm, config.demoPassword))
        ? 'Seeded the demo data.'
        : 'The database already has data: not seeded.',
    );
  } else {
    console.error('usage: db/cli.ts migrate|seed');
    process.exitCode = 2;
  }
} finally {
  await orm.close(true);
  await database.embedded?.stop();
  releaseProcessHooks(); // keep this command's own exit code
}
