/**
 * Property committees (物业管理委员会, DESIGN.md §2): set up for a compound without a property company, at
 * most one ACTIVE per compound (the partial unique index decides races), with members and exactly one chair.
 *
 * Who: STREET_ADMIN, and a BRANCH_SECRETARY whose subtree holds the compound. Committees are readable by
 * every logged-in user, so anyone else gets FORBIDDEN (not NOT_FOUND).
 *
 * The chair rule: a committee with members has exactly one CHAIR. The first member added must be the chair;
 * adding a second CHAIR is CONFLICT (like any "second one"); making another member CHAIR through
 * `updateMember` hands the chair over (the old chair becomes VICE_CHAIR); demoting the chair, or removing
 * them while others remain, is BAD_USER_INPUT. Member changes lock the committee row, so two concurrent
 * changes cannot both pass the rule.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { COMMITTEE_MEMBER_ROLES, SERVICE_MODES } from '../../entities/property-committee.entity.ts';
import { checkExpectedVersion, requireVersion, updateVersioned } from '../kernel/concurrency.ts';
import { badInput, conflict, forbidden, invalidTransition, notFound } from '../kernel/errors.ts';
import { given, type IdRef, type Maybe, optionalText, type Patch, requiredRef, requiredText } from '../kernel/input.ts';
import { isUniqueViolation } from '../kernel/pg-errors.ts';
import { localDate } from '../kernel/street-time.ts';
import { ViewerService } from '../kernel/viewer-service.ts';
import { lockOrgUnit } from '../organisation/org-unit.queries.ts';
import { managesCompound } from './committee.policy.ts';
import {
  activeCommitteesOf,
  type CommitteeMemberRole,
  type CommitteeRecord,
  committeeOfMember,
  eligibleMember,
  firstJoinedOn,
  type LockedCommittee,
  lockCommittee,
  membersByAddition,
  type ServiceMode,
} from './committee.queries.ts';

const MAX_NAME = 200;
const MAX_NOTES = 4000;
const ONE_ACTIVE_INDEX = 'property_committee_one_active_per_compound';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface CreateCommitteeInput {
  compoundId: IdRef;
  name: string;
  foundedOn: string;
  serviceMode: ServiceMode;
  companyName?: Maybe<string>;
  partyOrganization: string;
  notes?: Maybe<string>;
}

export interface UpdateCommitteeInput extends Patch<Omit<CreateCommitteeInput, 'compoundId'>> {
  committeeId: IdRef;
  expectedVersion?: Maybe<number>;
}

export interface DissolveCommitteeInput {
  committeeId: IdRef;
  dissolvedOn?: Maybe<string>;
  reason?: Maybe<string>;
  expectedVersion?: Maybe<number>;
}

export interface AddMemberInput {
  committeeId: IdRef;
  personId: IdRef;
  role: CommitteeMemberRole;
  isPartyMember?: Maybe<boolean>;
  joinedOn?: Maybe<string>;
}

export interface UpdateMemberInput extends Patch<Omit<AddMemberInput, 'committeeId' | 'personId'>> {
  memberId: IdRef;
}

export class CommitteeService extends ViewerService {
  async create(input: CreateCommitteeInput): Promise<number> {
    const today = localDate(this.now());
    const name = requiredText('name', input.name, MAX_NAME);
    const foundedOn = pastDate('foundedOn', input.foundedOn, today);
    const serviceMode = checkMode(input.serviceMode);
    const companyName = checkCompany(serviceMode, input.companyName);
    const partyOrganization = requiredText('partyOrganization', input.partyOrganization, MAX_NAME);
    const notes = optionalText('notes', input.notes, MAX_NOTES);
    const compoundId = requiredRef(input.compoundId, 'Compound');
    return this.em.transactional(async (em) => {
      // The compound row is the lock that serialises set-ups for one compound.
      const compound = await lockOrgUnit(em, compoundId, 'Compound');
      if (compound.kind !== 'COMPOUND') {
        throw badInput('compoundId', `${compound.name} is a ${compound.kind}: property committees are for compounds`);
      }
      if (compound.hasPropertyManagement) {
        throw badInput(
          'compoundId',
          `${compound.name} has a property company: committees are set up for compounds without property management`,
        );
      }
      if (!managesCompound(this.viewer, compound.path)) {
        throw forbidden(`Your role may not set up a property committee for ${compound.name}`);
      }
      if (compound.retiredAt) throw invalidTransition(`${compound.name} is retired`);
      const [active] = await activeCommitteesOf(em, [compound.id]);
      if (active) throw conflict(`${compound.name} already has an ACTIVE property committee (${active.name})`);
      const at = this.now();
      let id: number;
      try {
        const [row] = await em.execute<{ id: number }[]>(
          `insert into property_committee (compound_id, name, founded_on, service_mode, company_name, party_organization,
                                           status, notes, created_at, updated_at, version)
           values (?, ?, ?::date, ?, ?, ?, 'ACTIVE', ?, ?, ?, 1) returning id`,
          [compound.id, name, foundedOn, serviceMode, companyName, partyOrganization, notes, at, at],
        );
        id = (row as { id: number }).id;
      } catch (err) {
        if (isUniqueViolation(err, ONE_ACTIVE_INDEX)) {
          throw conflict(`${compound.name} already has an ACTIVE property committee`);
        }
        throw err;
      }
      await this.recordChange(em, 'PropertyCommittee', id, 'CREATE', at, {
        compoundId: compound.id,
        name,
        foundedOn,
        serviceMode,
        companyName,
        partyOrganization,
        notes,
      });
      return id;
    });
  }

  async update(input: UpdateCommitteeInput): Promise<number> {
    const today = localDate(this.now());
    const fields: Partial<Record<keyof CommitteeRecord, unknown>> = {};
    if (given(input.name)) fields.name = requiredText('name', input.name, MAX_NAME);
    if (given(input.foundedOn)) fields.foundedOn = pastDate('foundedOn', input.foundedOn, today);
    if (given(input.serviceMode)) fields.serviceMode = checkMode(input.serviceMode);
    if (given(input.partyOrganization)) {
      fields.partyOrganization = requiredText('partyOrganization', input.partyOrganization, MAX_NAME);
    }
    if (given(input.notes)) fields.notes = optionalText('notes', input.notes, MAX_NOTES);
    if (given(input.companyName)) fields.companyName = optionalText('companyName', input.companyName, MAX_NAME);
    if (Object.keys(fields).length === 0) throw badInput('input', 'name at least one field to change');
    checkExpectedVersion(input.expectedVersion);
    const committeeId = requiredRef(input.committeeId, 'Property committee');
    return this.em.transactional(async (em) => {
      const committee = await this.lockManaged(em, committeeId, 'change');
      // The mode and the company name are checked together, against what the committee will be.
      const mode = (fields.serviceMode as ServiceMode | undefined) ?? committee.serviceMode;
      if (mode === 'PROFESSIONAL_COMPANY') {
        const company = 'companyName' in fields ? fields.companyName : committee.companyName;
        if (!company) throw badInput('companyName', 'is required when the service mode is PROFESSIONAL_COMPANY');
      } else if ('companyName' in fields && fields.companyName !== null) {
        throw badInput('companyName', `is only for PROFESSIONAL_COMPANY (the service mode is ${mode})`);
      } else if (committee.companyName !== null) {
        fields.companyName = null;
      }
      if (fields.foundedOn !== undefined) {
        const joined = await firstJoinedOn(em, committee.id);
        if (joined && joined < (fields.foundedOn as string)) {
          throw badInput('foundedOn', `members joined on ${joined}, before that date`);
        }
      }
      if (committee.status !== 'ACTIVE')
        throw invalidTransition(`The committee is ${committee.status}: it cannot change`);
      requireVersion('The committee', committee, input.expectedVersion);
      const changed = (Object.keys(fields) as (keyof CommitteeRecord)[]).filter((k) => fields[k] !== committee[k]);
      if (changed.length === 0) return committee.id;
      const at = this.now();
      await save(em, committee, Object.fromEntries(changed.map((k) => [COMMITTEE_FIELDS[k], fields[k]])), at);
      await this.recordChange(
        em,
        'PropertyCommittee',
        committee.id,
        'UPDATE',
        at,
        Object.fromEntries(changed.map((k) => [k, { from: committee[k], to: fields[k] }])),
      );
      return committee.id;
    });
  }

  async dissolve(input: DissolveCommitteeInput): Promise<number> {
    const today = localDate(this.now());
    const dissolvedOn = given(input.dissolvedOn) && input.dissolvedOn !== null ? input.dissolvedOn : today;
    pastDate('dissolvedOn', dissolvedOn, today);
    const reason = optionalText('reason', input.reason, MAX_NOTES);
    checkExpectedVersion(input.expectedVersion);
    const committeeId = requiredRef(input.committeeId, 'Property committee');
    return this.em.transactional(async (em) => {
      const committee = await this.lockManaged(em, committeeId, 'dissolve');
      if (dissolvedOn < committee.foundedOn) {
        throw badInput('dissolvedOn', `must not be before the committee was founded (${committee.foundedOn})`);
      }
      if (committee.status !== 'ACTIVE') throw invalidTransition(`The committee is already ${committee.status}`);
      requireVersion('The committee', committee, input.expectedVersion);
      const at = this.now();
      await save(em, committee, { status: 'DISSOLVED', dissolved_on: dissolvedOn }, at);
      await this.recordChange(em, 'PropertyCommittee', committee.id, 'DISSOLVE', at, { dissolvedOn, reason });
      return committee.id;
    });
  }

  async addMember(input: AddMemberInput): Promise<number> {
    const today = localDate(this.now());
    const role = checkMemberRole(input.role);
    const joinedOn =
      given(input.joinedOn) && input.joinedOn !== null ? pastDate('joinedOn', input.joinedOn, today) : today;
    const committeeId = requiredRef(input.committeeId, 'Property committee');
    const personId = requiredRef(input.personId, 'Person');
    return this.em.transactional(async (em) => {
      const committee = await this.lockManaged(em, committeeId, 'change the members of');
      const person = await eligibleMember(em, personId, committee.compoundId);
      if (!person) {
        throw badInput('personId', `must be a resident or party member of ${committee.compoundName}`);
      }
      if (!person.active) throw badInput('personId', `${person.displayName} is deactivated`);
      if (joinedOn < committee.foundedOn) {
        throw badInput('joinedOn', `must not be before the committee was founded (${committee.foundedOn})`);
      }
      if (committee.status !== 'ACTIVE')
        throw invalidTransition(`The committee is ${committee.status}: members are fixed`);
      const members = await membersByAddition(em, committee.id);
      if (members.some((m) => m.personId === person.id)) {
        throw conflict(`${person.displayName} is already a member of ${committee.name}`);
      }
      const chair = members.find((m) => m.role === 'CHAIR');
      if (members.length === 0 && role !== 'CHAIR') {
        throw badInput('role', 'the first member of a committee must be its CHAIR');
      }
      if (role === 'CHAIR' && chair) {
        throw conflict('The committee already has a chair: make this member CHAIR with updatePropertyCommitteeMember');
      }
      const isPartyMember =
        given(input.isPartyMember) && input.isPartyMember !== null ? input.isPartyMember : person.partyMember;
      const at = this.now();
      let memberId: number;
      try {
        const [row] = await em.execute<{ id: number }[]>(
          `insert into property_committee_member (committee_id, person_id, role, is_party_member, joined_on)
           values (?, ?, ?, ?, ?::date) returning id`,
          [committee.id, person.id, role, isPartyMember, joinedOn],
        );
        memberId = (row as { id: number }).id;
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict(`${person.displayName} is already a member of ${committee.name}`);
        throw err;
      }
      await save(em, committee, {}, at);
      await this.recordChange(em, 'PropertyCommittee', committee.id, 'ADD_MEMBER', at, {
        memberId,
        personId: person.id,
        role,
        isPartyMember,
        joinedOn,
      });
      return committee.id;
    });
  }

  async updateMember(input: UpdateMemberInput): Promise<number> {
    const today = localDate(this.now());
    if (given(input.role) && input.role === null) throw badInput('role', 'must be CHAIR, VICE_CHAIR or MEMBER');
    const role = given(input.role) ? checkMemberRole(input.role as CommitteeMemberRole) : undefined;
    if (given(input.isPartyMember) && input.isPartyMember === null)
      throw badInput('isPartyMember', 'must be true or false');
    if (given(input.joinedOn) && input.joinedOn === null) throw badInput('joinedOn', 'must be a date');
    const joinedOn = given(input.joinedOn) ? pastDate('joinedOn', input.joinedOn as string, today) : undefined;
    const isPartyMember = input.isPartyMember ?? undefined;
    if (role === undefined && joinedOn === undefined && isPartyMember === undefined) {
      throw badInput('input', 'name at least one field to change');
    }
    const memberId = requiredRef(input.memberId, 'Committee member');
    return this.em.transactional(async (em) => {
      const { committee, member, members } = await this.lockMember(em, memberId);
      if (joinedOn !== undefined && joinedOn < committee.foundedOn) {
        throw badInput('joinedOn', `must not be before the committee was founded (${committee.foundedOn})`);
      }
      if (member.role === 'CHAIR' && role !== undefined && role !== 'CHAIR') {
        throw badInput('role', 'this member is the chair: make another member CHAIR to hand the chair over');
      }
      if (committee.status !== 'ACTIVE')
        throw invalidTransition(`The committee is ${committee.status}: members are fixed`);
      const set: Record<string, unknown> = {};
      const data: Record<string, unknown> = { memberId: member.id, personId: member.personId };
      if (role !== undefined && role !== member.role) {
        set.role = role;
        data.role = { from: member.role, to: role };
      }
      if (isPartyMember !== undefined && isPartyMember !== member.isPartyMember) {
        set.is_party_member = isPartyMember;
        data.isPartyMember = { from: member.isPartyMember, to: isPartyMember };
      }
      if (joinedOn !== undefined && joinedOn !== member.joinedOn) {
        set.joined_on = joinedOn;
        data.joinedOn = { from: member.joinedOn, to: joinedOn };
      }
      const columns = Object.keys(set);
      if (columns.length === 0) return committee.id;
      const at = this.now();
      if (set.role === 'CHAIR') {
        // Handing over: the chair so far stays on the committee as a vice-chair.
        const previous = members.find((m) => m.role === 'CHAIR' && m.id !== member.id);
        if (previous) {
          await em.execute(`update property_committee_member set role = 'VICE_CHAIR' where id = ?`, [previous.id]);
          data.previousChair = { memberId: previous.id, personId: previous.personId, role: 'VICE_CHAIR' };
        }
      }
      await em.execute(
        `update property_committee_member set ${columns.map((c) => (c === 'joined_on' ? `${c} = ?::date` : `${c} = ?`)).join(', ')} where id = ?`,
        [...columns.map((c) => set[c]), member.id],
      );
      await save(em, committee, {}, at);
      await this.recordChange(em, 'PropertyCommittee', committee.id, 'UPDATE_MEMBER', at, data);
      return committee.id;
    });
  }

  async removeMember(input: { memberId: IdRef }): Promise<number> {
    const memberId = requiredRef(input.memberId, 'Committee member');
    return this.em.transactional(async (em) => {
      const { committee, member, members } = await this.lockMember(em, memberId);
      if (member.role === 'CHAIR' && members.length > 1) {
        throw badInput('memberId', 'this member is the chair: make another member CHAIR before removing them');
      }
      if (committee.status !== 'ACTIVE')
        throw invalidTransition(`The committee is ${committee.status}: members are fixed`);
      const at = this.now();
      await em.execute('delete from property_committee_member where id = ?', [member.id]);
      await save(em, committee, {}, at);
      await this.recordChange(em, 'PropertyCommittee', committee.id, 'REMOVE_MEMBER', at, { ...member });
      return committee.id;
    });
  }

  /** The committee, locked, if it exists (NOT_FOUND) and the viewer manages its compound (FORBIDDEN). */
  private async lockManaged(em: EntityManager, committeeId: number, verb: string): Promise<LockedCommittee> {
    const committee = await lockCommittee(em, committeeId);
    if (!committee) throw notFound('Property committee');
    if (!managesCompound(this.viewer, committee.compoundPath)) {
      throw forbidden(`Your role may not ${verb} the property committee of ${committee.compoundName}`);
    }
    return committee;
  }

  private async lockMember(em: EntityManager, memberId: number) {
    const committeeId = await committeeOfMember(em, memberId);
    if (committeeId === null) throw notFound('Committee member');
    const committee = await this.lockManaged(em, committeeId, 'change the members of');
    const members = await membersByAddition(em, committee.id);
    // Read again under the committee's lock: it may have been removed meanwhile.
    const member = members.find((m) => m.id === memberId);
    if (!member) throw notFound('Committee member');
    return { committee, member, members };
  }
}

/** Column ← field, for the committee fields an update may set. */
const COMMITTEE_FIELDS: Partial<Record<keyof CommitteeRecord, string>> = {
  name: 'name',
  foundedOn: 'founded_on',
  serviceMode: 'service_mode',
  companyName: 'company_name',
  partyOrganization: 'party_organization',
  notes: 'notes',
};

/** Writes columns of a locked committee (none: a change of its members), moving its version on. */
async function save(em: EntityManager, committee: CommitteeRecord, set: Record<string, unknown>, at: Date) {
  const table = 'property_committee';
  if (!(await updateVersioned(em, { table, id: committee.id, set, version: committee.version, at }))) {
    throw conflict('The committee changed while you changed it: reload it');
  }
}

function pastDate(field: string, value: Maybe<string>, today: string): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw badInput(field, 'must be a date written YYYY-MM-DD');
  }
  if (value > today) throw badInput(field, `must not be in the future (today is ${today})`);
  if (value < '1949-10-01') throw badInput(field, 'is too far in the past');
  return value;
}

function checkMode(mode: Maybe<ServiceMode>): ServiceMode {
  if (!mode || !SERVICE_MODES.includes(mode))
    throw badInput('serviceMode', `must be one of ${SERVICE_MODES.join(', ')}`);
  return mode;
}

function checkCompany(mode: ServiceMode, value: Maybe<string>): string | null {
  const company = optionalText('companyName', value, MAX_NAME);
  if (mode === 'PROFESSIONAL_COMPANY' && company === null) {
    throw badInput('companyName', 'is required when the service mode is PROFESSIONAL_COMPANY');
  }
  if (mode !== 'PROFESSIONAL_COMPANY' && company !== null) {
    throw badInput('companyName', `is only for PROFESSIONAL_COMPANY (the service mode is ${mode})`);
  }
  return company;
}

function checkMemberRole(role: Maybe<CommitteeMemberRole>): CommitteeMemberRole {
  if (!role || !COMMITTEE_MEMBER_ROLES.includes(role)) {
    throw badInput('role', `must be one of ${COMMITTEE_MEMBER_ROLES.join(', ')}`);
  }
  return role;
}
