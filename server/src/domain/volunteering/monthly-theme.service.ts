/**
 * The street's monthly themes, one per month: street staff create, edit and delete them; each change writes its
 * change_event row in the same transaction. A theme with activities keeps its month and cannot be deleted.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.ts';
import { recordChange } from '../kernel/change-log.ts';
import { checkExpectedVersion, requireVersion, updateVersioned } from '../kernel/concurrency.ts';
import { badInput, conflict, invalidTransition, notFound } from '../kernel/errors.ts';
import { type IdRef, optionalText, requiredRef, requiredText } from '../kernel/input.ts';
import { isUniqueViolation } from '../kernel/pg-errors.ts';
import { requireStreetAdmin } from './activity.policy.ts';
import { activityCountOfTheme, monthTaken } from './monthly-theme.queries.ts';
import { intInRange, MAX_TEXT, MAX_TITLE, present, yearMonth } from './volunteering.input.ts';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const UNIQUE_THEME_MONTH = 'monthly_theme_street_month_unique';

export interface ThemeInput {
  year: number;
  month: number;
  title: string;
  /** Undefined: no brand. */
  brandId?: IdRef;
  description?: string | null;
  goals?: string | null;
}

export interface ThemeUpdate {
  id: IdRef;
  year?: number | null;
  month?: number | null;
  title?: string | null;
  /** Undefined leaves it (unless clearBrand). */
  brandId?: IdRef;
  /** The client sent brandId: null. */
  clearBrand?: boolean;
  description?: string | null;
  goals?: string | null;
  expectedVersion?: number | null;
}

interface ThemeRow {
  id: number;
  street_id: number;
  year: number;
  month: number;
  version: number;
}

const monthTakenError = (year: number, month: number) =>
  conflict(`${yearMonth(year, month)} already has a monthly theme`);

export class MonthlyThemeService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(input: ThemeInput): Promise<number> {
    const viewer = this.viewer;
    const year = intInRange('year', input.year, MIN_YEAR, MAX_YEAR);
    const month = intInRange('month', input.month, 1, 12);
    const title = requiredText('title', input.title, MAX_TITLE);
    const description = optionalText('description', input.description, MAX_TEXT);
    const goals = optionalText('goals', input.goals, MAX_TEXT);
    const brandId = input.brandId !== undefined ? await this.requireActiveBrand(input.brandId) : null;
    requireStreetAdmin(viewer, 'create monthly themes');
    const streetId = await this.streetId();
    if (await monthTaken(this.em, { streetId, year, month }, null)) throw monthTakenError(year, month);
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
      if (isUniqueViolation(error, UNIQUE_THEME_MONTH)) throw monthTakenError(year, month);
      throw error;
    }
  }

  async update(input: ThemeUpdate): Promise<number> {
    const viewer = this.viewer;
    checkExpectedVersion(input.expectedVersion);
    const changes: Record<string, unknown> = {};
    if (present(input.year)) changes.year = intInRange('year', input.year, MIN_YEAR, MAX_YEAR);
    if (present(input.month)) changes.month = intInRange('month', input.month, 1, 12);
    if (present(input.title)) changes.title = requiredText('title', input.title, MAX_TITLE);
    if (input.description !== undefined) changes.description = optionalText('description', input.description, MAX_TEXT);
    if (input.goals !== undefined) changes.goals = optionalText('goals', input.goals, MAX_TEXT);
    const [theme] = await this.em.execute<ThemeRow[]>(
      'select id, street_id, year, month, version from monthly_theme where id = ?',
      [requiredRef(input.id, 'Monthly theme')],
    );
    if (!theme) throw notFound('Monthly theme');
    if (input.clearBrand) changes.brand_id = null;
    else if (input.brandId !== undefined) changes.brand_id = await this.requireActiveBrand(input.brandId);
    requireStreetAdmin(viewer, 'edit monthly themes');
    const year = (changes.year as number | undefined) ?? theme.year;
    const month = (changes.month as number | undefined) ?? theme.month;
    const moves = year !== theme.year || month !== theme.month;
    if (moves) {
      const activities = await activityCountOfTheme(this.em, theme.id);
      if (activities > 0) {
        throw invalidTransition(
          `The theme has ${activities} activities in ${yearMonth(theme.year, theme.month)}: it cannot move to another month`,
        );
      }
    }
    requireVersion('The monthly theme', theme, input.expectedVersion);
    if (moves && (await monthTaken(this.em, { streetId: theme.street_id, year, month }, theme.id))) {
      throw monthTakenError(year, month);
    }
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
        const table = 'monthly_theme';
        if (!(await updateVersioned(tem, { table, id: theme.id, set: changes, version: theme.version, at }))) {
          throw conflict('The theme changed meanwhile: reload it and try again');
        }
        await recordChange(
          tem,
          { entityType: 'MonthlyTheme', entityId: theme.id, action: 'UPDATE', actorId: viewer.personId, data: changes },
          at,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error, UNIQUE_THEME_MONTH)) throw monthTakenError(year, month);
      throw error;
    }
    return theme.id;
  }

  /** Only a theme without activities. */
  async delete(ref: IdRef): Promise<number> {
    const viewer = this.viewer;
    const [theme] = await this.em.execute<{ id: number }[]>('select id from monthly_theme where id = ?', [
      requiredRef(ref, 'Monthly theme'),
    ]);
    if (!theme) throw notFound('Monthly theme');
    requireStreetAdmin(viewer, 'delete monthly themes');
    const at = this.now();
    await this.em.transactional(async (tem) => {
      // The row lock waits for activities being put under the theme meanwhile (they take a key-share lock on it).
      const [row] = await tem.execute<{ year: number; month: number; title: string; activities: number }[]>(
        `select t.year, t.month, t.title, (select count(*)::int from activity a where a.theme_id = t.id) as activities
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

  private async requireActiveBrand(ref: IdRef): Promise<number> {
    const [brand] = await this.em.execute<{ id: number; active: boolean }[]>(
      'select id, active from service_brand where id = ?',
      [requiredRef(ref, 'Service brand')],
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
}
