import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { OrgUnit } from './org-unit.entity.ts';
import { Person } from './person.entity.ts';

/** A standing volunteer service brand: 邻里节, 应急演练, 红色星期六. */
export const ServiceBrand = defineEntity({
  name: 'ServiceBrand',
  tableName: 'service_brand',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    code: p.string().length(50).unique(),
    nameZh: p.string().length(100),
    nameEn: p.string().length(100),
    description: p.text().nullable(),
    active: p.boolean().default(true),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  }),
});
export type IServiceBrand = InferEntity<typeof ServiceBrand>;

/** One theme per month per street. */
export const MonthlyTheme = defineEntity({
  name: 'MonthlyTheme',
  tableName: 'monthly_theme',
  uniques: [{ name: 'monthly_theme_street_month_unique', properties: ['street', 'year', 'month'] }],
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    street: () => p.manyToOne(OrgUnit),
    year: p.integer(),
    month: p.integer(),
    title: p.string().length(200),
    brand: () => p.manyToOne(ServiceBrand).nullable().index(),
    description: p.text().nullable(),
    goals: p.text().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    version: p.integer().default(1),
  }),
});
export type IMonthlyTheme = InferEntity<typeof MonthlyTheme>;

export const ACTIVITY_STATUSES = ['PLANNED', 'CANCELLED', 'FINISHED'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** A volunteer activity under a theme, run by an organiser unit. */
export const Activity = defineEntity({
  name: 'Activity',
  tableName: 'activity',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    theme: () => p.manyToOne(MonthlyTheme).nullable().index(),
    organizer: () => p.manyToOne(OrgUnit).index(),
    title: p.string().length(200),
    description: p.text().nullable(),
    place: p.string().length(200),
    startsAt: p.datetime().index(),
    endsAt: p.datetime(),
    capacity: p.integer(),
    pointsPerParticipant: p.integer().default(0),
    status: p
      .enum(() => ACTIVITY_STATUSES)
      .nativeEnumName('activity_status')
      .default('PLANNED'),
    createdBy: () => p.manyToOne(Person).nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    version: p.integer().default(1),
  }),
});
export type IActivity = InferEntity<typeof Activity>;

export const SIGN_UP_STATUSES = ['SIGNED_UP', 'CANCELLED'] as const;

/** One row per (activity, person); a cancelled sign-up can be renewed while there is room. */
export const ActivitySignUp = defineEntity({
  name: 'ActivitySignUp',
  tableName: 'activity_sign_up',
  uniques: [{ name: 'activity_sign_up_activity_person_unique', properties: ['activity', 'person'] }],
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    activity: () => p.manyToOne(Activity),
    person: () => p.manyToOne(Person).index(),
    status: p.enum(() => SIGN_UP_STATUSES).nativeEnumName('sign_up_status'),
    signedUpAt: p.datetime(),
    cancelledAt: p.datetime().nullable(),
  }),
});
export type IActivitySignUp = InferEntity<typeof ActivitySignUp>;

/** Attendance, recorded by staff of the organiser unit or above; a walk-in needs no sign-up. */
export const ActivityCheckIn = defineEntity({
  name: 'ActivityCheckIn',
  tableName: 'activity_check_in',
  uniques: [{ name: 'activity_check_in_activity_person_unique', properties: ['activity', 'person'] }],
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    activity: () => p.manyToOne(Activity),
    person: () => p.manyToOne(Person).index(),
    hours: p.double().nullable(),
    recordedBy: () => p.manyToOne(Person),
    at: p.datetime(),
  }),
});
export type IActivityCheckIn = InferEntity<typeof ActivityCheckIn>;
