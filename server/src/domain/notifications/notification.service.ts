/**
 * Writing notifications: always in the transaction of their cause (a wish event, a verification, a sweep), and
 * once per recipient and cause — the cause is named by a dedupe key that the table keeps unique per recipient, so
 * a retried or concurrent sweep on another replica adds nothing. Whoever writes them announces the recipients
 * after the commit (the live hub), and the `notifications` subscription reads them from the table.
 *
 * Who is told what:
 * - ORDER_DISPATCHED: each assignee a wish is dispatched to;
 * - ORDER_OPEN: the party members and volunteers who may claim it — bounded to those holding their role at the
 *   wish's compound or a unit below it (members of a whole community or of the street claim too, but are not told
 *   of every wish of their area), at most ORDER_OPEN_MAX_RECIPIENTS;
 * - WISH_UPDATED: the resident it was listed for, when it is taken (claimed or accepted), resolved, rejected or
 *   escalated;
 * - VERIFICATION: the resident whose registration was decided;
 * - EVALUATION_DUE and ACTIVITY_REMINDER: from the sweeps (reminders.ts).
 * Nobody is told of what they did themselves, and deactivated people are told nothing.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { NotificationKind } from '../../entities/notification.entity.ts';
import type { Language } from '../../entities/person.entity.ts';
import { recordChange } from '../kernel/change-log.ts';
import { badInput, notFound } from '../kernel/errors.ts';
import { type IdRef, requiredRef } from '../kernel/input.ts';
import { pgArray } from '../kernel/sql.ts';
import type { PublishedWishEvent } from '../wishes/wish.events.ts';
import type { MessageKey, MessageParams } from './notification.messages.ts';
import { unreadCount } from './notification.queries.ts';

/** ORDER_OPEN tells at most this many people (those holding their role at the compound or a unit below it). */
export const ORDER_OPEN_MAX_RECIPIENTS = 300;

/** Announces, after the commit, the people who have a new notification (the live hub). */
export type PublishNotifications = (recipientIds: readonly number[]) => void;

export interface NewNotifications {
  recipientIds: readonly number[];
  kind: NotificationKind;
  key: MessageKey;
  params: MessageParams;
  wishId?: number | null;
  activityId?: number | null;
  /** Names the cause: each recipient gets one notification per cause. */
  dedupeKey: string;
}

/**
 * Inserts one notification per recipient (active people only; none twice for one cause), in the caller's
 * transaction. Returns the recipients notified now.
 */
export async function insertNotifications(em: EntityManager, n: NewNotifications, at: Date): Promise<number[]> {
  const ids = [...new Set(n.recipientIds)];
  if (ids.length === 0) return [];
  const rows = await em.execute<{ recipient_id: number }[]>(
    `insert into notification (recipient_id, kind, message_key, params, wish_id, activity_id, dedupe_key, created_at)
     select p.id, ?, ?, ?::jsonb, ?, ?, ?, ? from person p where p.id = any(?::int[]) and p.active
     order by p.id
     on conflict (recipient_id, dedupe_key) do nothing returning recipient_id`,
    [n.kind, n.key, JSON.stringify(n.params), n.wishId ?? null, n.activityId ?? null, n.dedupeKey, at, pgArray(ids)],
  );
  return rows.map((r) => r.recipient_id);
}

interface WishFactsForMessages {
  title: string;
  residentId: number | null;
  compoundPath: string;
  compoundName: string;
  compoundNameZh: string;
  handlingName: string;
  handlingNameZh: string;
}

/** WISH_UPDATED: the event actions the resident is told of, with their message. */
const RESIDENT_MESSAGES: Partial<Record<PublishedWishEvent['action'], MessageKey>> = {
  CLAIM: 'wish.accepted',
  ACCEPT: 'wish.accepted',
  RESOLVE: 'wish.resolved',
  REJECT: 'wish.rejected',
  ESCALATE: 'wish.escalated',
};

/**
 * The notifications a wish event causes, written in the event's transaction (after the event and the changes it
 * records). Returns everyone notified.
 */
export async function notifyWishEvent(em: EntityManager, event: PublishedWishEvent): Promise<number[]> {
  const residentKey = RESIDENT_MESSAGES[event.action];
  if (event.action !== 'DISPATCH' && event.action !== 'OPEN_FOR_CLAIM' && !residentKey) return [];
  const [wish] = await em.execute<WishFactsForMessages[]>(
    `select w.title, w.resident_id as "residentId", c.path as "compoundPath", c.name as "compoundName",
            c.name_zh as "compoundNameZh", h.name as "handlingName", h.name_zh as "handlingNameZh"
       from wish w join org_unit c on c.id = w.compound_id join org_unit h on h.id = w.handling_unit_id
      where w.id = ?`,
    [event.wishId],
  );
  if (!wish) return [];
  const at = new Date(event.at);
  const base = { wishId: event.wishId, dedupeKey: `wish-event:${event.sequence}` };
  const notActor = (ids: readonly number[]) => ids.filter((id) => id !== event.actorId);

  if (event.action === 'DISPATCH') {
    const assignees = await em.execute<{ person_id: number }[]>(
      `select person_id from assignment where wish_id = ? and kind = 'ASSIGNEE' and active order by person_id`,
      [event.wishId],
    );
    return insertNotifications(
      em,
      {
        ...base,
        recipientIds: notActor(assignees.map((a) => a.person_id)),
        kind: 'ORDER_DISPATCHED',
        key: 'order.dispatched',
        params: { wishTitle: wish.title },
      },
      at,
    );
  }
  if (event.action === 'OPEN_FOR_CLAIM') {
    const claimers = await em.execute<{ person_id: number }[]>(
      `select distinct r.person_id from person_role r join org_unit u on u.id = r.org_unit_id
        where r.role in ('PARTY_MEMBER', 'VOLUNTEER') and u.path like ?
        order by r.person_id limit ${ORDER_OPEN_MAX_RECIPIENTS}`,
      [`${wish.compoundPath}%`],
    );
    return insertNotifications(
      em,
      {
        ...base,
        recipientIds: notActor(claimers.map((c) => c.person_id)),
        kind: 'ORDER_OPEN',
        key: 'order.open',
        params: { wishTitle: wish.title, unitName: wish.compoundName, unitNameZh: wish.compoundNameZh },
      },
      at,
    );
  }
  if (!residentKey || wish.residentId === null) return [];
  const params: MessageParams = { wishTitle: wish.title };
  if (event.action === 'REJECT') params.reason = event.note;
  if (event.action === 'ESCALATE') {
    params.unitName = wish.handlingName;
    params.unitNameZh = wish.handlingNameZh;
  }
  return insertNotifications(
    em,
    { ...base, recipientIds: notActor([wish.residentId]), kind: 'WISH_UPDATED', key: residentKey, params },
    at,
  );
}

/** At most this many ids in one `markNotificationsRead`. */
export const MAX_MARK_IDS = 100;

/**
 * Marks the recipient's notifications read: these (each must be one of theirs, else NOT_FOUND and nothing is
 * marked), or all of them. Returns how many are left unread.
 */
export async function markNotificationsRead(
  em: EntityManager,
  recipientId: number,
  ids: readonly IdRef[] | null,
  at: Date,
): Promise<number> {
  if (ids !== null && ids.length > MAX_MARK_IDS) throw badInput('ids', `at most ${MAX_MARK_IDS} at once`);
  return em.transactional(async (tem) => {
    if (ids === null) {
      await tem.execute('update notification set read_at = ? where recipient_id = ? and read_at is null', [
        at,
        recipientId,
      ]);
    } else if (ids.length > 0) {
      const wanted = [...new Set(ids.map((id) => requiredRef(id, 'Notification')))];
      const mine = await tem.execute<{ id: number }[]>(
        'select id from notification where recipient_id = ? and id = any(?::int[]) for update',
        [recipientId, pgArray(wanted)],
      );
      if (mine.length !== wanted.length) throw notFound('Notification');
      await tem.execute('update notification set read_at = ? where id = any(?::int[]) and read_at is null', [
        at,
        pgArray(wanted),
      ]);
    }
    return unreadCount(tem, recipientId);
  });
}

/** The language a person reads their notifications in (all of them: the text is made when read). */
export async function setLanguage(em: EntityManager, personId: number, language: Language, at: Date): Promise<void> {
  await em.transactional(async (tem) => {
    await tem.execute('update person set language = ? where id = ?', [language, personId]);
    await recordChange(
      tem,
      { entityType: 'Person', entityId: personId, action: 'SET_LANGUAGE', actorId: personId, data: { language } },
      at,
    );
  });
}
