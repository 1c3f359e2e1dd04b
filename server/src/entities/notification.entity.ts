import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Activity } from './activity.entity.ts';
import { Person } from './person.entity.ts';
import { Wish } from './wish.entity.ts';

export const NOTIFICATION_KINDS = [
  'ORDER_DISPATCHED',
  'ORDER_OPEN',
  'WISH_UPDATED',
  'EVALUATION_DUE',
  'DUE_SOON',
  'OVERDUE',
  'ACTIVITY_REMINDER',
  'VERIFICATION',
  'HOT_SPOT',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Something that needs one person's attention. The text is not stored: a message key and its parameters are, and
 * the text is rendered in the recipient's language when it is read. Written in the transaction of its cause;
 * `dedupeKey` names the cause, so each cause notifies each recipient once (replicas and retries included).
 */
export const Notification = defineEntity({
  name: 'Notification',
  tableName: 'notification',
  uniques: [{ name: 'notification_recipient_dedupe_unique', properties: ['recipient', 'dedupeKey'] }],
  indexes: [
    { name: 'notification_recipient_id_index', properties: ['recipient', 'id'] },
    {
      name: 'notification_unread_index',
      expression: 'create index "notification_unread_index" on "notification" ("recipient_id") where "read_at" is null',
    },
  ],
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    recipient: () => p.manyToOne(Person),
    kind: p.enum(() => NOTIFICATION_KINDS).nativeEnumName('notification_kind'),
    messageKey: p.string().length(100),
    params: p.json<Record<string, unknown>>(),
    wish: () => p.manyToOne(Wish).nullable().index(),
    activity: () => p.manyToOne(Activity).nullable().index(),
    dedupeKey: p.string().length(200),
    createdAt: p.datetime(),
    readAt: p.datetime().nullable(),
  }),
});
export type INotification = InferEntity<typeof Notification>;
