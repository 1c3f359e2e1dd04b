/**
 * Service brands, monthly themes and volunteer activities: sign-up, check-in, live counts and the
 * participation figures.
 */

import { hasRole, isStaff, type Viewer } from '../../domain/auth/viewer.ts';
import { notFound, unauthenticated } from '../../domain/kernel/errors.ts';
import {
  type ActivityPage,
  type ActivityView,
  activitiesOfTheme,
  type BrandView,
  type CheckInView,
  canManageActivity,
  canRecordCheckIns,
  canSeeAttendees,
  checkInsOf,
  findActivity,
  findActivityById,
  findBrand,
  findBrands,
  findTheme,
  findThemes,
  listActivities,
  listActivitiesForStaff,
  listBrands,
  listThemes,
  type MonthlyParticipation,
  type Participation,
  participation,
  type SignUpView,
  signUpsOf,
  type ThemeView,
} from '../../domain/volunteering/activity.queries.ts';
import { ActivityService } from '../../domain/volunteering/activity.service.ts';
import { ACTIVITY_STATUSES, SIGN_UP_STATUSES } from '../../entities/activity.entity.ts';
import { activityIterator } from '../../realtime/activity-stream.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { decodeId, encodeId } from '../ids.ts';
import { ListSortInput, listPage } from '../list.ts';
import type { OrgUnitView, PersonView } from '../loaders.ts';
import { OrgUnitRef, PersonRef } from './hierarchy.ts';

export const ServiceBrandRef = builder.objectRef<BrandView>('ServiceBrand');
export const MonthlyThemeRef = builder.objectRef<ThemeView>('MonthlyTheme');
export const ActivityRef = builder.objectRef<ActivityView>('Activity');
const ActivitySignUpRef = builder.objectRef<SignUpView>('ActivitySignUp');
const ActivityCheckInRef = builder.objectRef<CheckInView>('ActivityCheckIn');

export const ActivityStatusEnum = builder.enumType('ActivityStatus', { values: ACTIVITY_STATUSES });
export const SignUpStatusEnum = builder.enumType('SignUpStatus', { values: SIGN_UP_STATUSES });

/** Resolvers run behind `loggedIn`; this only narrows the type. */
function viewerOf(ctx: Context): Viewer {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

const service = (ctx: Context) => new ActivityService(ctx.em, ctx.viewer, (id) => ctx.hub.publishActivity(id));

/** Keeps null (clear) apart from undefined (leave as it is) for optional ids. */
function idArg(value: string | number | null | undefined): string | null | undefined {
  return value === null || value === undefined ? value : String(value);
}

const person = async (ctx: Context, id: number) => (await ctx.loaders.person.load(id)) as PersonView;

ServiceBrandRef.implement({
  description: 'A standing volunteer service brand (e.g. 邻里节, 应急演练, 红色星期六).',
  fields: (t) => ({
    id: t.id({ resolve: (b) => encodeId('ServiceBrand', b.id) }),
    code: t.exposeString('code'),
    name: t.exposeString('nameEn', { description: 'English name' }),
    nameZh: t.exposeString('nameZh', { description: 'Simplified Chinese name' }),
    nameEn: t.exposeString('nameEn', { description: 'English name (the same as name)' }),
    description: t.exposeString('description', { nullable: true }),
    active: t.exposeBoolean('active', { description: 'Inactive brands are kept for history but not offered' }),
  }),
});

MonthlyThemeRef.implement({
  description: "The street's volunteer theme of one month (one per month).",
  fields: (t) => ({
    id: t.id({ resolve: (m) => encodeId('MonthlyTheme', m.id) }),
    year: t.exposeInt('year'),
    month: t.exposeInt('month', { description: '1–12' }),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    goals: t.exposeString('goals', { nullable: true }),
    brand: t.field({ type: ServiceBrandRef, nullable: true, resolve: (m) => m.brand }),
    activities: t.field({
      type: [ActivityRef],
      description: 'The activities under this theme, soonest first',
      resolve: (m, _a, ctx) => activitiesOfTheme(ctx.em, viewerOf(ctx).personId, m.id),
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (m) => m.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (m) => m.updatedAt }),
    version: t.exposeInt('version', { description: 'Send as expectedVersion to refuse a stale update' }),
  }),
});

ActivityRef.implement({
  description: 'A volunteer activity: a public invitation under a monthly theme, run by an organiser unit.',
  fields: (t) => ({
    id: t.id({ resolve: (a) => encodeId('Activity', a.id) }),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    place: t.exposeString('place'),
    startsAt: t.field({ type: 'DateTime', resolve: (a) => a.startsAt }),
    endsAt: t.field({ type: 'DateTime', resolve: (a) => a.endsAt }),
    capacity: t.exposeInt('capacity', { description: 'How many people may sign up' }),
    pointsPerParticipant: t.exposeInt('pointsPerParticipant', {
      description: 'Points a party member earns by attending',
    }),
    status: t.field({ type: ActivityStatusEnum, resolve: (a) => a.status }),
    signedUpCount: t.exposeInt('signedUpCount', { description: 'Active sign-ups' }),
    checkedInCount: t.exposeInt('checkedInCount', { description: 'People checked in (walk-ins included)' }),
    placesLeft: t.int({ resolve: (a) => Math.max(0, a.capacity - a.signedUpCount) }),
    theme: t.field({ type: MonthlyThemeRef, nullable: true, resolve: (a) => a.theme }),
    organizer: t.field({
      type: OrgUnitRef,
      description: 'The unit that runs the activity',
      resolve: async (a, _args, ctx) => (await ctx.loaders.orgUnit.load(a.organizerId)) as OrgUnitView,
    }),
    mySignUp: t.field({
      type: SignUpStatusEnum,
      nullable: true,
      description: "The viewer's own sign-up: null if they never signed up",
      resolve: (a) => a.mySignUp,
    }),
    signUps: t.field({
      type: [ActivitySignUpRef],
      nullable: true,
      description: "Who signed up (cancelled ones included): for staff of the organiser's area, null for others",
      resolve: (a, _args, ctx) =>
        ctx.viewer && canSeeAttendees(ctx.viewer, a.organizerPath) ? signUpsOf(ctx.em, a.id) : null,
    }),
    checkIns: t.field({
      type: [ActivityCheckInRef],
      nullable: true,
      description: "Who attended: for staff of the organiser's area, null for others",
      resolve: (a, _args, ctx) =>
        ctx.viewer && canSeeAttendees(ctx.viewer, a.organizerPath) ? checkInsOf(ctx.em, a.id) : null,
    }),
    canManage: t.boolean({
      description: 'Whether the viewer may edit, cancel or finish it',
      resolve: (a, _args, ctx) =>
        ctx.viewer !== null && canManageActivity(ctx.viewer, { id: a.organizerId, path: a.organizerPath }),
    }),
    canRecordCheckIns: t.boolean({
      description: 'Whether the viewer may record check-ins',
      resolve: (a, _args, ctx) => ctx.viewer !== null && canRecordCheckIns(ctx.viewer, a.organizerPath),
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (a) => a.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (a) => a.updatedAt }),
    version: t.exposeInt('version', { description: 'Send as expectedVersion to refuse a stale update' }),
  }),
});

ActivitySignUpRef.implement({
  fields: (t) => ({
    person: t.field({ type: PersonRef, resolve: (s, _a, ctx) => person(ctx, s.personId) }),
    status: t.field({ type: SignUpStatusEnum, resolve: (s) => s.status }),
    signedUpAt: t.field({ type: 'DateTime', resolve: (s) => s.signedUpAt }),
    cancelledAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.cancelledAt }),
    checkedIn: t.exposeBoolean('checkedIn'),
  }),
});

ActivityCheckInRef.implement({
  fields: (t) => ({
    person: t.field({ type: PersonRef, resolve: (c, _a, ctx) => person(ctx, c.personId) }),
    hours: t.exposeFloat('hours', { nullable: true, description: 'Hours served' }),
    walkIn: t.exposeBoolean('walkIn', { description: 'Came without an active sign-up' }),
    recordedBy: t.field({ type: PersonRef, resolve: (c, _a, ctx) => person(ctx, c.recordedById) }),
    at: t.field({ type: 'DateTime', resolve: (c) => c.at }),
  }),
});

// ---- The clients' activity connection ----

/**
 * The schema's one PageInfo type, implemented with the wish connection: its fields read `hasNextPage`,
 * `hasPreviousPage` and `edges[].cursor`, which an ActivityPage has too.
 */
const PageInfoRef = builder.objectRef<ActivityPage>('PageInfo');
builder.configStore.associateParamWithRef(PageInfoRef, 'PageInfo');

const ActivityEdge = builder.objectRef<ActivityPage['edges'][number]>('ActivityEdge').implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: ActivityRef, resolve: (e) => e.node }),
  }),
});

const ActivityConnection = builder.objectRef<ActivityPage>('ActivityConnection').implement({
  fields: (t) => ({
    totalCount: t.exposeInt('totalCount', { description: 'All activities matching the filter, across pages' }),
    pageInfo: t.field({ type: PageInfoRef, resolve: (p) => p }),
    edges: t.field({ type: [ActivityEdge], resolve: (p) => p.edges }),
  }),
});

const ActivityFilter = builder.inputType('ActivityFilter', {
  fields: (t) => ({
    orgUnitId: t.id({ description: "Organised in that unit's subtree" }),
    themeId: t.id(),
    from: t.field({ type: 'DateTime', description: 'Starting at or after this time' }),
    to: t.field({ type: 'DateTime', description: 'Starting before this time' }),
    upcoming: t.boolean({
      description: 'true: starts after now and is not cancelled; false: has started',
    }),
    status: t.field({ type: [ActivityStatusEnum] }),
  }),
});

const ActivityListFilter = builder.inputType('ActivityListFilter', {
  fields: (t) => ({
    ids: t.idList(),
    q: t.string({ description: 'Text in the title, place or description' }),
    orgUnitId: t.id({ description: "Organised in that unit's subtree" }),
    themeId: t.id(),
    from: t.field({ type: 'DateTime', description: 'Starting at or after this time' }),
    to: t.field({ type: 'DateTime', description: 'Starting before this time' }),
    upcoming: t.boolean({ description: 'true: starts after now and is not cancelled; false: has started' }),
    status: t.field({ type: [ActivityStatusEnum] }),
    manageable: t.boolean({ description: 'Only activities the viewer may edit' }),
  }),
});

const MonthlyThemeListFilter = builder.inputType('MonthlyThemeListFilter', {
  fields: (t) => ({
    ids: t.idList(),
    q: t.string({ description: 'Text in the title, description or goals' }),
    year: t.int(),
    month: t.int(),
    brandId: t.id(),
  }),
});

const ServiceBrandListFilter = builder.inputType('ServiceBrandListFilter', {
  fields: (t) => ({
    ids: t.idList(),
    q: t.string({ description: 'Text in the code or names' }),
    active: t.boolean(),
  }),
});

const filterOf = (f: typeof ActivityFilter.$inferInput | null | undefined) => ({
  ...f,
  orgUnitId: f?.orgUnitId?.toString() ?? null,
  themeId: f?.themeId?.toString() ?? null,
});

// ---- Participation ----

const MonthlyParticipationRef = builder.objectRef<MonthlyParticipation>('MonthlyParticipation').implement({
  description: 'Participation in the activities that start in one month (street time)',
  fields: (t) => ({
    year: t.exposeInt('year'),
    month: t.exposeInt('month'),
    activities: t.exposeInt('activities'),
    signUps: t.exposeInt('signUps'),
    attendances: t.exposeInt('attendances'),
    uniqueParticipants: t.exposeInt('uniqueParticipants', { description: 'Distinct people within this month' }),
    walkIns: t.exposeInt('walkIns'),
    noShows: t.exposeInt('noShows'),
    hoursServed: t.exposeFloat('hoursServed'),
  }),
});

const ParticipationRef = builder.objectRef<Participation>('ActivityParticipation').implement({
  description:
    'Participation in the activities organised in a subtree over a period. `attendances` counts every check-in ' +
    '(one person at five activities counts five times: the sense of "participants exceeded 30,000"); ' +
    '`uniqueParticipants` counts distinct people.',
  fields: (t) => ({
    activities: t.exposeInt('activities', { description: 'Activities held or planned (cancelled ones left out)' }),
    signUps: t.exposeInt('signUps', { description: 'Active sign-ups' }),
    attendances: t.exposeInt('attendances', { description: 'Check-ins: person-activities attended' }),
    uniqueParticipants: t.exposeInt('uniqueParticipants', { description: 'Distinct people with a check-in' }),
    walkIns: t.exposeInt('walkIns', { description: 'Check-ins without an active sign-up' }),
    noShows: t.exposeInt('noShows', { description: 'Sign-ups to activities that are over, without a check-in' }),
    hoursServed: t.exposeFloat('hoursServed', { description: 'Sum of the hours recorded at check-in' }),
    byMonth: t.field({
      type: [MonthlyParticipationRef],
      description: 'The same figures per month; unique participants of the months do not add up to the total',
      resolve: (p) => p.byMonth,
    }),
  }),
});

builder.queryFields((t) => ({
  serviceBrands: t.field({
    type: [ServiceBrandRef],
    description: 'The volunteer service brands, active ones unless includeInactive',
    authScopes: { loggedIn: true },
    args: { includeInactive: t.arg.boolean() },
    resolve: (_root, args, ctx) => findBrands(ctx.em, { includeInactive: args.includeInactive === true }),
  }),
  serviceBrand: t.field({
    type: ServiceBrandRef,
    nullable: true,
    authScopes: { loggedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => findBrand(ctx.em, String(args.id)),
  }),
  serviceBrandList: t.field({
    type: listPage('ServiceBrand', ServiceBrandRef),
    description: 'Service brands for staff screens (the list convention)',
    authScopes: { loggedIn: true },
    args: {
      filter: t.arg({ type: ServiceBrandListFilter }),
      sort: t.arg({ type: ListSortInput }),
      offset: t.arg.int(),
      limit: t.arg.int(),
    },
    resolve: (_root, args, ctx) =>
      listBrands(ctx.em, args.filter ? { ...args.filter, ids: args.filter.ids?.map(String) ?? null } : null, args),
  }),
  monthlyThemes: t.field({
    type: [MonthlyThemeRef],
    description: 'The monthly themes of a year, by month',
    authScopes: { loggedIn: true },
    args: { year: t.arg.int({ required: true }) },
    resolve: (_root, args, ctx) => findThemes(ctx.em, { year: args.year }),
  }),
  monthlyTheme: t.field({
    type: MonthlyThemeRef,
    nullable: true,
    authScopes: { loggedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => findTheme(ctx.em, String(args.id)),
  }),
  monthlyThemeList: t.field({
    type: listPage('MonthlyTheme', MonthlyThemeRef),
    description: 'Monthly themes for staff screens (the list convention); sort "month" is chronological',
    authScopes: { loggedIn: true },
    args: {
      filter: t.arg({ type: MonthlyThemeListFilter }),
      sort: t.arg({ type: ListSortInput }),
      offset: t.arg.int(),
      limit: t.arg.int(),
    },
    resolve: (_root, args, ctx) =>
      listThemes(
        ctx.em,
        args.filter
          ? { ...args.filter, ids: args.filter.ids?.map(String) ?? null, brandId: idArg(args.filter.brandId) }
          : null,
        args,
      ),
  }),
  activities: t.field({
    type: ActivityConnection,
    description: 'Activities (public invitations), soonest first',
    authScopes: { loggedIn: true },
    args: { filter: t.arg({ type: ActivityFilter }), first: t.arg.int(), after: t.arg.string() },
    resolve: (_root, args, ctx) =>
      listActivities(
        ctx.em,
        viewerOf(ctx),
        { filter: args.filter ? filterOf(args.filter) : null, first: args.first ?? null, after: args.after ?? null },
        new Date(),
      ),
  }),
  activity: t.field({
    type: ActivityRef,
    nullable: true,
    authScopes: { loggedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => findActivity(ctx.em, viewerOf(ctx), String(args.id)),
  }),
  activityList: t.field({
    type: listPage('Activity', ActivityRef),
    description: 'Activities for staff screens (the list convention), latest first by default',
    authScopes: { loggedIn: true },
    args: {
      filter: t.arg({ type: ActivityListFilter }),
      sort: t.arg({ type: ListSortInput }),
      offset: t.arg.int(),
      limit: t.arg.int(),
    },
    resolve: (_root, args, ctx) =>
      listActivitiesForStaff(
        ctx.em,
        viewerOf(ctx),
        args.filter ? { ...filterOf(args.filter), ids: args.filter.ids?.map(String) ?? null } : null,
        args,
        new Date(),
      ),
  }),
  activityParticipation: t.field({
    type: ParticipationRef,
    description:
      "Participation in the activities organised in a unit's subtree (default: the whole street) that start " +
      'in [from, to): for staff and display screens (no personal data)',
    authScopes: (_root, _args, ctx) => ctx.viewer !== null && (isStaff(ctx.viewer) || hasRole(ctx.viewer, ['DISPLAY'])),
    args: { orgUnitId: t.arg.id(), from: t.arg({ type: 'DateTime' }), to: t.arg({ type: 'DateTime' }) },
    resolve: (_root, args, ctx) =>
      participation(
        ctx.em,
        { orgUnitId: idArg(args.orgUnitId) ?? null, from: args.from ?? null, to: args.to ?? null },
        new Date(),
      ),
  }),
}));

// ---- Mutations: parse, call the service, return the changed object. ----

const ActivityPayload = builder.objectRef<{ activityId: number }>('ActivityPayload').implement({
  fields: (t) => ({
    activity: t.field({
      type: ActivityRef,
      resolve: async (p, _a, ctx) => {
        const activity = await findActivityById(ctx.em, viewerOf(ctx).personId, p.activityId);
        if (!activity) throw notFound('Activity');
        return activity;
      },
    }),
  }),
});

const MonthlyThemePayload = builder.objectRef<{ themeId: number }>('MonthlyThemePayload').implement({
  fields: (t) => ({
    monthlyTheme: t.field({
      type: MonthlyThemeRef,
      resolve: async (p, _a, ctx) => {
        const [theme] = await findThemes(ctx.em, { ids: [p.themeId] });
        if (!theme) throw notFound('Monthly theme');
        return theme;
      },
    }),
  }),
});

const ServiceBrandPayload = builder.objectRef<{ brandId: number }>('ServiceBrandPayload').implement({
  fields: (t) => ({
    serviceBrand: t.field({
      type: ServiceBrandRef,
      resolve: async (p, _a, ctx) => {
        const [brand] = await findBrands(ctx.em, { ids: [p.brandId], includeInactive: true });
        if (!brand) throw notFound('Service brand');
        return brand;
      },
    }),
  }),
});

const DeleteMonthlyThemePayload = builder.objectRef<{ id: number }>('DeleteMonthlyThemePayload').implement({
  fields: (t) => ({ deletedId: t.id({ resolve: (p) => encodeId('MonthlyTheme', p.id) }) }),
});

const DeleteServiceBrandPayload = builder.objectRef<{ id: number }>('DeleteServiceBrandPayload').implement({
  fields: (t) => ({ deletedId: t.id({ resolve: (p) => encodeId('ServiceBrand', p.id) }) }),
});

const CreateServiceBrandInput = builder.inputType('CreateServiceBrandInput', {
  fields: (t) => ({
    code: t.string({ required: true, description: 'Unique: 1–50 letters, digits, "_" or "-"' }),
    nameZh: t.string({ required: true }),
    nameEn: t.string({ required: true }),
    description: t.string(),
    active: t.boolean({ description: 'Default true' }),
  }),
});
const UpdateServiceBrandInput = builder.inputType('UpdateServiceBrandInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    code: t.string(),
    nameZh: t.string(),
    nameEn: t.string(),
    description: t.string({ description: 'null clears it' }),
    active: t.boolean(),
  }),
});
const DeleteServiceBrandInput = builder.inputType('DeleteServiceBrandInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

const CreateMonthlyThemeInput = builder.inputType('CreateMonthlyThemeInput', {
  fields: (t) => ({
    year: t.int({ required: true }),
    month: t.int({ required: true, description: '1–12' }),
    title: t.string({ required: true }),
    brandId: t.id(),
    description: t.string(),
    goals: t.string(),
  }),
});
const UpdateMonthlyThemeInput = builder.inputType('UpdateMonthlyThemeInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    year: t.int(),
    month: t.int(),
    title: t.string(),
    brandId: t.id({ description: 'null clears it' }),
    description: t.string({ description: 'null clears it' }),
    goals: t.string({ description: 'null clears it' }),
    expectedVersion: t.int({ description: 'The version you edited: CONFLICT if it changed since' }),
  }),
});
const DeleteMonthlyThemeInput = builder.inputType('DeleteMonthlyThemeInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

const CreateActivityInput = builder.inputType('CreateActivityInput', {
  fields: (t) => ({
    themeId: t.id({ description: 'The theme of the month it starts in (street time)' }),
    organizerId: t.id({ required: true, description: 'The org unit that runs it' }),
    title: t.string({ required: true }),
    description: t.string(),
    place: t.string({ required: true }),
    startsAt: t.field({ type: 'DateTime', required: true }),
    endsAt: t.field({ type: 'DateTime', required: true }),
    capacity: t.int({ required: true, description: 'At least 1' }),
    pointsPerParticipant: t.int({ description: 'Default 0' }),
  }),
});
const UpdateActivityInput = builder.inputType('UpdateActivityInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    themeId: t.id({ description: 'null takes it out of its theme' }),
    organizerId: t.id(),
    title: t.string(),
    description: t.string({ description: 'null clears it' }),
    place: t.string(),
    startsAt: t.field({ type: 'DateTime' }),
    endsAt: t.field({ type: 'DateTime' }),
    capacity: t.int({ description: 'Not below the number already signed up' }),
    pointsPerParticipant: t.int(),
    expectedVersion: t.int({ description: 'The version you edited: CONFLICT if it changed since' }),
  }),
});
const CancelActivityInput = builder.inputType('CancelActivityInput', {
  fields: (t) => ({ id: t.id({ required: true }), reason: t.string() }),
});
const FinishActivityInput = builder.inputType('FinishActivityInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});
const SignUpForActivityInput = builder.inputType('SignUpForActivityInput', {
  fields: (t) => ({ activityId: t.id({ required: true }) }),
});
const CancelActivitySignUpInput = builder.inputType('CancelActivitySignUpInput', {
  fields: (t) => ({ activityId: t.id({ required: true }) }),
});
const CheckInToActivityInput = builder.inputType('CheckInToActivityInput', {
  fields: (t) => ({
    activityId: t.id({ required: true }),
    personId: t.id({ required: true }),
    hours: t.float({ description: "0 < hours ≤ 24; default: the activity's scheduled length" }),
  }),
});

builder.mutationFields((t) => ({
  createServiceBrand: t.field({
    type: ServiceBrandPayload,
    description: 'STREET_ADMIN',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: CreateServiceBrandInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({ brandId: await service(ctx).createBrand(input) }),
  }),
  updateServiceBrand: t.field({
    type: ServiceBrandPayload,
    description: 'STREET_ADMIN',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: UpdateServiceBrandInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      brandId: await service(ctx).updateBrand({ ...input, id: String(input.id) }),
    }),
  }),
  deleteServiceBrand: t.field({
    type: DeleteServiceBrandPayload,
    description: 'STREET_ADMIN; only a brand no theme uses (deactivate it otherwise)',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: DeleteServiceBrandInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({ id: await service(ctx).deleteBrand(String(input.id)) }),
  }),
  createMonthlyTheme: t.field({
    type: MonthlyThemePayload,
    description: 'STREET_ADMIN; one theme per month (CONFLICT for a second one)',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: CreateMonthlyThemeInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      themeId: await service(ctx).createTheme({ ...input, brandId: idArg(input.brandId) }),
    }),
  }),
  updateMonthlyTheme: t.field({
    type: MonthlyThemePayload,
    description: 'STREET_ADMIN',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: UpdateMonthlyThemeInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      themeId: await service(ctx).updateTheme({ ...input, id: String(input.id), brandId: idArg(input.brandId) }),
    }),
  }),
  deleteMonthlyTheme: t.field({
    type: DeleteMonthlyThemePayload,
    description: 'STREET_ADMIN; only a theme without activities',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: DeleteMonthlyThemeInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({ id: await service(ctx).deleteTheme(String(input.id)) }),
  }),
  createActivity: t.field({
    type: ActivityPayload,
    description: 'Staff of the organiser unit, a secretary above it, or STREET_ADMIN',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: CreateActivityInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      activityId: await service(ctx).createActivity({
        ...input,
        themeId: idArg(input.themeId),
        organizerId: String(input.organizerId),
      }),
    }),
  }),
  updateActivity: t.field({
    type: ActivityPayload,
    description: 'Staff of the organiser unit, a secretary above it, or STREET_ADMIN; PLANNED activities only',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: UpdateActivityInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      activityId: await service(ctx).updateActivity({
        ...input,
        id: String(input.id),
        themeId: idArg(input.themeId),
        organizerId: idArg(input.organizerId),
      }),
    }),
  }),
  cancelActivity: t.field({
    type: ActivityPayload,
    description: 'Call a PLANNED activity off',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: CancelActivityInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      activityId: await service(ctx).cancelActivity({ id: String(input.id), reason: input.reason ?? null }),
    }),
  }),
  finishActivity: t.field({
    type: ActivityPayload,
    description: 'Close a started activity: check-ins end, sign-ups without one become no-shows',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: FinishActivityInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      activityId: await service(ctx).finishActivity({ id: String(input.id) }),
    }),
  }),
  signUpForActivity: t.field({
    type: ActivityPayload,
    description: 'The viewer signs up: full, started or cancelled → BAD_USER_INPUT; a second sign-up → CONFLICT',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: SignUpForActivityInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      activityId: await service(ctx).signUp({ activityId: String(input.activityId) }),
    }),
  }),
  cancelActivitySignUp: t.field({
    type: ActivityPayload,
    description: 'The viewer withdraws their sign-up, before the activity starts',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: CancelActivitySignUpInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      activityId: await service(ctx).cancelSignUp({ activityId: String(input.activityId) }),
    }),
  }),
  checkInToActivity: t.field({
    type: ActivityPayload,
    description: 'Record attendance (a secretary of the organiser unit or above, or STREET_ADMIN)',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: CheckInToActivityInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      activityId: await service(ctx).checkIn({
        activityId: String(input.activityId),
        personId: String(input.personId),
        hours: input.hours ?? null,
      }),
    }),
  }),
}));

builder.subscriptionFields((t) => ({
  activitySignUps: t.field({
    type: ActivityRef,
    description: 'The activity now, then again after each sign-up, cancellation, check-in or edit',
    authScopes: { loggedIn: true },
    args: { activityId: t.arg.id({ required: true }) },
    subscribe: async (_root, args, ctx) => {
      const viewer = viewerOf(ctx);
      const id = decodeId('Activity', String(args.activityId));
      if (id === null || !(await findActivityById(ctx.em, viewer.personId, id))) throw notFound('Activity');
      return activityIterator({
        hub: ctx.hub,
        activityId: id,
        read: () => findActivityById(ctx.em, viewer.personId, id),
      });
    },
    resolve: (activity) => activity,
  }),
}));
