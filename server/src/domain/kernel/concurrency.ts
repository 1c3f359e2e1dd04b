/**
 * Optimistic concurrency, one way for every aggregate: a client sends back the `version` it read as
 * `expectedVersion`; a stale one is refused with CONFLICT and nothing changes.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict } from './errors.ts';
import type { Maybe } from './input.ts';

/** BAD_USER_INPUT for a version no server ever gave (checked with the other inputs, before any lookup). */
export function checkExpectedVersion(version: Maybe<number>): void {
  if (version !== null && version !== undefined && (!Number.isInteger(version) || version < 1)) {
    throw badInput('expectedVersion', 'must be a version the server gave you (1 or more)');
  }
}

/** CONFLICT when the client read an older version of `what` than the one stored. */
export function requireVersion(what: string, row: { version: number }, expected: Maybe<number>): void {
  if (expected !== null && expected !== undefined && expected !== row.version) {
    throw conflict(`${what} changed since you read it (version ${expected}, now ${row.version}): reload and try again`);
  }
}

export interface VersionedUpdate {
  table: string;
  id: number;
  /** Column → value; `updated_at` and `version` are set by the helper. */
  set: Readonly<Record<string, unknown>>;
  /** The version the caller read (or was sent): the row changes only if it still has it. */
  version: number;
  at: Date;
  /** Extra SQL condition on the row (e.g. "status = 'PLANNED'"), ANDed to the version check. */
  where?: string;
}

/**
 * The one versioned update: bumps `version`, sets `updated_at`, and changes the row only if its version is still
 * the one read. Returns false when another writer got there first (the caller says CONFLICT in its own words).
 */
export async function updateVersioned(em: EntityManager, u: VersionedUpdate): Promise<boolean> {
  const columns = Object.keys(u.set);
  for (const c of columns) if (!/^[a-z_]+$/.test(c)) throw new Error(`not a column name: ${c}`);
  if (!/^[a-z_]+$/.test(u.table)) throw new Error(`not a table name: ${u.table}`);
  const rows = await em.execute<{ id: number }[]>(
    `update ${u.table} set version = version + 1, updated_at = ?${columns.map((c) => `, ${c} = ?`).join('')}
      where id = ? and version = ?${u.where ? ` and (${u.where})` : ''} returning id`,
    [u.at, ...columns.map((c) => u.set[c]), u.id, u.version],
  );
  return rows.length === 1;
}
