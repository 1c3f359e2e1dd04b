/**
 * The database connection pool as the process's operators see it: how many connections are in use, idle and
 * awaited (for /metrics), and — at the end of a graceful stop's grace period — cutting the connections still in
 * use, so that a transaction whose client is about to be disconnected without an answer can never commit later
 * (PostgreSQL rolls back a transaction whose connection is gone; only the client can send its COMMIT).
 */
import type { MikroORM } from '@mikro-orm/postgresql';

/** The part of knex's pool (tarn) read here. */
interface TarnPool {
  max: number;
  used: { resource: unknown }[];
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

export interface PoolUsage {
  used: number;
  free: number;
  /** Acquires waiting for a connection, and connections being opened. */
  pending: number;
  max: number;
}

function poolOf(orm: MikroORM): TarnPool | null {
  try {
    const client = orm.em.getKnex().client as { pool?: TarnPool };
    return client.pool ?? null;
  } catch {
    return null; // closed
  }
}

/** The pool's use now; null once the ORM is closed. */
export function poolUsage(orm: MikroORM): PoolUsage | null {
  const pool = poolOf(orm);
  if (!pool) return null;
  return {
    used: pool.numUsed(),
    free: pool.numFree(),
    pending: pool.numPendingAcquires() + pool.numPendingCreates(),
    max: pool.max,
  };
}

/**
 * Closes the sockets of the connections in use (their queries fail, their transactions roll back in the
 * database): what runs on them was asked by clients who will get no answer. Returns how many were cut.
 */
export function cutConnectionsInUse(orm: MikroORM): number {
  const pool = poolOf(orm);
  if (!pool) return 0;
  let cut = 0;
  for (const { resource } of pool.used) {
    const stream = (resource as { connection?: { stream?: { destroy(): void } } } | null)?.connection?.stream;
    if (stream) {
      stream.destroy();
      cut++;
    }
  }
  return cut;
}
