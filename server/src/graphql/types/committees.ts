/**
 * Property committees (物业管理委员会): the type, its reads and list, the staff mutations, and a compound's
 * property status on OrgUnit.
 */

import { isUnder } from '../../domain/auth/viewer.ts';
import {
  activeCommitteesOf,
  type CommitteeMemberView,
  type CommitteeRecord,
  findCommittees,
  listCommittees,
  membersOf,
} from '../../domain/committees/committee.queries.ts';
import { CommitteeService } from '../../domain/committees/committee.service.ts';
import { isStreetAdmin, peoplePrefixes } from '../../domain/organisation/organisation.policy.ts';
import { COMMITTEE_MEMBER_ROLES, COMMITTEE_STATUSES, SERVICE_MODES } from '../../entities/property-committee.entity.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { decodeId, encodeId } from '../ids.ts';
import { ListSortInput, listPage } from '../list.ts';
import type { OrgUnitView, PersonView } from '../loaders.ts';
import { OrgUnitRef, PersonRef } from './hierarchy.ts';
import { batchLoad } from './organisation.ts';

export const ServiceModeEnum = builder.enumType('PropertyServiceMode', {
  description: 'How a compound without a property company is looked after',
  values: SERVICE_MODES,
});
export const CommitteeStatusEnum = builder.enumType('PropertyCommitteeStatus', { values: COMMITTEE_STATUSES });
export const CommitteeMemberRoleEnum = builder.enumType('PropertyCommitteeMemberRole', {
  values: COMMITTEE_MEMBER_ROLES,
});
export const PropertyStatusEnum = builder.enumType('PropertyStatus', {
  description: "A compound's property management: a company, a property committee, or nobody yet",
  values: ['MANAGED_BY_COMPANY', 'COMMITTEE', 'NONE'] as const,
});

export const PropertyCommitteeRef = builder.objectRef<CommitteeRecord>('PropertyCommittee');
const CommitteeMemberRef = builder.objectRef<CommitteeMemberView>('PropertyCommitteeMember');

/** The compound's ACTIVE committee, batched per request; null if none. */
async function activeCommittee(ctx: Context, compoundId: number): Promise<CommitteeRecord | null> {
  const committee = await batchLoad<CommitteeRecord>(
    ctx,
    'activeCommitteeByCompound',
    async (ids) => new Map((await activeCommitteesOf(ctx.em, ids)).map((c) => [c.compoundId, c])),
    compoundId,
  );
  return committee ?? null;
}

async function committeeMembers(ctx: Context, committeeId: number): Promise<CommitteeMemberView[]> {
  const members = await batchLoad<CommitteeMemberView[]>(
    ctx,
    'committeeMembers',
    async (ids) => {
      const rows = await membersOf(ctx.em, ids);
      return new Map(ids.map((id) => [id, rows.filter((m) => m.committeeId === id)]));
    },
    committeeId,
  );
  return members ?? [];
}

/**
 * A member as a Person. Committees are public; a member's username and phone number stay with the person and
 * the staff whose subtree holds the compound.
 */
async function memberPerson(ctx: Context, m: CommitteeMemberView): Promise<PersonView> {
  const person = (await ctx.loaders.person.load(m.personId)) as PersonView;
  const viewer = ctx.viewer;
  const contact =
    viewer !== null &&
    (viewer.personId === m.personId ||
      isStreetAdmin(viewer) ||
      peoplePrefixes(viewer).some((p) => isUnder(m.compoundPath, p)));
  return contact ? person : { ...person, username: null, phone: null };
}

PropertyCommitteeRef.implement({
  description:
    '物业管理委员会: runs a compound that has no property company, with a party organisation founded with it',
  fields: (t) => ({
    id: t.id({ resolve: (c) => encodeId('PropertyCommittee', c.id) }),
    compound: t.field({
      type: OrgUnitRef,
      resolve: async (c, _a, ctx) => (await ctx.loaders.orgUnit.load(c.compoundId)) as OrgUnitView,
    }),
    name: t.exposeString('name'),
    foundedOn: t.field({ type: 'Date', resolve: (c) => c.foundedOn }),
    serviceMode: t.field({ type: ServiceModeEnum, resolve: (c) => c.serviceMode }),
    companyName: t.exposeString('companyName', {
      nullable: true,
      description: 'The property company brought in (PROFESSIONAL_COMPANY only)',
    }),
    partyOrganization: t.exposeString('partyOrganization', {
      nullable: true,
      description: 'The party organisation founded together with the committee',
    }),
    status: t.field({ type: CommitteeStatusEnum, resolve: (c) => c.status }),
    dissolvedOn: t.field({ type: 'Date', nullable: true, resolve: (c) => c.dissolvedOn }),
    notes: t.exposeString('notes', { nullable: true }),
    members: t.field({
      type: [CommitteeMemberRef],
      description: 'Chair first, then vice-chairs, then members (empty for display screens)',
      authScopes: { personalData: true },
      unauthorizedResolver: () => [],
      resolve: (c, _a, ctx) => committeeMembers(ctx, c.id),
    }),
    memberCount: t.int({ resolve: async (c, _a, ctx) => (await committeeMembers(ctx, c.id)).length }),
    chair: t.field({
      type: PersonRef,
      nullable: true,
      authScopes: { personalData: true },
      unauthorizedResolver: () => null,
      resolve: async (c, _a, ctx) => {
        const chair = (await committeeMembers(ctx, c.id)).find((m) => m.role === 'CHAIR');
        return chair ? memberPerson(ctx, chair) : null;
      },
    }),
    version: t.exposeInt('version', { description: 'Send back as expectedVersion to refuse a stale update' }),
    createdAt: t.field({ type: 'DateTime', resolve: (c) => c.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (c) => c.updatedAt }),
  }),
});

CommitteeMemberRef.implement({
  fields: (t) => ({
    id: t.id({ resolve: (m) => encodeId('PropertyCommitteeMember', m.id) }),
    person: t.field({
      type: PersonRef,
      description: 'Username and phone number only for the person and for staff whose subtree holds the compound',
      resolve: (m, _a, ctx) => memberPerson(ctx, m),
    }),
    role: t.field({ type: CommitteeMemberRoleEnum, resolve: (m) => m.role }),
    isPartyMember: t.exposeBoolean('isPartyMember'),
    joinedOn: t.field({ type: 'Date', resolve: (m) => m.joinedOn }),
  }),
});

builder.objectFields(OrgUnitRef, (t) => ({
  propertyStatus: t.field({
    type: PropertyStatusEnum,
    nullable: true,
    description: 'Compounds only (null for other units): a property company, an active property committee, or none',
    resolve: async (u, _a, ctx) => {
      if (u.kind !== 'COMPOUND') return null;
      if (u.hasPropertyManagement) return 'MANAGED_BY_COMPANY';
      return (await activeCommittee(ctx, u.id)) ? 'COMMITTEE' : 'NONE';
    },
  }),
  propertyCommittee: t.field({
    type: PropertyCommitteeRef,
    nullable: true,
    description: "The compound's ACTIVE property committee, if any",
    resolve: (u, _a, ctx) => (u.kind === 'COMPOUND' ? activeCommittee(ctx, u.id) : null),
  }),
}));

const PropertyCommitteeListFilter = builder.inputType('PropertyCommitteeListFilter', {
  fields: (t) => ({
    ids: t.idList({ description: 'Only these committees (react-admin getMany)' }),
    q: t.string({ description: "Text in the committee's name, company, party organisation or compound name" }),
    compoundId: t.id(),
    communityId: t.id({ description: "Committees of compounds in this unit's subtree" }),
    status: t.field({ type: CommitteeStatusEnum }),
    serviceMode: t.field({ type: ServiceModeEnum }),
  }),
});

builder.queryFields((t) => ({
  propertyCommittee: t.field({
    type: PropertyCommitteeRef,
    nullable: true,
    authScopes: { loggedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const id = decodeId('PropertyCommittee', String(args.id));
      return id === null ? null : ((await findCommittees(ctx.em, [id]))[0] ?? null);
    },
  }),
  propertyCommitteeList: t.field({
    type: listPage('PropertyCommittee', PropertyCommitteeRef),
    description: 'Property committees, active and dissolved, for staff screens',
    authScopes: { loggedIn: true },
    args: {
      filter: t.arg({ type: PropertyCommitteeListFilter }),
      sort: t.arg({ type: ListSortInput }),
      offset: t.arg.int(),
      limit: t.arg.int(),
    },
    resolve: (_r, args, ctx) =>
      listCommittees(ctx.em, args.filter, { sort: args.sort, offset: args.offset, limit: args.limit }),
  }),
}));

const PropertyCommitteePayload = builder.objectRef<{ committeeId: number }>('PropertyCommitteePayload').implement({
  fields: (t) => ({
    propertyCommittee: t.field({
      type: PropertyCommitteeRef,
      resolve: async (p, _a, ctx) => (await findCommittees(ctx.em, [p.committeeId]))[0] as CommitteeRecord,
    }),
  }),
});

const CreatePropertyCommitteeInput = builder.inputType('CreatePropertyCommitteeInput', {
  fields: (t) => ({
    compoundId: t.id({ required: true, description: 'A compound without a property company' }),
    name: t.string({ required: true }),
    foundedOn: t.field({ type: 'Date', required: true }),
    serviceMode: t.field({ type: ServiceModeEnum, required: true }),
    companyName: t.string({ description: 'Required for PROFESSIONAL_COMPANY, refused otherwise' }),
    partyOrganization: t.string({ required: true, description: 'The party organisation founded with it' }),
    notes: t.string(),
  }),
});

const UpdatePropertyCommitteeInput = builder.inputType('UpdatePropertyCommitteeInput', {
  fields: (t) => ({
    committeeId: t.id({ required: true }),
    name: t.string(),
    foundedOn: t.field({ type: 'Date' }),
    serviceMode: t.field({ type: ServiceModeEnum, description: 'Leaving PROFESSIONAL_COMPANY clears companyName' }),
    companyName: t.string(),
    partyOrganization: t.string(),
    notes: t.string({ description: 'null clears it' }),
    expectedVersion: t.int({ description: 'Refuse with CONFLICT if the committee changed since this version' }),
  }),
});

const DissolvePropertyCommitteeInput = builder.inputType('DissolvePropertyCommitteeInput', {
  fields: (t) => ({
    committeeId: t.id({ required: true }),
    dissolvedOn: t.field({ type: 'Date', description: 'Default: today' }),
    reason: t.string(),
    expectedVersion: t.int(),
  }),
});

const AddPropertyCommitteeMemberInput = builder.inputType('AddPropertyCommitteeMemberInput', {
  fields: (t) => ({
    committeeId: t.id({ required: true }),
    personId: t.id({ required: true, description: 'A resident or party member of the compound' }),
    role: t.field({
      type: CommitteeMemberRoleEnum,
      required: true,
      description: 'The first member is the CHAIR; there is one chair',
    }),
    isPartyMember: t.boolean({ description: 'Default: whether the person holds the PARTY_MEMBER role' }),
    joinedOn: t.field({ type: 'Date', description: 'Default: today' }),
  }),
});

const UpdatePropertyCommitteeMemberInput = builder.inputType('UpdatePropertyCommitteeMemberInput', {
  fields: (t) => ({
    memberId: t.id({ required: true }),
    role: t.field({
      type: CommitteeMemberRoleEnum,
      description: 'CHAIR hands the chair over: the chair so far becomes VICE_CHAIR',
    }),
    isPartyMember: t.boolean(),
    joinedOn: t.field({ type: 'Date' }),
  }),
});

const RemovePropertyCommitteeMemberInput = builder.inputType('RemovePropertyCommitteeMemberInput', {
  fields: (t) => ({ memberId: t.id({ required: true }) }),
});

const service = (ctx: Context) => new CommitteeService(ctx.em, ctx.viewer);
const id = (value: string | number) => String(value);

builder.mutationFields((t) => ({
  createPropertyCommittee: t.field({
    type: PropertyCommitteePayload,
    description: 'Set up the property committee of a compound without property management (one ACTIVE per compound)',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: CreatePropertyCommitteeInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      committeeId: await service(ctx).create({ ...input, compoundId: id(input.compoundId) }),
    }),
  }),
  updatePropertyCommittee: t.field({
    type: PropertyCommitteePayload,
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: UpdatePropertyCommitteeInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      committeeId: await service(ctx).update({ ...input, committeeId: id(input.committeeId) }),
    }),
  }),
  dissolvePropertyCommittee: t.field({
    type: PropertyCommitteePayload,
    description: 'Dissolve an ACTIVE committee (it stays, DISSOLVED, for history); a new one may then be set up',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: DissolvePropertyCommitteeInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      committeeId: await service(ctx).dissolve({ ...input, committeeId: id(input.committeeId) }),
    }),
  }),
  addPropertyCommitteeMember: t.field({
    type: PropertyCommitteePayload,
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: AddPropertyCommitteeMemberInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      committeeId: await service(ctx).addMember({
        ...input,
        committeeId: id(input.committeeId),
        personId: id(input.personId),
      }),
    }),
  }),
  updatePropertyCommitteeMember: t.field({
    type: PropertyCommitteePayload,
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: UpdatePropertyCommitteeMemberInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      committeeId: await service(ctx).updateMember({ ...input, memberId: id(input.memberId) }),
    }),
  }),
  removePropertyCommitteeMember: t.field({
    type: PropertyCommitteePayload,
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: RemovePropertyCommitteeMemberInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      committeeId: await service(ctx).removeMember({ memberId: id(input.memberId) }),
    }),
  }),
}));
