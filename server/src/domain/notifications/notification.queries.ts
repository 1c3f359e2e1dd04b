/** Reading a person's notifications, rendered in their language; only the recipient reads them. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { NotificationKind } from '../../entities/notification.entity.ts';
import { badInput } from '../kernel/errors.ts';
import { languageOf, type MessageParams, renderMessage } from './notification.messages.ts';

export interface NotificationView {
  id: number;
  kind: NotificationKind;
  title: string;
  body: string;
  at: Date;
  readAt: Date | null;
  wishId: number | null;
  activityId: number | null;
}

/** `myNotifications(first)`: 20 by default, at most 100. */
export const NOTIFICATION_PAGE = { default: 20, max: 100 } as const;

interface NotificationRow {
  id: number;
  kind: NotificationKind;
  message_key: string;
  params: MessageParams;
  created_at: Date;
  read_at: Date | null;
  wish_id: number | null;
  activity_id: number | null;
  language: string;
}

const COLUMNS = `n.id, n.kind, n.message_key, n.params, n.created_at, n.read_at, n.wish_id, n.activity_id, p.language`;

function toView(r: NotificationRow): NotificationView {
  const { title, body } = renderMessage(r.kind, r.message_key, r.params ?? {}, languageOf(r.language));
  return {
    id: r.id,
    kind: r.kind,
    title,
    body,
    at: new Date(r.created_at),
    readAt: r.read_at ? new Date(r.read_at) : null,
    wishId: r.wish_id,
    activityId: r.activity_id,
  };
}

export async function unreadCount(em: EntityManager, recipientId: number): Promise<number> {
  const [row] = await em.execute<{ n: number }[]>(
    'select count(*)::int as n from notification where recipient_id = ? and read_at is null',
    [recipientId],
  );
  return row?.n ?? 0;
}

/** The recipient's notifications, newest first, with how many are unread in all. */
export async function myNotifications(
  em: EntityManager,
  recipientId: number,
  args: { first?: number | null; unreadOnly?: boolean | null },
): Promise<{ unreadCount: number; nodes: NotificationView[] }> {
  const first = args.first ?? NOTIFICATION_PAGE.default;
  if (!Number.isInteger(first) || first < 0 || first > NOTIFICATION_PAGE.max) {
    throw badInput('first', `must be a whole number 0–${NOTIFICATION_PAGE.max}`);
  }
  const rows = await em.execute<NotificationRow[]>(
    `select ${COLUMNS} from notification n join person p on p.id = n.recipient_id
      where n.recipient_id = ?${args.unreadOnly ? ' and n.read_at is null' : ''}
      order by n.id desc limit ?`,
    [recipientId, first],
  );
  return { unreadCount: await unreadCount(em, recipientId), nodes: rows.map(toView) };
}

/** The newest notification id of the recipient (0 if none): a live stream starts after it. */
export async function lastNotificationId(em: EntityManager, recipientId: number): Promise<number> {
  const [row] = await em.execute<{ id: number }[]>(
    'select coalesce(max(id), 0)::int as id from notification where recipient_id = ?',
    [recipientId],
  );
  return row?.id ?? 0;
}

/** The recipient's notifications after `afterId`, oldest first (at most `limit`). */
export async function notificationsAfter(
  em: EntityManager,
  recipientId: number,
  afterId: number,
  limit = 100,
): Promise<NotificationView[]> {
  const rows = await em.execute<NotificationRow[]>(
    `select ${COLUMNS} from notification n join person p on p.id = n.recipient_id
      where n.recipient_id = ? and n.id > ? order by n.id limit ?`,
    [recipientId, afterId, limit],
  );
  return rows.map(toView);
}
