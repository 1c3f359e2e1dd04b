/**
 * The reminders the background sweep writes: EVALUATION_DUE to the resident of a wish resolved a day before it
 * closes by itself, and ACTIVITY_REMINDER to the people signed up for an activity in the day before it starts.
 * Each is one statement that inserts what is due and skips what was written before (the dedupe key names the
 * resolution or the activity's start), so replicas running the sweep at once write each reminder once.
 */
import type { EntityManager } from '@mikro-orm/postgresql';

/** At most this many reminders of each kind per sweep (the next sweep writes the rest). */
const MAX_PER_SWEEP = 1000;

export interface ReminderResult {
  evaluationsDue: number;
  activityReminders: number;
  /** Everyone notified, to announce after the commit. */
  notified: number[];
}

export async function sweepReminders(
  em: EntityManager,
  opts: { now: Date; autoCloseDays: number },
): Promise<ReminderResult> {
  const dayMs = 86_400_000;
  // Resolved this long ago, the wish closes within a day (autoClose closes it after autoCloseDays).
  const dueBefore = new Date(opts.now.getTime() - Math.max(0, opts.autoCloseDays - 1) * dayMs);
  return em.transactional(async (tem) => {
    // The key names the resolution (the wish's version while it is RESOLVED): reopened and resolved again, the
    // resident is reminded again.
    const evaluations = await tem.execute<{ recipient_id: number }[]>(
      `insert into notification (recipient_id, kind, message_key, params, wish_id, activity_id, dedupe_key, created_at)
       select w.resident_id, 'EVALUATION_DUE', 'evaluation.due', jsonb_build_object('wishTitle', w.title), w.id, null,
              'evaluation-due:' || w.id || ':v' || w.version, ?
         from wish w join person p on p.id = w.resident_id
        where w.status = 'RESOLVED' and w.updated_at < ? and p.active
          and not exists (select 1 from notification n
                           where n.recipient_id = w.resident_id and n.dedupe_key = 'evaluation-due:' || w.id || ':v' || w.version)
        order by w.id limit ${MAX_PER_SWEEP}
       on conflict (recipient_id, dedupe_key) do nothing returning recipient_id`,
      [opts.now, dueBefore],
    );
    // The key names the start, so a rescheduled activity reminds again.
    const activities = await tem.execute<{ recipient_id: number }[]>(
      `insert into notification (recipient_id, kind, message_key, params, wish_id, activity_id, dedupe_key, created_at)
       select s.person_id, 'ACTIVITY_REMINDER', 'activity.reminder',
              jsonb_build_object('activityTitle', a.title, 'place', a.place,
                                 'startsAt', to_char(a.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
              null, a.id, 'activity-reminder:' || a.id || ':' || extract(epoch from a.starts_at)::bigint, ?
         from activity a join activity_sign_up s on s.activity_id = a.id join person p on p.id = s.person_id
        where a.status = 'PLANNED' and a.starts_at > ? and a.starts_at <= ? and s.status = 'SIGNED_UP' and p.active
          and not exists (select 1 from notification n
                           where n.recipient_id = s.person_id
                             and n.dedupe_key = 'activity-reminder:' || a.id || ':' || extract(epoch from a.starts_at)::bigint)
        order by a.id, s.person_id limit ${MAX_PER_SWEEP}
       on conflict (recipient_id, dedupe_key) do nothing returning recipient_id`,
      [opts.now, opts.now, new Date(opts.now.getTime() + dayMs)],
    );
    return {
      evaluationsDue: evaluations.length,
      activityReminders: activities.length,
      notified: [...new Set([...evaluations, ...activities].map((r) => r.recipient_id))],
    };
  });
}
