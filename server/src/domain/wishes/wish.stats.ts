/**
 * Aggregates over the wishes a viewer may see: the dashboard and the display boards. No personal data:
 * counts, averages and unit names only.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.ts';
import { pgArray } from '../kernel/sql.ts';
import { countedSubtrees, PERSONAL_WISHES, visibleWishCountRows } from './wish.counts.ts';
import { PENDING_STATUSES, WISH_STATUSES, type WishStatus } from './wish.lifecycle.ts';
import { wishVisibilitySql } from './wish.scope.ts';

export interface StatusCount {
  status: WishStatus;
  count: number;
}

export interface UnitWishStats {
  unitId: number;
  total: number;
  open: number;
  closed: number;
  overdue: number;
}

export interface WishStats {
  total: number;
  byStatus: StatusCount[];
  byCommunity: UnitWishStats[];
  overdue: number;
  /** Mean hours from listing to CLOSED, over wishes closed in the period. */
  averageHoursToClose: number | null;
  averageRating: number | null;
  ratedCount: number;
  /** Share of evaluations in the period that reopened the wish (1–2 stars). */
  reopenedShare: number | null;
  /** Transitions in the period by the state they produced: "today: 5 submitted, 3 resolved". */
  transitions: StatusCount[];
}

const OPEN = PENDING_STATUSES.map((s) => `'${s}'`).join(', ');

interface PeriodRow {
  status: WishStatus | null;
  n: string | null;
  hours: string | null;
  avg: string | null;
  rated: string | null;
  reopened: string | null;
}

/** One event's part of the period figures, in wish_event_day's columns (over `e` and its wish `w`). */
const EVENT_SUMS = `e.to_status, 1 as n,
  case when e.to_status = 'CLOSED' then extract(epoch from (e.at - w.created_at)) / 3600 else 0 end as closed_hours,
  case when e.action in ('EVALUATE', 'REOPEN') then 1 else 0 end as rated,
  case when e.action in ('EVALUATE', 'REOPEN') and (e.data->>'rating') is not null then 1 else 0 end as rating_n,
  case when e.action in ('EVALUATE', 'REOPEN') then coalesce((e.data->>'rating')::int, 0) else 0 end as rating_sum,
  case when e.action = 'REOPEN' then 1 else 0 end as reopened`;

const DAY_MS = 86_400_000;

/** The whole UTC days inside [from, to) — [firstDay, endDay) — or null when there is none. */
function periodDays(from: Date, to: Date) {
  const firstDayAt = new Date(Math.ceil(from.getTime() / DAY_MS) * DAY_MS);
  const endDayAt = new Date(Math.floor(to.getTime() / DAY_MS) * DAY_MS);
  if (firstDayAt.getTime() >= endDayAt.getTime()) return null;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { firstDayAt, endDayAt, firstDay: day(firstDayAt), endDay: day(endDayAt) };
}

export async function wishStats(
  em: EntityManager,
  viewer: Viewer,
  opts: { unitPath: string | null; from: Date | null; to: Date | null },
): Promise<WishStats> {
  const vis = wishVisibilitySql(viewer);
  const scope = `${vis.sql}${opts.unitPath ? ' and c.path like ?' : ''}`;
  const scopeParams = [...vis.params, ...(opts.unitPath ? [`${opts.unitPath}%`] : [])];
  const from = opts.from ?? new Date(0);
  const to = opts.to ?? new Date('9999-12-31T00:00:00Z');

  // All time (no `to`): the wish_count summary, exact (wish.counts.ts), when the viewer's visibility allows.
  const summary =
    opts.to === null
      ? visibleWishCountRows(viewer, { unitPath: opts.unitPath, statuses: null, categoryCode: null })
      : null;
  const byStatusRows = await em.execute<{ status: WishStatus; n: string }[]>(
    summary
      ? `select x.status, sum(x.n) as n from (${summary.sql}) x group by x.status`
      : `select w.status, count(*) as n from wish w join org_unit c on c.id = w.compound_id
          where ${scope} and w.created_at < ? group by w.status`,
    summary ? summary.params : [...scopeParams, to],
  );
  const byStatus = WISH_STATUSES.map((status) => ({
    status,
    count: Number(byStatusRows.find((r) => r.status === status)?.n ?? 0),
  }));

  // Communities: the wish's compound's ancestor of kind COMMUNITY. Overdue depends on the clock: counted from
  // the open wishes themselves (wish_status_index), beside the summary's totals.
  const byCommunity = summary
    ? await em.execute<{ unit_id: number; total: string; open: string; closed: string; overdue: string }[]>(
        `select t.unit_id, t.total, t.open, t.closed, coalesce(o.overdue, 0) as overdue
           from (select m.id as unit_id, sum(x.n) as total,
                        coalesce(sum(x.n) filter (where x.status in (${OPEN})), 0) as open,
                        coalesce(sum(x.n) filter (where x.status = 'CLOSED'), 0) as closed
                   from (${summary.sql}) x join org_unit c on c.id = x.compound_id
                   join org_unit m on m.kind = 'COMMUNITY' and c.path like m.path || '%'
                  group by m.id having sum(x.n) > 0) t
           left join (select m.id as unit_id, count(*) as overdue
                        from wish w join org_unit c on c.id = w.compound_id
                        join org_unit m on m.kind = 'COMMUNITY' and c.path like m.path || '%'
                       where ${scope} and w.status in (${OPEN}) and w.due_at < now()
                       group by m.id) o on o.unit_id = t.unit_id
          order by t.unit_id`,
        [...summary.params, ...scopeParams],
      )
    : await em.execute<{ unit_id: number; total: string; open: string; closed: string; overdue: string }[]>(
        `select m.id as unit_id, count(*) as total,
                count(*) filter (where w.status in (${OPEN})) as open,
                count(*) filter (where w.status = 'CLOSED') as closed,
                count(*) filter (where w.status in (${OPEN}) and w.due_at < now()) as overdue
           from wish w join org_unit c on c.id = w.compound_id
           join org_unit m on m.kind = 'COMMUNITY' and c.path like m.path || '%'
          where ${scope} and w.created_at < ?
          group by m.id order by m.id`,
        [...scopeParams, to],
      );

  // The period's figures: whole UTC days from the wish_event_day summary (exact, like wish_count) when the
  // viewer's visibility allows, the partial days at the ends and the personal ties outside the subtrees from the
  // events; otherwise every event of the period, in one pass. The first row holds the averages, the others one
  // status each.
  const days = periodDays(from, to);
  const subtrees = days && countedSubtrees(viewer, opts.unitPath);
  const me = viewer.personId;
  const [periodSql, periodParams] =
    subtrees && days
      ? [
          `with d as (
             select s.to_status, s.n, s.closed_hours, s.rated, s.rating_n, s.rating_sum, s.reopened
               from wish_event_day s join org_unit c on c.id = s.compound_id
              where c.path like any(?::text[]) and s.day >= ?::date and s.day < ?::date
             union all
             select ${EVENT_SUMS}
               from wish_event e join wish w on w.id = e.wish_id join org_unit c on c.id = w.compound_id
              where c.path like any(?::text[]) and ((e.at >= ? and e.at < ?) or (e.at >= ? and e.at < ?))
             union all
             select ${EVENT_SUMS}
               from wish_event e join wish w on w.id = e.wish_id join org_unit c on c.id = w.compound_id
              where ${PERSONAL_WISHES} and not (c.path like any(?::text[]))${opts.unitPath ? ' and c.path like ?' : ''}
                and e.at >= ? and e.at < ?),
           g as (select to_status, sum(n) as n, sum(closed_hours) as closed_hours, sum(rated) as rated,
                        sum(rating_n) as rating_n, sum(rating_sum) as rating_sum, sum(reopened) as reopened
                   from d group by to_status)
           select null::wish_status as status, null::bigint as n,
                  sum(closed_hours) filter (where to_status = 'CLOSED')
                    / nullif(sum(n) filter (where to_status = 'CLOSED'), 0) as hours,
                  sum(rating_sum)::numeric / nullif(sum(rating_n), 0) as avg,
                  coalesce(sum(rated), 0) as rated, coalesce(sum(reopened), 0) as reopened
             from g
           union all
           select to_status, n, null, null, null, null from g where n > 0`,
          [
            pgArray(subtrees.counted.map((p) => `${p}%`)),
            days.firstDay,
            days.endDay,
            pgArray(subtrees.counted.map((p) => `${p}%`)),
            from,
            days.firstDayAt,
            days.endDayAt,
            to,
            me,
            me,
            me,
            pgArray(subtrees.full.map((p) => `${p}%`)),
            ...(opts.unitPath ? [`${opts.unitPath}%`] : []),
            from,
            to,
          ],
        ]
      : [
          `with e as materialized (
             select e.to_status, e.action, e.data, extract(epoch from (e.at - w.created_at)) / 3600 as hours
               from wish_event e
               cross join lateral (select w.id, w.compound_id, w.created_at, w.resident_id, w.listed_by_id, w.status
                                     from wish w where w.id = e.wish_id offset 0) w
               join org_unit c on c.id = w.compound_id
              where ${scope} and e.at >= ? and e.at < ?)
           select null::wish_status as status, null::bigint as n,
                  avg(hours) filter (where to_status = 'CLOSED') as hours,
                  avg((data->>'rating')::int) filter (where action in ('EVALUATE', 'REOPEN')) as avg,
                  count(*) filter (where action in ('EVALUATE', 'REOPEN')) as rated,
                  count(*) filter (where action = 'REOPEN') as reopened
             from e
           union all
           select to_status, count(*), null, null, null, null from e group by to_status`,
          [...scopeParams, from, to],
        ];
  const periodRows = await em.execute<PeriodRow[]>(periodSql, periodParams);
  const closing = periodRows.find((r) => r.status === null);
  const rating = closing && { avg: closing.avg, n: closing.rated, reopened: closing.reopened };
  const transitionRows = periodRows.filter((r) => r.status !== null);
  const rated = Number(rating?.n ?? 0);
  return {
    total: byStatus.reduce((s, c) => s + c.count, 0),
    byStatus,
    byCommunity: byCommunity.map((r) => ({
      unitId: r.unit_id,
      total: Number(r.total),
      open: Number(r.open),
      closed: Number(r.closed),
      overdue: Number(r.overdue),
    })),
    overdue: byCommunity.reduce((s, r) => s + Number(r.overdue), 0),
    averageHoursToClose: closing?.hours === null || closing?.hours === undefined ? null : Number(closing.hours),
    averageRating: rated > 0 ? Number(rating?.avg) : null,
    ratedCount: rated,
    reopenedShare: rated > 0 ? Number(rating?.reopened) / rated : null,
    transitions: WISH_STATUSES.map((status) => ({
      status,
      count: Number(transitionRows.find((r) => r.status === status)?.n ?? 0),
    })),
  };
}
