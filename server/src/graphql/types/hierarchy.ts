/** The "1 + 6 + N" organisation, people and wish categories. */

import { isUnder, STAFF_ROLES } from '../../domain/auth/viewer.ts';
import { notFound } from '../../domain/kernel/errors.ts';
import { pgArray } from '../../domain/kernel/sql.ts';
import { builder } from '../builder.ts';
import { decodeId, encodeId } from '../ids.ts';
import { type CategoryView, ORG_UNIT_COLUMNS, type OrgUnitView, type PersonView, type RoleView } from '../loaders.ts';
import { OrgUnitKindEnum, RoleEnum } from './enums.ts';

export const OrgUnitRef = builder.objectRef<OrgUnitView>('OrgUnit');
export const PersonRef = builder.objectRef<PersonView>('Person');
export const RoleAssignmentRef = builder.objectRef<RoleView>('RoleAssignment');
export const WishCategoryRef = builder.objectRef<CategoryView>('WishCategory');

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
  }),
});

RoleAssignmentRef.implement({
  fields: (t) => ({
    role: t.field({ type: RoleEnum, resolve: (r) => r.role }),
    orgUnit: t.field({
      type: OrgUnitRef,
      resolve: async (r, _args, ctx) => (await ctx.loaders.orgUnit.load(r.orgUnitId)) as OrgUnitView,
    }),
  }),
});

PersonRef.implement({
  description: 'A person: resident, party member, volunteer, staff member or display screen account.',
  fields: (t) => ({
    id: t.id({ resolve: (p) => encodeId('Person', p.id) }),
    displayName: t.exposeString('displayName'),
    username: t.string({
      nullable: true,
      description: 'Visible to the person and to staff',
      authScopes: (p, _args, ctx) => ctx.viewer?.personId === p.id || { staff: true },
      unauthorizedResolver: () => null,
      resolve: (p) => p.username,
    }),
    phone: t.string({
      nullable: true,
      description: 'Visible to the person and to staff',
      authScopes: (p, _args, ctx) => ctx.viewer?.personId === p.id || { staff: true },
      unauthorizedResolver: () => null,
      resolve: (p) => p.phone,
    }),
    roles: t.field({ type: [RoleAssignmentRef], resolve: (p, _args, ctx) => ctx.loaders.roles.load(p.id) }),
  }),
});

WishCategoryRef.implement({
  description: 'A kind of wish (data, like an Open311 service definition).',
  fields: (t) => ({
    id: t.id({ resolve: (c) => encodeId('WishCategory', c.id) }),
    code: t.exposeString('code'),
    name: t.exposeString('nameEn', { description: 'English name' }),
    nameZh: t.exposeString('nameZh', { description: 'Simplified Chinese name' }),
    dueInDays: t.exposeInt('dueInDays', { description: 'Target days from listing to done' }),
    defaultLevel: t.field({
      type: OrgUnitKindEnum,
      description: 'The level that usually handles it',
      resolve: (c) => c.defaultLevel as 'COMPOUND' | 'COMMUNITY' | 'STREET',
    }),
  }),
});

builder.queryFields((t) => ({
  orgUnits: t.field({
    type: [OrgUnitRef],
    description: 'Org units, optionally of one kind and/or directly under one parent',
    authScopes: { loggedIn: true },
    args: { kind: t.arg({ type: OrgUnitKindEnum }), parentId: t.arg.id() },
    resolve: async (_root, args, ctx) => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (args.kind) {
        where.push('kind = ?');
        params.push(args.kind);
      }
      if (args.parentId !== null && args.parentId !== undefined) {
        // A malformed or unknown parent has no children.
        where.push('parent_id = ?');
        params.push(decodeId('OrgUnit', String(args.parentId)) ?? -1);
      }
      return ctx.em.execute<OrgUnitView[]>(
        `select ${ORG_UNIT_COLUMNS} from org_unit ${where.length ? `where ${where.join(' and ')}` : ''} order by path`,
        params,
      );
    },
  }),
  orgUnit: t.field({
    type: OrgUnitRef,
    nullable: true,
    authScopes: { loggedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => {
      const id = decodeId('OrgUnit', String(args.id));
      return id === null ? null : ctx.loaders.orgUnit.load(id);
    },
  }),
  wishCategories: t.field({
    type: [WishCategoryRef],
    authScopes: { loggedIn: true },
    resolve: (_root, _args, ctx) =>
      ctx.em.execute<CategoryView[]>(
        `select id, code, name_zh as "nameZh", name_en as "nameEn", default_level as "defaultLevel", due_in_days as "dueInDays"
           from wish_category where active order by sort_order, id`,
      ),
  }),
  people: t.field({
    type: [PersonRef],
    description: "People attached to the unit or any unit below it, within the staff member's own subtrees",
    authScopes: { staff: true },
    args: { orgUnitId: t.arg.id({ required: true }), role: t.arg({ type: RoleEnum }) },
    resolve: async (_root, args, ctx) => {
      const viewer = ctx.viewer;
      const id = decodeId('OrgUnit', String(args.orgUnitId));
      const unit = id === null ? null : await ctx.loaders.orgUnit.load(id);
      if (!unit || !viewer) throw notFound('Org unit');
      const scopes = viewer.roles.filter((r) => STAFF_ROLES.includes(r.role)).map((r) => r.scopePath);
      // Within the asked subtree and within one of the viewer's: the deeper of the two prefixes.
      const prefixes = scopes.flatMap((s) => (isUnder(unit.path, s) ? [unit.path] : isUnder(s, unit.path) ? [s] : []));
      if (prefixes.length === 0) return [];
      return ctx.em.execute<PersonView[]>(
        `select p.id, p.username, p.display_name as "displayName", p.phone from person p
          where exists (select 1 from person_role r join org_unit u on u.id = r.org_unit_id
                         where r.person_id = p.id and u.path like any (?::text[]) ${args.role ? 'and r.role = ?' : ''})
          order by p.display_name, p.id`,
        [pgArray(prefixes.map((p) => `${p}%`)), ...(args.role ? [args.role] : [])],
      );
    },
  }),
}));
