/** What the tests read straight from a harness's tables: digests (nothing changed) and change events. */
import type { Harness } from './harness.ts';

/**
 * A digest of every row of `tables`; `omit` leaves columns out (a salted password hash, say). Equal before and
 * after an operation means it changed none of them.
 */
export async function tablesDigest(
  h: Harness,
  tables: readonly string[],
  omit: Record<string, readonly string[]> = {},
): Promise<string> {
  const rows = tables.map(
    (table) => `select '${table}:' || (to_jsonb(x) - '{${(omit[table] ?? []).join(',')}}'::text[])::text as t
      from ${table} x`,
  );
  const { rows: digest } = await h.db.query(
    `select md5(string_agg(t, '|' order by t)) as d from (${rows.join(' union all ')}) all_rows`,
  );
  return digest[0].d as string;
}

/** Everything the wish loop writes. */
export const wishTablesDigest = (h: Harness) => tablesDigest(h, ['wish', 'wish_event', 'assignment', 'meeting']);

/** The change log of one entity, oldest first, with the actor's username. */
export async function changeEvents(h: Harness, entityType: string, entityId: number) {
  const { rows } = await h.db.query(
    `select e.action, e.actor_id, p.username as actor, e.data from change_event e left join person p on p.id = e.actor_id
      where e.entity_type = $1 and e.entity_id = $2 order by e.sequence`,
    [entityType, entityId],
  );
  return rows as { action: string; actor_id: number | null; actor: string | null; data: any }[];
}
