/**
 * Activity: the type (with its sign-ups and check-ins, see activity-attendance.ts), the clients' connection,
 * the staff list, and the mutations that create, edit, cancel and finish activities. schema.ts calls the
 * `register…` functions in the published order (Pothos prints each kind in the order it was registered).
 */

import type { OrgUnitRecord } from '../../domain/organisation/org-unit.queries.ts';
import { canManageActivity, canRecordCheckIns, canSeeAttendees } from '../../domain/volunteering/activity.policy.ts';
import {
  type ActivityPage,
  type ActivityView,
  findActivity,
  listActivities,
  listActivitiesForStaff,
} from '../../domain/volunteering/activity.queries.ts';
import { ActivityService } from '../../domain/volunteering/activity.service.ts';
import { checkInsOf, signUpsOf } from '../../domain/volunteering/attendance.queries.ts';
import { ACTIVITY_STATUSES, SIGN_UP_STATUSES } from '../../entities/activity.entity.ts';
import { builder, enumValues } from '../builder.ts';
import type { LoggedInContext } from '../context.ts';
import { encodeId, optionalRef, ref, refs } from '../ids.ts';
import { listArgs, listPage } from '../list.ts';
import { implementPayload, payloadRef } from '../payload.ts';
import { ActivityCheckInRef, ActivitySignUpRef } from './activity-attendance.ts';
import { MonthlyThemeRef } from './monthly-theme.ts';
import { OrgUnitRef } from './org-unit.ts';

export const ActivityStatusEnum = enumValues(ACTIVITY_STATUSES);
export const SignUpStatusEnum = enumValues(SIGN_UP_STATUSES);

export const ActivityRef = builder.objectRef<ActivityView>('Activity');
export const ActivityPayload = payloadRef('ActivityPayload');
const ActivityEdge = builder.objectRef<ActivityPage['edges'][number]>('ActivityEdge');
const ActivityConnection = builder.objectRef<ActivityPage>('ActivityConnection');
/**
 * The schema's one PageInfo type, implemented with the wish connection: its fields read `hasNextPage`,
 * `hasPreviousPage` and `edges[].cursor`, which an ActivityPage has too.
 */
const PageInfoRef = builder.objectRef<ActivityPage>('PageInfo');
builder.configStore.associateParamWithRef(PageInfoRef, 'PageInfo');

/** ActivityStatus and SignUpStatus. */
export function registerActivityEnums(): void {
  builder.enumType(ActivityStatusEnum, { name: 'ActivityStatus' });
  builder.enumType(SignUpStatusEnum, { name: 'SignUpStatus' });
}

export function registerActivity(): void {
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
        resolve: async (a, _args, ctx) => (await ctx.loaders.orgUnit.load(a.organizerId)) as OrgUnitRecord,
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
}

export const registerActivityPayload = () =>
  implementPayload(ActivityPayload, 'activity', ActivityRef, 'Activity', (ctx, id) =>
    findActivity(ctx.em, ctx.viewer, id),
  );

/** The clients' connection (cursor pages, soonest first). */
export function registerActivityConnection(): void {
  ActivityEdge.implement({
    fields: (t) => ({
      cursor: t.exposeString('cursor'),
      node: t.field({ type: ActivityRef, resolve: (e) => e.node }),
    }),
  });
  ActivityConnection.implement({
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount', { description: 'All activities matching the filter, across pages' }),
      pageInfo: t.field({ type: PageInfoRef, resolve: (p) => p }),
      edges: t.field({ type: [ActivityEdge], resolve: (p) => p.edges }),
    }),
  });
}

let filters: ReturnType<typeof defineFilters>;
const defineFilters = () => ({
  connection: builder.inputType('ActivityFilter', {
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
  }),
  list: builder.inputType('ActivityListFilter', {
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
  }),
});

/** ActivityFilter and ActivityListFilter. */
export function registerActivityFilters(): void {
  filters = defineFilters();
}

type FilterInput = { orgUnitId?: string | null; themeId?: string | null };
const filterRefs = <F extends FilterInput>(f: F) => ({
  ...f,
  orgUnitId: optionalRef('OrgUnit', f.orgUnitId),
  themeId: optionalRef('MonthlyTheme', f.themeId),
});

export function registerActivityQueries(): void {
  builder.queryFields((t) => ({
    activities: t.withAuth({ loggedIn: true }).field({
      type: ActivityConnection,
      description: 'Activities (public invitations), soonest first',
      args: { filter: t.arg({ type: filters.connection }), first: t.arg.int(), after: t.arg.string() },
      resolve: (_root, { filter, first, after }, ctx) =>
        listActivities(
          ctx.em,
          ctx.viewer,
          { filter: filter ? filterRefs(filter) : null, first: first ?? null, after: after ?? null },
          new Date(),
        ),
    }),
    activity: t.withAuth({ loggedIn: true }).field({
      type: ActivityRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx) => findActivity(ctx.em, ctx.viewer, ref('Activity', args.id)),
    }),
    activityList: t.withAuth({ loggedIn: true }).field({
      type: listPage('Activity', ActivityRef),
      description: 'Activities for staff screens (the list convention), latest first by default',
      args: listArgs(filters.list),
      resolve: (_root, { filter, ...args }, ctx) => {
        const refsOf = filter ? { ...filterRefs(filter), ids: refs('Activity', filter.ids) } : null;
        return listActivitiesForStaff(ctx.em, ctx.viewer, refsOf, args, new Date());
      },
    }),
  }));
}

const service = (ctx: LoggedInContext) => new ActivityService(ctx.em, ctx.viewer, (id) => ctx.hub.publishActivity(id));

/** The inputs of the activity mutations, and the mutations (printed in the same order). */
export function registerActivityMutations(): void {
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

  builder.mutationFields((t) => ({
    createActivity: t.withAuth({ loggedIn: true }).field({
      type: ActivityPayload,
      description: 'Staff of the organiser unit, a secretary above it, or STREET_ADMIN',
      args: { input: t.arg({ type: CreateActivityInput, required: true }) },
      resolve: (_r, { input }, ctx) =>
        service(ctx).create({
          ...input,
          themeId: optionalRef('MonthlyTheme', input.themeId),
          organizerId: ref('OrgUnit', input.organizerId),
        }),
    }),
    updateActivity: t.withAuth({ loggedIn: true }).field({
      type: ActivityPayload,
      description: 'Staff of the organiser unit, a secretary above it, or STREET_ADMIN; PLANNED activities only',
      args: { input: t.arg({ type: UpdateActivityInput, required: true }) },
      resolve: (_r, { input }, ctx) =>
        service(ctx).update({
          ...input,
          id: ref('Activity', input.id),
          themeId: optionalRef('MonthlyTheme', input.themeId),
          clearTheme: input.themeId === null,
          organizerId: optionalRef('OrgUnit', input.organizerId),
        }),
    }),
    cancelActivity: t.withAuth({ loggedIn: true }).field({
      type: ActivityPayload,
      description: 'Call a PLANNED activity off',
      args: { input: t.arg({ type: CancelActivityInput, required: true }) },
      resolve: (_r, { input }, ctx) => service(ctx).cancel({ id: ref('Activity', input.id), reason: input.reason }),
    }),
    finishActivity: t.withAuth({ loggedIn: true }).field({
      type: ActivityPayload,
      description: 'Close a started activity: check-ins end, sign-ups without one become no-shows',
      args: { input: t.arg({ type: FinishActivityInput, required: true }) },
      resolve: (_r, { input }, ctx) => service(ctx).finish({ id: ref('Activity', input.id) }),
    }),
  }));
}
