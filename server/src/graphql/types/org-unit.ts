/**
 * OrgUnit, a unit of the "1 + 6 + N" tree: the type with all its fields, its reads (`orgUnits`, `orgUnit`), the
 * staff list (`orgUnitList`) and the mutations (create, update, move, retire, delete). Each part registers where
 * the published schema lists it (organisation-and-committees.ts).
 */
import {
  findOrgUnit,
  listOrgUnits,
  type OrgUnitRecord,
  orgUnitsWhere,
} from '../../domain/organisation/org-unit.queries.ts';
import { OrgUnitService } from '../../domain/organisation/org-unit.service.ts';
import { ORG_UNIT_KINDS } from '../../entities/org-unit.entity.ts';
import { builder, enumValues } from '../builder.ts';
import type { LoggedInContext } from '../context.ts';
import { decodeId, encodeId, optionalRef, refs } from '../ids.ts';
import { listArgs, listPage } from '../list.ts';
import { inputMutation } from '../mutation.ts';
import { implementDeletedPayload, implementPayload, payloadRef } from '../payload.ts';
import { PropertyCommitteeRef, PropertyStatusEnum } from './property-committee.ts';

export const OrgUnitKindEnum = enumValues(ORG_UNIT_KINDS);
export const OrgUnitRef = builder.objectRef<OrgUnitRecord>('OrgUnit');
const OrgUnitPayload = payloadRef('OrgUnitPayload');
const DeleteOrgUnitPayload = payloadRef('DeleteOrgUnitPayload');

export function registerOrgUnitKind(): void {
  builder.enumType(OrgUnitKindEnum, { name: 'OrgUnitKind' });
}

export function registerOrgUnitType(): void {
  OrgUnitRef.implement({
    description: 'A unit of the street: the street itself, a community, a compound, a grid or a partner unit.',
    fields: (t) => ({
      id: t.id({ resolve: (u) => encodeId('OrgUnit', u.id) }),
      kind: t.field({ type: OrgUnitKindEnum, resolve: (u) => u.kind }),
      name: t.exposeString('name', { description: 'English name' }),
      nameZh: t.exposeString('nameZh', { description: 'Simplified Chinese name' }),
      population: t.exposeInt('population', { nullable: true }),
      households: t.exposeInt('households', { nullable: true }),
      hasPropertyManagement: t.exposeBoolean('hasPropertyManagement', {
        nullable: true,
        description: 'Compounds only: whether a property company manages it',
      }),
      partyOrganization: t.exposeString('partyOrganization', { nullable: true }),
      parent: t.field({
        type: OrgUnitRef,
        nullable: true,
        resolve: (u, _args, ctx) => (u.parentId === null ? null : ctx.loaders.orgUnit.load(u.parentId)),
      }),
      children: t.field({ type: [OrgUnitRef], resolve: (u, _args, ctx) => ctx.loaders.children.load(u.id) }),
      description: t.exposeString('description', { nullable: true }),
      retiredAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'Set when the unit was retired: it stays for history but takes no new work',
        resolve: (u) => u.retiredAt,
      }),
      version: t.exposeInt('version', {
        description: 'Grows with every change: send it back as expectedVersion to refuse a stale update',
      }),
      createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (u) => u.createdAt }),
      updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (u) => u.updatedAt }),
      propertyStatus: t.field({
        type: PropertyStatusEnum,
        nullable: true,
        description: 'Compounds only (null for other units): a property company, an active property committee, or none',
        resolve: async (u, _a, ctx) => {
          if (u.kind !== 'COMPOUND') return null;
          if (u.hasPropertyManagement) return 'MANAGED_BY_COMPANY';
          return (await ctx.loaders.activeCommittee.load(u.id)) ? 'COMMITTEE' : 'NONE';
        },
      }),
      propertyCommittee: t.field({
        type: PropertyCommitteeRef,
        nullable: true,
        description: "The compound's ACTIVE property committee, if any",
        resolve: (u, _a, ctx) => (u.kind === 'COMPOUND' ? ctx.loaders.activeCommittee.load(u.id) : null),
      }),
    }),
  });
}

/** `orgUnits` and `orgUnit`: the tree as every logged-in user reads it. */
export function registerOrgUnitReads(): void {
  builder.queryFields((t) => ({
    orgUnits: t.withAuth({ loggedIn: true }).field({
      type: [OrgUnitRef],
      description: 'Org units, optionally of one kind and/or directly under one parent',
      args: { kind: t.arg({ type: OrgUnitKindEnum }), parentId: t.arg.id() },
      resolve: (_root, args, ctx) =>
        orgUnitsWhere(ctx.em, { kind: args.kind, parentId: optionalRef('OrgUnit', args.parentId) }),
    }),
    orgUnit: t.withAuth({ loggedIn: true }).field({
      type: OrgUnitRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx) => {
        const id = decodeId('OrgUnit', args.id);
        return id === null ? null : ctx.loaders.orgUnit.load(id);
      },
    }),
  }));
}

/** `orgUnitList` and its filter. */
export function registerOrgUnitList(): void {
  const OrgUnitListFilter = builder.inputType('OrgUnitListFilter', {
    fields: (t) => ({
      ids: t.idList({ description: 'Only these units (react-admin getMany)' }),
      q: t.string({ description: 'Text in the English or Chinese name, or the party organisation' }),
      kind: t.field({ type: OrgUnitKindEnum }),
      parentId: t.id({ description: 'Directly under this unit' }),
      underId: t.id({ description: 'Anywhere below this unit (its subtree, without the unit itself)' }),
      retired: t.boolean({ description: 'true: only retired units; false: only units in service' }),
    }),
  });
  builder.queryFields((t) => ({
    orgUnitList: t.withAuth({ loggedIn: true }).field({
      type: listPage('OrgUnit', OrgUnitRef),
      description: 'Org units for staff screens: filter, sort, offset pages and the total count',
      args: listArgs(OrgUnitListFilter),
      resolve: (_r, { filter, ...args }, ctx) =>
        listOrgUnits(
          ctx.em,
          filter && {
            ...filter,
            ids: refs('OrgUnit', filter.ids),
            parentId: optionalRef('OrgUnit', filter.parentId),
            underId: optionalRef('OrgUnit', filter.underId),
          },
          args,
        ),
    }),
  }));
}

/** The staff mutations of org units, with their inputs and payloads. */
export function registerOrgUnitMutations(): void {
  implementPayload(OrgUnitPayload, 'orgUnit', OrgUnitRef, 'Org unit', (ctx, id) => findOrgUnit(ctx.em, id));
  implementDeletedPayload(DeleteOrgUnitPayload, 'OrgUnit', 'The id the unit had');

  const CreateOrgUnitInput = builder.inputType('CreateOrgUnitInput', {
    fields: (t) => ({
      kind: t.field({ type: OrgUnitKindEnum, required: true, description: 'COMMUNITY, COMPOUND, GRID or PARTNER' }),
      parentId: t.id({
        required: true,
        description: 'A COMMUNITY or PARTNER under the street, a COMPOUND under a community, a GRID under either',
      }),
      name: t.string({ required: true, description: 'English name, unique among its siblings' }),
      nameZh: t.string({ required: true, description: 'Simplified Chinese name' }),
      population: t.int({ description: 'People living there' }),
      households: t.int(),
      hasPropertyManagement: t.boolean({ description: 'Compounds only, and required for them' }),
      partyOrganization: t.string({ description: 'The party branch or group the unit carries' }),
      description: t.string(),
    }),
  });

  const UpdateOrgUnitInput = builder.inputType('UpdateOrgUnitInput', {
    fields: (t) => ({
      orgUnitId: t.id({ required: true }),
      name: t.string(),
      nameZh: t.string(),
      population: t.int({ description: 'null clears it' }),
      households: t.int({ description: 'null clears it' }),
      hasPropertyManagement: t.boolean({ description: 'Compounds only' }),
      partyOrganization: t.string({ description: 'null clears it' }),
      description: t.string({ description: 'null clears it' }),
      expectedVersion: t.int({ description: 'Refuse with CONFLICT if the unit changed since this version' }),
    }),
  });

  const MoveOrgUnitInput = builder.inputType('MoveOrgUnitInput', {
    fields: (t) => ({
      orgUnitId: t.id({ required: true }),
      parentId: t.id({ required: true, description: 'The new parent; the whole subtree moves along' }),
      expectedVersion: t.int(),
    }),
  });

  const RetireOrgUnitInput = builder.inputType('RetireOrgUnitInput', {
    fields: (t) => ({ orgUnitId: t.id({ required: true }), expectedVersion: t.int() }),
  });
  const DeleteOrgUnitInput = builder.inputType('DeleteOrgUnitInput', {
    fields: (t) => ({ orgUnitId: t.id({ required: true }), expectedVersion: t.int() }),
  });

  const service = (ctx: LoggedInContext) => new OrgUnitService(ctx.em, ctx.viewer);
  const unitRef = (id: string) => decodeId('OrgUnit', id);

  builder.mutationFields((t) => ({
    createOrgUnit: inputMutation(
      t,
      OrgUnitPayload,
      CreateOrgUnitInput,
      (input, ctx) => service(ctx).createOrgUnit({ ...input, parentId: unitRef(input.parentId) }),
      'Add a community, compound, grid or partner unit',
    ),
    updateOrgUnit: inputMutation(t, OrgUnitPayload, UpdateOrgUnitInput, (input, ctx) =>
      service(ctx).updateOrgUnit({ ...input, orgUnitId: unitRef(input.orgUnitId) }),
    ),
    moveOrgUnit: inputMutation(
      t,
      OrgUnitPayload,
      MoveOrgUnitInput,
      (input, ctx) =>
        service(ctx).moveOrgUnit({
          orgUnitId: unitRef(input.orgUnitId),
          parentId: unitRef(input.parentId),
          expectedVersion: input.expectedVersion,
        }),
      'Re-parent a unit with its whole subtree',
    ),
    retireOrgUnit: inputMutation(
      t,
      OrgUnitPayload,
      RetireOrgUnitInput,
      (input, ctx) => service(ctx).retireOrgUnit({ ...input, orgUnitId: unitRef(input.orgUnitId) }),
      'Take a unit out of service, keeping its history. Refused (INVALID_TRANSITION) while it has open wishes, members, units in service below it, an active committee or planned activities',
    ),
    deleteOrgUnit: inputMutation(
      t,
      DeleteOrgUnitPayload,
      DeleteOrgUnitInput,
      (input, ctx) => service(ctx).deleteOrgUnit({ ...input, orgUnitId: unitRef(input.orgUnitId) }),
      'Remove a unit that nothing refers to (no wishes, members, units below, committees, activities)',
    ),
  }));
}
