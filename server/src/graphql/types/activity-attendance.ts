/**
 * Attendance of activities: sign-ups and check-ins (types and mutations), the participation figures, and the
 * live counts of one activity. schema.ts calls the `register…` functions in the published order (Pothos prints
 * each kind in the order it was registered).
 */

import type { PersonRecord } from '../../domain/organisation/person.queries.ts';
import { maySeeParticipation } from '../../domain/volunteering/activity.policy.ts';
import { findActivity, requireActivity } from '../../domain/volunteering/activity.queries.ts';
import {
  type CheckInView,
  type MonthlyParticipation,
  type Participation,
  participation,
  type SignUpView,
} from '../../domain/volunteering/attendance.queries.ts';
import { AttendanceService } from '../../domain/volunteering/attendance.service.ts';
import { activityIterator } from '../../realtime/activity-stream.ts';
import { builder } from '../builder.ts';
import type { Context, LoggedInContext } from '../context.ts';
import { optionalRef, ref } from '../ids.ts';
import { ActivityPayload, ActivityRef, SignUpStatusEnum } from './activity.ts';
import { PersonRef } from './person.ts';

export const ActivitySignUpRef = builder.objectRef<SignUpView>('ActivitySignUp');
export const ActivityCheckInRef = builder.objectRef<CheckInView>('ActivityCheckIn');
const MonthlyParticipationRef = builder.objectRef<MonthlyParticipation>('MonthlyParticipation');
const ParticipationRef = builder.objectRef<Participation>('ActivityParticipation');

const person = async (ctx: Context, id: number) => (await ctx.loaders.person.load(id)) as PersonRecord;

/** ActivitySignUp and ActivityCheckIn. */
export function registerAttendanceTypes(): void {
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
}

/** MonthlyParticipation and ActivityParticipation. */
export function registerParticipationTypes(): void {
  MonthlyParticipationRef.implement({
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
  ParticipationRef.implement({
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
}

const service = (ctx: LoggedInContext) =>
  new AttendanceService(ctx.em, ctx.viewer, (id) => ctx.hub.publishActivity(id));

/** The inputs of the sign-up and check-in mutations, and the mutations (printed in the same order). */
export function registerAttendanceMutations(): void {
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
    signUpForActivity: t.withAuth({ loggedIn: true }).field({
      type: ActivityPayload,
      description: 'The viewer signs up: full, started or cancelled → BAD_USER_INPUT; a second sign-up → CONFLICT',
      args: { input: t.arg({ type: SignUpForActivityInput, required: true }) },
      resolve: (_r, { input }, ctx) => service(ctx).signUp({ activityId: ref('Activity', input.activityId) }),
    }),
    cancelActivitySignUp: t.withAuth({ loggedIn: true }).field({
      type: ActivityPayload,
      description: 'The viewer withdraws their sign-up, before the activity starts',
      args: { input: t.arg({ type: CancelActivitySignUpInput, required: true }) },
      resolve: (_r, { input }, ctx) => service(ctx).cancelSignUp({ activityId: ref('Activity', input.activityId) }),
    }),
    checkInToActivity: t.withAuth({ loggedIn: true }).field({
      type: ActivityPayload,
      description: 'Record attendance (a secretary of the organiser unit or above, or STREET_ADMIN)',
      args: { input: t.arg({ type: CheckInToActivityInput, required: true }) },
      resolve: (_r, { input }, ctx) =>
        service(ctx).checkIn({
          activityId: ref('Activity', input.activityId),
          personId: ref('Person', input.personId),
          hours: input.hours,
        }),
    }),
  }));
}

/** The participation figures, and the live counts of one activity. */
export function registerAttendanceQueries(): void {
  builder.queryFields((t) => ({
    activityParticipation: t.field({
      type: ParticipationRef,
      description:
        "Participation in the activities organised in a unit's subtree (default: the whole street) that start " +
        'in [from, to): for staff and display screens (no personal data)',
      authScopes: (_root, _args, ctx) => ctx.viewer !== null && maySeeParticipation(ctx.viewer),
      args: { orgUnitId: t.arg.id(), from: t.arg({ type: 'DateTime' }), to: t.arg({ type: 'DateTime' }) },
      resolve: (_root, args, ctx) =>
        participation(ctx.em, { ...args, orgUnitId: optionalRef('OrgUnit', args.orgUnitId) }, new Date()),
    }),
  }));

  builder.subscriptionFields((t) => ({
    activitySignUps: t.withAuth({ loggedIn: true }).field({
      type: ActivityRef,
      description: 'The activity now, then again after each sign-up, cancellation, check-in or edit',
      args: { activityId: t.arg.id({ required: true }) },
      subscribe: async (_root, args, ctx) => {
        const { id } = await requireActivity(ctx.em, ctx.viewer, ref('Activity', args.activityId));
        return activityIterator({ hub: ctx.hub, activityId: id, read: () => findActivity(ctx.em, ctx.viewer, id) });
      },
      resolve: (activity, _args, ctx) => {
        // Each delivered state shows its organiser and people as they are now, not as an earlier one cached them.
        ctx.loaders.clear();
        return activity;
      },
    }),
  }));
}
