/**
 * Attendance: people sign up for activities (and withdraw), staff record who came. Sign-ups and check-ins are
 * decided under a row lock on the activity (`select … for update`), so capacity holds however many people sign
 * up at once. Each writes its change_event row in the same transaction; the activity is published after it.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.ts';
import { recordChange } from '../kernel/change-log.ts';
import { badInput, conflict, forbidden, invalidTransition, notFound } from '../kernel/errors.ts';
import { type IdRef, requiredRef } from '../kernel/input.ts';
import { isUniqueViolation } from '../kernel/pg-errors.ts';
import { onCheckedIn } from './activity.hooks.ts';
import { canRecordCheckIns, requireParticipant } from './activity.policy.ts';
import { type LockedActivity, lockActivity, requireActivity } from './activity.queries.ts';
import type { PublishActivity } from './activity.service.ts';
import { activeSignUps } from './attendance.queries.ts';
import { present } from './volunteering.input.ts';

/** Staff may start recording attendance this long before the start (people arrive early). */
const CHECK_IN_OPENS_BEFORE_MS = 2 * 3_600_000;

const UNIQUE_SIGN_UP = 'activity_sign_up_activity_person_unique';
const UNIQUE_CHECK_IN = 'activity_check_in_activity_person_unique';

export interface CheckInInput {
  activityId: IdRef;
  personId: IdRef;
  /** 0 < hours ≤ 24; the activity's scheduled length when left out. */
  hours?: number | null;
}

/** Sign-ups open until the start of a PLANNED activity. */
function requireSignUpsOpen(activity: LockedActivity, at: Date, closed: string): void {
  if (activity.status === 'CANCELLED') throw badInput('activityId', 'the activity was cancelled');
  if (activity.status === 'FINISHED' || new Date(activity.starts_at).getTime() <= at.getTime()) {
    throw badInput('activityId', `the activity has already started: ${closed}`);
  }
}

export class AttendanceService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer,
    private readonly publish: PublishActivity,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The viewer signs up. Full, started or cancelled → BAD_USER_INPUT; a second sign-up → CONFLICT. */
  async signUp(input: { activityId: IdRef }): Promise<number> {
    const viewer = this.viewer;
    const id = requiredRef(input.activityId, 'Activity');
    const at = this.now();
    try {
      await this.em.transactional(async (tem) => {
        // Every sign-up of this activity queues here: the count below cannot change until we commit.
        const activity = await lockActivity(tem, id);
        requireSignUpsOpen(activity, at, 'sign-ups are closed');
        const signedUp = await activeSignUps(tem, id);
        if (signedUp >= activity.capacity) {
          throw badInput('activityId', `the activity is full (${activity.capacity} places)`);
        }
        requireParticipant(viewer);
        const [mine] = await tem.execute<{ id: number; status: string }[]>(
          'select id, status from activity_sign_up where activity_id = ? and person_id = ?',
          [id, viewer.personId],
        );
        if (mine?.status === 'SIGNED_UP') throw conflict('You have already signed up for this activity');
        if (mine) {
          // A cancelled sign-up is renewed in place: one row per person and activity.
          await tem.execute(
            `update activity_sign_up set status = 'SIGNED_UP', signed_up_at = ?, cancelled_at = null where id = ?`,
            [at, mine.id],
          );
        } else {
          await tem.execute(
            `insert into activity_sign_up (activity_id, person_id, status, signed_up_at) values (?, ?, 'SIGNED_UP', ?)`,
            [id, viewer.personId, at],
          );
        }
        await recordChange(
          tem,
          {
            entityType: 'Activity',
            entityId: id,
            action: 'SIGN_UP',
            actorId: viewer.personId,
            data: { personId: viewer.personId, renewed: Boolean(mine) },
          },
          at,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error, UNIQUE_SIGN_UP)) throw conflict('You have already signed up for this activity');
      throw error;
    }
    this.publish(id);
    return id;
  }

  /** The viewer withdraws their own sign-up, before the activity starts. */
  async cancelSignUp(input: { activityId: IdRef }): Promise<number> {
    const viewer = this.viewer;
    const id = requiredRef(input.activityId, 'Activity');
    const at = this.now();
    await this.em.transactional(async (tem) => {
      const activity = await lockActivity(tem, id);
      requireSignUpsOpen(activity, at, 'a sign-up can only be cancelled before');
      // A display screen never signs up: FORBIDDEN, not "no active sign-up" (INVALID_TRANSITION).
      requireParticipant(viewer);
      const updated = await tem.execute<{ id: number }[]>(
        `update activity_sign_up set status = 'CANCELLED', cancelled_at = ?
          where activity_id = ? and person_id = ? and status = 'SIGNED_UP' returning id`,
        [at, id, viewer.personId],
      );
      if (updated.length === 0) throw invalidTransition('You have no active sign-up for this activity');
      await recordChange(
        tem,
        {
          entityType: 'Activity',
          entityId: id,
          action: 'CANCEL_SIGN_UP',
          actorId: viewer.personId,
          data: { personId: viewer.personId },
        },
        at,
      );
    });
    this.publish(id);
    return id;
  }

  /** Staff record that a person attended (a walk-in needs no sign-up). A second check-in → CONFLICT. */
  async checkIn(input: CheckInInput): Promise<number> {
    const viewer = this.viewer;
    if (present(input.hours) && (!Number.isFinite(input.hours) || input.hours <= 0 || input.hours > 24)) {
      throw badInput('hours', 'must be more than 0 and at most 24');
    }
    const activity = await requireActivity(this.em, viewer, input.activityId);
    const [person] = await this.em.execute<{ id: number; active: boolean; display_only: boolean }[]>(
      `select p.id, p.active,
              coalesce((select bool_and(r.role = 'DISPLAY') from person_role r where r.person_id = p.id), false) as display_only
         from person p where p.id = ?`,
      [requiredRef(input.personId, 'Person')],
    );
    if (!person) throw notFound('Person');
    if (person.display_only) throw badInput('personId', 'is a display screen account');
    if (!person.active) throw badInput('personId', 'is deactivated');
    if (!canRecordCheckIns(viewer, activity.organizerPath)) {
      throw forbidden('Check-ins are recorded by a secretary of the organiser unit or above it, or by the street');
    }
    const at = this.now();
    await this.em.transactional(async (tem) => {
      const locked = await lockActivity(tem, activity.id);
      if (locked.status !== 'PLANNED') {
        throw invalidTransition(`The activity is ${locked.status}: check-ins are closed`);
      }
      const startsAt = new Date(locked.starts_at).getTime();
      if (startsAt - CHECK_IN_OPENS_BEFORE_MS > at.getTime()) {
        throw invalidTransition('The activity has not started: check-in opens two hours before the start');
      }
      const scheduled = (new Date(locked.ends_at).getTime() - startsAt) / 3_600_000;
      const hours = present(input.hours) ? input.hours : Math.min(24, Math.round(scheduled * 100) / 100);
      const inserted = await tem.execute<{ id: number }[]>(
        `insert into activity_check_in (activity_id, person_id, hours, recorded_by_id, at) values (?, ?, ?, ?, ?)
         on conflict on constraint ${UNIQUE_CHECK_IN} do nothing returning id`,
        [activity.id, person.id, hours, viewer.personId, at],
      );
      if (inserted.length === 0) throw conflict('This person is already checked in to the activity');
      const [signUp] = await tem.execute<{ status: string }[]>(
        'select status from activity_sign_up where activity_id = ? and person_id = ?',
        [activity.id, person.id],
      );
      await recordChange(
        tem,
        {
          entityType: 'Activity',
          entityId: activity.id,
          action: 'CHECK_IN',
          actorId: viewer.personId,
          data: { personId: person.id, hours, walkIn: signUp?.status !== 'SIGNED_UP' },
        },
        at,
      );
      // Points ledger: attendance points, in this transaction.
      await onCheckedIn(tem, { activityId: activity.id, personId: person.id, at, actorId: viewer.personId, hours });
    });
    this.publish(activity.id);
    return activity.id;
  }
}
