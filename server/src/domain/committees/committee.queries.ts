/**
 * Reading property committees (物业管理委员会). Any logged-in user may read a committee (name, mode, members'
 * names); members' phone numbers stay with staff (the Person type's rule).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  COMMITTEE_MEMBER_ROLES,
  COMMITTEE_STATUSES,
  SERVICE_MODES,
} from '../../entities/property-committee.entity.ts';
import { decodeId } from '../../graphql/ids.ts';
import type { Maybe } from '../kernel/input.ts';
import { Conditions, idsFilter, type ListArgs, type ListPage, runList, searchCondition } from '../kernel/list.ts';
import { NO_UNIT, pgArray } from '../kernel/sql.ts';

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

export const COMMITTEE_RECORD = `pc.id, pc.compound_id as "compoundId", pc.name,
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

export const MEMBER_RECORD = `m.id, m.committee_id as "committeeId", m.person_id as "personId", m.role,
  m.is_party_member as "isPartyMember", to_char(m.joined_on, 'YYYY-MM-DD') as "joinedOn"`;

export async function findCommittees(em: EntityManager, ids: readonly number[]): Promise<CommitteeRecord[]> {
  if (ids.length === 0) return [];
  return em.execute<CommitteeRecord[]>(
    `select ${COMMITTEE_RECORD} from property_committee pc where pc.id = any(?::int[])`,
    [pgArray(ids)],
  );
}

/** The ACTIVE committee of each of these compounds (at most one each, by the partial unique index). */
export async function activeCommitteesOf(
  em: EntityManager,
  compoundIds: readonly number[],
): Promise<CommitteeRecord[]> {
  if (compoundIds.length === 0) return [];
  return em.execute<CommitteeRecord[]>(
    `select ${COMMITTEE_RECORD} from property_committee pc
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
    `select ${MEMBER_RECORD}, k.path as "compoundPath" from property_committee_member m
       join property_committee pc on pc.id = m.committee_id join org_unit k on k.id = pc.compound_id
      where m.committee_id = any(?::int[]) order by m.role, m.joined_on, m.id`,
    [pgArray(committeeIds)],
  );
}

export interface CommitteeListFilter {
  ids?: Maybe<readonly (string | number)[]>;
  q?: Maybe<string>;
  compoundId?: Maybe<string | number>;
  communityId?: Maybe<string | number>;
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
  c.add(idsFilter('pc.id', 'PropertyCommittee', f.ids));
  c.add(searchCondition(['pc.name', 'pc.company_name', 'pc.party_organization', 'k.name', 'k.name_zh'], f.q));
  if (f.compoundId !== null && f.compoundId !== undefined) {
    c.and('pc.compound_id = ?', decodeId('OrgUnit', String(f.compoundId)) ?? -1);
  }
  if (f.communityId !== null && f.communityId !== undefined) {
    const id = decodeId('OrgUnit', String(f.communityId));
    const [unit] =
      id === null ? [] : await em.execute<{ path: string }[]>('select path from org_unit where id = ?', [id]);
    c.and('k.path like ?', unit ? `${unit.path}%` : NO_UNIT);
  }
  if (f.status) c.and('pc.status = ?', f.status);
  if (f.serviceMode) c.and('pc.service_mode = ?', f.serviceMode);
  return runList<CommitteeRecord>(
    em,
    {
      select: COMMITTEE_RECORD,
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
