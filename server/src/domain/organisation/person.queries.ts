/**
 * Reading people and their roles. People are read by staff only, within the subtrees of their staff roles (the
 * street admin: everyone), and by themselves (organisation.policy.ts says who sees whom).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Language, PersonVerification, Role } from '../../entities/person.entity.ts';
import type { Viewer } from '../auth/viewer.ts';
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
import { pgArray } from '../kernel/sql.ts';
import { findOrgUnit, subtreePattern, unitPath } from './org-unit.queries.ts';
import { isStreetAdmin, peoplePrefixes, peoplePrefixesWithin, type RoleFacts } from './organisation.policy.ts';

export interface PersonRecord {
  id: number;
  username: string | null;
  displayName: string;
  phone: string | null;
  active: boolean;
  createdAt: string;
  /** PENDING or REJECTED for a self-registered resident not (yet) verified. */
  verification: PersonVerification;
  /** When a resident registered themselves; null for people staff created. */
  registeredAt: string | null;
  /** Building, unit and room, as a resident gave it (personal data, like the phone number). */
  address: string | null;
  /** The language the person reads notifications in. */
  language: Language;
}

/** The columns of a PersonRecord, selected from `person p`. */
export const PERSON_COLUMNS = `p.id, p.username, p.display_name as "displayName", p.phone, p.active,
  p.created_at as "createdAt", p.verification, p.registered_at as "registeredAt", p.address,
  p.language`;

/** A role a person holds at a unit. */
export interface RoleRecord {
  personId: number;
  role: Role;
  orgUnitId: number;
}

export async function findPeople(em: EntityManager, ids: readonly number[]): Promise<PersonRecord[]> {
  if (ids.length === 0) return [];
  return em.execute<PersonRecord[]>(`select ${PERSON_COLUMNS} from person p where p.id = any(?::int[])`, [
    pgArray(ids),
  ]);
}

export async function findPerson(em: EntityManager, id: number): Promise<PersonRecord | null> {
  return (await findPeople(em, [id]))[0] ?? null;
}

/** The roles of these people, in the order they were granted. */
export async function rolesOfPeople(em: EntityManager, personIds: readonly number[]): Promise<RoleRecord[]> {
  if (personIds.length === 0) return [];
  return em.execute<RoleRecord[]>(
    `select person_id as "personId", role, org_unit_id as "orgUnitId" from person_role
      where person_id = any(?::int[]) order by id`,
    [pgArray(personIds)],
  );
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

/**
 * People holding a role at the unit or below it (optionally this role), within the viewer's own staff subtrees.
 * NOT_FOUND for a unit reference that did not decode or names no unit.
 */
export async function peopleUnder(
  em: EntityManager,
  viewer: Viewer,
  unitId: IdRef,
  role: Maybe<Role>,
): Promise<PersonRecord[]> {
  const unit = unitId === null ? null : await findOrgUnit(em, unitId);
  if (!unit) throw notFound('Org unit');
  const prefixes = peoplePrefixesWithin(viewer, unit.path);
  if (prefixes.length === 0) return [];
  return em.execute<PersonRecord[]>(
    `select ${PERSON_COLUMNS} from person p
      where exists (select 1 from person_role r join org_unit u on u.id = r.org_unit_id
                     where r.person_id = p.id and u.path like any (?::text[]) ${role ? 'and r.role = ?' : ''})
      order by p.display_name, p.id limit ${UNPAGED_CAP}`,
    [pgArray(prefixes.map((p) => `${p}%`)), ...(role ? [role] : [])],
  );
}

export interface PersonListFilter {
  /** Only these people (ids that did not decode are null and match nothing). */
  ids?: Maybe<readonly IdRef[]>;
  q?: Maybe<string>;
  /** People holding a role in this unit's subtree; undefined: anywhere. */
  orgUnitId?: IdRef;
  role?: Maybe<Role>;
  active?: Maybe<boolean>;
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
  c.add(refsFilter('p.id', f.ids));
  c.add(searchCondition(['p.display_name', 'p.username', 'p.phone'], f.q));
  const byUnit = f.orgUnitId !== undefined;
  if (byUnit || f.role) {
    // One role row that lies in the asked subtree, has the asked role, and is inside the viewer's scope.
    const parts = ['fr.person_id = p.id'];
    const params: unknown[] = [];
    if (byUnit) {
      parts.push('fu.path like ?');
      params.push(subtreePattern(await unitPath(em, f.orgUnitId ?? null)));
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
      select: PERSON_COLUMNS,
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

/** One person if the viewer may read them as staff (or is them); else null (also for an id that did not decode). */
export async function findVisiblePerson(em: EntityManager, viewer: Viewer, id: IdRef): Promise<PersonRecord | null> {
  if (id === null) return null;
  const scope = id === viewer.personId ? null : personScope(viewer);
  const [row] = await em.execute<PersonRecord[]>(
    `select ${PERSON_COLUMNS} from person p where p.id = ?${scope ? ` and ${scope.sql}` : ''}`,
    [id, ...(scope ? scope.params : [])],
  );
  return row ?? null;
}

/** A person, locked for a change; null if there is none. */
export async function lockPerson(em: EntityManager, id: number): Promise<PersonRecord | null> {
  const [person] = await em.execute<PersonRecord[]>(
    `select ${PERSON_COLUMNS} from person p where p.id = ? for update`,
    [id],
  );
  return person ?? null;
}

/** A role held, with the unit it is held at. */
export interface HeldRole extends RoleFacts {
  unitId: number;
  unitName: string;
}

export function heldRoles(em: EntityManager, personId: number): Promise<HeldRole[]> {
  return em.execute<HeldRole[]>(
    `select r.role, u.path, u.id as "unitId", u.name as "unitName"
       from person_role r join org_unit u on u.id = r.org_unit_id where r.person_id = ? order by r.id`,
    [personId],
  );
}

/** Whether someone else has this username (any case). */
export async function usernameTaken(em: EntityManager, username: string, selfId: number | null): Promise<boolean> {
  const [same] = await em.execute<{ id: number }[]>(
    'select id from person where lower(username) = lower(?) and id <> ? limit 1',
    [username, selfId ?? -1],
  );
  return same !== undefined;
}
