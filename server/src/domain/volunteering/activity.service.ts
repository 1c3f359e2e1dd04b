/**
 * Service brands, monthly themes and volunteer activities: validate, check who may act, then write the
 * change and its change_event row in one transaction. Sign-ups and check-ins are decided under a row lock
 * on the activity (`select … for update`), so capacity holds however many people sign up at once.
 * Activity ids whose counts changed are handed to `publish` after the commit.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeId } from '../../graphql/ids.ts';
import { isMasked, type Viewer } from '../auth/viewer.ts';
import { recordChange } from '../kernel/change-log.ts';
import { checkExpectedVersion } from '../kernel/concurrency.ts';
import { badInput, conflict, forbidden, invalidTransition, notFound, unauthenticated } from '../kernel/errors.ts';
import { optionalText, requiredText } from '../kernel/input.ts';
import { isUniqueViolation } from '../kernel/pg-errors.ts';
import { localYearMonth } from '../kernel/street-time.ts';
import { onActivityFinished, onCheckedIn } from './activity.hooks.ts';
import {
  type ActivityView,
  canManageActivity,
  canRecordCheckIns,
  findActivityById,
  isStreetAdmin,
} from './activity.queries.ts';

export type PublishActivity = (activityId: number) => void;

const MAX_TITLE = 200;
const MAX_PLACE = 200;
const MAX_TEXT = 4000;
const MAX_NAME = 100;
const MAX_CAPACITY = 10_000;
const MAX_POINTS = 1_000;
const MAX_DURATION_MS = 14 * 24 * 3_600_000;
/** Staff may start recording attendance this long before the start (people arrive early). */
const CHECK_IN_OPENS_BEFORE_MS = 2 * 3_600_000;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const UNIQUE_BRAND_CODE = 'service_brand_code_unique';
const UNIQUE_THEME_MONTH = 'monthly_theme_street_month_unique';
const UNIQUE_SIGN_UP = 'activity_sign_up_activity_person_unique';
const UNIQUE_CHECK_IN = 'activity_check_in_activity_person_unique';

function intInRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(field, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function brandCode(value: string): string {
  const code = (value ?? '').trim();
  if (!/^[A-Za-z0-9_-]{1,50}$/.test(code)) {
    throw badInput('code', 'must be 1–50 letters, digits, "_" or "-"');
  }
  return code;
}

/** Given and not null (null and undefined both leave a required field as it is). */
const present = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

export interface BrandInput {
  code: string;
  nameZh: string;
  nameEn: string;
  description?: string | null;
  active?: boolean | null;
}

export interface BrandUpdate {
  id: string;
  code?: string | null;
  nameZh?: string | null;
  nameEn?: string | null;
  /** Undefined leaves it; null or empty clears it. */
  description?: string | null;
  active?: boolean | null;
}

export interface ThemeInput {
  year: number;
  month: number;
  title: string;
  brandId?: string | null;
  description?: string | null;
  goals?: string | null;
}

export interface ThemeUpdate {
  id: string;
  year?: number | null;
  month?: number | null;
  title?: string | null;
  /** Undefined leaves it; null clears it. */
  brandId?: string | null;
  description?: string | null;
  goals?: string | null;
  expectedVersion?: number | null;
}

export interface ActivityInput {
  themeId?: string | null;
  organizerId: string;
  title: string;
  description?: string | null;
  place: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  pointsPerParticipant?: number | null;
}

export interface ActivityUpdate {
  id: string;
  /** Undefined leaves it; null takes the activity out of its theme. */
  themeId?: string | null;
  organizerId?: string | null;
  title?: string | null;
  description?: string | null;
  place?: string | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  capacity?: number | null;
  pointsPerParticipant?: number | null;
  expectedVersion?: number | null;
}

export interface CheckInInput {
  activityId: string;
  personId: string;
  /** 0 < hours ≤ 24; the activity's scheduled length when left out. */
  hours?: number | null;
}

interface UnitRow {
  id: number;
  path: string;
}

interface ThemeRow {
  id: number;
  year: number;
  month: number;
}

interface LockedActivity {
  id: number;
  status: ActivityView['status'];
  starts_at: string | Date;
  ends_at: string | Date;
  capacity: number;
  version: number;
}

export class ActivityService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly publish: PublishActivity,
    private readonly now: () => Date = () => new Date(),
  ) {}

  // ---- Service brands --------------------------------------------------------------------------------------

  async createBrand(input: BrandInput): Promise<number> {
    const viewer = this.requireViewer();
    const code = brandCode(input.code);
    const nameZh = requiredText('nameZh', input.nameZh, MAX_NAME);
    const nameEn = requiredText('nameEn', input.nameEn, MAX_NAME);
    const description = optionalText('description', input.description, MAX_TEXT);
    this.requireStreetAdmin(viewer, 'create service brands');
    await this.requireFreeBrandCode(code, null);
    const at = this.now();
    try {
      return await this.em.transactional(async (tem) => {
        const [row] = await tem.execute<{ id: number }[]>(
          `insert into service_brand (code, name_zh, name_en, description, active, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, ?) returning id`,
          [code, nameZh, nameEn, description, input.active ?? true, at, at],
        );
        const id = (row as { id: number }).id;
        await recordChange(
          tem,
          {
            entityType: 'ServiceBrand',
            entityId: id,
            action: 'CREATE',
            actorId: viewer.personId,
            data: { code, nameZh, nameEn, description, active: input.active ?? true },
          },
          at,
        );
        return id;
      });
    } catch (error) {
      if (isUniqueViolation(error, UNIQUE_BRAND_CODE)) throw conflict(`A service brand with code "${code}" exists`);
      throw error;
    }
  }

  async updateBrand(input: BrandUpdate): Promise<number> {
    const viewer = this.requireViewer();
    const changes: Record<string, unknown> = {};
    if (present(input.code)) changes.code = brandCode(input.code);
    if (present(input.nameZh)) changes.name_zh = requiredText('nameZh', input.nameZh, MAX_NAME);
    if (present(input.nameEn)) changes.name_en = requiredText('nameEn', input.nameEn, MAX_NAME);
    if (input.description !== undefined) changes.description = optionalText('description', input.description, MAX_TEXT);
    if (present(input.active)) changes.active = input.active;
    const id = decodeId('ServiceBrand', input.id);
    const [brand] =
      id === null ? [] : await this.em.execute<{ id: number }[]>('select id from service_brand where id = ?', [id]);
    if (!brand) throw notFound('Service brand');
    this.requireStreetAdmin(viewer, 'edit service brands');
    if (typeof changes.code === 'string') await this.requireFreeBrandCode(changes.code, brand.id);
    const at = this.now();
    try {
      await this.em.transactional(async (tem) => {
        await this.update(tem, 'service_brand', brand.id, changes, at);
        await recordChange(
          tem,
          { entityType: 'ServiceBrand', entityId: brand.id, action: 'UPDATE', actorId: viewer.personId, data: changes },
          at,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error, UNIQUE_BRAND_CODE))
        throw conflict(`A service brand with code "${changes.code}" exists`);
      throw error;
    }
    return brand.id;
  }

  /** Only a brand no theme uses; otherwise deactivate it. */
  async deleteBrand(idInput: string): Promise<number> {
    const viewer = this.requireViewer();
    const id = decodeId('ServiceBrand', idInput);
    const [brand] =
      id === null ? [] : await this.em.execute<{ id: number }[]>('select id from service_brand where id = ?', [id]);
    if (!brand) throw notFound('Service brand');
    this.requireStreetAdmin(viewer, 'delete service brands');
    const at = this.now();
    await this.em.transactional(async (tem) => {
      // The row lock waits for themes being linked to the brand meanwhile (they take a key-share lock on it).
      const [row] = await tem.execute<{ code: string; themes: number }[]>(
        `select b.code, (select count(*)::int from monthly_theme t where t.brand_id = b.id) as themes
           from service_brand b where b.id = ? for update`,
        [brand.id],
      );
      if (!row) throw notFound('Service brand');
      if (row.themes > 0) {
        throw invalidTransition(`The brand is used by ${row.themes} monthly theme(s): deactivate it instead`);
      }
      await tem.execute('delete from service_brand where id = ?', [brand.id]);
      await recordChange(
        tem,
        {
          entityType: 'ServiceBrand',
          entityId: brand.id,
          action: 'DELETE',
          actorId: viewer.personId,
          data: { code: row.code },
        },
        at,
      );
    });
    return brand.id;
  }

  private async requireFreeBrandCode(code: string, except: number | null): Promise<void> {
    const [taken] = await this.em.execute<{ id: number }[]>('select id from service_brand where code = ? and id <> ?', [
      code,
      except ?? 0,
    ]);
    if (taken) throw conflict(`A service brand with code "${code}" exists`);
  }

  // ---- Monthly themes --------------------------------------------------------------------------------------

  async createTheme(input: ThemeInput): Promise<number> {
    const viewer = this.requireViewer();
    const year = intInRange('year', input.year, MIN_YEAR, MAX_YEAR);
    const month = intInRange('month', input.month, 1, 12);
    const title = requiredText('title', input.title, MAX_TITLE);
    const description = optionalText('description', input.description, MAX_TEXT);
    const goals = optionalText('goals', input.goals, MAX_TEXT);
    const brandId = present(input.brandId) ? await this.requireBrand(input.brandId) : null;
    this.requireStreetAdmin(viewer, 'create monthly themes');
    const streetId = await this.streetId();
    await this.requireFreeMonth(streetId, year, month, null);
    const at = this.now();
    try {
      return await this.em.transactional(async (tem) => {
        const [row] = await tem.execute<{ id: number }[]>(
          `insert into monthly_theme (street_id, year, month, title, brand_id, description, goals, created_at, updated_at, version)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1) returning id`,
          [streetId, year, month, title, brandId, description, goals, at, at],
        );
        const id = (row as { id: number }).id;
        await recordChange(
          tem,
          {
            entityType: 'MonthlyTheme',
            entityId: id,
            action: 'CREATE',
            actorId: viewer.personId,
            data: { year, month, title, brandId, description, goals },
          },
          at,
        );
        return id;
      });
    } catch (error) {
      if (isUniqueViolation(error, UNIQUE_THEME_MONTH)) throw this.monthTaken(year, month);
      throw error;
    }
  }

  async updateTheme(input: ThemeUpdate): Promise<number> {
    const viewer = this.requireViewer();
    checkExpectedVersion(input.expectedVersion);
    const changes: Record<string, unknown> = {};
    if (present(input.year)) changes.year = intInRange('year', input.year, MIN_YEAR, MAX_YEAR);
    if (present(input.month)) changes.month = intInRange('month', input.month, 1, 12);
    if (present(input.title)) changes.title = requiredText('title', input.title, MAX_TITLE);
    if (input.description !== undefined) changes.description = optionalText('description', input.description, MAX_TEXT);
    if (input.goals !== undefined) changes.goals = optionalText('goals', input.goals, MAX_TEXT);
    const id = decodeId('MonthlyTheme', input.id);
    const [theme] =
      id === null
        ? []
        : await this.em.execute<(ThemeRow & { street_id: number; version: number })[]>(
            'select id, street_id, year, month, version from monthly_theme where id = ?',
            [id],
          );
    if (!theme) throw notFound('Monthly theme');
    if (input.brandId !== undefined)
      changes.brand_id = present(input.brandId) ? await this.requireBrand(input.brandId) : null;
    this.requireStreetAdmin(viewer, 'edit monthly themes');
    const year = (changes.year as number | undefined) ?? theme.year;
    const month = (changes.month as number | undefined) ?? theme.month;
    const moves = year !== theme.year || month !== theme.month;
    if (moves) {
      const [row] = await this.em.execute<{ n: number }[]>(
        'select count(*)::int as n from activity where theme_id = ?',
        [theme.id],
      );
      if ((row?.n ?? 0) > 0) {
        throw invalidTransition(
          `The theme has ${row?.n} activities in ${theme.year}-${String(theme.month).padStart(2, '0')}: it cannot move to another month`,
        );
      }
    }
    if (present(input.expectedVersion) && input.expectedVersion !== theme.version) {
      throw conflict('The theme changed meanwhile: reload it and try again');
    }
    if (moves) await this.requireFreeMonth(theme.street_id, year, month, theme.id);
    const at = this.now();
    try {
      await this.em.transactional(async (tem) => {
        if (moves) {
          // Re-checked under the row lock: activities put under the theme meanwhile wait for it.
          const [row] = await tem.execute<{ n: number }[]>(
            `select (select count(*)::int from activity a where a.theme_id = t.id) as n
               from monthly_theme t where t.id = ? for update`,
            [theme.id],
          );
          if ((row?.n ?? 0) > 0) throw invalidTransition('The theme has activities: it cannot move to another month');
        }
        const updated = await this.update(tem, 'monthly_theme', theme.id, changes, at, theme.version);
        if (!updated) throw conflict('The theme changed meanwhile: reload it and try again');
        await recordChange(
          tem,
          { entityType: 'MonthlyTheme', entityId: theme.id, action: 'UPDATE', actorId: viewer.personId, data: changes },
          at,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error, UNIQUE_THEME_MONTH)) throw this.monthTaken(year, month);
      throw error;
    }
    return theme.id;
  }

  /** Only a theme without activities. */
  async deleteTheme(idInput: string): Promise<number> {
    const viewer = this.requireViewer();
    const id = decodeId('MonthlyTheme', idInput);
    const [theme] =
      id === null ? [] : await this.em.execute<{ id: number }[]>('select id from monthly_theme where id = ?', [id]);
    if (!theme) throw notFound('Monthly theme');
    this.requireStreetAdmin(viewer, 'delete monthly themes');
    const at = this.now();
    await this.em.transactional(async (tem) => {
      // The row lock waits for activities being put under the theme meanwhile (they take a key-share lock on it).
      const [row] = await tem.execute<(ThemeRow & { title: string; activities: number })[]>(
        `select t.id, t.year, t.month, t.title, (select count(*)::int from activity a where a.theme_id = t.id) as activities
           from monthly_theme t where t.id = ? for update`,
        [theme.id],
      );
      if (!row) throw notFound('Monthly theme');
      if (row.activities > 0) {
        throw invalidTransition(`The theme has ${row.activities} activities: move or delete them first`);
      }
      await tem.execute('delete from monthly_theme where id = ?', [theme.id]);
      await recordChange(
        tem,
        {
          entityType: 'MonthlyTheme',
          entityId: theme.id,
          action: 'DELETE',
          actorId: viewer.personId,
          data: { year: row.year, month: row.month, title: row.title },
        },
        at,
      );
    });
    return theme.id;
  }

  private async requireBrand(idInput: string): Promise<number> {
    const id = decodeId('ServiceBrand', idInput);
    const [brand] =
      id === null
        ? []
        : await this.em.execute<{ id: number; active: boolean }[]>(
            'select id, active from service_brand where id = ?',
            [id],
          );
    if (!brand) throw notFound('Service brand');
    if (!brand.active) throw badInput('brandId', 'the brand is not active');
    return brand.id;
  }

  private async streetId(): Promise<number> {
    const [street] = await this.em.execute<{ id: number }[]>(
      `select id from org_unit where kind = 'STREET' order by id limit 1`,
    );
    if (!street) throw notFound('Street');
    return street.id;
  }

  private async requireFreeMonth(streetId: number, year: number, month: number, except: number | null): Promise<void> {
    const [taken] = await this.em.execute<{ id: number }[]>(
      'select id from monthly_theme where street_id = ? and year = ? and month = ? and id <> ?',
      [streetId, year, month, except ?? 0],
    );
    if (taken) throw this.monthTaken(year, month);
  }

  private monthTaken(year: number, month: number) {
    return conflict(`${year}-${String(month).padStart(2, '0')} already has a monthly theme`);
  }

  // ---- Activities ------------------------------------------------------------------------------------------

  async createActivity(input: ActivityInput): Promise<number> {
    const viewer = this.requireViewer();
    const title = requiredText('title', input.title, MAX_TITLE);
    const place = requiredText('place', input.place, MAX_PLACE);
    const description = optionalText('description', input.description, MAX_TEXT);
    const capacity = intInRange('capacity', input.capacity, 1, MAX_CAPACITY);
    const points = intInRange('pointsPerParticipant', input.pointsPerParticipant ?? 0, 0, MAX_POINTS);
    checkTimes(input.startsAt, input.endsAt);
    const organizer = await this.requireUnit(input.organizerId);
    const theme = present(input.themeId) ? await this.requireTheme(input.themeId) : null;
    if (theme) checkThemeMonth(theme, input.startsAt);
    if (!canManageActivity(viewer, organizer)) {
      throw forbidden(
        'Only staff of the organiser unit, a secretary above it, or the street may create its activities',
      );
    }
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

  async updateActivity(input: ActivityUpdate): Promise<number> {
    const viewer = this.requireViewer();
    checkExpectedVersion(input.expectedVersion);
    const changes: Record<string, unknown> = {};
    if (present(input.title)) changes.title = requiredText('title', input.title, MAX_TITLE);
    if (present(input.place)) changes.place = requiredText('place', input.place, MAX_PLACE);
    if (input.description !== undefined) changes.description = optionalText('description', input.description, MAX_TEXT);
    if (present(input.capacity)) changes.capacity = intInRange('capacity', input.capacity, 1, MAX_CAPACITY);
    if (present(input.pointsPerParticipant)) {
      changes.points_per_participant = intInRange('pointsPerParticipant', input.pointsPerParticipant, 0, MAX_POINTS);
    }
    const activity = await this.requireActivity(input.id);
    const startsAt = input.startsAt ?? activity.startsAt;
    const endsAt = input.endsAt ?? activity.endsAt;
    if (present(input.startsAt) || present(input.endsAt)) {
      checkTimes(startsAt, endsAt);
      changes.starts_at = startsAt;
      changes.ends_at = endsAt;
    }
    const organizer = present(input.organizerId) ? await this.requireUnit(input.organizerId) : null;
    if (organizer) changes.organizer_id = organizer.id;
    let theme: ThemeRow | null = null;
    if (input.themeId !== undefined) {
      theme = present(input.themeId) ? await this.requireTheme(input.themeId) : null;
      changes.theme_id = theme?.id ?? null;
    } else if (activity.theme) {
      theme = activity.theme;
    }
    if (theme) checkThemeMonth(theme, startsAt);
    if (
      !canManageActivity(viewer, { id: activity.organizerId, path: activity.organizerPath }) ||
      (organizer && !canManageActivity(viewer, organizer))
    ) {
      throw forbidden('Only staff of the organiser unit, a secretary above it, or the street may edit this activity');
    }
    if (activity.status !== 'PLANNED') {
      throw invalidTransition(`The activity is ${activity.status}: it can no longer be edited`);
    }
    if (present(input.expectedVersion) && input.expectedVersion !== activity.version) {
      throw conflict('The activity changed meanwhile: reload it and try again');
    }
    const at = this.now();
    await this.em.transactional(async (tem) => {
      const locked = await lockActivity(tem, activity.id);
      if (locked.version !== activity.version)
        throw conflict('The activity changed meanwhile: reload it and try again');
      if (typeof changes.capacity === 'number') {
        const signedUp = await activeSignUps(tem, activity.id);
        if (changes.capacity < signedUp) {
          throw badInput('capacity', `must be at least the ${signedUp} people already signed up`);
        }
      }
      await this.update(tem, 'activity', activity.id, changes, at, activity.version);
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

  async cancelActivity(input: { id: string; reason?: string | null }): Promise<number> {
    const viewer = this.requireViewer();
    const reason = optionalText('reason', input.reason, MAX_TEXT);
    const activity = await this.requireActivity(input.id);
    this.requireManager(viewer, activity, 'cancel');
    return this.changeStatus(activity, 'CANCEL', 'CANCELLED', { reason });
  }

  /** The activity is over: no more check-ins; sign-ups without a check-in become no-shows. */
  async finishActivity(input: { id: string }): Promise<number> {
    const viewer = this.requireViewer();
    const activity = await this.requireActivity(input.id);
    this.requireManager(viewer, activity, 'finish');
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
    const viewer = this.requireViewer();
    if (activity.status !== 'PLANNED') {
      throw invalidTransition(`The activity is ${activity.status}: it cannot be ${to.toLowerCase()}`);
    }
    const at = this.now();
    await this.em.transactional(async (tem) => {
      const updated = await tem.execute<{ id: number }[]>(
        `update activity set status = ?, version = version + 1, updated_at = ? where id = ? and status = 'PLANNED' returning id`,
        [to, at, activity.id],
      );
      if (updated.length === 0)
        throw invalidTransition(`The activity is no longer PLANNED: it cannot be ${to.toLowerCase()}`);
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

  // ---- Sign-ups and check-ins ------------------------------------------------------------------------------

  /** The viewer signs up. Full, started or cancelled → BAD_USER_INPUT; a second sign-up → CONFLICT. */
  async signUp(input: { activityId: string }): Promise<number> {
    const viewer = this.requireViewer();
    const id = decodeId('Activity', input.activityId);
    if (id === null) throw notFound('Activity');
    const at = this.now();
    try {
      await this.em.transactional(async (tem) => {
        // Every sign-up of this activity queues here: the count below cannot change until we commit.
        const activity = await lockActivity(tem, id);
        if (activity.status === 'CANCELLED') throw badInput('activityId', 'the activity was cancelled');
        if (activity.status === 'FINISHED' || new Date(activity.starts_at).getTime() <= at.getTime()) {
          throw badInput('activityId', 'the activity has already started: sign-ups are closed');
        }
        const signedUp = await activeSignUps(tem, id);
        if (signedUp >= activity.capacity) {
          throw badInput('activityId', `the activity is full (${activity.capacity} places)`);
        }
        if (isMasked(viewer)) throw forbidden('A display screen account cannot sign up for activities');
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
  async cancelSignUp(input: { activityId: string }): Promise<number> {
    const viewer = this.requireViewer();
    const id = decodeId('Activity', input.activityId);
    if (id === null) throw notFound('Activity');
    const at = this.now();
    await this.em.transactional(async (tem) => {
      const activity = await lockActivity(tem, id);
      if (activity.status === 'CANCELLED') throw badInput('activityId', 'the activity was cancelled');
      if (activity.status === 'FINISHED' || new Date(activity.starts_at).getTime() <= at.getTime()) {
        throw badInput('activityId', 'the activity has already started: a sign-up can only be cancelled before');
      }
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
    const viewer = this.requireViewer();
    if (present(input.hours) && (!Number.isFinite(input.hours) || input.hours <= 0 || input.hours > 24)) {
      throw badInput('hours', 'must be more than 0 and at most 24');
    }
    const activity = await this.requireActivity(input.activityId);
    const personId = decodeId('Person', input.personId);
    const [person] =
      personId === null
        ? []
        : await this.em.execute<{ id: number; active: boolean; display_only: boolean }[]>(
            `select p.id, p.active,
                    coalesce((select bool_and(r.role = 'DISPLAY') from person_role r where r.person_id = p.id), false) as display_only
               from person p where p.id = ?`,
            [personId],
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

  // ---- Helpers ---------------------------------------------------------------------------------------------

  private requireViewer(): Viewer {
    if (!this.viewer) throw unauthenticated();
    return this.viewer;
  }

  private requireStreetAdmin(viewer: Viewer, what: string): void {
    if (!isStreetAdmin(viewer)) throw forbidden(`Only street staff (STREET_ADMIN) may ${what}`);
  }

  private requireManager(viewer: Viewer, activity: ActivityView, what: string): void {
    if (!canManageActivity(viewer, { id: activity.organizerId, path: activity.organizerPath })) {
      throw forbidden(
        `Only staff of the organiser unit, a secretary above it, or the street may ${what} this activity`,
      );
    }
  }

  private async requireActivity(idInput: string): Promise<ActivityView> {
    const viewer = this.requireViewer();
    const id = decodeId('Activity', idInput);
    const activity = id === null ? null : await findActivityById(this.em, viewer.personId, id);
    if (!activity) throw notFound('Activity');
    return activity;
  }

  private async requireUnit(idInput: string): Promise<UnitRow> {
    const id = decodeId('OrgUnit', idInput);
    const [unit] =
      id === null ? [] : await this.em.execute<UnitRow[]>('select id, path from org_unit where id = ?', [id]);
    if (!unit) throw notFound('Org unit');
    return unit;
  }

  private async requireTheme(idInput: string): Promise<ThemeRow> {
    const id = decodeId('MonthlyTheme', idInput);
    const [theme] =
      id === null
        ? []
        : await this.em.execute<ThemeRow[]>('select id, year, month from monthly_theme where id = ?', [id]);
    if (!theme) throw notFound('Monthly theme');
    return theme;
  }

  /** `update <table> set …, updated_at` (and the version check when given); false if the version moved on. */
  private async update(
    em: EntityManager,
    table: 'service_brand' | 'monthly_theme' | 'activity',
    id: number,
    changes: Record<string, unknown>,
    at: Date,
    version?: number,
  ): Promise<boolean> {
    const columns = Object.keys(changes);
    const sets = [...columns.map((c) => `${c} = ?`), 'updated_at = ?'];
    if (version !== undefined) sets.push('version = version + 1');
    const rows = await em.execute<{ id: number }[]>(
      `update ${table} set ${sets.join(', ')} where id = ?${version !== undefined ? ' and version = ?' : ''} returning id`,
      [...columns.map((c) => changes[c]), at, id, ...(version !== undefined ? [version] : [])],
    );
    return rows.length > 0;
  }
}

function checkTimes(startsAt: Date, endsAt: Date): void {
  if (Number.isNaN(startsAt.getTime())) throw badInput('startsAt', 'is not a valid time');
  if (Number.isNaN(endsAt.getTime())) throw badInput('endsAt', 'is not a valid time');
  if (endsAt.getTime() <= startsAt.getTime()) throw badInput('endsAt', 'must be after startsAt');
  if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_MS)
    throw badInput('endsAt', 'an activity lasts at most 14 days');
}

/** An activity belongs to the theme of the month (street time) it starts in. */
function checkThemeMonth(theme: ThemeRow, startsAt: Date): void {
  const { year, month } = localYearMonth(startsAt);
  if (theme.year !== year || theme.month !== month) {
    const pad = (m: number) => String(m).padStart(2, '0');
    throw badInput(
      'themeId',
      `the theme is for ${theme.year}-${pad(theme.month)} but the activity starts in ${year}-${pad(month)}`,
    );
  }
}

async function lockActivity(em: EntityManager, id: number): Promise<LockedActivity> {
  const [row] = await em.execute<LockedActivity[]>(
    'select id, status, starts_at, ends_at, capacity, version from activity where id = ? for update',
    [id],
  );
  if (!row) throw notFound('Activity');
  return row;
}

async function activeSignUps(em: EntityManager, activityId: number): Promise<number> {
  const [row] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from activity_sign_up where activity_id = ? and status = 'SIGNED_UP'`,
    [activityId],
  );
  return row?.n ?? 0;
}
