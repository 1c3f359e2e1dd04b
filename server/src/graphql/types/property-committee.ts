/**
 * Property committees (物业管理委员会): the enums, the PropertyCommittee and PropertyCommitteeMember types with
 * all their fields, the reads and list, and the staff mutations. A compound's property status is a field of
 * OrgUnit (org-unit.ts).
 */
import { seesMemberContacts } from '../../domain/committees/committee.policy.ts';
import {
  type CommitteeMemberView,
  type CommitteeRecord,
  findCommittee,
  listCommittees,
} from '../../domain/committees/committee.queries.ts';
import { CommitteeService } from '../../domain/committees/committee.service.ts';
import type { OrgUnitRecord } from '../../domain/organisation/org-unit.queries.ts';
import type { PersonRecord } from '../../domain/organisation/person.queries.ts';
import { COMMITTEE_MEMBER_ROLES, COMMITTEE_STATUSES, SERVICE_MODES } from '../../entities/property-committee.entity.ts';
import { builder, enumValues } from '../builder.ts';
import type { Context, LoggedInContext } from '../context.ts';
import { decodeId, encodeId, optionalRef, refs } from '../ids.ts';
import { listArgs, listPage } from '../list.ts';
import { inputMutation } from '../mutation.ts';
import { implementPayload, payloadRef } from '../payload.ts';
import { OrgUnitRef } from './org-unit.ts';
import { PersonRef } from './person.ts';

export const ServiceModeEnum = enumValues(SERVICE_MODES);
export const CommitteeStatusEnum = enumValues(COMMITTEE_STATUSES);
export const CommitteeMemberRoleEnum = enumValues(COMMITTEE_MEMBER_ROLES);
export const PropertyStatusEnum = enumValues(['MANAGED_BY_COMPANY', 'COMMITTEE', 'NONE']);

export const PropertyCommitteeRef = builder.objectRef<CommitteeRecord>('PropertyCommittee');
const CommitteeMemberRef = builder.objectRef<CommitteeMemberView>('PropertyCommitteeMember');
const PropertyCommitteePayload = payloadRef('PropertyCommitteePayload');

/** A member as a Person: username and phone number only for those who see the member's contacts. */
async function memberPerson(ctx: Context, m: CommitteeMemberView): Promise<PersonRecord> {
  const person = (await ctx.loaders.person.load(m.personId)) as PersonRecord;
  return seesMemberContacts(ctx.viewer, m) ? person : { ...person, username: null, phone: null };
}

/** Everything of property committees, in the published order of each kind. */
export function registerPropertyCommittee(): void {
  builder.enumType(ServiceModeEnum, {
    name: 'PropertyServiceMode',
    description: 'How a compound without a property company is looked after',
  });
  builder.enumType(CommitteeStatusEnum, { name: 'PropertyCommitteeStatus' });
  builder.enumType(CommitteeMemberRoleEnum, { name: 'PropertyCommitteeMemberRole' });
  builder.enumType(PropertyStatusEnum, {
    name: 'PropertyStatus',
    description: "A compound's property management: a company, a property committee, or nobody yet",
  });

  PropertyCommitteeRef.implement({
    description:
      '物业管理委员会: runs a compound that has no property company, with a party organisation founded with it',
    fields: (t) => ({
      id: t.id({ resolve: (c) => encodeId('PropertyCommittee', c.id) }),
      compound: t.field({
        type: OrgUnitRef,
        resolve: async (c, _a, ctx) => (await ctx.loaders.orgUnit.load(c.compoundId)) as OrgUnitRecord,
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
        resolve: (c, _a, ctx) => ctx.loaders.committeeMembers.load(c.id),
      }),
      memberCount: t.int({ resolve: async (c, _a, ctx) => (await ctx.loaders.committeeMembers.load(c.id)).length }),
      chair: t.field({
        type: PersonRef,
        nullable: true,
        authScopes: { personalData: true },
        unauthorizedResolver: () => null,
        resolve: async (c, _a, ctx) => {
          const chair = (await ctx.loaders.committeeMembers.load(c.id)).find((m) => m.role === 'CHAIR');
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
    propertyCommittee: t.withAuth({ loggedIn: true }).field({
      type: PropertyCommitteeRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, args, ctx) => findCommittee(ctx.em, decodeId('PropertyCommittee', args.id)),
    }),
    propertyCommitteeList: t.withAuth({ loggedIn: true }).field({
      type: listPage('PropertyCommittee', PropertyCommitteeRef),
      description: 'Property committees, active and dissolved, for staff screens',
      args: listArgs(PropertyCommitteeListFilter),
      resolve: (_r, { filter, ...args }, ctx) =>
        listCommittees(
          ctx.em,
          filter && {
            ...filter,
            ids: refs('PropertyCommittee', filter.ids),
            compoundId: optionalRef('OrgUnit', filter.compoundId),
            communityId: optionalRef('OrgUnit', filter.communityId),
          },
          args,
        ),
    }),
  }));

  registerCommitteeMutations();
}

function registerCommitteeMutations(): void {
  implementPayload(
    PropertyCommitteePayload,
    'propertyCommittee',
    PropertyCommitteeRef,
    'Property committee',
    (ctx, id) => findCommittee(ctx.em, id),
  );

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

  const service = (ctx: LoggedInContext) => new CommitteeService(ctx.em, ctx.viewer);
  const committeeRef = (id: string) => decodeId('PropertyCommittee', id);
  const memberRef = (id: string) => decodeId('PropertyCommitteeMember', id);

  builder.mutationFields((t) => ({
    createPropertyCommittee: inputMutation(
      t,
      PropertyCommitteePayload,
      CreatePropertyCommitteeInput,
      (input, ctx) => service(ctx).create({ ...input, compoundId: decodeId('OrgUnit', input.compoundId) }),
      'Set up the property committee of a compound without property management (one ACTIVE per compound)',
    ),
    updatePropertyCommittee: inputMutation(t, PropertyCommitteePayload, UpdatePropertyCommitteeInput, (input, ctx) =>
      service(ctx).update({ ...input, committeeId: committeeRef(input.committeeId) }),
    ),
    dissolvePropertyCommittee: inputMutation(
      t,
      PropertyCommitteePayload,
      DissolvePropertyCommitteeInput,
      (input, ctx) => service(ctx).dissolve({ ...input, committeeId: committeeRef(input.committeeId) }),
      'Dissolve an ACTIVE committee (it stays, DISSOLVED, for history); a new one may then be set up',
    ),
    addPropertyCommitteeMember: inputMutation(
      t,
      PropertyCommitteePayload,
      AddPropertyCommitteeMemberInput,
      (input, ctx) =>
        service(ctx).addMember({
          ...input,
          committeeId: committeeRef(input.committeeId),
          personId: decodeId('Person', input.personId),
        }),
    ),
    updatePropertyCommitteeMember: inputMutation(
      t,
      PropertyCommitteePayload,
      UpdatePropertyCommitteeMemberInput,
      (input, ctx) => service(ctx).updateMember({ ...input, memberId: memberRef(input.memberId) }),
    ),
    removePropertyCommitteeMember: inputMutation(
      t,
      PropertyCommitteePayload,
      RemovePropertyCommitteeMemberInput,
      (input, ctx) => service(ctx).removeMember({ memberId: memberRef(input.memberId) }),
    ),
  }));
}
