/**
 * The points ledgers of the seeded party members, derived from the seeded history by the same award
 * functions the server runs live — so every ledger is consistent with its wishes and activities by
 * construction. Runs last, inside the demo seed's transaction.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { STREET_UTC_OFFSET_MS } from '../../server/src/domain/kernel/street-time.ts';
import {
  awardAttendance,
  awardForWishTransition,
  deductNoShows,
  grantYearlyBasic,
  pointsYear,
} from '../../server/src/domain/points/points.service.ts';
import type { WishAction } from '../../server/src/domain/wishes/wish.lifecycle.ts';

export interface PointsSeedSummary {
  entries: number;
}

export async function seedPointsLedger(em: EntityManager, now: Date): Promise<PointsSeedSummary> {
  const [span] = await em.execute<{ first: string | null }[]>(
    `select least((select min(at) from wish_event), (select min(at) from activity_check_in)) as first`,
  );
  const firstYear = span?.first ? pointsYear(new Date(span.first)) : pointsYear(now);
  for (let year = firstYear; year <= pointsYear(now); year++) {
    // Credited on 1 January (UTC+8) of each year, or at the start of the history if that is later.
    const jan1 = new Date(Date.UTC(year, 0, 1) - STREET_UTC_OFFSET_MS);
    const at = span?.first && new Date(span.first) > jan1 ? new Date(span.first) : jan1;
    await grantYearlyBasic(em, year, at);
  }

  // Replay every wish transition that earns or costs points, with the assignees active just before it.
  const events = await em.execute<
    { wish_id: number; action: WishAction; at: string; actor_id: number | null; data: { rating?: number } | null }[]
  >(
    `select wish_id, action, at, actor_id, data from wish_event
      where action in ('RESOLVE', 'EVALUATE', 'REOPEN', 'ABANDON') order by sequence`,
  );
  const assignments = await em.execute<
    { wish_id: number; person_id: number; assigned_at: string; released_at: string | null }[]
  >(`select wish_id, person_id, assigned_at, released_at from assignment where kind = 'ASSIGNEE'`);
  const byWish = new Map<number, typeof assignments>();
  for (const a of assignments) byWish.set(a.wish_id, [...(byWish.get(a.wish_id) ?? []), a]);
  for (const e of events) {
    const at = new Date(e.at);
    const assigneeIds = (byWish.get(e.wish_id) ?? [])
      .filter(
        (a) =>
          new Date(a.assigned_at) < at && (a.released_at === null || new Date(a.released_at).getTime() >= at.getTime()),
      )
      .map((a) => a.person_id);
    await awardForWishTransition(em, {
      wishId: e.wish_id,
      action: e.action,
      at,
      assigneeIds,
      actorId: e.actor_id,
      rating: e.data?.rating ?? null,
    });
  }

  // Attendance, then the no-shows of activities that are over.
  const checkIns = await em.execute<{ activity_id: number; person_id: number; at: string; recorded_by_id: number }[]>(
    'select activity_id, person_id, at, recorded_by_id from activity_check_in order by at, id',
  );
  for (const c of checkIns) {
    await awardAttendance(em, {
      activityId: c.activity_id,
      personId: c.person_id,
      at: new Date(c.at),
      actorId: c.recorded_by_id,
    });
  }
  const finished = await em.execute<{ id: number; ends_at: string }[]>(
    // As live: no-shows are deducted when staff (or the sweep) mark an activity FINISHED.
    `select id, ends_at from activity where status = 'FINISHED' order by ends_at, id`,
  );
  for (const a of finished) await deductNoShows(em, { activityId: a.id, at: new Date(a.ends_at) });

  const [count] = await em.execute<{ n: string }[]>('select count(*) as n from point_entry');
  return { entries: Number(count?.n ?? 0) };
}
