/**
 * Reading attendance: who signed up for an activity, who was checked in, and the participation figures of a
 * subtree over a period. Names are shown to those `canSeeAttendees` (activity.policy.ts) allows.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound } from '../kernel/errors.ts';
import type { IdRef } from '../kernel/input.ts';
import { UNPAGED_CAP } from '../kernel/list.ts';
import { STREET_TIME_ZONE } from '../kernel/street-time.ts';
import { unitPath } from '../organisation/org-unit.queries.ts';
import type { SignUpStatus } from './activity.queries.ts';

export interface SignUpView {
  personId: number;
  status: SignUpStatus;
  signedUpAt: Date;
  cancelledAt: Date | null;
  checkedIn: boolean;
}

export interface CheckInView {
  personId: number;
  hours: number | null;
  recordedById: number;
  at: Date;
  /** Checked in without an active sign-up. */
  walkIn: boolean;
}

type Row = Record<string, unknown>;

const date = (value: unknown) => new Date(value as string | Date);

/** Active sign-ups of an activity (inside a writer's transaction: after `lockActivity`, the count holds). */
export async function activeSignUps(em: EntityManager, activityId: number): Promise<number> {
  const [row] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from activity_sign_up where activity_id = ? and status = 'SIGNED_UP'`,
    [activityId],
  );
  return row?.n ?? 0;
}

export async function signUpsOf(em: EntityManager, activityId: number): Promise<SignUpView[]> {
  const rows = await em.execute<Row[]>(
    `select s.person_id, s.status, s.signed_up_at, s.cancelled_at,
            exists (select 1 from activity_check_in c where c.activity_id = s.activity_id and c.person_id = s.person_id) as checked_in
       from activity_sign_up s where s.activity_id = ? order by s.signed_up_at, s.id limit ${UNPAGED_CAP}`,
    [activityId],
  );
  return rows.map((r) => ({
    personId: r.person_id as number,
    status: r.status as SignUpStatus,
    signedUpAt: date(r.signed_up_at),
    cancelledAt: r.cancelled_at ? date(r.cancelled_at) : null,
    checkedIn: r.checked_in as boolean,
  }));
}

export async function checkInsOf(em: EntityManager, activityId: number): Promise<CheckInView[]> {
  const rows = await em.execute<Row[]>(
    `select c.person_id, c.hours, c.recorded_by_id, c.at,
            not exists (select 1 from activity_sign_up s
                         where s.activity_id = c.activity_id and s.person_id = c.person_id and s.status = 'SIGNED_UP') as walk_in
       from activity_check_in c where c.activity_id = ? order by c.at, c.id limit ${UNPAGED_CAP}`,
    [activityId],
  );
  return rows.map((r) => ({
    personId: r.person_id as number,
    hours: r.hours === null ? null : Number(r.hours),
    recordedById: r.recorded_by_id as number,
    at: date(r.at),
    walkIn: r.walk_in as boolean,
  }));
}

// ---- Participation ------------------------------------------------------------------------------------------

export interface ParticipationFigures {
  /** Activities that took or take place (cancelled ones left out). */
  activities: number;
  /** Active sign-ups to those activities. */
  signUps: number;
  /** Check-ins: one per person per activity attended. A person attending five activities counts five times. */
  attendances: number;
  /** Distinct people with at least one check-in. */
  uniqueParticipants: number;
  /** Check-ins without an active sign-up. */
  walkIns: number;
  /** Active sign-ups to activities that are over, without a check-in. */
  noShows: number;
  hoursServed: number;
}

export interface MonthlyParticipation extends ParticipationFigures {
  year: number;
  month: number;
}

export interface Participation extends ParticipationFigures {
  byMonth: MonthlyParticipation[];
}

/**
 * Participation in the activities organised in a unit's subtree (the whole street by default) that start
 * within [from, to). Attendances and unique participants are counted separately: the article's "over
 * 30,000 participants" is a count of attendances (participations), not of distinct people.
 */
export async function participation(
  em: EntityManager,
  args: { orgUnitId?: IdRef; from?: Date | null; to?: Date | null },
  now: Date,
): Promise<Participation> {
  if (args.from && args.to && args.to.getTime() < args.from.getTime()) throw badInput('to', 'must not be before from');
  let path = '/';
  if (args.orgUnitId !== undefined) {
    const found = await unitPath(em, args.orgUnitId);
    if (found === null) throw notFound('Org unit');
    path = found;
  }
  const where = [`a.status <> 'CANCELLED'`, 'o.path like ?'];
  const params: unknown[] = [`${path}%`];
  if (args.from) {
    where.push('a.starts_at >= ?');
    params.push(args.from);
  }
  if (args.to) {
    where.push('a.starts_at < ?');
    params.push(args.to);
  }
  const figures = `count(distinct x.activity_id)::int as activities,
      count(*) filter (where x.signed_up)::int as sign_ups,
      count(*) filter (where x.checked_in)::int as attendances,
      count(distinct x.person_id) filter (where x.checked_in)::int as unique_participants,
      count(*) filter (where x.checked_in and not x.signed_up)::int as walk_ins,
      count(*) filter (where x.signed_up and not x.checked_in and x.ends_at < ?)::int as no_shows,
      coalesce(sum(x.hours), 0)::float8 as hours_served`;
  // One row per (activity, person) who signed up or checked in, plus one empty row per activity so that
  // activities nobody joined still count.
  const base = `with acts as (
      select a.id, a.starts_at, a.ends_at from activity a join org_unit o on o.id = a.organizer_id
       where ${where.join(' and ')}
    ), x as (
      select acts.id as activity_id, acts.starts_at, acts.ends_at, p.person_id,
             coalesce(p.signed_up, false) as signed_up, coalesce(p.checked_in, false) as checked_in, p.hours
        from acts left join (
          select coalesce(s.activity_id, c.activity_id) as activity_id, coalesce(s.person_id, c.person_id) as person_id,
                 s.status = 'SIGNED_UP' as signed_up, c.id is not null as checked_in, c.hours
            from (select * from activity_sign_up where status = 'SIGNED_UP' and activity_id in (select id from acts)) s
            full join (select * from activity_check_in where activity_id in (select id from acts)) c
              on c.activity_id = s.activity_id and c.person_id = s.person_id
        ) p on p.activity_id = acts.id
    )`;
  const [total] = await em.execute<Row[]>(`${base} select ${figures} from x`, [...params, now]);
  const months = await em.execute<Row[]>(
    `${base} select extract(year from x.starts_at at time zone '${STREET_TIME_ZONE}')::int as year,
            extract(month from x.starts_at at time zone '${STREET_TIME_ZONE}')::int as month, ${figures}
       from x group by 1, 2 order by 1, 2`,
    [...params, now],
  );
  const figuresOf = (r: Row | undefined): ParticipationFigures => ({
    activities: Number(r?.activities ?? 0),
    signUps: Number(r?.sign_ups ?? 0),
    attendances: Number(r?.attendances ?? 0),
    uniqueParticipants: Number(r?.unique_participants ?? 0),
    walkIns: Number(r?.walk_ins ?? 0),
    noShows: Number(r?.no_shows ?? 0),
    hoursServed: Number(r?.hours_served ?? 0),
  });
  return {
    ...figuresOf(total),
    byMonth: months.map((r) => ({ year: r.year as number, month: r.month as number, ...figuresOf(r) })),
  };
}
