/**
 * Live counts for one activity page: `activitySignUps(activityId)` over graphql-ws sends the activity now,
 * then again after each sign-up, cancellation, check-in or edit. The panel's shared live client carries wish
 * events only, so the page keeps its own small socket while it is open; it reconnects by itself.
 */
import { createClient } from 'graphql-ws';
import { useEffect, useState } from 'react';
import { getToken } from '../auth/session.ts';
import { liveUrl } from '../live/live-client.ts';
import type { ActivityRecord } from './activity-statuses.ts';
import { ACTIVITY_PEOPLE_FIELDS } from './queries.ts';

export type LiveActivity = Pick<
  ActivityRecord,
  'id' | 'status' | 'capacity' | 'signedUpCount' | 'checkedInCount' | 'placesLeft' | 'signUps' | 'checkIns'
>;

export type LiveActivityStatus = 'connecting' | 'connected' | 'reconnecting';

const SUBSCRIPTION = `subscription ActivitySignUps($activityId: ID!) {
  activitySignUps(activityId: $activityId) {
    id status capacity signedUpCount checkedInCount placesLeft ${ACTIVITY_PEOPLE_FIELDS}
  }
}`;

export function useLiveActivity(activityId: string | undefined): {
  live: LiveActivity | null;
  status: LiveActivityStatus;
} {
  const [live, setLive] = useState<LiveActivity | null>(null);
  const [status, setStatus] = useState<LiveActivityStatus>('connecting');
  useEffect(() => {
    if (!activityId) return undefined;
    setLive(null);
    setStatus('connecting');
    let everConnected = false;
    const client = createClient({
      url: liveUrl(),
      connectionParams: () => ({ authorization: `Bearer ${getToken() ?? ''}` }),
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: async (retries) => {
        await new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** Math.min(retries, 5))));
      },
      on: {
        connected: () => {
          everConnected = true;
          setStatus('connected');
        },
        closed: () => setStatus(everConnected ? 'reconnecting' : 'connecting'),
      },
    });
    // After a reconnect the subscription starts again with the activity as it is now: nothing is missed.
    const dispose = client.subscribe<{ activitySignUps: LiveActivity }>(
      { query: SUBSCRIPTION, variables: { activityId } },
      {
        next: (message) => {
          const activity = message.data?.activitySignUps;
          if (activity) setLive(activity);
        },
        error: () => setStatus('reconnecting'),
        complete: () => undefined,
      },
    );
    return () => {
      dispose();
      void client.dispose();
    };
  }, [activityId]);
  return { live, status };
}
