/**
 * Aggregates over the wishes a viewer may see: the dashboard and the display boards. No personal data:
 * counts, averages and unit names only.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.ts';
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

  const byStatusRows = await em.execute<{ status: WishStatus; n: string }[]>(
    `select w.status, count(*) as n from wish w join org_unit c on c.id = w.compound_id
      where ${scope} and w.created_at < ? group by w.status`,
    [...scopeParams, to],
  );
  const byStatus = WISH_STATUSES.map((status) => ({
    status,
    count: Number(byStatusRows.find((r) => r.status === status)?.n ?? 0),
  }));

  // Communities: the wish's compound's ancestor of kind COMMUNITY.
  const byCommunity = await em.execute<
    { unit_id: number; total: string; open: string; closed: string; overdue: string }[]
  >(
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

  const [closing] = await em.execute<{ hours: string | null }[]>(
    `select avg(extract(epoch from (e.at - w.created_at)) / 3600) as hours
       from wish_event e join wish w on w.id = e.wish_id join org_unit c on c.id = w.compound_id
      where ${scope} and e.to_status = 'CLOSED' and e.at >= ? and e.at < ?`,
    [...scopeParams, from, to],
  );
  const [rating] = await em.execute<{ avg: string | null; n: string; reopened: string }[]>(
    `select avg((e.data->>'rating')::int) as avg, count(*) as n, count(*) filter (where e.action = 'REOPEN') as reopened
       from wish_event e join wish w on w.id = e.wish_id join org_unit c on c.id = w.compound_id
      where ${scope} and e.action in ('EVALUATE', 'REOPEN') and e.at >= ? and e.at < ?`,
    [...scopeParams, from, to],
  );
  const transitionRows = await em.execute<{ status: WishStatus; n: string }[]>(
    `select e.to_status as status, count(*) as n
       from wish_event e join wish w on w.id = e.wish_id join org_unit c on c.id = w.compound_id
      where ${scope} and e.at >= ? and e.at < ? group by e.to_status`,
    [...scopeParams, from, to],
  );
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
