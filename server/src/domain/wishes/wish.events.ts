/**
 * A wish's events: written in the transaction of the change they record, in sequence order across all wishes,
 * and handed to subscribers (with the facts that route them) only after that transaction commits.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { WishRow } from './wish.facts.ts';
import type { WishAction, WishStatus } from './wish.lifecycle.ts';
import type { WishEventRecord } from './wish.queries.ts';
import type { WishScopeFacts } from './wish.scope.ts';

/** What subscribers need to route an event without another query. */
export interface PublishedWishEvent extends WishEventRecord {
  /** The wish's scope after the event: enough to decide who receives it without a query. */
  facts: WishScopeFacts;
  /** The people the event notified (in its transaction): announced with it, not sent to wish subscribers. */
  notifiedIds?: readonly number[];
}

export type Publish = (events: PublishedWishEvent[]) => void;

/** Every event insert takes this lock, so events commit in sequence order (no gap a reader could skip). */
export const EVENT_ORDER_LOCK = 7_310_001;

export interface NewWishEvent {
  /** The wish as it is after the change (read inside the same transaction). */
  facts: WishRow;
  action: WishAction;
  from: WishStatus | null;
  to: WishStatus;
  at: Date;
  actorId: number | null;
  note: string | null;
  data: Record<string, unknown> | null;
}

/** Inserts the event under the ordering lock; call inside the transaction that changes the wish. */
export async function insertWishEvent(em: EntityManager, e: NewWishEvent): Promise<PublishedWishEvent> {
  await em.execute('select pg_advisory_xact_lock(?)', [EVENT_ORDER_LOCK]);
  const [row] = await em.execute<{ sequence: string }[]>(
    `insert into wish_event (wish_id, action, from_status, to_status, actor_id, at, note, data)
     values (?, ?, ?, ?, ?, ?, ?, ?) returning sequence`,
    [e.facts.id, e.action, e.from, e.to, e.actorId, e.at, e.note, e.data ? JSON.stringify(e.data) : null],
  );
  const { id: _id, version: _v, ...scope } = e.facts;
  return {
    sequence: Number(row?.sequence),
    wishId: e.facts.id,
    action: e.action,
    fromStatus: e.from,
    toStatus: e.to,
    at: e.at.toISOString(),
    note: e.note,
    actorId: e.actorId,
    facts: scope,
  };
}

/** Whether someone claimed the wish since it was last opened for claim (a late claimer gets CONFLICT). */
export async function claimedSinceOpened(em: EntityManager, wishId: number): Promise<boolean> {
  const [row] = await em.execute<{ claimed: boolean }[]>(
    `select exists (
       select 1 from wish_event c
        where c.wish_id = ? and c.action = 'CLAIM'
          and c.sequence > coalesce((select max(o.sequence) from wish_event o where o.wish_id = ? and o.action = 'OPEN_FOR_CLAIM'), 0)
     ) as claimed`,
    [wishId, wishId],
  );
  return row?.claimed === true;
}
