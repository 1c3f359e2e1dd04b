/**
 * The outbox of notifications for channels outside the server. A delivery row per notification and switched-on
 * channel is written by a trigger in the notification's own transaction (migration 20261201000600), whatever wrote
 * the notification. Workers on every replica claim due rows with `for update skip locked`: a claim is a short
 * statement that counts the attempt and leases the row (its next attempt moves past the send's deadline), so no
 * transaction stays open over the network and a replica that dies mid-send leaves a row that falls due again.
 * The outcome is recorded only by the claim that made the attempt (the attempt number must still match).
 *
 * All times are the database's (`now()`), so replicas with different clocks agree on what is due.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { NotificationKind } from '../../entities/notification.entity.ts';
import { languageOf, type MessageParams, renderMessage } from './notification.messages.ts';

/** A claimed delivery with what the channel needs, its text rendered in the recipient's language. */
export interface ClaimedDelivery {
  deliveryId: number;
  /** 1 for the first attempt. */
  attempt: number;
  notificationId: number;
  kind: NotificationKind;
  createdAt: Date;
  recipientId: number;
  language: 'zh-CN' | 'en';
  /** The recipient's phone number, for a channel that needs it (an SMS gateway); null when none is recorded. */
  phone: string | null;
  title: string;
  body: string;
  wishId: number | null;
  activityId: number | null;
}

interface ClaimedRow {
  delivery_id: number;
  attempts: number;
  notification_id: number;
  kind: NotificationKind;
  message_key: string;
  params: MessageParams | null;
  created_at: Date;
  recipient_id: number;
  language: string;
  phone: string | null;
  wish_id: number | null;
  activity_id: number | null;
}

/**
 * Switches channels on or off for new notifications. A channel switched off has its undelivered rows CANCELLED
 * (they are not sent later, when it may be switched on again and they are stale).
 */
export async function switchChannels(em: EntityManager, on: readonly string[], off: readonly string[]): Promise<void> {
  await em.transactional(async (tem) => {
    for (const name of on) {
      await tem.execute(
        'insert into notification_channel (name, enabled_at) values (?, now()) on conflict (name) do nothing',
        [name],
      );
    }
    for (const name of off) {
      await tem.execute('delete from notification_channel where name = ?', [name]);
      await tem.execute(
        `update notification_delivery set status = 'CANCELLED', last_error = 'channel switched off'
          where channel = ? and status = 'PENDING'`,
        [name],
      );
    }
  });
}

/**
 * Claims up to `limit` due deliveries of `channel`: each counts one more attempt and is leased for `leaseMs`
 * (another worker takes it after that, should this one never record an outcome). Oldest due first.
 */
export async function claimDueDeliveries(
  em: EntityManager,
  channel: string,
  limit: number,
  leaseMs: number,
): Promise<ClaimedDelivery[]> {
  const rows = await em.execute<ClaimedRow[]>(
    `with claimed as (
       update notification_delivery d
          set attempts = d.attempts + 1, last_attempt_at = now(),
              next_attempt_at = now() + (? * interval '1 millisecond')
        where d.id in (select id from notification_delivery
                        where channel = ? and status = 'PENDING' and next_attempt_at <= now()
                        order by next_attempt_at, id limit ? for update skip locked)
       returning d.id, d.attempts, d.notification_id)
     select c.id as delivery_id, c.attempts, n.id as notification_id, n.kind, n.message_key, n.params, n.created_at,
            n.recipient_id, p.language, p.phone, n.wish_id, n.activity_id
       from claimed c join notification n on n.id = c.notification_id join person p on p.id = n.recipient_id
      order by c.id`,
    [leaseMs, channel, limit],
  );
  return rows.map((r) => {
    const language = languageOf(r.language);
    const { title, body } = renderMessage(r.kind, r.message_key, r.params ?? {}, language);
    return {
      deliveryId: r.delivery_id,
      attempt: r.attempts,
      notificationId: r.notification_id,
      kind: r.kind,
      createdAt: new Date(r.created_at),
      recipientId: r.recipient_id,
      language,
      phone: r.phone,
      title,
      body,
      wishId: r.wish_id,
      activityId: r.activity_id,
    };
  });
}

/** What became of one attempt. */
export type DeliveryOutcome =
  | { kind: 'delivered' }
  /** Try again after `delayMs`. */
  | { kind: 'retry'; delayMs: number; error: string }
  /** Given up: the last attempt failed, or the receiver refused it for good. */
  | { kind: 'failed'; error: string };

/**
 * Records the outcome of the attempt `attempt` of a delivery; nothing when another worker has claimed it since
 * (its lease ran out). Returns whether it was recorded.
 */
export async function recordDeliveryOutcome(
  em: EntityManager,
  deliveryId: number,
  attempt: number,
  outcome: DeliveryOutcome,
): Promise<boolean> {
  const mine = `where id = ? and attempts = ? and status = 'PENDING'`;
  let rows: { id: number }[];
  if (outcome.kind === 'delivered') {
    rows = await em.execute(
      `update notification_delivery set status = 'DELIVERED', delivered_at = now(), last_error = null ${mine}
       returning id`,
      [deliveryId, attempt],
    );
  } else if (outcome.kind === 'retry') {
    rows = await em.execute(
      `update notification_delivery set next_attempt_at = now() + (? * interval '1 millisecond'), last_error = ?
       ${mine} returning id`,
      [Math.max(0, Math.round(outcome.delayMs)), outcome.error.slice(0, 300), deliveryId, attempt],
    );
  } else {
    rows = await em.execute(`update notification_delivery set status = 'FAILED', last_error = ? ${mine} returning id`, [
      outcome.error.slice(0, 300),
      deliveryId,
      attempt,
    ]);
  }
  return rows.length > 0;
}
