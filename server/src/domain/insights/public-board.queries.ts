/**
 * The public board of a street or a community (/public/<orgUnitId>): counts, ratings, the month's theme,
 * upcoming activities and per-branch figures, for anyone, without a token. Never a person, a wish's title or its
 * description: nothing here selects them. A street can switch its board off (public_board_setting).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, DomainError, notFound } from '../kernel/errors.ts';
import { type IdRef, requiredRef } from '../kernel/input.ts';
import { STREET_UTC_OFFSET_MS } from '../kernel/street-time.ts';
import { PENDING_STATUSES } from '../wishes/wish.lifecycle.ts';

/** Ratings and days to close are averaged over this many days back. */
export const PUBLIC_AVERAGE_DAYS = 365;
export const PUBLIC_ACTIVITY_DAYS = 30;
export const PUBLIC_ACTIVITIES_LIMIT = 10;
export const PUBLIC_BRANCHES_LIMIT = 50;

export interface PublicUnit {
  id: number;
  name: string;
  nameZh: string;
}

export interface PublicBranch {
  unit: PublicUnit;
  resolved: number;
  averageRating: number | null;
}

export interface PublicActivity {
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  organizer: PublicUnit;
}

export interface PublicBoard {
  unit: PublicUnit;
  resolvedThisMonth: number;
  openNow: number;
  averageRating: number | null;
  averageDaysToClose: number | null;
  theme: { title: string } | null;
  upcomingActivities: PublicActivity[];
  branches: PublicBranch[];
}

interface UnitRow {
  id: number;
  kind: string;
  name: string;
  name_zh: string;
  path: string;
  retired_at: Date | null;
}

const publicUnit = (r: { id: number; name: string; name_zh: string }): PublicUnit => ({
  id: r.id,
  name: r.name,
  nameZh: r.name_zh,
});

/** The street of a unit's path ("/1/3/" → 1) and whether its board is on (no row: on). */
export async function publicBoardEnabled(em: EntityManager, streetId: number): Promise<boolean> {
  const [row] = await em.execute<{ enabled: boolean }[]>(
    'select enabled from public_board_setting where street_id = ?',
    [streetId],
  );
  return row?.enabled ?? true;
}

/** The first instant of the street's current calendar month. */
function monthStart(now: Date): Date {
  const local = new Date(now.getTime() + STREET_UTC_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - STREET_UTC_OFFSET_MS);
}

export async function publicBoard(em: EntityManager, orgUnitId: IdRef, now: Date = new Date()): Promise<PublicBoard> {
  const id = requiredRef(orgUnitId, 'Org unit');
  const [unit] = await em.execute<UnitRow[]>(
    'select id, kind, name, name_zh, path, retired_at from org_unit where id = ?',
    [id],
  );
  if (!unit || unit.retired_at !== null) throw notFound('Org unit');
  if (unit.kind !== 'STREET' && unit.kind !== 'COMMUNITY') {
    throw badInput('orgUnitId', 'must be a street or a community');
  }
  const streetId = Number(unit.path.split('/')[1]);
  if (!(await publicBoardEnabled(em, streetId))) {
    throw new DomainError('NOT_FOUND', "Public board not found: the street's public board is switched off");
  }

  const subtree = `${unit.path}%`;
  const since = monthStart(now);
  const averagesFrom = new Date(now.getTime() - PUBLIC_AVERAGE_DAYS * 86_400_000);
  const pending = PENDING_STATUSES.map((s) => `'${s}'`).join(', ');
  const [figures] = await em.execute<{ resolved: number; open: number; rating: number | null; days: number | null }[]>(
    `select
       (select count(distinct e.wish_id)::int from wish_event e join wish w on w.id = e.wish_id
          join org_unit c on c.id = w.compound_id
         where c.path like ? and e.action = 'RESOLVE' and e.at >= ? and e.at <= ?) as resolved,
       (select count(*)::int from wish w join org_unit c on c.id = w.compound_id
         where c.path like ? and w.status in (${pending})) as open,
       (select avg((e.data->>'rating')::int)::float8 from wish_event e join wish w on w.id = e.wish_id
          join org_unit c on c.id = w.compound_id
         where c.path like ? and e.action in ('EVALUATE', 'REOPEN') and e.at >= ? and e.at <= ?) as rating,
       (select (avg(extract(epoch from (e.at - w.created_at))) / 86400)::float8 from wish_event e
          join wish w on w.id = e.wish_id join org_unit c on c.id = w.compound_id
         where c.path like ? and e.to_status = 'CLOSED' and e.at >= ? and e.at <= ?) as days`,
    [subtree, since, now, subtree, subtree, averagesFrom, now, subtree, averagesFrom, now],
  );

  const local = new Date(now.getTime() + STREET_UTC_OFFSET_MS);
  const [theme] = await em.execute<{ title: string }[]>(
    'select title from monthly_theme where street_id = ? and year = ? and month = ?',
    [streetId, local.getUTCFullYear(), local.getUTCMonth() + 1],
  );

  // Activities of the unit's subtree and of the units above it (a street's activity is for all its communities).
  const activities = await em.execute<
    { title: string; starts_at: Date; ends_at: Date; place: string; id: number; name: string; name_zh: string }[]
  >(
    `select a.title, a.starts_at, a.ends_at, a.place, o.id, o.name, o.name_zh
       from activity a join org_unit o on o.id = a.organizer_id
      where (o.path like ? or ? like o.path || '%') and a.status = 'PLANNED' and a.starts_at > ? and a.starts_at <= ?
      order by a.starts_at, a.id
      limit ${PUBLIC_ACTIVITIES_LIMIT}`,
    [subtree, unit.path, now, new Date(now.getTime() + PUBLIC_ACTIVITY_DAYS * 86_400_000)],
  );

  // Branches: a street's communities, a community's compounds.
  const branchKind = unit.kind === 'STREET' ? 'COMMUNITY' : 'COMPOUND';
  const branches = await em.execute<
    { id: number; name: string; name_zh: string; resolved: number; rating: number | null }[]
  >(
    `select b.id, b.name, b.name_zh,
            (select count(distinct e.wish_id)::int from wish_event e join wish w on w.id = e.wish_id
               join org_unit c on c.id = w.compound_id
              where c.path like b.path || '%' and e.action = 'RESOLVE' and e.at >= ? and e.at <= ?) as resolved,
            (select avg((e.data->>'rating')::int)::float8 from wish_event e join wish w on w.id = e.wish_id
               join org_unit c on c.id = w.compound_id
              where c.path like b.path || '%' and e.action in ('EVALUATE', 'REOPEN') and e.at >= ? and e.at <= ?)
              as rating
       from org_unit b
      where b.parent_id = ? and b.kind = ? and b.retired_at is null
      order by b.id
      limit ${PUBLIC_BRANCHES_LIMIT}`,
    [since, now, averagesFrom, now, unit.id, branchKind],
  );

  return {
    unit: publicUnit(unit),
    resolvedThisMonth: figures?.resolved ?? 0,
    openNow: figures?.open ?? 0,
    averageRating: figures?.rating ?? null,
    averageDaysToClose: figures?.days ?? null,
    theme: theme ? { title: theme.title } : null,
    upcomingActivities: activities.map((a) => ({
      title: a.title,
      startsAt: new Date(a.starts_at),
      endsAt: new Date(a.ends_at),
      place: a.place,
      organizer: publicUnit(a),
    })),
    branches: branches.map((b) => ({ unit: publicUnit(b), resolved: b.resolved, averageRating: b.rating })),
  };
}
