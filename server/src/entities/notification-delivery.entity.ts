import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Notification } from './notification.entity.ts';

export const NOTIFICATION_DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'] as const;
export type NotificationDeliveryStatus = (typeof NOTIFICATION_DELIVERY_STATUSES)[number];

/**
 * A channel outside the server that notifications are delivered through (`webhook`), switched on by a server
 * configured for it. New notifications get one delivery per channel listed here (a database trigger).
 */
export const NotificationChannelRow = defineEntity({
  name: 'NotificationChannelRow',
  tableName: 'notification_channel',
  properties: (p) => ({
    name: p.string().length(50).primary(),
    enabledAt: p.datetime(),
  }),
});
export type INotificationChannelRow = InferEntity<typeof NotificationChannelRow>;

/**
 * One notification to deliver through one channel (the outbox): written in the notification's transaction,
 * claimed by a worker, DELIVERED on the receiver's 2xx, retried with backoff, FAILED after the last attempt (or an
 * answer that retrying cannot change), CANCELLED when its channel is switched off before it was delivered.
 */
export const NotificationDelivery = defineEntity({
  name: 'NotificationDelivery',
  tableName: 'notification_delivery',
  uniques: [{ name: 'notification_delivery_notification_channel_unique', properties: ['notification', 'channel'] }],
  indexes: [
    {
      name: 'notification_delivery_due_index',
      expression:
        'create index "notification_delivery_due_index" on "notification_delivery" ("next_attempt_at") where "status" = \'PENDING\'',
    },
  ],
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    notification: () => p.manyToOne(Notification).deleteRule('cascade'),
    channel: p.string().length(50),
    status: p
      .enum(() => NOTIFICATION_DELIVERY_STATUSES)
      .nativeEnumName('notification_delivery_status')
      .default('PENDING'),
    attempts: p.integer().default(0),
    nextAttemptAt: p.datetime(),
    lastAttemptAt: p.datetime().nullable(),
    deliveredAt: p.datetime().nullable(),
    lastError: p.string().length(300).nullable(),
    createdAt: p.datetime(),
  }),
});
export type INotificationDelivery = InferEntity<typeof NotificationDelivery>;
