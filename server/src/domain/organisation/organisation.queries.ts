/**
 * Reading the organisation for staff screens: org units, people and wish categories as lists (the list
 * convention of list.ts) and one by one. Org units and categories are readable by every logged-in user;
 * people only by staff, within the subtrees of their staff roles (the street admin: everyone).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { OrgUnitKind } from '../../entities/org-unit.entity.ts';
import type { Role } from '../../entities/person.entity.ts';
import { decodeId } from '../../graphql/ids.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Maybe } from '../kernel/input.ts';
import { Conditions, idsFilter, type ListArgs, type ListPage, runList, searchCondition } from '../kernel/list.ts';
import { NO_UNIT, pgArray } from '../kernel/sql.ts';
import { isStreetAdmin, peoplePrefixes } from './organisation.policy.ts';

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

export const ORG_UNIT_RECORD = `u.id, u.kind, u.name, u.name_zh as "nameZh", u.parent_id as "parentId", u.path,
  u.population, u.households, u.has_property_management as "hasPropertyManagement",
  u.party_organization as "partyOrganization", u.description, u.retired_at as "retiredAt", u.version,
  u.created_at as "createdAt", u.updated_at as "updatedAt"`;

export interface PersonRecord {
  id: number;
  username: string | null;
  displayName: string;
  phone: string | null;
  active: boolean;
  createdAt: string;
}

export const PERSON_RECORD = `p.id, p.username, p.display_name as "displayName", p.phone, p.active,
  p.created_at as "createdAt"`;

export interface CategoryRecord {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  defaultLevel: string;
  dueInDays: number;
  sortOrder: number;
  active: boolean;
}

export const CATEGORY_RECORD = `k.id, k.code, k.name_zh as "nameZh", k.name_en as "nameEn",
  k.default_level as "defaultLevel", k.due_in_days as "dueInDays", k.sort_order as "sortOrder", k.active`;

/** A unit path by opaque id; null for a malformed or unknown id (a filter on it then matches nothing). */
async function unitPath(em: EntityManager, idInput: Maybe<string | number>): Promise<string | null> {
  const id = decodeId('OrgUnit', String(idInput));
  if (id === null) return null;
  const [row] = await em.execute<{ path: string }[]>('select path from org_unit where id = ?', [id]);
  return row?.path ?? null;
}

/** A LIKE pattern for a subtree; for an unknown unit one that matches no path. */
const subtree = (path: string | null) => (path === null ? NO_UNIT : `${path}%`);

// ---------------------------------------------------------------------------------------------------------
// Org units

export interface OrgUnitListFilter {
  ids?: Maybe<readonly (string | number)[]>;
  q?: Maybe<string>;
  kind?: Maybe<OrgUnitKind>;
  parentId?: Maybe<string | number>;
  underId?: Maybe<string | number>;
  retired?: Maybe<boolean>;
}

export async function listOrgUnits(
  em: EntityManager,
  filter: Maybe<OrgUnitListFilter>,
  args: ListArgs,
): Promise<ListPage<OrgUnitRecord>> {
  // Scope: the organisation is readable by every logged-in user, so there is no scope condition.
  const c = new Conditions();
  const f = filter ?? {};
  c.add(idsFilter('u.id', 'OrgUnit', f.ids));
  c.add(searchCondition(['u.name', 'u.name_zh', 'u.party_organization'], f.q));
  if (f.kind) c.and('u.kind = ?', f.kind);
  if (f.parentId !== null && f.parentId !== undefined) {
    c.and('u.parent_id = ?', decodeId('OrgUnit', String(f.parentId)) ?? -1);
  }
  if (f.underId !== null && f.underId !== undefined) {
    const path = await unitPath(em, f.underId);
    c.and('u.path like ? and u.path <> ?', subtree(path), path ?? '');
  }
  if (f.retired === true) c.and('u.retired_at is not null');
  if (f.retired === false) c.and('u.retired_at is null');
  return runList<OrgUnitRecord>(
    em,
    {
      select: ORG_UNIT_RECORD,
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

export async function findOrgUnitRecord(em: EntityManager, id: number): Promise<OrgUnitRecord | null> {
  const [row] = await em.execute<OrgUnitRecord[]>(`select ${ORG_UNIT_RECORD} from org_unit u where u.id = ?`, [id]);
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// People

export interface PersonListFilter {
  ids?: Maybe<readonly (string | number)[]>;
  q?: Maybe<string>;
  orgUnitId?: Maybe<string | number>;
  role?: Maybe<Role>;
  active?: Maybe<boolean>;
}

/** The scope of people as SQL over `p`: null for the street admin (everyone). */
function personScope(viewer: Viewer): { sql: string; params: unknown[]; prefixes: string[] } | null {
  if (isStreetAdmin(viewer)) return null;
  const prefixes = peoplePrefixes(viewer).map((p) => `${p}%`);
  return {
    sql: `exists (select 1 from person_role sr join org_unit su on su.id = sr.org_unit_id
                   where sr.person_id = p.id and su.path like any (?::text[]))`,
    params: [pgArray(prefixes)],
    prefixes,
  };
}

export async function listPeople(
  em: EntityManager,
  viewer: Viewer,
  filter: Maybe<PersonListFilter>,
  args: ListArgs,
): Promise<ListPage<PersonRecord>> {
  const scope = personScope(viewer);
  const c = new Conditions();
  // Scope first: people with a role inside one of the viewer's staff subtrees.
  c.add(scope);
  const f = filter ?? {};
  c.add(idsFilter('p.id', 'Person', f.ids));
  c.add(searchCondition(['p.display_name', 'p.username', 'p.phone'], f.q));
  const byUnit = f.orgUnitId !== null && f.orgUnitId !== undefined;
  if (byUnit || f.role) {
    // One role row that lies in the asked subtree, has the asked role, and is inside the viewer's scope.
    const parts = ['fr.person_id = p.id'];
    const params: unknown[] = [];
    if (byUnit) {
      parts.push('fu.path like ?');
      params.push(subtree(await unitPath(em, f.orgUnitId)));
    }
    if (f.role) {
      parts.push('fr.role = ?');
      params.push(f.role);
    }
    if (scope) {
      parts.push('fu.path like any (?::text[])');
      params.push(pgArray(scope.prefixes));
    }
    c.add({
      sql: `exists (select 1 from person_role fr join org_unit fu on fu.id = fr.org_unit_id where ${parts.join(' and ')})`,
      params,
    });
  }
  if (f.active === true || f.active === false) c.and('p.active = ?', f.active);
  return runList<PersonRecord>(
    em,
    {
      select: PERSON_RECORD,
      from: 'from person p',
      where: c.where,
      params: c.params,
      sortable: {
        id: 'p.id',
        displayName: 'p.display_name',
        username: 'p.username',
        active: 'p.active',
        createdAt: 'p.created_at',
      },
      defaultSort: { field: 'displayName', order: 'ASC' },
      tieBreaker: 'p.id',
    },
    args,
  );
}

/** One person if the viewer may read them as staff (or is them); else null. */
export async function findVisiblePerson(em: EntityManager, viewer: Viewer, id: number): Promise<PersonRecord | null> {
  const scope = id === viewer.personId ? null : personScope(viewer);
  const [row] = await em.execute<PersonRecord[]>(
    `select ${PERSON_RECORD} from person p where p.id = ?${scope ? ` and ${scope.sql}` : ''}`,
    [id, ...(scope ? scope.params : [])],
  );
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Wish categories

export interface CategoryListFilter {
  ids?: Maybe<readonly (string | number)[]>;
  q?: Maybe<string>;
  active?: Maybe<boolean>;
}

export function listCategories(
  em: EntityManager,
  filter: Maybe<CategoryListFilter>,
  args: ListArgs,
): Promise<ListPage<CategoryRecord>> {
  // Scope: categories are readable by every logged-in user.
  const c = new Conditions();
  const f = filter ?? {};
  c.add(idsFilter('k.id', 'WishCategory', f.ids));
  c.add(searchCondition(['k.code', 'k.name_zh', 'k.name_en'], f.q));
  if (f.active === true || f.active === false) c.and('k.active = ?', f.active);
  return runList<CategoryRecord>(
    em,
    {
      select: CATEGORY_RECORD,
      from: 'from wish_category k',
      where: c.where,
      params: c.params,
      sortable: {
        id: 'k.id',
        code: 'k.code',
        name: 'k.name_en',
        nameZh: 'k.name_zh',
        sortOrder: 'k.sort_order',
        dueInDays: 'k.due_in_days',
        defaultLevel: 'k.default_level',
        active: 'k.active',
      },
      defaultSort: { field: 'sortOrder', order: 'ASC' },
      tieBreaker: 'k.id',
    },
    args,
  );
}

export async function findCategoryRecord(em: EntityManager, id: number): Promise<CategoryRecord | null> {
  const [row] = await em.execute<CategoryRecord[]>(`select ${CATEGORY_RECORD} from wish_category k where k.id = ?`, [
    id,
  ]);
  return row ?? null;
}
