/**
 * Volunteer activities: staff of the organiser's area create, edit, cancel and finish them (who may: see
 * activity.policy.ts). Each change writes its change_event row in the same transaction; edits are decided under
 * a row lock on the activity. Activity ids whose counts changed are handed to `publish` after the commit.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.ts';
import { recordChange } from '../kernel/change-log.ts';
import { checkExpectedVersion, requireVersion, updateVersioned } from '../kernel/concurrency.ts';
import { badInput, conflict, invalidTransition, notFound } from '../kernel/errors.ts';
import { type IdRef, optionalText, requiredRef, requiredText } from '../kernel/input.ts';
import { localYearMonth } from '../kernel/street-time.ts';
import { findOrgUnit } from '../organisation/org-unit.queries.ts';
import { onActivityFinished } from './activity.hooks.ts';
import { type Organizer, requireManager } from './activity.policy.ts';
import { type ActivityView, lockActivity, requireActivity } from './activity.queries.ts';
import { activeSignUps } from './attendance.queries.ts';
import { intInRange, MAX_TEXT, MAX_TITLE, present, yearMonth } from './volunteering.input.ts';

/** Hands an activity whose state or counts changed to the live hub, after the commit. */
export type PublishActivity = (activityId: number) => void;

const MAX_PLACE = 200;
const MAX_CAPACITY = 10_000;
const MAX_POINTS = 1_000;
const MAX_DURATION_MS = 14 * 24 * 3_600_000;

export interface ActivityInput {
  /** Undefined: no theme. */
  themeId?: IdRef;
  organizerId: IdRef;
  title: string;
  description?: string | null;
  place: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  pointsPerParticipant?: number | null;
}

export interface ActivityUpdate {
  id: IdRef;
  /** Undefined leaves it (unless clearTheme). */
  themeId?: IdRef;
  /** The client sent themeId: null, taking the activity out of its theme. */
  clearTheme?: boolean;
  /** Undefined leaves it. */
  organizerId?: IdRef;
  title?: string | null;
  description?: string | null;
  place?: string | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  capacity?: number | null;
  pointsPerParticipant?: number | null;
  expectedVersion?: number | null;
}

interface ThemeMonth {
  id: number;
  year: number;
  month: number;
}

export class ActivityService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer,
    private readonly publish: PublishActivity,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(input: ActivityInput): Promise<number> {
    const viewer = this.viewer;
    const title = requiredText('title', input.title, MAX_TITLE);
    const place = requiredText('place', input.place, MAX_PLACE);
    const description = optionalText('description', input.description, MAX_TEXT);
    const capacity = intInRange('capacity', input.capacity, 1, MAX_CAPACITY);
    const points = intInRange('pointsPerParticipant', input.pointsPerParticipant ?? 0, 0, MAX_POINTS);
    checkTimes(input.startsAt, input.endsAt);
    const organizer = await this.requireUnit(input.organizerId);
    const theme = input.themeId !== undefined ? await this.requireTheme(input.themeId) : null;
    if (theme) checkThemeMonth(theme, input.startsAt);
    requireManager(viewer, organizer, 'create its activities');
    const at = this.now();
    return await this.em.transactional(async (tem) => {
      const [row] = await tem.execute<{ id: number }[]>(
        `insert into activity (theme_id, organizer_id, title, description, place, starts_at, ends_at, capacity,
                               points_per_participant, status, created_by_id, created_at, updated_at, version)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, ?, 1) returning id`,
        [
          theme?.id ?? null,
          organizer.id,
          title,
          description,
          place,
          input.startsAt,
          input.endsAt,
          capacity,
          points,
          viewer.personId,
          at,
          at,
        ],
      );
      const id = (row as { id: number }).id;
      await recordChange(
        tem,
        {
          entityType: 'Activity',
          entityId: id,
          action: 'CREATE',
          actorId: viewer.personId,
          data: {
            themeId: theme?.id ?? null,
            organizerId: organizer.id,
            title,
            place,
            startsAt: input.startsAt.toISOString(),
            endsAt: input.endsAt.toISOString(),
            capacity,
            pointsPerParticipant: points,
          },
        },
        at,
      );
      return id;
    });
  }

  async update(input: ActivityUpdate): Promise<number> {
    const viewer = this.viewer;
    checkExpectedVersion(input.expectedVersion);
    const changes: Record<string, unknown> = {};
    if (present(input.title)) changes.title = requiredText('title', input.title, MAX_TITLE);
    if (present(input.place)) changes.place = requiredText('place', input.place, MAX_PLACE);
    if (input.description !== undefined) changes.description = optionalText('description', input.description, MAX_TEXT);
    if (present(input.capacity)) changes.capacity = intInRange('capacity', input.capacity, 1, MAX_CAPACITY);
    if (present(input.pointsPerParticipant)) {
      changes.points_per_participant = intInRange('pointsPerParticipant', input.pointsPerParticipant, 0, MAX_POINTS);
    }
    const activity = await requireActivity(this.em, viewer, input.id);
    const startsAt = input.startsAt ?? activity.startsAt;
    const endsAt = input.endsAt ?? activity.endsAt;
    if (present(input.startsAt) || present(input.endsAt)) {
      checkTimes(startsAt, endsAt);
      changes.starts_at = startsAt;
      changes.ends_at = endsAt;
    }
    const organizer = input.organizerId !== undefined ? await this.requireUnit(input.organizerId) : null;
    if (organizer) changes.organizer_id = organizer.id;
    let theme: ThemeMonth | null = activity.theme;
    if (input.clearTheme) {
      theme = null;
      changes.theme_id = null;
    } else if (input.themeId !== undefined) {
      theme = await this.requireTheme(input.themeId);
      changes.theme_id = theme.id;
    }
    if (theme) checkThemeMonth(theme, startsAt);
    requireManager(viewer, organizerOf(activity), 'edit this activity');
    if (organizer) requireManager(viewer, organizer, 'edit this activity');
    if (activity.status !== 'PLANNED') {
      throw invalidTransition(`The activity is ${activity.status}: it can no longer be edited`);
    }
    requireVersion('The activity', activity, input.expectedVersion);
    const at = this.now();
    await this.em.transactional(async (tem) => {
      const locked = await lockActivity(tem, activity.id);
      if (locked.version !== activity.version) {
        throw conflict('The activity changed meanwhile: reload it and try again');
      }
      if (typeof changes.capacity === 'number') {
        const signedUp = await activeSignUps(tem, activity.id);
        if (changes.capacity < signedUp) {
          throw badInput('capacity', `must be at least the ${signedUp} people already signed up`);
        }
      }
      await updateVersioned(tem, { table: 'activity', id: activity.id, set: changes, version: activity.version, at });
      await recordChange(
        tem,
        {
          entityType: 'Activity',
          entityId: activity.id,
          action: 'UPDATE',
          actorId: viewer.personId,
          data: Object.fromEntries(
            Object.entries(changes).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
          ),
        },
        at,
      );
    });
    this.publish(activity.id);
    return activity.id;
  }

  async cancel(input: { id: IdRef; reason?: string | null }): Promise<number> {
    const reason = optionalText('reason', input.reason, MAX_TEXT);
    const activity = await requireActivity(this.em, this.viewer, input.id);
    requireManager(this.viewer, organizerOf(activity), 'cancel this activity');
    return this.changeStatus(activity, 'CANCEL', 'CANCELLED', { reason });
  }

  /** The activity is over: no more check-ins; sign-ups without a check-in become no-shows. */
  async finish(input: { id: IdRef }): Promise<number> {
    const activity = await requireActivity(this.em, this.viewer, input.id);
    requireManager(this.viewer, organizerOf(activity), 'finish this activity');
    if (activity.status === 'PLANNED' && activity.startsAt.getTime() > this.now().getTime()) {
      throw invalidTransition('The activity has not started yet: it cannot be finished');
    }
    return this.changeStatus(activity, 'FINISH', 'FINISHED', {});
  }

  private async changeStatus(
    activity: ActivityView,
    action: 'CANCEL' | 'FINISH',
    to: 'CANCELLED' | 'FINISHED',
    data: Record<string, unknown>,
  ): Promise<number> {
    const viewer = this.viewer;
    if (activity.status !== 'PLANNED') {
      throw invalidTransition(`The activity is ${activity.status}: it cannot be ${to.toLowerCase()}`);
    }
    const at = this.now();
    await this.em.transactional(async (tem) => {
      const updated = await tem.execute<{ id: number }[]>(
        `update activity set status = ?, version = version + 1, updated_at = ? where id = ? and status = 'PLANNED' returning id`,
        [to, at, activity.id],
      );
      if (updated.length === 0) {
        throw invalidTransition(`The activity is no longer PLANNED: it cannot be ${to.toLowerCase()}`);
      }
      await recordChange(
        tem,
        { entityType: 'Activity', entityId: activity.id, action, actorId: viewer.personId, data },
        at,
      );
      if (to === 'FINISHED') {
        // Points ledger: no-show deductions, in this transaction.
        await onActivityFinished(tem, { activityId: activity.id, at, actorId: viewer.personId });
      }
    });
    this.publish(activity.id);
    return activity.id;
  }

  private async requireUnit(ref: IdRef): Promise<Organizer> {
    const unit = await findOrgUnit(this.em, requiredRef(ref, 'Org unit'));
    if (!unit) throw notFound('Org unit');
    return unit;
  }

  private async requireTheme(ref: IdRef): Promise<ThemeMonth> {
    const [theme] = await this.em.execute<ThemeMonth[]>('select id, year, month from monthly_theme where id = ?', [
      requiredRef(ref, 'Monthly theme'),
    ]);
    if (!theme) throw notFound('Monthly theme');
    return theme;
  }
}

const organizerOf = (activity: ActivityView): Organizer => ({ id: activity.organizerId, path: activity.organizerPath });

function checkTimes(startsAt: Date, endsAt: Date): void {
  if (Number.isNaN(startsAt.getTime())) throw badInput('startsAt', 'is not a valid time');
  if (Number.isNaN(endsAt.getTime())) throw badInput('endsAt', 'is not a valid time');
  if (endsAt.getTime() <= startsAt.getTime()) throw badInput('endsAt', 'must be after startsAt');
  if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_MS) {
    throw badInput('endsAt', 'an activity lasts at most 14 days');
  }
}

/** An activity belongs to the theme of the month (street time) it starts in. */
function checkThemeMonth(theme: ThemeMonth, startsAt: Date): void {
  const { year, month } = localYearMonth(startsAt);
  if (theme.year !== year || theme.month !== month) {
    throw badInput(
      'themeId',
      `the theme is for ${yearMonth(theme.year, theme.month)} but the activity starts in ${yearMonth(year, month)}`,
    );
  }
}
