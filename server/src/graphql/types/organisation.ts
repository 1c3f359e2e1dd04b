/**
 * Staff management of the organisation: more fields on OrgUnit, Person and WishCategory, their staff lists
 * (`orgUnitList`, `personList`, `wishCategoryList`) and the mutations for units, people, roles and categories.
 */

import type { Viewer } from '../../domain/auth/viewer.ts';
import type { ListArgs } from '../../domain/kernel/list.ts';
import { pgArray } from '../../domain/kernel/sql.ts';
import {
  CATEGORY_RECORD,
  type CategoryRecord,
  findCategoryRecord,
  findOrgUnitRecord,
  findVisiblePerson,
  listCategories,
  listOrgUnits,
  listPeople,
  ORG_UNIT_RECORD,
  type OrgUnitRecord,
  PERSON_RECORD,
  type PersonRecord,
} from '../../domain/organisation/organisation.queries.ts';
import { OrganisationService } from '../../domain/organisation/organisation.service.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { decodeId, encodeId } from '../ids.ts';
import { ListSortInput, listPage } from '../list.ts';
import type { CategoryView, OrgUnitView, PersonView } from '../loaders.ts';
import { OrgUnitKindEnum, RoleEnum } from './enums.ts';
import { OrgUnitRef, PersonRef, WishCategoryRef } from './hierarchy.ts';

// ---------------------------------------------------------------------------------------------------------
// Per-request batching for the fields this file adds (rows from the shared loaders lack their columns)

interface Batch {
  cache: Map<number, Promise<unknown>>;
  pending: { id: number; resolve: (v: unknown) => void; reject: (e: unknown) => void }[];
}

const batches = new WeakMap<object, Map<string, Batch>>();

/** Rows by their id. */
export const byId = <V extends { id: number }>(rows: readonly V[]) => new Map(rows.map((r) => [r.id, r]));

/**
 * Loads one row by id, batching all loads of the same `name` in one tick into one query, cached for the
 * request (keyed by the request's loaders).
 */
export function batchLoad<V>(
  ctx: Context,
  name: string,
  fetch: (ids: number[]) => Promise<Map<number, V>>,
  id: number,
): Promise<V | undefined> {
  let byName = batches.get(ctx.loaders);
  if (!byName) {
    byName = new Map();
    batches.set(ctx.loaders, byName);
  }
  let batch = byName.get(name);
  if (!batch) {
    batch = { cache: new Map(), pending: [] };
    byName.set(name, batch);
  }
  const hit = batch.cache.get(id);
  if (hit) return hit as Promise<V | undefined>;
  const b = batch;
  const promise = new Promise<unknown>((resolve, reject) => {
    if (b.pending.length === 0) {
      queueMicrotask(() => {
        const pending = b.pending;
        b.pending = [];
        fetch([...new Set(pending.map((p) => p.id))]).then(
          (found) => {
            for (const p of pending) p.resolve(found.get(p.id));
          },
          (err) => {
            for (const p of pending) p.reject(err);
          },
        );
      });
    }
    b.pending.push({ id, resolve, reject });
  });
  batch.cache.set(id, promise);
  return promise as Promise<V | undefined>;
}

/** The full record behind a unit row (list rows already are one; loader rows are not). */
async function unitRecord(ctx: Context, u: OrgUnitView): Promise<OrgUnitRecord> {
  const row = u as OrgUnitView & Partial<OrgUnitRecord>;
  if (row.version !== undefined) return row as OrgUnitRecord;
  const found = await batchLoad<OrgUnitRecord>(
    ctx,
    'orgUnitRecord',
    async (ids) =>
      byId(
        await ctx.em.execute<OrgUnitRecord[]>(`select ${ORG_UNIT_RECORD} from org_unit u where u.id = any(?::int[])`, [
          pgArray(ids),
        ]),
      ),
    u.id,
  );
  return found ?? { ...u, description: null, retiredAt: null, version: 1, createdAt: '', updatedAt: '' };
}

async function personRecord(ctx: Context, p: PersonView): Promise<PersonRecord | undefined> {
  const row = p as PersonView & Partial<PersonRecord>;
  if (row.active !== undefined && row.createdAt !== undefined) return row as PersonRecord;
  return batchLoad<PersonRecord>(
    ctx,
    'personRecord',
    async (ids) =>
      byId(
        await ctx.em.execute<PersonRecord[]>(`select ${PERSON_RECORD} from person p where p.id = any(?::int[])`, [
          pgArray(ids),
        ]),
      ),
    p.id,
  );
}

async function categoryRecord(ctx: Context, c: CategoryView): Promise<CategoryRecord | undefined> {
  const row = c as CategoryView & Partial<CategoryRecord>;
  if (row.active !== undefined && row.sortOrder !== undefined) return row as CategoryRecord;
  return batchLoad<CategoryRecord>(
    ctx,
    'categoryRecord',
    async (ids) =>
      byId(
        await ctx.em.execute<CategoryRecord[]>(
          `select ${CATEGORY_RECORD} from wish_category k where k.id = any(?::int[])`,
          [pgArray(ids)],
        ),
      ),
    c.id,
  );
}

const date = (value: string | Date | null | undefined) => (value ? new Date(value) : null);

// ---------------------------------------------------------------------------------------------------------
// Fields on the hierarchy's types

builder.objectFields(OrgUnitRef, (t) => ({
  description: t.string({ nullable: true, resolve: async (u, _a, ctx) => (await unitRecord(ctx, u)).description }),
  retiredAt: t.field({
    type: 'DateTime',
    nullable: true,
    description: 'Set when the unit was retired: it stays for history but takes no new work',
    resolve: async (u, _a, ctx) => date((await unitRecord(ctx, u)).retiredAt),
  }),
  version: t.int({
    description: 'Grows with every change: send it back as expectedVersion to refuse a stale update',
    resolve: async (u, _a, ctx) => (await unitRecord(ctx, u)).version,
  }),
  createdAt: t.field({
    type: 'DateTime',
    nullable: true,
    resolve: async (u, _a, ctx) => date((await unitRecord(ctx, u)).createdAt),
  }),
  updatedAt: t.field({
    type: 'DateTime',
    nullable: true,
    resolve: async (u, _a, ctx) => date((await unitRecord(ctx, u)).updatedAt),
  }),
}));

builder.objectFields(PersonRef, (t) => ({
  active: t.boolean({
    description: 'A deactivated person cannot log in; their history stays',
    resolve: async (p, _a, ctx) => (await personRecord(ctx, p))?.active ?? false,
  }),
  createdAt: t.field({
    type: 'DateTime',
    nullable: true,
    resolve: async (p, _a, ctx) => date((await personRecord(ctx, p))?.createdAt),
  }),
}));

builder.objectFields(WishCategoryRef, (t) => ({
  active: t.boolean({
    description: 'Inactive categories stay on old wishes but are not offered for new ones',
    resolve: async (c, _a, ctx) => (await categoryRecord(ctx, c))?.active ?? false,
  }),
  sortOrder: t.int({ resolve: async (c, _a, ctx) => (await categoryRecord(ctx, c))?.sortOrder ?? 0 }),
}));

// ---------------------------------------------------------------------------------------------------------
// Lists and single reads

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

const PersonListFilter = builder.inputType('PersonListFilter', {
  fields: (t) => ({
    ids: t.idList({ description: 'Only these people (react-admin getMany)' }),
    q: t.string({ description: 'Text in the display name, username or phone number' }),
    orgUnitId: t.id({ description: "People holding a role in this unit's subtree" }),
    role: t.field({ type: RoleEnum, description: 'People holding this role (in orgUnitId’s subtree, if given)' }),
    active: t.boolean(),
  }),
});

const WishCategoryListFilter = builder.inputType('WishCategoryListFilter', {
  fields: (t) => ({
    ids: t.idList({ description: 'Only these categories (react-admin getMany)' }),
    q: t.string({ description: 'Text in the code or the names' }),
    active: t.boolean(),
  }),
});

const listArgs = (args: {
  sort?: { field: string; order?: 'ASC' | 'DESC' | null } | null;
  offset?: number | null;
  limit?: number | null;
}): ListArgs => ({ sort: args.sort ?? null, offset: args.offset ?? null, limit: args.limit ?? null });

builder.queryFields((t) => ({
  orgUnitList: t.field({
    type: listPage('OrgUnit', OrgUnitRef),
    description: 'Org units for staff screens: filter, sort, offset pages and the total count',
    authScopes: { loggedIn: true },
    args: {
      filter: t.arg({ type: OrgUnitListFilter }),
      sort: t.arg({ type: ListSortInput }),
      offset: t.arg.int(),
      limit: t.arg.int(),
    },
    resolve: (_r, args, ctx) => listOrgUnits(ctx.em, args.filter, listArgs(args)),
  }),
  personList: t.field({
    type: listPage('Person', PersonRef),
    description: "People for staff screens, within the staff member's own subtrees (the street admin: everyone)",
    authScopes: { staff: true },
    args: {
      filter: t.arg({ type: PersonListFilter }),
      sort: t.arg({ type: ListSortInput }),
      offset: t.arg.int(),
      limit: t.arg.int(),
    },
    resolve: (_r, args, ctx) => listPeople(ctx.em, ctx.viewer as Viewer, args.filter, listArgs(args)),
  }),
  person: t.field({
    type: PersonRef,
    nullable: true,
    description: 'One person: yourself, or for staff someone holding a role in their subtrees; otherwise null',
    authScopes: { loggedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const id = decodeId('Person', String(args.id));
      return id === null ? null : findVisiblePerson(ctx.em, ctx.viewer as Viewer, id);
    },
  }),
  wishCategoryList: t.field({
    type: listPage('WishCategory', WishCategoryRef),
    description: 'Wish categories, active and inactive, for staff screens',
    authScopes: { loggedIn: true },
    args: {
      filter: t.arg({ type: WishCategoryListFilter }),
      sort: t.arg({ type: ListSortInput }),
      offset: t.arg.int(),
      limit: t.arg.int(),
    },
    resolve: (_r, args, ctx) => listCategories(ctx.em, args.filter, listArgs(args)),
  }),
  wishCategory: t.field({
    type: WishCategoryRef,
    nullable: true,
    authScopes: { loggedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const id = decodeId('WishCategory', String(args.id));
      return id === null ? null : findCategoryRecord(ctx.em, id);
    },
  }),
}));

// ---------------------------------------------------------------------------------------------------------
// Mutations

const OrgUnitPayload = builder.objectRef<{ orgUnitId: number }>('OrgUnitPayload').implement({
  fields: (t) => ({
    orgUnit: t.field({
      type: OrgUnitRef,
      resolve: async (p, _a, ctx) => (await findOrgUnitRecord(ctx.em, p.orgUnitId)) as OrgUnitRecord,
    }),
  }),
});

const DeleteOrgUnitPayload = builder.objectRef<{ orgUnitId: number }>('DeleteOrgUnitPayload').implement({
  fields: (t) => ({
    deletedId: t.id({ description: 'The id the unit had', resolve: (p) => encodeId('OrgUnit', p.orgUnitId) }),
  }),
});

const PersonPayload = builder.objectRef<{ personId: number }>('PersonPayload').implement({
  fields: (t) => ({
    person: t.field({
      type: PersonRef,
      resolve: async (p, _a, ctx) => {
        const [row] = await ctx.em.execute<PersonRecord[]>(`select ${PERSON_RECORD} from person p where p.id = ?`, [
          p.personId,
        ]);
        return row as PersonRecord;
      },
    }),
  }),
});

const WishCategoryPayload = builder.objectRef<{ categoryId: number }>('WishCategoryPayload').implement({
  fields: (t) => ({
    category: t.field({
      type: WishCategoryRef,
      resolve: async (p, _a, ctx) => (await findCategoryRecord(ctx.em, p.categoryId)) as CategoryRecord,
    }),
  }),
});

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

const PersonIdInput = (name: string) =>
  builder.inputType(name, { fields: (t) => ({ personId: t.id({ required: true }) }) });
const DeactivatePersonInput = PersonIdInput('DeactivatePersonInput');
const ReactivatePersonInput = PersonIdInput('ReactivatePersonInput');

const GrantRoleInput = builder.inputType('GrantRoleInput', {
  fields: (t) => ({
    personId: t.id({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    orgUnitId: t.id({ required: true }),
  }),
});

const RevokeRoleInput = builder.inputType('RevokeRoleInput', {
  fields: (t) => ({
    personId: t.id({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    orgUnitId: t.id({ required: true }),
  }),
});

const CreateWishCategoryInput = builder.inputType('CreateWishCategoryInput', {
  fields: (t) => ({
    code: t.string({ required: true, description: 'Unique: lowercase letters, digits and _ (e.g. noise)' }),
    nameZh: t.string({ required: true }),
    nameEn: t.string({ required: true }),
    defaultLevel: t.field({ type: OrgUnitKindEnum, required: true, description: 'COMPOUND, COMMUNITY or STREET' }),
    dueInDays: t.int({ required: true, description: 'Target days from listing to done, 1–365' }),
    sortOrder: t.int({ description: 'Default: after the last one' }),
  }),
});

const UpdateWishCategoryInput = builder.inputType('UpdateWishCategoryInput', {
  fields: (t) => ({
    categoryId: t.id({ required: true }),
    nameZh: t.string(),
    nameEn: t.string(),
    defaultLevel: t.field({ type: OrgUnitKindEnum }),
    dueInDays: t.int(),
    sortOrder: t.int(),
    active: t.boolean(),
  }),
});

const DeactivateWishCategoryInput = builder.inputType('DeactivateWishCategoryInput', {
  fields: (t) => ({ categoryId: t.id({ required: true }) }),
});

const service = (ctx: Context) => new OrganisationService(ctx.em, ctx.viewer);
const id = (value: string | number) => String(value);

builder.mutationFields((t) => ({
  createOrgUnit: t.field({
    type: OrgUnitPayload,
    description: 'Add a community, compound, grid or partner unit',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: CreateOrgUnitInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      orgUnitId: await service(ctx).createOrgUnit({ ...input, parentId: id(input.parentId) }),
    }),
  }),
  updateOrgUnit: t.field({
    type: OrgUnitPayload,
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: UpdateOrgUnitInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      orgUnitId: await service(ctx).updateOrgUnit({ ...input, orgUnitId: id(input.orgUnitId) }),
    }),
  }),
  moveOrgUnit: t.field({
    type: OrgUnitPayload,
    description: 'Re-parent a unit with its whole subtree',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: MoveOrgUnitInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      orgUnitId: await service(ctx).moveOrgUnit({
        orgUnitId: id(input.orgUnitId),
        parentId: id(input.parentId),
        expectedVersion: input.expectedVersion,
      }),
    }),
  }),
  retireOrgUnit: t.field({
    type: OrgUnitPayload,
    description:
      'Take a unit out of service, keeping its history. Refused (INVALID_TRANSITION) while it has open wishes, members, units in service below it, an active committee or planned activities',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: RetireOrgUnitInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      orgUnitId: await service(ctx).retireOrgUnit({ ...input, orgUnitId: id(input.orgUnitId) }),
    }),
  }),
  deleteOrgUnit: t.field({
    type: DeleteOrgUnitPayload,
    description: 'Remove a unit that nothing refers to (no wishes, members, units below, committees, activities)',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: DeleteOrgUnitInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      orgUnitId: await service(ctx).deleteOrgUnit({ ...input, orgUnitId: id(input.orgUnitId) }),
    }),
  }),
  createPerson: t.field({
    type: PersonPayload,
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: CreatePersonInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      personId: await service(ctx).createPerson({
        ...input,
        roles: input.roles.map((r) => ({ role: r.role, orgUnitId: id(r.orgUnitId) })),
      }),
    }),
  }),
  updatePerson: t.field({
    type: PersonPayload,
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: UpdatePersonInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      personId: await service(ctx).updatePerson({ ...input, personId: id(input.personId) }),
    }),
  }),
  deactivatePerson: t.field({
    type: PersonPayload,
    description: 'The person can no longer log in and their tokens stop working; their history stays',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: DeactivatePersonInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      personId: await service(ctx).setPersonActive({ personId: id(input.personId) }, false),
    }),
  }),
  reactivatePerson: t.field({
    type: PersonPayload,
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: ReactivatePersonInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      personId: await service(ctx).setPersonActive({ personId: id(input.personId) }, true),
    }),
  }),
  grantRole: t.field({
    type: PersonPayload,
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: GrantRoleInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      personId: await service(ctx).grantRole({
        personId: id(input.personId),
        role: input.role,
        orgUnitId: id(input.orgUnitId),
      }),
    }),
  }),
  revokeRole: t.field({
    type: PersonPayload,
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: RevokeRoleInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      personId: await service(ctx).revokeRole({
        personId: id(input.personId),
        role: input.role,
        orgUnitId: id(input.orgUnitId),
      }),
    }),
  }),
  createWishCategory: t.field({
    type: WishCategoryPayload,
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: CreateWishCategoryInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({ categoryId: await service(ctx).createCategory(input) }),
  }),
  updateWishCategory: t.field({
    type: WishCategoryPayload,
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: UpdateWishCategoryInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      categoryId: await service(ctx).updateCategory({ ...input, categoryId: id(input.categoryId) }),
    }),
  }),
  deactivateWishCategory: t.field({
    type: WishCategoryPayload,
    description: 'Stop offering a category for new wishes (old wishes keep it)',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: DeactivateWishCategoryInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      categoryId: await service(ctx).deactivateCategory({ categoryId: id(input.categoryId) }),
    }),
  }),
}));
