/**
 * Hot spots: a category that keeps coming back in one compound — 3 or more wishes (by default) listed in the last
 * `days` days — in a unit's subtree, most first. For staff and the display screens of their area (counts, units and
 * categories only: no person, no title). A duplicate merged into another wish does not count twice.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { STAFF_ROLES, type Viewer } from '../auth/viewer.ts';
import { badInput, forbidden, notFound } from '../kernel/errors.ts';
import { type IdRef, requiredRef } from '../kernel/input.ts';
import { pgArray } from '../kernel/sql.ts';
import { relatesToUnit } from '../wishes/wish.scope.ts';

export const HOT_SPOT_DEFAULT_DAYS = 30;
export const HOT_SPOT_MAX_DAYS = 365;
export const HOT_SPOT_DEFAULT_MINIMUM = 3;
export const HOT_SPOTS_LIMIT = 100;

export interface HotSpot {
  compoundId: number;
  categoryId: number;
  count: number;
  firstAt: Date;
  lastAt: Date;
}

export async function hotSpots(
  em: EntityManager,
  viewer: Viewer,
  args: { orgUnitId: IdRef; days?: number | null; minimum?: number | null },
  now: Date = new Date(),
): Promise<HotSpot[]> {
  const days = args.days ?? HOT_SPOT_DEFAULT_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > HOT_SPOT_MAX_DAYS) {
    throw badInput('days', `must be a whole number of days from 1 to ${HOT_SPOT_MAX_DAYS}`);
  }
  const minimum = args.minimum ?? HOT_SPOT_DEFAULT_MINIMUM;
  if (!Number.isInteger(minimum) || minimum < 2 || minimum > 1000) {
    throw badInput('minimum', 'must be a whole number of wishes from 2 to 1000');
  }
  const unitId = requiredRef(args.orgUnitId, 'Org unit');
  const [unit] = await em.execute<{ path: string }[]>('select path from org_unit where id = ?', [unitId]);
  if (!unit || !relatesToUnit(viewer, unit.path)) throw notFound('Org unit');
  const scopes = viewer.roles.filter((r) => STAFF_ROLES.includes(r.role) || r.role === 'DISPLAY');
  if (scopes.length === 0) throw forbidden('Hot spots are for staff and display screens');

  const since = new Date(now.getTime() - days * 86_400_000);
  const rows = await em.execute<
    { compound_id: number; category_id: number; n: number; first_at: Date; last_at: Date }[]
  >(
    `select w.compound_id, w.category_id, count(*)::int as n, min(w.created_at) as first_at, max(w.created_at) as last_at
       from wish w join org_unit c on c.id = w.compound_id
      where c.path like ? and c.path like any (?::text[])
        and w.created_at >= ? and w.created_at <= ?
        and not exists (select 1 from wish_event e where e.wish_id = w.id and e.action = 'MERGE')
      group by w.compound_id, w.category_id
     having count(*) >= ?
      order by n desc, last_at desc, w.compound_id, w.category_id
      limit ${HOT_SPOTS_LIMIT}`,
    [`${unit.path}%`, pgArray(scopes.map((r) => `${r.scopePath}%`)), since, now, minimum],
  );
  return rows.map((r) => ({
    compoundId: r.compound_id,
    categoryId: r.category_id,
    count: r.n,
    firstAt: new Date(r.first_at),
    lastAt: new Date(r.last_at),
  }));
}
