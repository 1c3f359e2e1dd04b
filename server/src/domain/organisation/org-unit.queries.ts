/**
 * Reading org units: THE org-unit record and its column list (a new column is added here and nowhere else), by
 * id, by parent, as the staff list, and the facts the unit rules check before a unit is retired or deleted.
 * Org units are readable by every logged-in user, so there is no scope condition.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { OrgUnitKind } from '../../entities/org-unit.entity.ts';
import { notFound } from '../kernel/errors.ts';
import type { IdRef, Maybe } from '../kernel/input.ts';
import {
  Conditions,
  type ListArgs,
  type ListPage,
  refsFilter,
  runList,
  searchCondition,
  UNPAGED_CAP,
} from '../kernel/list.ts';
import { NO_UNIT, pgArray } from '../kernel/sql.ts';
import { TERMINAL_STATUSES } from '../wishes/wish.lifecycle.ts';

export interface OrgUnitRecord {
  id: number;
  kind: OrgUnitKind;
  name: string;
  nameZh: string;
  parentId: number | null;
  path: string;
  population: number | null;
  households: number | null;
  hasPropertyManagement: boolean | null;
  partyOrganization: string | null;
  description: string | null;
  retiredAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The columns of an OrgUnitRecord, selected from `org_unit u`. */
export const ORG_UNIT_COLUMNS = `u.id, u.kind, u.name, u.name_zh as "nameZh", u.parent_id as "parentId", u.path,
  u.population, u.households, u.has_property_management as "hasPropertyManagement",
  u.party_organization as "partyOrganization", u.description, u.retired_at as "retiredAt", u.version,
  u.created_at as "createdAt", u.updated_at as "updatedAt"`;

export async function findOrgUnits(em: EntityManager, ids: readonly number[]): Promise<OrgUnitRecord[]> {
  if (ids.length === 0) return [];
  return em.execute<OrgUnitRecord[]>(`select ${ORG_UNIT_COLUMNS} from org_unit u where u.id = any(?::int[])`, [
    pgArray(ids),
  ]);
}

/** One unit; null for a reference that did not decode or names no unit. */
export async function findOrgUnit(em: EntityManager, id: IdRef): Promise<OrgUnitRecord | null> {
  if (id === null) return null;
  return (await findOrgUnits(em, [id]))[0] ?? null;
}

/** The units directly under these parents, by id. */
export async function childrenOf(em: EntityManager, parentIds: readonly number[]): Promise<OrgUnitRecord[]> {
  if (parentIds.length === 0) return [];
  return em.execute<OrgUnitRecord[]>(
    `select ${ORG_UNIT_COLUMNS} from org_unit u where u.parent_id = any(?::int[]) order by u.id`,
    [pgArray(parentIds)],
  );
}

/** Units, optionally of one kind and/or directly under one parent (null: a parent id that did not decode), by path. */
export function orgUnitsWhere(
  em: EntityManager,
  filter: { kind?: Maybe<OrgUnitKind>; parentId?: IdRef },
): Promise<OrgUnitRecord[]> {
  const c = new Conditions();
  if (filter.kind) c.and('u.kind = ?', filter.kind);
  // A malformed or unknown parent has no children.
  if (filter.parentId !== undefined) c.and('u.parent_id = ?', filter.parentId ?? -1);
  const where = c.where.length > 0 ? `where ${c.where.join(' and ')}` : '';
  return em.execute<OrgUnitRecord[]>(
    `select ${ORG_UNIT_COLUMNS} from org_unit u ${where} order by u.path limit ${UNPAGED_CAP}`,
    c.params,
  );
}

/** Locks units in id order (two writers never deadlock) and reads them after the lock. */
export function lockOrgUnits(
  em: EntityManager,
  ids: readonly number[],
  mode: 'update' | 'share' = 'update',
): Promise<OrgUnitRecord[]> {
  return em.execute<OrgUnitRecord[]>(
    `select ${ORG_UNIT_COLUMNS} from org_unit u where u.id = any(?::int[]) order by u.id for ${mode}`,
    [pgArray(ids)],
  );
}

/** One unit, locked; NOT_FOUND naming `what` if there is none. */
export async function lockOrgUnit(
  em: EntityManager,
  id: number,
  what: string,
  mode: 'update' | 'share' = 'update',
): Promise<OrgUnitRecord> {
  const [unit] = await lockOrgUnits(em, [id], mode);
  if (!unit) throw notFound(what);
  return unit;
}

/** A unit's path; null for a reference that did not decode or names no unit. */
export async function unitPath(em: EntityManager, id: IdRef): Promise<string | null> {
  if (id === null) return null;
  const [row] = await em.execute<{ path: string }[]>('select path from org_unit where id = ?', [id]);
  return row?.path ?? null;
}

/** A LIKE pattern for a subtree; for an unknown unit one that matches no path. */
export const subtreePattern = (path: string | null) => (path === null ? NO_UNIT : `${path}%`);

export interface OrgUnitListFilter {
  /** Only these units (ids that did not decode are null and match nothing). */
  ids?: Maybe<readonly IdRef[]>;
  q?: Maybe<string>;
  kind?: Maybe<OrgUnitKind>;
  /** Directly under this unit; undefined: any parent. */
  parentId?: IdRef;
  /** Anywhere below this unit (without the unit itself); undefined: anywhere. */
  underId?: IdRef;
  retired?: Maybe<boolean>;
}

export async function listOrgUnits(
  em: EntityManager,
  filter: Maybe<OrgUnitListFilter>,
  args: ListArgs,
): Promise<ListPage<OrgUnitRecord>> {
  const c = new Conditions();
  const f = filter ?? {};
  c.add(refsFilter('u.id', f.ids));
  c.add(searchCondition(['u.name', 'u.name_zh', 'u.party_organization'], f.q));
  if (f.kind) c.and('u.kind = ?', f.kind);
  if (f.parentId !== undefined) c.and('u.parent_id = ?', f.parentId ?? -1);
  if (f.underId !== undefined) {
    const path = await unitPath(em, f.underId);
    c.and('u.path like ? and u.path <> ?', subtreePattern(path), path ?? '');
  }
  if (f.retired === true) c.and('u.retired_at is not null');
  if (f.retired === false) c.and('u.retired_at is null');
  return runList<OrgUnitRecord>(
    em,
    {
      select: ORG_UNIT_COLUMNS,
      from: 'from org_unit u',
      where: c.where,
      params: c.params,
      sortable: {
        id: 'u.id',
        name: 'u.name',
        nameZh: 'u.name_zh',
        kind: 'u.kind',
        path: 'u.path',
        population: 'u.population',
        households: 'u.households',
        createdAt: 'u.created_at',
        updatedAt: 'u.updated_at',
        retiredAt: 'u.retired_at',
      },
      defaultSort: { field: 'path', order: 'ASC' },
      tieBreaker: 'u.id',
    },
    args,
  );
}

/** Whether another unit in service under this parent has this name (any case). */
export async function siblingNamed(
  em: EntityManager,
  parentId: number,
  name: string,
  selfId: number | null,
): Promise<boolean> {
  const [same] = await em.execute<{ id: number }[]>(
    `select id from org_unit where parent_id = ? and lower(name) = lower(?) and id <> ? and retired_at is null limit 1`,
    [parentId, name, selfId ?? -1],
  );
  return same !== undefined;
}

/** What still lives in a unit's subtree: a unit with any of it is not retired. */
export interface SubtreeUse {
  openWishes: number;
  members: number;
  /** Units in service directly below. */
  children: number;
  committees: number;
  /** Planned activities that have not ended at `at`. */
  activities: number;
}

export async function subtreeUse(em: EntityManager, unit: { id: number; path: string }, at: Date): Promise<SubtreeUse> {
  const subtree = `${unit.path}%`;
  const [use] = await em.execute<SubtreeUse[]>(
    `select
       (select count(*)::int from wish w join org_unit c on c.id = w.compound_id
          join org_unit hu on hu.id = w.handling_unit_id
         where (c.path like ? or hu.path like ?) and w.status <> all(?::wish_status[])) as "openWishes",
       (select count(distinct r.person_id)::int from person_role r join org_unit u on u.id = r.org_unit_id
         where u.path like ?) as members,
       (select count(*)::int from org_unit c where c.parent_id = ? and c.retired_at is null) as children,
       (select count(*)::int from property_committee pc join org_unit u on u.id = pc.compound_id
         where u.path like ? and pc.status = 'ACTIVE') as committees,
       (select count(*)::int from activity a join org_unit u on u.id = a.organizer_id
         where u.path like ? and a.status = 'PLANNED' and a.ends_at > ?) as activities`,
    [subtree, subtree, pgArray(TERMINAL_STATUSES), subtree, unit.id, subtree, subtree, at],
  );
  return use ?? { openWishes: 0, members: 0, children: 0, committees: 0, activities: 0 };
}

/** Everything that refers to a unit itself: a unit with any of it is not deleted. */
export interface UnitReferences {
  wishes: number;
  openWishes: number;
  members: number;
  children: number;
  committees: number;
  activities: number;
  themes: number;
}

export async function unitReferences(em: EntityManager, unitId: number): Promise<UnitReferences> {
  const [refs] = await em.execute<UnitReferences[]>(
    `select
       (select count(*)::int from wish where compound_id = ? or handling_unit_id = ?) as wishes,
       (select count(*)::int from wish where (compound_id = ? or handling_unit_id = ?)
                                        and status <> all(?::wish_status[])) as "openWishes",
       (select count(distinct person_id)::int from person_role where org_unit_id = ?) as members,
       (select count(*)::int from org_unit where parent_id = ?) as children,
       (select count(*)::int from property_committee where compound_id = ?) as committees,
       (select count(*)::int from activity where organizer_id = ?) as activities,
       (select count(*)::int from monthly_theme where street_id = ?) as themes`,
    [unitId, unitId, unitId, unitId, pgArray(TERMINAL_STATUSES), unitId, unitId, unitId, unitId, unitId],
  );
  return refs ?? { wishes: 0, openWishes: 0, members: 0, children: 0, committees: 0, activities: 0, themes: 0 };
}
