/**
 * Live counts for one activity page: `activitySignUps(activityId)` on the panel's shared live socket sends
 * the activity now, then again after each sign-up, cancellation, check-in or edit. After a reconnect the
 * subscription starts again with the activity as it is now: nothing is missed.
 */
import { useEffect, useState } from 'react';
import type { ActivityPeopleFragment } from '../gql/graphql.ts';
import { live } from '../live/live-client.ts';
import { ACTIVITY_SIGN_UPS } from './queries.ts';

export type LiveActivity = ActivityPeopleFragment;

export function useLiveActivity(activityId: string | undefined): LiveActivity | null {
  const [activity, setActivity] = useState<LiveActivity | null>(null);
  useEffect(() => {
    if (!activityId) return undefined;
    setActivity(null);
    live.ensure();
    return live.subscribe(ACTIVITY_SIGN_UPS, { activityId }, (data) => setActivity(data.activitySignUps));
  }, [activityId]);
  return activity;
}
