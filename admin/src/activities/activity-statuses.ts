import { enumChoices } from '../common/enum-choices.ts';
import type { ActivityDetailFragment, ActivityRowFragment, ActivityStatus } from '../gql/graphql.ts';

export type { ActivityStatus };

/** Each state of an activity, in display order, with its chip. */
export const ACTIVITY_STATUS_COLORS = {
  PLANNED: 'info',
  FINISHED: 'success',
  CANCELLED: 'default',
} as const satisfies Record<ActivityStatus, 'info' | 'success' | 'default'>;

export const activityStatusChoices = enumChoices(
  Object.keys(ACTIVITY_STATUS_COLORS) as ActivityStatus[],
  'wishgrid.activities.status',
);

/** Check-in opens two hours before the start (as the server has it): people arrive early. */
export const CHECK_IN_OPENS_BEFORE_MS = 2 * 3_600_000;

/** An activity as the list reads it, with the show page's details when read there. */
export type ActivityRecord = ActivityRowFragment & Partial<ActivityDetailFragment>;

export type SignUp = NonNullable<ActivityDetailFragment['signUps']>[number];

export type CheckIn = NonNullable<ActivityDetailFragment['checkIns']>[number];

/** What the viewer may do with the activity now (the server decides; this only hides useless buttons). */
export function activityActions(a: ActivityRecord, now: Date = new Date()) {
  const planned = a.status === 'PLANNED';
  const starts = new Date(a.startsAt).getTime();
  return {
    edit: planned && a.canManage,
    cancel: planned && a.canManage,
    finish: planned && a.canManage && starts <= now.getTime(),
    checkIn: planned && a.canRecordCheckIns && starts - CHECK_IN_OPENS_BEFORE_MS <= now.getTime(),
  };
}
