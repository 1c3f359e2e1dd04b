/** Who follows which wish (its supporters), read in batches for the Wish fields. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../kernel/sql.ts';

/** Supporters of each wish (0 where none). */
export async function supporterCounts(em: EntityManager, wishIds: readonly number[]): Promise<Map<number, number>> {
  const rows = await em.execute<{ wish_id: number; n: number }[]>(
    'select wish_id, count(*)::int as n from wish_follower where wish_id = any(?::int[]) group by wish_id',
    [pgArray(wishIds)],
  );
  return new Map(rows.map((r) => [r.wish_id, r.n]));
}

/** Which of these wishes the person follows. */
export async function followedBy(
  em: EntityManager,
  personId: number,
  wishIds: readonly number[],
): Promise<Set<number>> {
  const rows = await em.execute<{ wish_id: number }[]>(
    'select wish_id from wish_follower where person_id = ? and wish_id = any(?::int[])',
    [personId, pgArray(wishIds)],
  );
  return new Set(rows.map((r) => r.wish_id));
}

/** The wish each merged duplicate was merged into (from its MERGE event). */
export async function mergedInto(em: EntityManager, wishIds: readonly number[]): Promise<Map<number, number>> {
  const rows = await em.execute<{ wish_id: number; into_id: number }[]>(
    `select distinct on (wish_id) wish_id, (data->>'intoWishId')::int as into_id
       from wish_event where wish_id = any(?::int[]) and action = 'MERGE'
      order by wish_id, sequence desc`,
    [pgArray(wishIds)],
  );
  return new Map(rows.map((r) => [r.wish_id, r.into_id]));
}

/** The current version of each wish (optimistic concurrency: mergeWish's expectedVersion). */
export async function wishVersions(em: EntityManager, wishIds: readonly number[]): Promise<Map<number, number>> {
  const rows = await em.execute<{ id: number; version: number }[]>(
    'select id, version from wish where id = any(?::int[])',
    [pgArray(wishIds)],
  );
  return new Map(rows.map((r) => [r.id, r.version]));
}
