/**
 * Where activities hand over to the points ledger. Both hooks run inside the transaction of their cause
 * (a check-in, an activity marked finished), so whatever they write commits or rolls back with it.
 * The activity service only calls them; what they award is the points ledger's business.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { awardAttendance, deductNoShows } from '../points/points.service.ts';

export interface CheckedIn {
  activityId: number;
  personId: number;
  at: Date;
  /** The staff member who recorded the check-in. */
  actorId: number | null;
  /** Hours served, as recorded (the activity's scheduled length when the recorder gave none). */
  hours: number;
}

export interface ActivityFinished {
  activityId: number;
  at: Date;
  actorId: number | null;
}

/** A person was checked in to an activity (attendance points). */
export async function onCheckedIn(em: EntityManager, c: CheckedIn): Promise<void> {
  await awardAttendance(em, { activityId: c.activityId, personId: c.personId, at: c.at, actorId: c.actorId });
}

/** Staff marked an activity finished: sign-ups without a check-in are no-shows (deductions). */
export async function onActivityFinished(em: EntityManager, f: ActivityFinished): Promise<void> {
  await deductNoShows(em, { activityId: f.activityId, at: f.at });
}
