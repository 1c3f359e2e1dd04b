/**
 * Staff management of people and their roles: create, update, deactivate and reactivate people, grant and
 * revoke roles. Checks run in the contract's order — input, NOT_FOUND, FORBIDDEN, state (INVALID_TRANSITION),
 * CONFLICT — inside the transaction that writes, and every change writes its change_event in that transaction.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../../entities/person.entity.ts';
import { endSessionsOf } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/password.ts';
import type { PublishSessionChange, SessionChange } from '../auth/sessions.ts';
import type { Viewer } from '../auth/viewer.ts';
import { badInput, conflict, forbidden, invalidTransition, notFound } from '../kernel/errors.ts';
import { given, type IdRef, type Maybe, type Patch, requiredRef, requiredText } from '../kernel/input.ts';
import { isUniqueViolation } from '../kernel/pg-errors.ts';
import { ViewerService } from '../kernel/viewer-service.ts';
import { lockOrgUnit, lockOrgUnits, type OrgUnitRecord } from './org-unit.queries.ts';
import { managesPerson, mayGrant, ROLE_UNIT_KINDS, seesPerson } from './organisation.policy.ts';
import { type HeldRole, heldRoles, lockPerson, type PersonRecord, usernameTaken } from './person.queries.ts';

const MAX_DISPLAY_NAME = 100;
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,99}$/;
const PHONE = /^\+?[0-9][0-9 -]{4,28}$/;
const MIN_PASSWORD = 8;
const MAX_PASSWORD = 200;

export interface RoleGrantInput {
  personId: IdRef;
  role: Role;
  orgUnitId: IdRef;
}

export interface CreatePersonInput {
  displayName: string;
  username?: Maybe<string>;
  phone?: Maybe<string>;
  password?: Maybe<string>;
  roles: readonly { role: Role; orgUnitId: IdRef }[];
}

export interface UpdatePersonInput extends Patch<Omit<CreatePersonInput, 'roles'>> {
  personId: IdRef;
}

export class PersonService extends ViewerService {
  constructor(
    em: EntityManager,
    viewer: Viewer,
    /** Ended sessions and changed roles, announced after the commit (open WebSocket connections close). */
    private readonly publishSessions: PublishSessionChange = () => undefined,
    now?: () => Date,
  ) {
    super(em, viewer, now);
  }

  /** Runs `work` in a transaction and announces the session change it reports once that has committed. */
  private async committed<T>(work: (em: EntityManager, changed: (c: SessionChange) => void) => Promise<T>) {
    const changes: SessionChange[] = [];
    const result = await this.em.transactional((em) => work(em, (c) => changes.push(c)));
    for (const change of changes) this.publishSessions(change);
    return result;
  }

  async createPerson(input: CreatePersonInput): Promise<number> {
    const displayName = requiredText('displayName', input.displayName, MAX_DISPLAY_NAME);
    const username = checkUsername(input.username);
    const phone = checkPhone(input.phone);
    const password = checkPassword(input.password, username);
    if (!Array.isArray(input.roles) || input.roles.length === 0) {
      throw badInput('roles', 'name at least one role: every person belongs somewhere in the street');
    }
    if (input.roles.length > 10) throw badInput('roles', 'at most 10 roles at once');
    const wanted = input.roles.map((r) => ({ role: r.role, unitId: requiredRef(r.orgUnitId, 'Org unit') }));
    const keys = wanted.map((r) => `${r.role}@${r.unitId}`);
    if (new Set(keys).size !== keys.length) throw badInput('roles', 'names the same role at the same unit twice');
    const passwordHash = password === null ? null : await hashPassword(password);
    return this.em.transactional(async (em) => {
      const units = await lockOrgUnits(
        em,
        wanted.map((r) => r.unitId),
        'share',
      );
      const grants = wanted.map((w, i) => {
        const unit = units.find((u) => u.id === w.unitId);
        if (!unit) throw notFound('Org unit');
        requireRoleKind(w.role, unit, `roles[${i}].orgUnitId`);
        return { role: w.role, unit };
      });
      for (const g of grants) {
        if (!mayGrant(this.viewer, g.role, g.unit.path))
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
      await this.recordChange(em, 'Person', id, 'CREATE', at, {
        displayName,
        username,
        phone,
        passwordSet: passwordHash !== null,
        roles: grants.map((g) => ({ role: g.role, orgUnitId: g.unit.id })),
      });
      return id;
    });
  }

  async updatePerson(input: UpdatePersonInput): Promise<number> {
    const personId = requiredRef(input.personId, 'Person');
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
    return this.committed(async (em, changed) => {
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
      if ('password_hash' in set) changed({ kind: 'sessions-ended', tokenHashes: await endSessionsOf(em, person.id) });
      const data: Record<string, unknown> = {};
      if ('display_name' in set) data.displayName = { from: person.displayName, to: displayName };
      if ('username' in set) data.username = { from: person.username, to: username };
      if ('phone' in set) data.phone = { from: person.phone, to: phone };
      if ('password_hash' in set) data.passwordChanged = true;
      await this.recordChange(em, 'Person', person.id, 'UPDATE', at, data);
      return person.id;
    });
  }

  /** A deactivated person cannot log in, and the tokens they hold stop working. Their history stays. */
  async setPersonActive(input: { personId: IdRef }, active: boolean): Promise<number> {
    const personId = requiredRef(input.personId, 'Person');
    return this.committed(async (em, changed) => {
      const { person } = await this.loadManagedPerson(em, personId, active ? 'reactivate' : 'deactivate');
      if (!active && person.id === this.viewer.personId) throw forbidden('You cannot deactivate your own account');
      if (person.active === active) {
        throw invalidTransition(`${person.displayName} is already ${active ? 'active' : 'deactivated'}`);
      }
      const at = this.now();
      await em.execute('update person set active = ? where id = ?', [active, person.id]);
      if (!active) changed({ kind: 'sessions-ended', tokenHashes: await endSessionsOf(em, person.id) });
      await this.recordChange(em, 'Person', person.id, active ? 'REACTIVATE' : 'DEACTIVATE', at);
      return person.id;
    });
  }

  async grantRole(input: RoleGrantInput): Promise<number> {
    const personId = requiredRef(input.personId, 'Person');
    const unitId = requiredRef(input.orgUnitId, 'Org unit');
    return this.committed(async (em, changed) => {
      const { person } = await this.loadVisiblePerson(em, personId);
      const unit = await lockOrgUnit(em, unitId, 'Org unit', 'share');
      requireRoleKind(input.role, unit, 'orgUnitId');
      if (!mayGrant(this.viewer, input.role, unit.path)) {
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
      await this.recordChange(em, 'Person', person.id, 'GRANT_ROLE', at, { role: input.role, orgUnitId: unit.id });
      changed({ kind: 'roles-changed', personId: person.id });
      return person.id;
    });
  }

  async revokeRole(input: RoleGrantInput): Promise<number> {
    const personId = requiredRef(input.personId, 'Person');
    const unitId = requiredRef(input.orgUnitId, 'Org unit');
    return this.committed(async (em, changed) => {
      const { person, roles } = await this.loadVisiblePerson(em, personId);
      const held = roles.find((r) => r.role === input.role && r.unitId === unitId);
      if (!held) throw notFound('Role assignment');
      if (!mayGrant(this.viewer, held.role, held.path)) {
        throw forbidden(`Your role may not revoke ${held.role} at ${held.unitName}`);
      }
      if (person.id === this.viewer.personId && (held.role === 'STREET_ADMIN' || held.role === 'BRANCH_SECRETARY')) {
        throw forbidden('You cannot revoke your own staff role: ask another administrator');
      }
      const at = this.now();
      await em.execute('delete from person_role where person_id = ? and role = ? and org_unit_id = ?', [
        person.id,
        held.role,
        held.unitId,
      ]);
      await this.recordChange(em, 'Person', person.id, 'REVOKE_ROLE', at, { role: held.role, orgUnitId: held.unitId });
      changed({ kind: 'roles-changed', personId: person.id });
      return person.id;
    });
  }

  /** The person, locked, if the viewer may read them (else NOT_FOUND), with their roles. */
  private async loadVisiblePerson(
    em: EntityManager,
    personId: number,
  ): Promise<{ person: PersonRecord; roles: HeldRole[] }> {
    const person = await lockPerson(em, personId);
    if (!person) throw notFound('Person');
    const roles = await heldRoles(em, personId);
    if (!seesPerson(this.viewer, roles)) throw notFound('Person');
    return { person, roles };
  }

  private async loadManagedPerson(em: EntityManager, personId: number, verb: string) {
    const loaded = await this.loadVisiblePerson(em, personId);
    if (!managesPerson(this.viewer, loaded.roles)) {
      throw forbidden(
        `Your role may not ${verb} ${loaded.person.displayName}: they hold roles outside what you manage`,
      );
    }
    return loaded;
  }
}

function requireRoleKind(role: Role, unit: OrgUnitRecord, field: string): void {
  const kinds = ROLE_UNIT_KINDS[role];
  if (!kinds.includes(unit.kind)) {
    throw badInput(field, `${role} is held at a ${kinds.join(' or a ')}, not at the ${unit.kind} ${unit.name}`);
  }
}

async function requireFreeUsername(em: EntityManager, username: string, selfId: number | null) {
  if (await usernameTaken(em, username, selfId)) throw conflict(`The username "${username}" is taken`);
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
