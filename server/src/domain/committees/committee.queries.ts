/**
 * Reading property committees (物业管理委员会). Any logged-in user may read a committee (name, mode, members'
 * names); members' contact details follow committee.policy.ts.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  COMMITTEE_MEMBER_ROLES,
  COMMITTEE_STATUSES,
  SERVICE_MODES,
} from '../../entities/property-committee.entity.ts';
import type { IdRef, Maybe } from '../kernel/input.ts';
import { Conditions, type ListArgs, type ListPage, refsFilter, runList, searchCondition } from '../kernel/list.ts';
import { pgArray } from '../kernel/sql.ts';
import { subtreePattern, unitPath } from '../organisation/org-unit.queries.ts';

export type ServiceMode = (typeof SERVICE_MODES)[number];
export type CommitteeStatus = (typeof COMMITTEE_STATUSES)[number];
export type CommitteeMemberRole = (typeof COMMITTEE_MEMBER_ROLES)[number];

export interface CommitteeRecord {
  id: number;
  compoundId: number;
  name: string;
  /** YYYY-MM-DD */
  foundedOn: string;
  serviceMode: ServiceMode;
  companyName: string | null;
  partyOrganization: string | null;
  status: CommitteeStatus;
  dissolvedOn: string | null;
  notes: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const COMMITTEE_COLUMNS = `pc.id, pc.compound_id as "compoundId", pc.name,
  to_char(pc.founded_on, 'YYYY-MM-DD') as "foundedOn", pc.service_mode as "serviceMode",
  pc.company_name as "companyName", pc.party_organization as "partyOrganization", pc.status,
  to_char(pc.dissolved_on, 'YYYY-MM-DD') as "dissolvedOn", pc.notes, pc.version,
  pc.created_at as "createdAt", pc.updated_at as "updatedAt"`;

export interface CommitteeMemberRecord {
  id: number;
  committeeId: number;
  personId: number;
  role: CommitteeMemberRole;
  isPartyMember: boolean;
  /** YYYY-MM-DD */
  joinedOn: string;
}

export const MEMBER_COLUMNS = `m.id, m.committee_id as "committeeId", m.person_id as "personId", m.role,
  m.is_party_member as "isPartyMember", to_char(m.joined_on, 'YYYY-MM-DD') as "joinedOn"`;

/** A committee as its managers change it: with its compound's name and path, locked. */
export interface LockedCommittee extends CommitteeRecord {
  compoundName: string;
  compoundPath: string;
}

export async function lockCommittee(em: EntityManager, id: number): Promise<LockedCommittee | null> {
  const [committee] = await em.execute<LockedCommittee[]>(
    `select ${COMMITTEE_COLUMNS}, k.name as "compoundName", k.path as "compoundPath"
       from property_committee pc join org_unit k on k.id = pc.compound_id
      where pc.id = ? for update of pc`,
    [id],
  );
  return committee ?? null;
}

/** The committee a member sits on; null if there is no such member. */
export async function committeeOfMember(em: EntityManager, memberId: number): Promise<number | null> {
  const [found] = await em.execute<{ committeeId: number }[]>(
    'select committee_id as "committeeId" from property_committee_member where id = ?',
    [memberId],
  );
  return found?.committeeId ?? null;
}

/** The members of one committee, in the order they were added. */
export function membersByAddition(em: EntityManager, committeeId: number): Promise<CommitteeMemberRecord[]> {
  return em.execute<CommitteeMemberRecord[]>(
    `select ${MEMBER_COLUMNS} from property_committee_member m where m.committee_id = ? order by m.id`,
    [committeeId],
  );
}

/** When the first member joined (YYYY-MM-DD); null without members. */
export async function firstJoinedOn(em: EntityManager, committeeId: number): Promise<string | null> {
  const [first] = await em.execute<{ joined: string | null }[]>(
    `select to_char(min(joined_on), 'YYYY-MM-DD') as joined from property_committee_member where committee_id = ?`,
    [committeeId],
  );
  return first?.joined ?? null;
}

/** A person who may sit on a compound's committee: a resident or party member there. */
export interface EligibleMember {
  id: number;
  displayName: string;
  active: boolean;
  /** Holds the PARTY_MEMBER role anywhere. */
  partyMember: boolean;
}

export async function eligibleMember(
  em: EntityManager,
  personId: number,
  compoundId: number,
): Promise<EligibleMember | null> {
  const [person] = await em.execute<EligibleMember[]>(
    `select p.id, p.display_name as "displayName", p.active,
            exists (select 1 from person_role r where r.person_id = p.id and r.role = 'PARTY_MEMBER') as "partyMember"
       from person p
      where p.id = ? and exists (select 1 from person_role r where r.person_id = p.id
                                  and r.org_unit_id = ? and r.role in ('RESIDENT', 'PARTY_MEMBER'))`,
    [personId, compoundId],
  );
  return person ?? null;
}

export async function findCommittees(em: EntityManager, ids: readonly number[]): Promise<CommitteeRecord[]> {
  if (ids.length === 0) return [];
  return em.execute<CommitteeRecord[]>(
    `select ${COMMITTEE_COLUMNS} from property_committee pc where pc.id = any(?::int[])`,
    [pgArray(ids)],
  );
}

export async function findCommittee(em: EntityManager, id: IdRef): Promise<CommitteeRecord | null> {
  if (id === null) return null;
  return (await findCommittees(em, [id]))[0] ?? null;
}

/** The ACTIVE committee of each of these compounds (at most one each, by the partial unique index). */
export async function activeCommitteesOf(
  em: EntityManager,
  compoundIds: readonly number[],
): Promise<CommitteeRecord[]> {
  if (compoundIds.length === 0) return [];
  return em.execute<CommitteeRecord[]>(
    `select ${COMMITTEE_COLUMNS} from property_committee pc
      where pc.compound_id = any(?::int[]) and pc.status = 'ACTIVE'`,
    [pgArray(compoundIds)],
  );
}

/** A member with the path of the committee's compound (who may see their contact details depends on it). */
export interface CommitteeMemberView extends CommitteeMemberRecord {
  compoundPath: string;
}

/** Members of these committees: the chair first, then vice-chairs, then members, each by joining date. */
export async function membersOf(em: EntityManager, committeeIds: readonly number[]): Promise<CommitteeMemberView[]> {
  if (committeeIds.length === 0) return [];
  return em.execute<CommitteeMemberView[]>(
    `select ${MEMBER_COLUMNS}, k.path as "compoundPath" from property_committee_member m
       join property_committee pc on pc.id = m.committee_id join org_unit k on k.id = pc.compound_id
      where m.committee_id = any(?::int[]) order by m.role, m.joined_on, m.id`,
    [pgArray(committeeIds)],
  );
}

export interface CommitteeListFilter {
  /** Only these committees (ids that did not decode are null and match nothing). */
  ids?: Maybe<readonly IdRef[]>;
  q?: Maybe<string>;
  /** The committees of this compound; undefined: of any. */
  compoundId?: IdRef;
  /** The committees of compounds in this unit's subtree; undefined: anywhere. */
  communityId?: IdRef;
  status?: Maybe<CommitteeStatus>;
  serviceMode?: Maybe<ServiceMode>;
}

export async function listCommittees(
  em: EntityManager,
  filter: Maybe<CommitteeListFilter>,
  args: ListArgs,
): Promise<ListPage<CommitteeRecord>> {
  // Scope: committees are readable by every logged-in user, so there is no scope condition.
  const c = new Conditions();
  const f = filter ?? {};
  c.add(refsFilter('pc.id', f.ids));
  c.add(searchCondition(['pc.name', 'pc.company_name', 'pc.party_organization', 'k.name', 'k.name_zh'], f.q));
  if (f.compoundId !== undefined) c.and('pc.compound_id = ?', f.compoundId ?? -1);
  if (f.communityId !== undefined) c.and('k.path like ?', subtreePattern(await unitPath(em, f.communityId)));
  if (f.status) c.and('pc.status = ?', f.status);
  if (f.serviceMode) c.and('pc.service_mode = ?', f.serviceMode);
  return runList<CommitteeRecord>(
    em,
    {
      select: COMMITTEE_COLUMNS,
      from: 'from property_committee pc join org_unit k on k.id = pc.compound_id',
      where: c.where,
      params: c.params,
      sortable: {
        id: 'pc.id',
        name: 'pc.name',
        foundedOn: 'pc.founded_on',
        dissolvedOn: 'pc.dissolved_on',
        status: 'pc.status',
        serviceMode: 'pc.service_mode',
        compound: 'k.name',
        createdAt: 'pc.created_at',
        updatedAt: 'pc.updated_at',
      },
      defaultSort: { field: 'foundedOn', order: 'DESC' },
      tieBreaker: 'pc.id',
    },
    args,
  );
}
