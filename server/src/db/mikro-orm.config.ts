import path from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options, type PoolConfig } from '@mikro-orm/postgresql';
import { SeedManager } from '@mikro-orm/seeder';
import { ROOT_DIR } from '../config.ts';
import { entities } from '../entities/index.ts';
import { guardConnection, isDiscarded } from './connection-guard.ts';
import { type DatabaseLimits, DEFAULT_DATABASE_LIMITS } from './faults.ts';
import { migrationsList } from './migrations/index.ts';

export const MIGRATIONS_DIR = path.join(ROOT_DIR, 'server/src/db/migrations');

export interface DatabaseFaultOptions {
  limits?: DatabaseLimits;
  /** Told when a statement found the database unreachable or too slow. */
  onUnavailable?: (reason: string) => void;
}

/**
 * ORM options for a database URL. Used by the server, the tests and the MikroORM CLI. Every connection has
 * time limits (connect, acquire, statement, idle in a transaction) and is guarded (see connection-guard.ts),
 * so a database that is stopped or gone makes nothing wait longer than those limits.
 */
export function ormOptions(
  clientUrl: string,
  overrides: Partial<Options> = {},
  faults: DatabaseFaultOptions = {},
): Options {
  const limits = faults.limits ?? DEFAULT_DATABASE_LIMITS;
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
    pool: poolOf(limits, faults),
    driverOptions: {
      connection: {
        connectionTimeoutMillis: limits.connectTimeoutMs,
        statement_timeout: limits.statementTimeoutMs,
        idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
        application_name: 'wishgrid',
      },
    },
    debug: false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ...overrides,
  });
}

/** The pool (knex's tarn): its limits, and every new connection guarded (see connection-guard.ts). */
function poolOf(limits: DatabaseLimits, faults: DatabaseFaultOptions): PoolConfig {
  const pool: PoolConfig & { validate(connection: object): boolean } = {
    min: 0,
    max: limits.poolMax,
    acquireTimeoutMillis: limits.acquireTimeoutMs,
    // Connecting, then the first statements (version, clock) on the new connection.
    createTimeoutMillis: limits.connectTimeoutMs + limits.statementTimeoutMs,
    idleTimeoutMillis: 30_000,
    afterCreate: (connection: Parameters<typeof guardConnection>[0], done: (err: Error | null) => void) =>
      guardConnection(
        connection,
        { statementTimeoutMs: limits.statementTimeoutMs, onUnavailable: faults.onUnavailable },
        done,
      ),
    validate: (connection: object) => !isDiscarded(connection),
  };
  return pool;
}

// The CLI (`npm run db:migration:create`) reads this default export.
export default ormOptions(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:54329/wishgrid');
