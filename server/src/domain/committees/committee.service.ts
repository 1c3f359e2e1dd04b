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
import type { OrgUnitKind } from '../../entities/org-unit.entity.ts';
import { COMMITTEE_MEMBER_ROLES, SERVICE_MODES } from '../../entities/property-committee.entity.ts';
import type { Viewer } from '../auth/viewer.ts';
import { recordChange } from '../kernel/change-log.ts';
import { checkExpectedVersion } from '../kernel/concurrency.ts';
import { badInput, conflict, forbidden, invalidTransition, notFound, unauthenticated } from '../kernel/errors.ts';
import { given, type Maybe, optionalText, requiredId, requiredText } from '../kernel/input.ts';
import { isUniqueViolation } from '../kernel/pg-errors.ts';
import { localDate } from '../kernel/street-time.ts';
import { managesCompound } from '../organisation/organisation.policy.ts';
import {
  COMMITTEE_RECORD,
  type CommitteeMemberRecord,
  type CommitteeMemberRole,
  type CommitteeRecord,
  MEMBER_RECORD,
  type ServiceMode,
} from './committee.queries.ts';

const MAX_NAME = 200;
const MAX_NOTES = 4000;
const ONE_ACTIVE_INDEX = 'property_committee_one_active_per_compound';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface CreateCommitteeInput {
  compoundId: string;
  name: string;
  foundedOn: string;
  serviceMode: ServiceMode;
  companyName?: Maybe<string>;
  partyOrganization: string;
  notes?: Maybe<string>;
}

export interface UpdateCommitteeInput {
  committeeId: string;
  name?: Maybe<string>;
  foundedOn?: Maybe<string>;
  serviceMode?: Maybe<ServiceMode>;
  companyName?: Maybe<string>;
  partyOrganization?: Maybe<string>;
  notes?: Maybe<string>;
  expectedVersion?: Maybe<number>;
}

export interface DissolveCommitteeInput {
  committeeId: string;
  dissolvedOn?: Maybe<string>;
  reason?: Maybe<string>;
  expectedVersion?: Maybe<number>;
}

export interface AddMemberInput {
  committeeId: string;
  personId: string;
  role: CommitteeMemberRole;
  isPartyMember?: Maybe<boolean>;
  joinedOn?: Maybe<string>;
}

export interface UpdateMemberInput {
  memberId: string;
  role?: Maybe<CommitteeMemberRole>;
  isPartyMember?: Maybe<boolean>;
  joinedOn?: Maybe<string>;
}

interface LockedCommittee extends CommitteeRecord {
  compoundName: string;
  compoundPath: string;
}

interface CompoundRow {
  id: number;
  kind: OrgUnitKind;
  name: string;
  path: string;
  hasPropertyManagement: boolean | null;
  retiredAt: string | null;
}

export class CommitteeService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private requireViewer(): Viewer {
    if (!this.viewer) throw unauthenticated();
    return this.viewer;
  }

  async create(input: CreateCommitteeInput): Promise<number> {
    const viewer = this.requireViewer();
    const today = localDate(this.now());
    const name = requiredText('name', input.name, MAX_NAME);
    const foundedOn = pastDate('foundedOn', input.foundedOn, today);
    const serviceMode = checkMode(input.serviceMode);
    const companyName = checkCompany(serviceMode, input.companyName);
    const partyOrganization = requiredText('partyOrganization', input.partyOrganization, MAX_NAME);
    const notes = optionalText('notes', input.notes, MAX_NOTES);
    const compoundId = requiredId('OrgUnit', input.compoundId, 'Compound');
    return this.em.transactional(async (em) => {
      // The compound row is the lock that serialises set-ups for one compound.
      const [compound] = await em.execute<CompoundRow[]>(
        `select id, kind, name, path, has_property_management as "hasPropertyManagement", retired_at as "retiredAt"
           from org_unit where id = ? for update`,
        [compoundId],
      );
      if (!compound) throw notFound('Compound');
      if (compound.kind !== 'COMPOUND') {
        throw badInput('compoundId', `${compound.name} is a ${compound.kind}: property committees are for compounds`);
      }
      if (compound.hasPropertyManagement) {
        throw badInput(
          'compoundId',
          `${compound.name} has a property company: committees are set up for compounds without property management`,
        );
      }
      if (!managesCompound(viewer, compound.path)) {
        throw forbidden(`Your role may not set up a property committee for ${compound.name}`);
      }
      if (compound.retiredAt) throw invalidTransition(`${compound.name} is retired`);
      const [active] = await em.execute<{ id: number; name: string }[]>(
        `select id, name from property_committee where compound_id = ? and status = 'ACTIVE'`,
        [compound.id],
      );
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
      await recordChange(
        em,
        {
          entityType: 'PropertyCommittee',
          entityId: id,
          action: 'CREATE',
          actorId: viewer.personId,
          data: { compoundId: compound.id, name, foundedOn, serviceMode, companyName, partyOrganization, notes },
        },
        at,
      );
      return id;
    });
  }

  async update(input: UpdateCommitteeInput): Promise<number> {
    const viewer = this.requireViewer();
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
    const committeeId = requiredId('PropertyCommittee', input.committeeId, 'Property committee');
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
        const [first] = await em.execute<{ joined: string | null }[]>(
          `select to_char(min(joined_on), 'YYYY-MM-DD') as joined from property_committee_member where committee_id = ?`,
          [committee.id],
        );
        if (first?.joined && first.joined < (fields.foundedOn as string)) {
          throw badInput('foundedOn', `members joined on ${first.joined}, before that date`);
        }
      }
      if (committee.status !== 'ACTIVE')
        throw invalidTransition(`The committee is ${committee.status}: it cannot change`);
      requireVersion(committee, input.expectedVersion);
      const columns: Partial<Record<keyof CommitteeRecord, string>> = {
        name: 'name',
        foundedOn: 'founded_on',
        serviceMode: 'service_mode',
        companyName: 'company_name',
        partyOrganization: 'party_organization',
        notes: 'notes',
      };
      const changed = (Object.keys(fields) as (keyof CommitteeRecord)[]).filter((k) => fields[k] !== committee[k]);
      if (changed.length === 0) return committee.id;
      const at = this.now();
      await em.execute(
        `update property_committee set ${changed.map((k) => `${columns[k]} = ?`).join(', ')},
                version = version + 1, updated_at = ? where id = ?`,
        [...changed.map((k) => fields[k]), at, committee.id],
      );
      await recordChange(
        em,
        {
          entityType: 'PropertyCommittee',
          entityId: committee.id,
          action: 'UPDATE',
          actorId: viewer.personId,
          data: Object.fromEntries(changed.map((k) => [k, { from: committee[k], to: fields[k] }])),
        },
        at,
      );
      return committee.id;
    });
  }

  async dissolve(input: DissolveCommitteeInput): Promise<number> {
    const viewer = this.requireViewer();
    const today = localDate(this.now());
    const dissolvedOn = given(input.dissolvedOn) && input.dissolvedOn !== null ? input.dissolvedOn : today;
    pastDate('dissolvedOn', dissolvedOn, today);
    const reason = optionalText('reason', input.reason, MAX_NOTES);
    checkExpectedVersion(input.expectedVersion);
    const committeeId = requiredId('PropertyCommittee', input.committeeId, 'Property committee');
    return this.em.transactional(async (em) => {
      const committee = await this.lockManaged(em, committeeId, 'dissolve');
      if (dissolvedOn < committee.foundedOn) {
        throw badInput('dissolvedOn', `must not be before the committee was founded (${committee.foundedOn})`);
      }
      if (committee.status !== 'ACTIVE') throw invalidTransition(`The committee is already ${committee.status}`);
      requireVersion(committee, input.expectedVersion);
      const at = this.now();
      await em.execute(
        `update property_committee set status = 'DISSOLVED', dissolved_on = ?::date, version = version + 1,
                updated_at = ? where id = ?`,
        [dissolvedOn, at, committee.id],
      );
      await recordChange(
        em,
        {
          entityType: 'PropertyCommittee',
          entityId: committee.id,
          action: 'DISSOLVE',
          actorId: viewer.personId,
          data: { dissolvedOn, reason },
        },
        at,
      );
      return committee.id;
    });
  }

  async addMember(input: AddMemberInput): Promise<number> {
    const viewer = this.requireViewer();
    const today = localDate(this.now());
    const role = checkMemberRole(input.role);
    const joinedOn =
      given(input.joinedOn) && input.joinedOn !== null ? pastDate('joinedOn', input.joinedOn, today) : today;
    const committeeId = requiredId('PropertyCommittee', input.committeeId, 'Property committee');
    const personId = requiredId('Person', input.personId, 'Person');
    return this.em.transactional(async (em) => {
      const committee = await this.lockManaged(em, committeeId, 'change the members of');
      const [person] = await em.execute<{ id: number; displayName: string; active: boolean; partyMember: boolean }[]>(
        `select p.id, p.display_name as "displayName", p.active,
                exists (select 1 from person_role r where r.person_id = p.id and r.role = 'PARTY_MEMBER') as "partyMember"
           from person p
          where p.id = ? and exists (select 1 from person_role r where r.person_id = p.id
                                      and r.org_unit_id = ? and r.role in ('RESIDENT', 'PARTY_MEMBER'))`,
        [personId, committee.compoundId],
      );
      if (!person) {
        throw badInput('personId', `must be a resident or party member of ${committee.compoundName}`);
      }
      if (!person.active) throw badInput('personId', `${person.displayName} is deactivated`);
      if (joinedOn < committee.foundedOn) {
        throw badInput('joinedOn', `must not be before the committee was founded (${committee.foundedOn})`);
      }
      if (committee.status !== 'ACTIVE')
        throw invalidTransition(`The committee is ${committee.status}: members are fixed`);
      const members = await this.members(em, committee.id);
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
      await touch(em, committee.id, at);
      await recordChange(
        em,
        {
          entityType: 'PropertyCommittee',
          entityId: committee.id,
          action: 'ADD_MEMBER',
          actorId: viewer.personId,
          data: { memberId, personId: person.id, role, isPartyMember, joinedOn },
        },
        at,
      );
      return committee.id;
    });
  }

  async updateMember(input: UpdateMemberInput): Promise<number> {
    const viewer = this.requireViewer();
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
    const memberId = requiredId('PropertyCommitteeMember', input.memberId, 'Committee member');
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
      await touch(em, committee.id, at);
      await recordChange(
        em,
        {
          entityType: 'PropertyCommittee',
          entityId: committee.id,
          action: 'UPDATE_MEMBER',
          actorId: viewer.personId,
          data,
        },
        at,
      );
      return committee.id;
    });
  }

  async removeMember(input: { memberId: string }): Promise<number> {
    const viewer = this.requireViewer();
    const memberId = requiredId('PropertyCommitteeMember', input.memberId, 'Committee member');
    return this.em.transactional(async (em) => {
      const { committee, member, members } = await this.lockMember(em, memberId);
      if (member.role === 'CHAIR' && members.length > 1) {
        throw badInput('memberId', 'this member is the chair: make another member CHAIR before removing them');
      }
      if (committee.status !== 'ACTIVE')
        throw invalidTransition(`The committee is ${committee.status}: members are fixed`);
      const at = this.now();
      await em.execute('delete from property_committee_member where id = ?', [member.id]);
      await touch(em, committee.id, at);
      await recordChange(
        em,
        {
          entityType: 'PropertyCommittee',
          entityId: committee.id,
          action: 'REMOVE_MEMBER',
          actorId: viewer.personId,
          data: { ...member },
        },
        at,
      );
      return committee.id;
    });
  }

  /** The committee, locked, if it exists (NOT_FOUND) and the viewer manages its compound (FORBIDDEN). */
  private async lockManaged(em: EntityManager, committeeId: number, verb: string): Promise<LockedCommittee> {
    const [committee] = await em.execute<LockedCommittee[]>(
      `select ${COMMITTEE_RECORD}, k.name as "compoundName", k.path as "compoundPath"
         from property_committee pc join org_unit k on k.id = pc.compound_id
        where pc.id = ? for update of pc`,
      [committeeId],
    );
    if (!committee) throw notFound('Property committee');
    if (!managesCompound(this.requireViewer(), committee.compoundPath)) {
      throw forbidden(`Your role may not ${verb} the property committee of ${committee.compoundName}`);
    }
    return committee;
  }

  private async lockMember(em: EntityManager, memberId: number) {
    const [found] = await em.execute<{ committeeId: number }[]>(
      'select committee_id as "committeeId" from property_committee_member where id = ?',
      [memberId],
    );
    if (!found) throw notFound('Committee member');
    const committee = await this.lockManaged(em, found.committeeId, 'change the members of');
    const members = await this.members(em, committee.id);
    // Read again under the committee's lock: it may have been removed meanwhile.
    const member = members.find((m) => m.id === memberId);
    if (!member) throw notFound('Committee member');
    return { committee, member, members };
  }

  private members(em: EntityManager, committeeId: number): Promise<CommitteeMemberRecord[]> {
    return em.execute<CommitteeMemberRecord[]>(
      `select ${MEMBER_RECORD} from property_committee_member m where m.committee_id = ? order by m.id`,
      [committeeId],
    );
  }
}

/** Member changes are changes of the committee: its version moves on. */
async function touch(em: EntityManager, committeeId: number, at: Date): Promise<void> {
  await em.execute('update property_committee set version = version + 1, updated_at = ? where id = ?', [
    at,
    committeeId,
  ]);
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

function requireVersion(row: { version: number }, expected: Maybe<number>): void {
  if (expected !== null && expected !== undefined && expected !== row.version) {
    throw conflict(`The committee changed since you read it (version ${expected}, now ${row.version}): reload it`);
  }
}
