/**
 * What the server does by itself on a timer: close wishes nobody evaluated, finish activities that are
 * long over (no-show deductions), and credit the year's basic points. Each step is idempotent and writes
 * its change with its event in one transaction, so replicas may all run the sweep.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordChange } from './kernel/change-log.ts';
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
  },
): Promise<SweepResult> {
  const wishesClosed = await new WishService(em.fork(), null, opts.publishWish, () => opts.now).autoClose(
    opts.autoCloseDays,
  );

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
  return { wishesClosed, activitiesFinished, basicGranted };
}
