export const ACTIVITY_STATUSES = ['PLANNED', 'FINISHED', 'CANCELLED'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const activityStatusChoices = ACTIVITY_STATUSES.map((id) => ({ id, name: `wishgrid.activities.status.${id}` }));

/** Check-in opens two hours before the start (as the server has it): people arrive early. */
export const CHECK_IN_OPENS_BEFORE_MS = 2 * 3_600_000;

export interface ActivityRecord {
  id: string;
  title: string;
  description?: string | null;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  pointsPerParticipant: number;
  status: ActivityStatus;
  signedUpCount: number;
  checkedInCount: number;
  placesLeft: number;
  canManage: boolean;
  canRecordCheckIns: boolean;
  version: number;
  theme: { id: string; year: number; month: number; title: string } | null;
  organizer: { id: string; name: string; nameZh: string; kind: string };
  signUps?: SignUp[] | null;
  checkIns?: CheckIn[] | null;
}

export interface SignUp {
  person: { id: string; displayName: string };
  status: 'SIGNED_UP' | 'CANCELLED';
  signedUpAt: string;
  cancelledAt: string | null;
  checkedIn: boolean;
}

export interface CheckIn {
  person: { id: string; displayName: string };
  hours: number | null;
  walkIn: boolean;
  at: string;
  recordedBy: { id: string; displayName: string };
}

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
