/**
 * What the server does by itself on a timer: close wishes nobody evaluated, finish activities that are
 * long over (no-show deductions), and credit the year's basic points. Each step is idempotent and writes
 * its change with its event in one transaction, so replicas may all run the sweep.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PhotoStorage } from '../storage/photo-storage.ts';
import { recordChange } from './kernel/change-log.ts';
import type { PublishNotifications } from './notifications/notification.service.ts';
import { sweepReminders } from './notifications/reminders.ts';
import { sweepUnattachedPhotos } from './photos/photo.service.ts';
import { grantYearlyBasic, pointsYear } from './points/points.service.ts';
import { onActivityFinished } from './volunteering/activity.hooks.ts';
import type { Publish } from './wishes/wish.events.ts';
import { WishService } from './wishes/wish.service.ts';

export interface SweepResult {
  wishesClosed: number;
  activitiesFinished: number;
  basicGranted: number;
}

export async function runSweeps(
  em: EntityManager,
  opts: {
    now: Date;
    autoCloseDays: number;
    /** Hours after its end before an activity left PLANNED is finished automatically. */
    finishAfterHours: number;
    publishWish: Publish;
    publishActivity: (activityId: number) => void;
    /** Announces the people the reminders notified (none: not announced). */
    publishNotifications?: PublishNotifications;
    /** Where photos are stored: unattached uploads older than 24 hours are deleted from it (none: not swept). */
    photoStorage?: PhotoStorage;
  },
): Promise<SweepResult> {
  const wishesClosed = await new WishService(em.fork(), null, opts.publishWish, () => opts.now).autoClose(
    opts.autoCloseDays,
  );

  // Reminders: an evaluation due before the wish closes by itself, an activity tomorrow (each once).
  const reminders = await sweepReminders(em.fork(), { now: opts.now, autoCloseDays: opts.autoCloseDays });
  opts.publishNotifications?.(reminders.notified);

  const cutoff = new Date(opts.now.getTime() - opts.finishAfterHours * 3_600_000);
  const ended = await em.execute<{ id: number }[]>(
    `select id from activity where status = 'PLANNED' and ends_at < ? order by ends_at, id limit 200`,
    [cutoff],
  );
  let activitiesFinished = 0;
  for (const { id } of ended) {
    const finished = await em.fork().transactional(async (tem) => {
      const rows = await tem.execute<{ id: number }[]>(
        `update activity set status = 'FINISHED', version = version + 1, updated_at = ?
          where id = ? and status = 'PLANNED' returning id`,
        [opts.now, id],
      );
      if (rows.length === 0) return false; // finished or cancelled meanwhile
      await recordChange(
        tem,
        { entityType: 'Activity', entityId: id, action: 'FINISH', actorId: null, data: { automatic: true } },
        opts.now,
      );
      await onActivityFinished(tem, { activityId: id, at: opts.now, actorId: null });
      return true;
    });
    if (finished) {
      activitiesFinished++;
      opts.publishActivity(id);
    }
  }

  const basicGranted = await em.fork().transactional((tem) => grantYearlyBasic(tem, pointsYear(opts.now), opts.now));
  // Uploads left unattached for 24 hours go, files and rows.
  if (opts.photoStorage) await sweepUnattachedPhotos(em, opts.photoStorage, opts.now);
  return { wishesClosed, activitiesFinished, basicGranted };
}
