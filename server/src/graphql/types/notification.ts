/**
 * Notifications: `myNotifications`, `markNotificationsRead` and the live `notifications` subscription. Only the
 * recipient reads them; a self-registered resident still waiting for verification does too. `wish` and `activity`
 * follow visibility: null once the recipient may no longer see them.
 */
import DataLoader from 'dataloader';
import {
  lastNotificationId,
  myNotifications,
  type NotificationView,
  notificationsAfter,
} from '../../domain/notifications/notification.queries.ts';
import { markNotificationsRead } from '../../domain/notifications/notification.service.ts';
import { type ActivityView, findActivities } from '../../domain/volunteering/activity.queries.ts';
import { findVisibleWishes, type WishView } from '../../domain/wishes/wish.queries.ts';
import { NOTIFICATION_KINDS } from '../../entities/notification.entity.ts';
import { notificationIterator } from '../../realtime/notification-stream.ts';
import { builder, enumValues } from '../builder.ts';
import type { Context } from '../context.ts';
import { encodeId, refs } from '../ids.ts';
import { ActivityRef } from './activity.ts';
import { WishRef } from './wish.ts';

const NotificationKindEnum = builder.enumType(enumValues(NOTIFICATION_KINDS), {
  name: 'NotificationKind',
  description: 'What a notification is about (INPUTS.md says who receives each kind)',
});

/** The wishes and activities notifications point at, as the viewer may see them now; batched per request. */
interface Targets {
  wishes: DataLoader<number, WishView | null>;
  activities: DataLoader<number, ActivityView | null>;
}
const targetLoaders = new WeakMap<object, Targets>();
function targets(ctx: Context): Targets {
  let found = targetLoaders.get(ctx.loaders);
  if (!found) {
    const viewer = ctx.viewer;
    found = {
      wishes: new DataLoader(async (ids: readonly number[]) => {
        const rows = viewer ? await findVisibleWishes(ctx.em, viewer, ids) : [];
        return ids.map((id) => rows.find((w) => w.id === id) ?? null);
      }),
      activities: new DataLoader(async (ids: readonly number[]) => {
        const rows = viewer ? await findActivities(ctx.em, viewer.personId, ids) : [];
        return ids.map((id) => rows.find((a) => a.id === id) ?? null);
      }),
    };
    targetLoaders.set(ctx.loaders, found);
  }
  return found;
}

const NotificationRef = builder.objectRef<NotificationView>('Notification').implement({
  description: 'Something that needs the viewer: its title and body are in their language',
  fields: (t) => ({
    id: t.id({ resolve: (n) => encodeId('Notification', n.id) }),
    kind: t.field({ type: NotificationKindEnum, resolve: (n) => n.kind }),
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    at: t.field({ type: 'DateTime', resolve: (n) => n.at }),
    readAt: t.field({ type: 'DateTime', nullable: true, resolve: (n) => n.readAt }),
    wish: t.field({
      type: WishRef,
      nullable: true,
      description: 'The wish it is about, as the viewer sees it now; null if none, or if they may no longer see it',
      resolve: (n, _a, ctx) => (n.wishId === null ? null : targets(ctx).wishes.load(n.wishId)),
    }),
    activity: t.field({
      type: ActivityRef,
      nullable: true,
      description: 'The activity it is about; null if none, or if it is gone',
      resolve: (n, _a, ctx) => (n.activityId === null ? null : targets(ctx).activities.load(n.activityId)),
    }),
  }),
});

const NotificationConnection = builder
  .objectRef<{ unreadCount: number; nodes: NotificationView[] }>('NotificationConnection')
  .implement({
    fields: (t) => ({
      unreadCount: t.exposeInt('unreadCount', { description: 'All unread notifications of the viewer' }),
      nodes: t.field({ type: [NotificationRef], description: 'Newest first', resolve: (f) => f.nodes }),
    }),
  });

const MarkNotificationsReadPayload = builder.objectRef<number>('MarkNotificationsReadPayload').implement({
  fields: (t) => ({
    unreadCount: t.int({ description: 'Unread notifications left', resolve: (n) => n }),
  }),
});

builder.queryFields((t) => ({
  myNotifications: t.withAuth({ session: true }).field({
    type: NotificationConnection,
    description: "The viewer's notifications, newest first",
    args: {
      first: t.arg.int({ description: 'Default 20, at most 100' }),
      unreadOnly: t.arg.boolean({ description: 'Only those not yet read' }),
    },
    resolve: (_r, args, ctx) => myNotifications(ctx.em, ctx.viewer.personId, args),
  }),
}));

builder.mutationFields((t) => ({
  markNotificationsRead: t.withAuth({ session: true }).field({
    type: MarkNotificationsReadPayload,
    description: 'Mark these notifications read (without ids: all of them)',
    args: { ids: t.arg.idList({ description: 'At most 100; omit to mark all' }) },
    resolve: (_r, args, ctx) =>
      markNotificationsRead(ctx.em, ctx.viewer.personId, refs('Notification', args.ids) ?? null, new Date()),
  }),
}));

builder.subscriptionFields((t) => ({
  notifications: t.withAuth({ session: true }).field({
    type: NotificationRef,
    description: 'Each new notification of the viewer, once, as it is written',
    subscribe: (_r, _a, ctx) => {
      const recipientId = ctx.viewer.personId;
      return notificationIterator({
        hub: ctx.hub,
        recipientId,
        lastId: () => lastNotificationId(ctx.em, recipientId),
        after: (id) => notificationsAfter(ctx.em, recipientId, id),
      });
    },
    resolve: (n, _a, ctx) => {
      // Each delivery shows the wish as it is now.
      targetLoaders.delete(ctx.loaders);
      ctx.loaders.clear();
      return n;
    },
  }),
}));
