/**
 * Person and RoleAssignment: the types with all their fields, the reads (`people`, `personList`, `person`) and
 * the staff mutations for people and roles. Each part registers where the published schema lists it
 * (organisation-and-committees.ts). The `points` field of Person is the points ledger's (points.ts).
 */
import type { OrgUnitRecord } from '../../domain/organisation/org-unit.queries.ts';
import { type RoleFactsOf, seesContacts } from '../../domain/organisation/person.policy.ts';
import {
  findPerson,
  findVisiblePerson,
  listPeople,
  type PersonRecord,
  peopleUnder,
  type RoleRecord,
} from '../../domain/organisation/person.queries.ts';
import { PersonService } from '../../domain/organisation/person.service.ts';
import { ROLES } from '../../entities/person.entity.ts';
import { builder, enumValues } from '../builder.ts';
import type { Context, LoggedInContext } from '../context.ts';
import { decodeId, encodeId, optionalRef, refs } from '../ids.ts';
import { listArgs, listPage } from '../list.ts';
import { inputMutation } from '../mutation.ts';
import { implementPayload, payloadRef } from '../payload.ts';
import { OrgUnitRef } from './org-unit.ts';

export const RoleEnum = enumValues(ROLES);

/** Records of the person who has just proved who they are (login.user): their own contacts, though no token yet. */
const ownRecords = new WeakSet<PersonRecord>();

/** `login.user`: the person who just logged in sees their own contact details. A copy: no other path shares it. */
export function ownRecord(person: PersonRecord): PersonRecord {
  const copy = { ...person };
  ownRecords.add(copy);
  return copy;
}

/** A person's roles with their units' paths, through the request's loaders (batched: one query per table). */
const roleFactsOf =
  (ctx: Context): RoleFactsOf =>
  async (personId) => {
    const roles = await ctx.loaders.roles.load(personId);
    const units = await Promise.all(roles.map((r) => ctx.loaders.orgUnit.load(r.orgUnitId)));
    return roles.flatMap((r, i) => {
      const unit = units[i];
      return unit ? [{ role: r.role, path: unit.path }] : [];
    });
  };
export const PersonRef = builder.objectRef<PersonRecord>('Person');
export const RoleAssignmentRef = builder.objectRef<RoleRecord>('RoleAssignment');
const PersonPayload = payloadRef('PersonPayload');

/** Staff only, and the viewer is known (`staff` implies a login). */
const STAFF = { $all: { loggedIn: true, staff: true } } as const;

export function registerRole(): void {
  builder.enumType(RoleEnum, { name: 'Role' });
}

export function registerPersonType(): void {
  RoleAssignmentRef.implement({
    fields: (t) => ({
      role: t.field({ type: RoleEnum, resolve: (r) => r.role }),
      orgUnit: t.field({
        type: OrgUnitRef,
        resolve: async (r, _args, ctx) => (await ctx.loaders.orgUnit.load(r.orgUnitId)) as OrgUnitRecord,
      }),
    }),
  });

  PersonRef.implement({
    description: 'A person: resident, party member, volunteer, staff member or display screen account.',
    fields: (t) => {
      /** A contact detail: whoever reached the person, one policy decides (person.policy.ts); null otherwise. */
      const contact = (field: 'username' | 'phone') =>
        t.string({
          nullable: true,
          description:
            "Visible to the person, to street staff and to staff whose subtree holds one of the person's units",
          resolve: async (p, _args, ctx) =>
            ownRecords.has(p) || (await seesContacts(ctx.viewer, p.id, roleFactsOf(ctx))) ? p[field] : null,
        });
      return {
        id: t.id({ resolve: (p) => encodeId('Person', p.id) }),
        displayName: t.exposeString('displayName'),
        username: contact('username'),
        phone: contact('phone'),
        roles: t.field({ type: [RoleAssignmentRef], resolve: (p, _args, ctx) => ctx.loaders.roles.load(p.id) }),
        active: t.exposeBoolean('active', { description: 'A deactivated person cannot log in; their history stays' }),
        createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (p) => p.createdAt }),
      };
    },
  });
}

/** `people`: who is attached to a unit's subtree, for staff. */
export function registerPeopleRead(): void {
  builder.queryFields((t) => ({
    people: t.withAuth(STAFF).field({
      type: [PersonRef],
      description: "People attached to the unit or any unit below it, within the staff member's own subtrees",
      args: { orgUnitId: t.arg.id({ required: true }), role: t.arg({ type: RoleEnum }) },
      resolve: (_root, args, ctx) => peopleUnder(ctx.em, ctx.viewer, decodeId('OrgUnit', args.orgUnitId), args.role),
    }),
  }));
}

/** `personList` with its filter, and `person`. */
export function registerPersonList(): void {
  const PersonListFilter = builder.inputType('PersonListFilter', {
    fields: (t) => ({
      ids: t.idList({ description: 'Only these people (react-admin getMany)' }),
      q: t.string({ description: 'Text in the display name, username or phone number' }),
      orgUnitId: t.id({ description: "People holding a role in this unit's subtree" }),
      role: t.field({ type: RoleEnum, description: 'People holding this role (in orgUnitId’s subtree, if given)' }),
      active: t.boolean(),
    }),
  });
  builder.queryFields((t) => ({
    personList: t.withAuth(STAFF).field({
      type: listPage('Person', PersonRef),
      description: "People for staff screens, within the staff member's own subtrees (the street admin: everyone)",
      args: listArgs(PersonListFilter),
      resolve: (_r, { filter, ...args }, ctx) =>
        listPeople(
          ctx.em,
          ctx.viewer,
          filter && { ...filter, ids: refs('Person', filter.ids), orgUnitId: optionalRef('OrgUnit', filter.orgUnitId) },
          args,
        ),
    }),
    person: t.withAuth({ loggedIn: true }).field({
      type: PersonRef,
      nullable: true,
      description: 'One person: yourself, or for staff someone holding a role in their subtrees; otherwise null',
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, args, ctx) => findVisiblePerson(ctx.em, ctx.viewer, decodeId('Person', args.id)),
    }),
  }));
}

/** The staff mutations of people and roles, with their inputs and payload. */
export function registerPersonMutations(): void {
  implementPayload(PersonPayload, 'person', PersonRef, 'Person', (ctx, id) => findPerson(ctx.em, id));

  const PersonRoleInput = builder.inputType('PersonRoleInput', {
    fields: (t) => ({
      role: t.field({ type: RoleEnum, required: true }),
      orgUnitId: t.id({ required: true }),
    }),
  });

  const CreatePersonInput = builder.inputType('CreatePersonInput', {
    fields: (t) => ({
      displayName: t.string({ required: true }),
      username: t.string({ description: 'Only people who log in have one' }),
      phone: t.string(),
      password: t.string({ description: 'Initial password (8–200 characters); needs a username' }),
      roles: t.field({ type: [PersonRoleInput], required: true, description: 'At least one role' }),
    }),
  });

  const UpdatePersonInput = builder.inputType('UpdatePersonInput', {
    fields: (t) => ({
      personId: t.id({ required: true }),
      displayName: t.string(),
      username: t.string({ description: 'null removes the login (and the password)' }),
      phone: t.string({ description: 'null clears it' }),
      password: t.string({ description: 'A new password; open sessions end' }),
    }),
  });

  const personIdInput = (name: string) =>
    builder.inputType(name, { fields: (t) => ({ personId: t.id({ required: true }) }) });
  const DeactivatePersonInput = personIdInput('DeactivatePersonInput');
  const ReactivatePersonInput = personIdInput('ReactivatePersonInput');

  const roleGrantInput = (name: string) =>
    builder.inputType(name, {
      fields: (t) => ({
        personId: t.id({ required: true }),
        role: t.field({ type: RoleEnum, required: true }),
        orgUnitId: t.id({ required: true }),
      }),
    });
  const GrantRoleInput = roleGrantInput('GrantRoleInput');
  const RevokeRoleInput = roleGrantInput('RevokeRoleInput');

  const service = (ctx: LoggedInContext) =>
    new PersonService(ctx.em, ctx.viewer, (change) => ctx.hub.publishSessionChange(change));
  const personRef = (id: string) => decodeId('Person', id);
  const grant = (input: { personId: string; role: RoleRecord['role']; orgUnitId: string }) => ({
    personId: personRef(input.personId),
    role: input.role,
    orgUnitId: decodeId('OrgUnit', input.orgUnitId),
  });

  builder.mutationFields((t) => ({
    createPerson: inputMutation(t, PersonPayload, CreatePersonInput, (input, ctx) =>
      service(ctx).createPerson({
        ...input,
        roles: input.roles.map((r) => ({ role: r.role, orgUnitId: decodeId('OrgUnit', r.orgUnitId) })),
      }),
    ),
    updatePerson: inputMutation(t, PersonPayload, UpdatePersonInput, (input, ctx) =>
      service(ctx).updatePerson({ ...input, personId: personRef(input.personId) }),
    ),
    deactivatePerson: inputMutation(
      t,
      PersonPayload,
      DeactivatePersonInput,
      (input, ctx) => service(ctx).setPersonActive({ personId: personRef(input.personId) }, false),
      'The person can no longer log in and their tokens stop working; their history stays',
    ),
    reactivatePerson: inputMutation(t, PersonPayload, ReactivatePersonInput, (input, ctx) =>
      service(ctx).setPersonActive({ personId: personRef(input.personId) }, true),
    ),
    grantRole: inputMutation(t, PersonPayload, GrantRoleInput, (input, ctx) => service(ctx).grantRole(grant(input))),
    revokeRole: inputMutation(t, PersonPayload, RevokeRoleInput, (input, ctx) => service(ctx).revokeRole(grant(input))),
  }));
}
