/**
 * Staff management of the organisation: org units (create, update, move, retire, delete), people and their
 * roles, wish categories. Checks run in the contract's order — input, NOT_FOUND, FORBIDDEN, state
 * (INVALID_TRANSITION), CONFLICT — inside the transaction that writes, after locking the rows they read, and
 * every change writes its change_event in that same transaction.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { OrgUnitKind } from '../../entities/org-unit.entity.ts';
import type { Role } from '../../entities/person.entity.ts';
import { hashPassword } from '../auth/password.ts';
import type { Viewer } from '../auth/viewer.ts';
import { recordChange } from '../kernel/change-log.ts';
import { checkExpectedVersion } from '../kernel/concurrency.ts';
import { badInput, conflict, forbidden, invalidTransition, notFound, unauthenticated } from '../kernel/errors.ts';
import { given, type Maybe, optionalCount, optionalText, requiredId, requiredText } from '../kernel/input.ts';
import { isForeignKeyViolation, isUniqueViolation, pgFailure } from '../kernel/pg-errors.ts';
import { pgArray } from '../kernel/sql.ts';
import {
  isStreetAdmin,
  managesPerson,
  managesUnit,
  mayGrant,
  mayPlaceUnder,
  PARENT_KINDS,
  ROLE_UNIT_KINDS,
  type RoleFacts,
  seesPerson,
} from './organisation.policy.ts';
import type { OrgUnitRecord } from './organisation.queries.ts';

const MAX_NAME = 200;
const MAX_PARTY_ORG = 200;
const MAX_DESCRIPTION = 4000;
const MAX_DISPLAY_NAME = 100;
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,99}$/;
const PHONE = /^\+?[0-9][0-9 -]{4,28}$/;
const MIN_PASSWORD = 8;
const MAX_PASSWORD = 200;
const CATEGORY_CODE = /^[a-z][a-z0-9_]{1,49}$/;
const HANDLING_LEVELS: readonly OrgUnitKind[] = ['COMPOUND', 'COMMUNITY', 'STREET'];
const MAX_DUE_DAYS = 365;
/** Wishes in these states are still someone's work. */
const FINAL_WISH_STATUSES = ['CLOSED', 'REJECTED', 'CANCELLED'] as const;

// ---------------------------------------------------------------------------------------------------------
// Inputs (ids are the opaque GraphQL ids)

export interface UnitFieldsInput {
  name?: Maybe<string>;
  nameZh?: Maybe<string>;
  population?: Maybe<number>;
  households?: Maybe<number>;
  hasPropertyManagement?: Maybe<boolean>;
  partyOrganization?: Maybe<string>;
  description?: Maybe<string>;
}

export interface CreateOrgUnitInput extends UnitFieldsInput {
  kind: OrgUnitKind;
  parentId: string;
}

export interface UpdateOrgUnitInput extends UnitFieldsInput {
  orgUnitId: string;
  expectedVersion?: Maybe<number>;
}

export interface MoveOrgUnitInput {
  orgUnitId: string;
  parentId: string;
  expectedVersion?: Maybe<number>;
}

export interface OrgUnitRefInput {
  orgUnitId: string;
  expectedVersion?: Maybe<number>;
}

export interface RoleGrantInput {
  personId: string;
  role: Role;
  orgUnitId: string;
}

export interface CreatePersonInput {
  displayName: string;
  username?: Maybe<string>;
  phone?: Maybe<string>;
  password?: Maybe<string>;
  roles: readonly { role: Role; orgUnitId: string }[];
}

export interface UpdatePersonInput {
  personId: string;
  displayName?: Maybe<string>;
  username?: Maybe<string>;
  phone?: Maybe<string>;
  password?: Maybe<string>;
}

export interface CreateCategoryInput {
  code: string;
  nameZh: string;
  nameEn: string;
  defaultLevel: OrgUnitKind;
  dueInDays: number;
  sortOrder?: Maybe<number>;
}

export interface UpdateCategoryInput {
  categoryId: string;
  nameZh?: Maybe<string>;
  nameEn?: Maybe<string>;
  defaultLevel?: Maybe<OrgUnitKind>;
  dueInDays?: Maybe<number>;
  sortOrder?: Maybe<number>;
  active?: Maybe<boolean>;
}

// ---------------------------------------------------------------------------------------------------------
// Rows

/** A unit as the service reads it: the record of the queries without its timestamps. */
type UnitRow = Omit<OrgUnitRecord, 'createdAt' | 'updatedAt'>;

const UNIT_ROW = `id, kind, name, name_zh as "nameZh", parent_id as "parentId", path, population, households,
  has_property_management as "hasPropertyManagement", party_organization as "partyOrganization", description,
  retired_at as "retiredAt", version`;

interface PersonRow {
  id: number;
  username: string | null;
  displayName: string;
  phone: string | null;
  active: boolean;
}

interface PersonRoleRow extends RoleFacts {
  unitId: number;
  unitName: string;
}

interface CategoryRow {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  defaultLevel: OrgUnitKind;
  dueInDays: number;
  sortOrder: number;
  active: boolean;
}

/** Column ← field, for the unit fields an input may set. */
const UNIT_COLUMNS: Readonly<Record<keyof UnitFieldsInput, string>> = {
  name: 'name',
  nameZh: 'name_zh',
  population: 'population',
  households: 'households',
  hasPropertyManagement: 'has_property_management',
  partyOrganization: 'party_organization',
  description: 'description',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export class OrganisationService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private requireViewer(): Viewer {
    if (!this.viewer) throw unauthenticated();
    return this.viewer;
  }

  // -------------------------------------------------------------------------------------------------------
  // Org units

  async createOrgUnit(input: CreateOrgUnitInput): Promise<number> {
    const viewer = this.requireViewer();
    const kind = input.kind;
    if (kind === 'STREET') {
      throw badInput(
        'kind',
        'the street is the root of the organisation: create a COMMUNITY, COMPOUND, GRID or PARTNER',
      );
    }
    const fields = unitFields(kind, input, 'create');
    const parentId = requiredId('OrgUnit', input.parentId, 'Parent unit');
    return this.em.transactional(async (em) => {
      // Locked so that two creations under one parent cannot both take a name.
      const parent = await lockUnit(em, parentId, 'Parent unit');
      requireParentKind(kind, parent);
      if (!mayPlaceUnder(viewer, kind, parent.path)) {
        throw forbidden(`Your role may not create a ${kind} under ${parent.name}`);
      }
      if (parent.retiredAt) throw invalidTransition(`${parent.name} is retired: no new units go under it`);
      await requireFreeName(em, parent, fields.name as string, null);
      const [seq] = await em.execute<{ id: number }[]>(
        `select nextval(pg_get_serial_sequence('org_unit', 'id'))::int as id`,
      );
      const id = (seq as { id: number }).id;
      const at = this.now();
      const columns = Object.keys(fields) as (keyof UnitFieldsInput)[];
      await em.execute(
        `insert into org_unit (id, kind, parent_id, path, ${columns.map((c) => UNIT_COLUMNS[c]).join(', ')},
                               version, created_at, updated_at)
         values (?, ?, ?, ?, ${columns.map(() => '?').join(', ')}, 1, ?, ?)`,
        [id, kind, parent.id, `${parent.path}${id}/`, ...columns.map((c) => fields[c]), at, at],
      );
      await recordChange(
        em,
        {
          entityType: 'OrgUnit',
          entityId: id,
          action: 'CREATE',
          actorId: viewer.personId,
          data: { kind, parentId: parent.id, ...fields },
        },
        at,
      );
      return id;
    });
  }

  async updateOrgUnit(input: UpdateOrgUnitInput): Promise<number> {
    const viewer = this.requireViewer();
    if (!(Object.keys(UNIT_COLUMNS) as (keyof UnitFieldsInput)[]).some((k) => given(input[k]))) {
      throw badInput('input', 'name at least one field to change');
    }
    const unitId = requiredId('OrgUnit', input.orgUnitId, 'Org unit');
    checkExpectedVersion(input.expectedVersion);
    return this.em.transactional(async (em) => {
      const unit = await lockUnit(em, unitId, 'Org unit');
      const fields = unitFields(unit.kind, input, 'update');
      const columns = (Object.keys(fields) as (keyof UnitFieldsInput)[]).filter(
        (c) => fields[c] !== (unit as unknown as Record<string, unknown>)[c],
      );
      if (!managesUnit(viewer, unit)) throw forbidden(`Your role may not change ${unit.name}`);
      if (fields.hasPropertyManagement === true && !unit.hasPropertyManagement) {
        const [row] = await em.execute<{ n: number }[]>(
          `select count(*)::int as n from property_committee where compound_id = ? and status = 'ACTIVE'`,
          [unit.id],
        );
        if ((row?.n ?? 0) > 0) {
          throw invalidTransition(
            `${unit.name} has an ACTIVE property committee: dissolve it before recording a property company`,
          );
        }
      }
      if (fields.name !== undefined && unit.parentId !== null) {
        const [parent] = await em.execute<{ id: number; name: string }[]>(
          'select id, name from org_unit where id = ?',
          [unit.parentId],
        );
        if (parent) await requireFreeName(em, parent, fields.name as string, unit.id);
      }
      requireVersion(unit, input.expectedVersion);
      if (columns.length === 0) return unit.id;
      const at = this.now();
      await em.execute(
        `update org_unit set ${columns.map((c) => `${UNIT_COLUMNS[c]} = ?`).join(', ')},
                version = version + 1, updated_at = ? where id = ?`,
        [...columns.map((c) => fields[c]), at, unit.id],
      );
      const changes = Object.fromEntries(
        columns.map((c) => [c, { from: (unit as unknown as Record<string, unknown>)[c], to: fields[c] }]),
      );
      await recordChange(
        em,
        { entityType: 'OrgUnit', entityId: unit.id, action: 'UPDATE', actorId: viewer.personId, data: changes },
        at,
      );
      return unit.id;
    });
  }

  /** Re-parents a unit: the paths of the unit and its whole subtree change in one statement. */
  async moveOrgUnit(input: MoveOrgUnitInput): Promise<number> {
    const viewer = this.requireViewer();
    const unitId = requiredId('OrgUnit', input.orgUnitId, 'Org unit');
    const parentId = requiredId('OrgUnit', input.parentId, 'Parent unit');
    checkExpectedVersion(input.expectedVersion);
    return this.em.transactional(async (em) => {
      // Both rows locked in id order (no deadlock between two moves); paths are read after the locks.
      const rows = await em.execute<UnitRow[]>(
        `select ${UNIT_ROW} from org_unit where id = any(?::int[]) order by id for update`,
        [pgArray([unitId, parentId])],
      );
      const unit = rows.find((r) => r.id === unitId);
      if (!unit) throw notFound('Org unit');
      const parent = rows.find((r) => r.id === parentId);
      if (!parent) throw notFound('Parent unit');
      if (unit.kind === 'STREET') throw badInput('orgUnitId', 'the street is the root of the organisation');
      if (parent.id === unit.id || parent.path.startsWith(unit.path)) {
        throw badInput('parentId', `${parent.name} is ${unit.name} itself or lies below it: a unit cannot move there`);
      }
      requireParentKind(unit.kind, parent);
      if (unit.parentId === parent.id) throw badInput('parentId', `${unit.name} is already under ${parent.name}`);
      if (!managesUnit(viewer, unit)) throw forbidden(`Your role may not move ${unit.name}`);
      if (!mayPlaceUnder(viewer, unit.kind, parent.path)) {
        throw forbidden(`Your role may not move a ${unit.kind} under ${parent.name}`);
      }
      if (unit.retiredAt) throw invalidTransition(`${unit.name} is retired: it cannot move`);
      if (parent.retiredAt) throw invalidTransition(`${parent.name} is retired: no units go under it`);
      await requireFreeName(em, parent, unit.name, unit.id);
      requireVersion(unit, input.expectedVersion);
      const at = this.now();
      const newPath = `${parent.path}${unit.id}/`;
      const moved = await em.execute<{ id: number }[]>(
        `update org_unit
            set path = ?::text || substr(path, ?::int),
                parent_id = case when id = ? then ?::int else parent_id end,
                version = case when id = ? then version + 1 else version end,
                updated_at = case when id = ? then ?::timestamptz else updated_at end
          where path like ? returning id`,
        [newPath, unit.path.length + 1, unit.id, parent.id, unit.id, unit.id, at, `${unit.path}%`],
      );
      await recordChange(
        em,
        {
          entityType: 'OrgUnit',
          entityId: unit.id,
          action: 'MOVE',
          actorId: viewer.personId,
          data: {
            fromParentId: unit.parentId,
            toParentId: parent.id,
            fromPath: unit.path,
            toPath: newPath,
            subtreeSize: moved.length,
          },
        },
        at,
      );
      return unit.id;
    });
  }

  /** Soft: the unit stays for history but takes no new work. Refused while it has open work or people. */
  async retireOrgUnit(input: OrgUnitRefInput): Promise<number> {
    const viewer = this.requireViewer();
    const unitId = requiredId('OrgUnit', input.orgUnitId, 'Org unit');
    checkExpectedVersion(input.expectedVersion);
    return this.em.transactional(async (em) => {
      const unit = await lockUnit(em, unitId, 'Org unit');
      if (unit.kind === 'STREET') throw badInput('orgUnitId', 'the street cannot be retired');
      if (!managesUnit(viewer, unit)) throw forbidden(`Your role may not retire ${unit.name}`);
      if (unit.retiredAt) throw invalidTransition(`${unit.name} is already retired`);
      const at = this.now();
      const [use] = await em.execute<
        { openWishes: number; members: number; children: number; committees: number; activities: number }[]
      >(
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
        [
          `${unit.path}%`,
          `${unit.path}%`,
          pgArray(FINAL_WISH_STATUSES),
          `${unit.path}%`,
          unit.id,
          `${unit.path}%`,
          `${unit.path}%`,
          at,
        ],
      );
      const blockers = [
        use?.openWishes ? plural(use.openWishes, 'open wish', 'open wishes') : null,
        use?.members ? `${plural(use.members, 'member')} (people holding a role there)` : null,
        use?.children ? `${plural(use.children, 'active unit')} below it` : null,
        use?.committees ? plural(use.committees, 'active property committee') : null,
        use?.activities ? plural(use.activities, 'planned activity', 'planned activities') : null,
      ].filter((b): b is string => b !== null);
      if (blockers.length > 0) {
        throw invalidTransition(`${unit.name} cannot be retired: it still has ${listing(blockers)}`);
      }
      requireVersion(unit, input.expectedVersion);
      await em.execute('update org_unit set retired_at = ?, version = version + 1, updated_at = ? where id = ?', [
        at,
        at,
        unit.id,
      ]);
      await recordChange(
        em,
        { entityType: 'OrgUnit', entityId: unit.id, action: 'RETIRE', actorId: viewer.personId },
        at,
      );
      return unit.id;
    });
  }

  /** Hard delete, only for a unit nothing refers to (a mistake caught before any use). */
  async deleteOrgUnit(input: OrgUnitRefInput): Promise<number> {
    const viewer = this.requireViewer();
    const unitId = requiredId('OrgUnit', input.orgUnitId, 'Org unit');
    checkExpectedVersion(input.expectedVersion);
    return this.em.transactional(async (em) => {
      const unit = await lockUnit(em, unitId, 'Org unit');
      if (unit.kind === 'STREET') throw badInput('orgUnitId', 'the street cannot be deleted');
      if (!managesUnit(viewer, unit)) throw forbidden(`Your role may not delete ${unit.name}`);
      const [use] = await em.execute<
        {
          wishes: number;
          openWishes: number;
          members: number;
          children: number;
          committees: number;
          activities: number;
          themes: number;
        }[]
      >(
        `select
           (select count(*)::int from wish where compound_id = ? or handling_unit_id = ?) as wishes,
           (select count(*)::int from wish where (compound_id = ? or handling_unit_id = ?)
                                            and status <> all(?::wish_status[])) as "openWishes",
           (select count(distinct person_id)::int from person_role where org_unit_id = ?) as members,
           (select count(*)::int from org_unit where parent_id = ?) as children,
           (select count(*)::int from property_committee where compound_id = ?) as committees,
           (select count(*)::int from activity where organizer_id = ?) as activities,
           (select count(*)::int from monthly_theme where street_id = ?) as themes`,
        [unit.id, unit.id, unit.id, unit.id, pgArray(FINAL_WISH_STATUSES), unit.id, unit.id, unit.id, unit.id, unit.id],
      );
      const u = use ?? { wishes: 0, openWishes: 0, members: 0, children: 0, committees: 0, activities: 0, themes: 0 };
      const blockers = [
        u.openWishes ? plural(u.openWishes, 'open wish', 'open wishes') : null,
        u.wishes - u.openWishes ? plural(u.wishes - u.openWishes, 'finished wish', 'finished wishes') : null,
        u.members ? `${plural(u.members, 'member')} (people holding a role there)` : null,
        u.children ? `${plural(u.children, 'unit')} below it` : null,
        u.committees ? plural(u.committees, 'property committee') : null,
        u.activities ? plural(u.activities, 'activity', 'activities') : null,
        u.themes ? plural(u.themes, 'monthly theme') : null,
      ].filter((b): b is string => b !== null);
      if (blockers.length > 0) {
        throw invalidTransition(
          `${unit.name} cannot be deleted: it has ${listing(blockers)}` +
            (u.openWishes || u.members || u.children ? '' : '; retire it instead to keep its history'),
        );
      }
      requireVersion(unit, input.expectedVersion);
      const at = this.now();
      try {
        await em.execute('delete from org_unit where id = ?', [unit.id]);
      } catch (err) {
        // Something this check does not know about still refers to the unit.
        if (isForeignKeyViolation(err)) {
          throw invalidTransition(
            `${unit.name} cannot be deleted: ${pgFailure(err)?.table ?? 'other'} records refer to it; retire it instead`,
          );
        }
        throw err;
      }
      await recordChange(
        em,
        { entityType: 'OrgUnit', entityId: unit.id, action: 'DELETE', actorId: viewer.personId, data: { ...unit } },
        at,
      );
      return unit.id;
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // People and roles

  async createPerson(input: CreatePersonInput): Promise<number> {
    const viewer = this.requireViewer();
    const displayName = requiredText('displayName', input.displayName, MAX_DISPLAY_NAME);
    const username = checkUsername(input.username);
    const phone = checkPhone(input.phone);
    const password = checkPassword(input.password, username);
    if (!Array.isArray(input.roles) || input.roles.length === 0) {
      throw badInput('roles', 'name at least one role: every person belongs somewhere in the street');
    }
    if (input.roles.length > 10) throw badInput('roles', 'at most 10 roles at once');
    const wanted = input.roles.map((r) => ({ role: r.role, unitId: requiredId('OrgUnit', r.orgUnitId, 'Org unit') }));
    const keys = wanted.map((r) => `${r.role}@${r.unitId}`);
    if (new Set(keys).size !== keys.length) throw badInput('roles', 'names the same role at the same unit twice');
    const passwordHash = password === null ? null : await hashPassword(password);
    return this.em.transactional(async (em) => {
      const units = await em.execute<UnitRow[]>(
        `select ${UNIT_ROW} from org_unit where id = any(?::int[]) order by id for share`,
        [pgArray(wanted.map((r) => r.unitId))],
      );
      const grants = wanted.map((w, i) => {
        const unit = units.find((u) => u.id === w.unitId);
        if (!unit) throw notFound('Org unit');
        requireRoleKind(w.role, unit, `roles[${i}].orgUnitId`);
        return { role: w.role, unit };
      });
      for (const g of grants) {
        if (!mayGrant(viewer, g.role, g.unit.path))
          throw forbidden(`Your role may not grant ${g.role} at ${g.unit.name}`);
      }
      for (const g of grants) {
        if (g.unit.retiredAt) throw invalidTransition(`${g.unit.name} is retired: no new roles there`);
      }
      if (username !== null) await requireFreeUsername(em, username, null);
      const at = this.now();
      let id: number;
      try {
        const [row] = await em.execute<{ id: number }[]>(
          `insert into person (username, display_name, phone, password_hash, active, created_at)
           values (?, ?, ?, ?, true, ?) returning id`,
          [username, displayName, phone, passwordHash, at],
        );
        id = (row as { id: number }).id;
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict(`The username "${username}" is taken`);
        throw err;
      }
      for (const g of grants) {
        await em.execute('insert into person_role (person_id, role, org_unit_id, created_at) values (?, ?, ?, ?)', [
          id,
          g.role,
          g.unit.id,
          at,
        ]);
      }
      await recordChange(
        em,
        {
          entityType: 'Person',
          entityId: id,
          action: 'CREATE',
          actorId: viewer.personId,
          data: {
            displayName,
            username,
            phone,
            passwordSet: passwordHash !== null,
            roles: grants.map((g) => ({ role: g.role, orgUnitId: g.unit.id })),
          },
        },
        at,
      );
      return id;
    });
  }

  async updatePerson(input: UpdatePersonInput): Promise<number> {
    const viewer = this.requireViewer();
    const personId = requiredId('Person', input.personId, 'Person');
    const displayName = given(input.displayName)
      ? requiredText('displayName', input.displayName, MAX_DISPLAY_NAME)
      : undefined;
    const username = given(input.username) ? checkUsername(input.username) : undefined;
    const phone = given(input.phone) ? checkPhone(input.phone) : undefined;
    if (given(input.password) && input.password === null) {
      throw badInput('password', 'cannot be cleared; remove the username to stop someone logging in');
    }
    const password = given(input.password) ? checkPassword(input.password, 'set') : undefined;
    if ([displayName, username, phone, password].every((v) => v === undefined)) {
      throw badInput('input', 'name at least one field to change');
    }
    const passwordHash = password ? await hashPassword(password) : undefined;
    return this.em.transactional(async (em) => {
      const { person } = await this.loadManagedPerson(em, personId, 'change');
      if (password && (username === null || (username === undefined && person.username === null))) {
        throw badInput('password', 'a person without a username cannot log in: set a username too');
      }
      if (username) await requireFreeUsername(em, username, person.id);
      const set: Record<string, unknown> = {};
      if (displayName !== undefined && displayName !== person.displayName) set.display_name = displayName;
      if (username !== undefined && username !== person.username) set.username = username;
      if (phone !== undefined && phone !== person.phone) set.phone = phone;
      if (passwordHash !== undefined) set.password_hash = passwordHash;
      // Without a username nobody logs in as this person: no password either.
      if (username === null && person.username !== null) set.password_hash = null;
      const columns = Object.keys(set);
      if (columns.length === 0) return person.id;
      const at = this.now();
      try {
        await em.execute(`update person set ${columns.map((c) => `${c} = ?`).join(', ')} where id = ?`, [
          ...columns.map((c) => set[c]),
          person.id,
        ]);
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict(`The username "${username}" is taken`);
        throw err;
      }
      // A new password or a removed username ends the sessions already open.
      if ('password_hash' in set) await em.execute('delete from auth_session where person_id = ?', [person.id]);
      const data: Record<string, unknown> = {};
      if ('display_name' in set) data.displayName = { from: person.displayName, to: displayName };
      if ('username' in set) data.username = { from: person.username, to: username };
      if ('phone' in set) data.phone = { from: person.phone, to: phone };
      if ('password_hash' in set) data.passwordChanged = true;
      await recordChange(
        em,
        { entityType: 'Person', entityId: person.id, action: 'UPDATE', actorId: viewer.personId, data },
        at,
      );
      return person.id;
    });
  }

  /** A deactivated person cannot log in, and the tokens they hold stop working. Their history stays. */
  async setPersonActive(input: { personId: string }, active: boolean): Promise<number> {
    const viewer = this.requireViewer();
    const personId = requiredId('Person', input.personId, 'Person');
    return this.em.transactional(async (em) => {
      const { person } = await this.loadManagedPerson(em, personId, active ? 'reactivate' : 'deactivate');
      if (!active && person.id === viewer.personId) throw forbidden('You cannot deactivate your own account');
      if (person.active === active) {
        throw invalidTransition(`${person.displayName} is already ${active ? 'active' : 'deactivated'}`);
      }
      const at = this.now();
      await em.execute('update person set active = ? where id = ?', [active, person.id]);
      if (!active) await em.execute('delete from auth_session where person_id = ?', [person.id]);
      await recordChange(
        em,
        {
          entityType: 'Person',
          entityId: person.id,
          action: active ? 'REACTIVATE' : 'DEACTIVATE',
          actorId: viewer.personId,
        },
        at,
      );
      return person.id;
    });
  }

  async grantRole(input: RoleGrantInput): Promise<number> {
    const viewer = this.requireViewer();
    const personId = requiredId('Person', input.personId, 'Person');
    const unitId = requiredId('OrgUnit', input.orgUnitId, 'Org unit');
    return this.em.transactional(async (em) => {
      const { person } = await this.loadVisiblePerson(em, personId);
      const unit = await lockUnit(em, unitId, 'Org unit', 'share');
      requireRoleKind(input.role, unit, 'orgUnitId');
      if (!mayGrant(viewer, input.role, unit.path)) {
        throw forbidden(`Your role may not grant ${input.role} at ${unit.name}`);
      }
      if (!person.active) throw invalidTransition(`${person.displayName} is deactivated: reactivate them first`);
      if (unit.retiredAt) throw invalidTransition(`${unit.name} is retired: no new roles there`);
      const at = this.now();
      const inserted = await em.execute<{ id: number }[]>(
        `insert into person_role (person_id, role, org_unit_id, created_at) values (?, ?, ?, ?)
         on conflict (person_id, role, org_unit_id) do nothing returning id`,
        [person.id, input.role, unit.id, at],
      );
      if (inserted.length === 0) throw conflict(`${person.displayName} already holds ${input.role} at ${unit.name}`);
      await recordChange(
        em,
        {
          entityType: 'Person',
          entityId: person.id,
          action: 'GRANT_ROLE',
          actorId: viewer.personId,
          data: { role: input.role, orgUnitId: unit.id },
        },
        at,
      );
      return person.id;
    });
  }

  async revokeRole(input: RoleGrantInput): Promise<number> {
    const viewer = this.requireViewer();
    const personId = requiredId('Person', input.personId, 'Person');
    const unitId = requiredId('OrgUnit', input.orgUnitId, 'Org unit');
    return this.em.transactional(async (em) => {
      const { person, roles } = await this.loadVisiblePerson(em, personId);
      const held = roles.find((r) => r.role === input.role && r.unitId === unitId);
      if (!held) throw notFound('Role assignment');
      if (!mayGrant(viewer, held.role, held.path)) {
        throw forbidden(`Your role may not revoke ${held.role} at ${held.unitName}`);
      }
      if (person.id === viewer.personId && (held.role === 'STREET_ADMIN' || held.role === 'BRANCH_SECRETARY')) {
        throw forbidden('You cannot revoke your own staff role: ask another administrator');
      }
      const at = this.now();
      await em.execute('delete from person_role where person_id = ? and role = ? and org_unit_id = ?', [
        person.id,
        held.role,
        held.unitId,
      ]);
      await recordChange(
        em,
        {
          entityType: 'Person',
          entityId: person.id,
          action: 'REVOKE_ROLE',
          actorId: viewer.personId,
          data: { role: held.role, orgUnitId: held.unitId },
        },
        at,
      );
      return person.id;
    });
  }

  /** The person, locked, if the viewer may read them (else NOT_FOUND), with their roles. */
  private async loadVisiblePerson(
    em: EntityManager,
    personId: number,
  ): Promise<{ person: PersonRow; roles: PersonRoleRow[] }> {
    const viewer = this.requireViewer();
    const [person] = await em.execute<PersonRow[]>(
      `select id, username, display_name as "displayName", phone, active from person where id = ? for update`,
      [personId],
    );
    if (!person) throw notFound('Person');
    const roles = await em.execute<PersonRoleRow[]>(
      `select r.role, u.path, u.id as "unitId", u.name as "unitName"
         from person_role r join org_unit u on u.id = r.org_unit_id where r.person_id = ? order by r.id`,
      [personId],
    );
    if (!seesPerson(viewer, roles)) throw notFound('Person');
    return { person, roles };
  }

  private async loadManagedPerson(em: EntityManager, personId: number, verb: string) {
    const loaded = await this.loadVisiblePerson(em, personId);
    if (!managesPerson(this.requireViewer(), loaded.roles)) {
      throw forbidden(
        `Your role may not ${verb} ${loaded.person.displayName}: they hold roles outside what you manage`,
      );
    }
    return loaded;
  }

  // -------------------------------------------------------------------------------------------------------
  // Wish categories (the street's)

  async createCategory(input: CreateCategoryInput): Promise<number> {
    const viewer = this.requireViewer();
    const code = (input.code ?? '').trim();
    if (!CATEGORY_CODE.test(code)) {
      throw badInput('code', 'must be 2–50 characters: a lowercase letter, then lowercase letters, digits or _');
    }
    const nameZh = requiredText('nameZh', input.nameZh, 100);
    const nameEn = requiredText('nameEn', input.nameEn, 100);
    const defaultLevel = checkLevel(input.defaultLevel);
    const dueInDays = checkDueDays(input.dueInDays);
    const sortOrder = checkSortOrder(input.sortOrder) ?? null;
    if (!isStreetAdmin(viewer)) throw forbidden('Only street staff manage wish categories');
    return this.em.transactional(async (em) => {
      const [taken] = await em.execute<{ id: number }[]>('select id from wish_category where code = ?', [code]);
      if (taken) throw conflict(`A category with the code "${code}" already exists`);
      const at = this.now();
      let id: number;
      try {
        const [row] = await em.execute<{ id: number }[]>(
          `insert into wish_category (code, name_zh, name_en, default_level, due_in_days, sort_order, active)
           values (?, ?, ?, ?, ?, coalesce(?::int, (select coalesce(max(sort_order), 0) + 1 from wish_category)), true)
           returning id`,
          [code, nameZh, nameEn, defaultLevel, dueInDays, sortOrder],
        );
        id = (row as { id: number }).id;
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict(`A category with the code "${code}" already exists`);
        throw err;
      }
      await recordChange(
        em,
        {
          entityType: 'WishCategory',
          entityId: id,
          action: 'CREATE',
          actorId: viewer.personId,
          data: { code, nameZh, nameEn, defaultLevel, dueInDays, sortOrder },
        },
        at,
      );
      return id;
    });
  }

  async updateCategory(input: UpdateCategoryInput): Promise<number> {
    const viewer = this.requireViewer();
    const categoryId = requiredId('WishCategory', input.categoryId, 'Wish category');
    const fields: Partial<Record<keyof CategoryRow, unknown>> = {};
    if (given(input.nameZh)) fields.nameZh = requiredText('nameZh', input.nameZh, 100);
    if (given(input.nameEn)) fields.nameEn = requiredText('nameEn', input.nameEn, 100);
    if (given(input.defaultLevel)) fields.defaultLevel = checkLevel(input.defaultLevel);
    if (given(input.dueInDays)) fields.dueInDays = checkDueDays(input.dueInDays);
    if (given(input.sortOrder)) {
      if (input.sortOrder === null) throw badInput('sortOrder', 'must be a number');
      fields.sortOrder = checkSortOrder(input.sortOrder);
    }
    if (given(input.active)) {
      if (input.active === null) throw badInput('active', 'must be true or false');
      fields.active = input.active;
    }
    if (Object.keys(fields).length === 0) throw badInput('input', 'name at least one field to change');
    return this.changeCategory(viewer, categoryId, fields, 'UPDATE');
  }

  deactivateCategory(input: { categoryId: string }): Promise<number> {
    const viewer = this.requireViewer();
    const categoryId = requiredId('WishCategory', input.categoryId, 'Wish category');
    return this.changeCategory(viewer, categoryId, { active: false }, 'DEACTIVATE');
  }

  private changeCategory(
    viewer: Viewer,
    categoryId: number,
    fields: Partial<Record<keyof CategoryRow, unknown>>,
    action: 'UPDATE' | 'DEACTIVATE',
  ): Promise<number> {
    const columns: Partial<Record<keyof CategoryRow, string>> = {
      nameZh: 'name_zh',
      nameEn: 'name_en',
      defaultLevel: 'default_level',
      dueInDays: 'due_in_days',
      sortOrder: 'sort_order',
      active: 'active',
    };
    return this.em.transactional(async (em) => {
      const [category] = await em.execute<CategoryRow[]>(
        `select id, code, name_zh as "nameZh", name_en as "nameEn", default_level as "defaultLevel",
                due_in_days as "dueInDays", sort_order as "sortOrder", active
           from wish_category where id = ? for update`,
        [categoryId],
      );
      if (!category) throw notFound('Wish category');
      if (!isStreetAdmin(viewer)) throw forbidden('Only street staff manage wish categories');
      if (action === 'DEACTIVATE' && !category.active) {
        throw invalidTransition(`The category "${category.code}" is already inactive`);
      }
      const changed = (Object.keys(fields) as (keyof CategoryRow)[]).filter((k) => fields[k] !== category[k]);
      if (changed.length === 0) return category.id;
      const at = this.now();
      await em.execute(`update wish_category set ${changed.map((k) => `${columns[k]} = ?`).join(', ')} where id = ?`, [
        ...changed.map((k) => fields[k]),
        category.id,
      ]);
      await recordChange(
        em,
        {
          entityType: 'WishCategory',
          entityId: category.id,
          action,
          actorId: viewer.personId,
          data: Object.fromEntries(changed.map((k) => [k, { from: category[k], to: fields[k] }])),
        },
        at,
      );
      return category.id;
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Helpers

async function lockUnit(
  em: EntityManager,
  id: number,
  what: string,
  mode: 'update' | 'share' = 'update',
): Promise<UnitRow> {
  const [unit] = await em.execute<UnitRow[]>(`select ${UNIT_ROW} from org_unit where id = ? for ${mode}`, [id]);
  if (!unit) throw notFound(what);
  return unit;
}

function requireParentKind(kind: OrgUnitKind, parent: UnitRow): void {
  const allowed = PARENT_KINDS[kind];
  if (!allowed.includes(parent.kind)) {
    throw badInput(
      'parentId',
      `a ${kind} goes under a ${allowed.join(' or a ')}, not under the ${parent.kind} ${parent.name}`,
    );
  }
}

function requireRoleKind(role: Role, unit: UnitRow, field: string): void {
  const kinds = ROLE_UNIT_KINDS[role];
  if (!kinds.includes(unit.kind)) {
    throw badInput(field, `${role} is held at a ${kinds.join(' or a ')}, not at the ${unit.kind} ${unit.name}`);
  }
}

/** Sibling units keep distinct names (staff find units by name). */
async function requireFreeName(
  em: EntityManager,
  parent: { id: number; name: string },
  name: string,
  selfId: number | null,
) {
  const [same] = await em.execute<{ id: number }[]>(
    `select id from org_unit where parent_id = ? and lower(name) = lower(?) and id <> ? and retired_at is null limit 1`,
    [parent.id, name, selfId ?? -1],
  );
  if (same) throw conflict(`${parent.name} already has a unit named "${name}"`);
}

async function requireFreeUsername(em: EntityManager, username: string, selfId: number | null) {
  const [same] = await em.execute<{ id: number }[]>(
    'select id from person where lower(username) = lower(?) and id <> ? limit 1',
    [username, selfId ?? -1],
  );
  if (same) throw conflict(`The username "${username}" is taken`);
}

function requireVersion(row: { version: number; name?: string }, expected: Maybe<number>): void {
  if (expected !== null && expected !== undefined && expected !== row.version) {
    throw conflict(
      `${row.name ?? 'It'} changed since you read it (version ${expected}, now ${row.version}): reload and try again`,
    );
  }
}

/** Validates the unit fields an input sets, for a unit of this kind. Create requires names (and, for a compound, whether it has property management). */
function unitFields(
  kind: OrgUnitKind,
  input: UnitFieldsInput,
  mode: 'create' | 'update',
): Partial<Record<keyof UnitFieldsInput, unknown>> {
  const out: Partial<Record<keyof UnitFieldsInput, unknown>> = {};
  if (mode === 'create' || given(input.name)) out.name = requiredText('name', input.name, MAX_NAME);
  if (mode === 'create' || given(input.nameZh)) out.nameZh = requiredText('nameZh', input.nameZh, MAX_NAME);
  if (given(input.population)) out.population = optionalCount('population', input.population);
  if (given(input.households)) out.households = optionalCount('households', input.households);
  if (given(input.partyOrganization)) {
    out.partyOrganization = optionalText('partyOrganization', input.partyOrganization, MAX_PARTY_ORG);
  }
  if (given(input.description)) out.description = optionalText('description', input.description, MAX_DESCRIPTION);
  if (kind === 'COMPOUND') {
    if (mode === 'create' || given(input.hasPropertyManagement)) {
      if (input.hasPropertyManagement !== true && input.hasPropertyManagement !== false) {
        throw badInput('hasPropertyManagement', 'say whether a property company manages the compound (true or false)');
      }
      out.hasPropertyManagement = input.hasPropertyManagement;
    }
  } else if (input.hasPropertyManagement !== null && input.hasPropertyManagement !== undefined) {
    throw badInput('hasPropertyManagement', 'is for compounds only');
  }
  return out;
}

function checkUsername(value: Maybe<string>): string | null {
  if (value === null || value === undefined) return null;
  const name = value.trim();
  if (name.length === 0) return null;
  if (!USERNAME.test(name)) {
    throw badInput('username', '3–100 characters: letters, digits, ".", "_" or "-", starting with a letter or digit');
  }
  return name;
}

function checkPhone(value: Maybe<string>): string | null {
  if (value === null || value === undefined) return null;
  const phone = value.trim();
  if (phone.length === 0) return null;
  if (!PHONE.test(phone))
    throw badInput('phone', 'must be a phone number (digits, spaces, "-", an optional leading +)');
  return phone;
}

/** `username` is the username the person will have (or any marker that they have one). */
function checkPassword(value: Maybe<string>, username: string | null): string | null {
  if (value === null || value === undefined) return null;
  if (value.length < MIN_PASSWORD || value.length > MAX_PASSWORD) {
    throw badInput('password', `must be ${MIN_PASSWORD}–${MAX_PASSWORD} characters`);
  }
  if (username === null) throw badInput('password', 'a person without a username cannot log in: set a username too');
  return value;
}

function checkLevel(level: Maybe<OrgUnitKind>): OrgUnitKind {
  if (!level || !HANDLING_LEVELS.includes(level)) {
    throw badInput('defaultLevel', `must be one of ${HANDLING_LEVELS.join(', ')}`);
  }
  return level;
}

function checkDueDays(days: Maybe<number>): number {
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_DUE_DAYS) {
    throw badInput('dueInDays', `must be a whole number of days, 1–${MAX_DUE_DAYS}`);
  }
  return days;
}

function checkSortOrder(order: Maybe<number>): number | undefined {
  if (order === null || order === undefined) return undefined;
  if (!Number.isInteger(order) || order < 0 || order > 10_000) throw badInput('sortOrder', 'must be 0–10000');
  return order;
}

function listing(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
