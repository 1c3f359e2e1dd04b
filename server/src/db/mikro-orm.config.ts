import path from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { SeedManager } from '@mikro-orm/seeder';
import { ROOT_DIR } from '../config.ts';
import { entities } from '../entities/index.ts';
import { migrationsList } from './migrations/index.ts';

export const MIGRATIONS_DIR = path.join(ROOT_DIR, 'server/src/db/migrations');

/** ORM options for a database URL. Used by the server, the tests and the MikroORM CLI. */
export function ormOptions(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator, SeedManager],
    discovery: { disableDynamicFileAccess: true },
    migrations: {
      path: MIGRATIONS_DIR,
      pathTs: MIGRATIONS_DIR,
      glob: 'Migration*.{js,ts}',
      migrationsList,
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
      snapshot: true,
      snapshotName: '.snapshot-wishgrid',
    },
    pool: { min: 0, max: 20 },
    debug: false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ...overrides,
  });
}

// The CLI (`npm run db:migration:create`) reads this default export.
export default ormOptions(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:54329/wishgrid');
