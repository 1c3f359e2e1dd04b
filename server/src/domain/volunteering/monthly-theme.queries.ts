/** Reading monthly themes (with their brand). Themes are public: every logged-in person sees every theme. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { IdRef } from '../kernel/input.ts';
import { Conditions, idsCondition, type ListArgs, refsFilter, runList, searchCondition } from '../kernel/list.ts';
import { readAs, selectAs } from './joined-rows.ts';
import { BRAND_SELECT, type BrandView, brandFrom } from './service-brand.queries.ts';

export interface ThemeView {
  id: number;
  streetId: number;
  year: number;
  month: number;
  title: string;
  description: string | null;
  goals: string | null;
  brand: BrandView | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

type Row = Record<string, unknown>;

/** The theme's fields under `t.`, and its brand's (activities select them too). */
export const THEME_SELECT = `${selectAs('t', {
  id: 't.id',
  streetId: 't.street_id',
  year: 't.year',
  month: 't.month',
  title: 't.title',
  description: 't.description',
  goals: 't.goals',
  createdAt: 't.created_at',
  updatedAt: 't.updated_at',
  version: 't.version',
})}, ${BRAND_SELECT}`;

const THEME_FROM = 'from monthly_theme t left join service_brand b on b.id = t.brand_id';

/** The theme of a row selected with THEME_SELECT; null when the row has none (a left join). */
export function themeFrom(r: Row): ThemeView | null {
  const theme = readAs<Omit<ThemeView, 'brand'>>(r, 't', ['createdAt', 'updatedAt']);
  return theme && { ...theme, brand: brandFrom(r) };
}

export async function findThemes(
  em: EntityManager,
  opts: { ids?: readonly number[]; year?: number },
): Promise<ThemeView[]> {
  const c = new Conditions().add(idsCondition('t.id', opts.ids));
  if (opts.year !== undefined) c.and('t.year = ?', opts.year);
  const rows = await em.execute<Row[]>(
    `select ${THEME_SELECT} ${THEME_FROM} ${c.where.length ? `where ${c.where.join(' and ')}` : ''}
      order by t.year, t.month, t.id`,
    c.params,
  );
  return rows.map((r) => themeFrom(r) as ThemeView);
}

/** A theme; null for an unknown or undecodable reference. */
export async function findTheme(em: EntityManager, id: IdRef): Promise<ThemeView | null> {
  if (id === null) return null;
  return (await findThemes(em, { ids: [id] }))[0] ?? null;
}

export interface ThemeListFilter {
  ids?: readonly IdRef[] | null;
  q?: string | null;
  year?: number | null;
  month?: number | null;
  /** Undefined: any brand; null (an undecodable id): none matches. */
  brandId?: IdRef;
}

export async function listThemes(em: EntityManager, filter: ThemeListFilter | null | undefined, args: ListArgs) {
  // Themes are public: every theme is in scope.
  const c = new Conditions()
    .add(refsFilter('t.id', filter?.ids))
    .add(searchCondition(['t.title', 't.description', 't.goals'], filter?.q));
  if (typeof filter?.year === 'number') c.and('t.year = ?', filter.year);
  if (typeof filter?.month === 'number') c.and('t.month = ?', filter.month);
  if (filter?.brandId !== undefined) c.and('t.brand_id = ?', filter.brandId ?? -1);
  const sortByMonth = '(t.year * 100 + t.month)';
  const page = await runList<Row>(
    em,
    {
      select: THEME_SELECT,
      from: THEME_FROM,
      where: c.where,
      params: c.params,
      sortable: { id: 't.id', month: sortByMonth, year: sortByMonth, title: 't.title', updatedAt: 't.updated_at' },
      defaultSort: { field: 'month', order: 'DESC' },
      tieBreaker: 't.id',
    },
    args,
  );
  return { ...page, nodes: page.nodes.map((r) => themeFrom(r) as ThemeView) };
}

/** How many activities a theme has. */
export async function activityCountOfTheme(em: EntityManager, themeId: number): Promise<number> {
  const [row] = await em.execute<{ n: number }[]>('select count(*)::int as n from activity where theme_id = ?', [
    themeId,
  ]);
  return row?.n ?? 0;
}

/** Whether another theme (not `except`) has the street's month. */
export async function monthTaken(
  em: EntityManager,
  m: { streetId: number; year: number; month: number },
  except: number | null,
): Promise<boolean> {
  const [taken] = await em.execute<{ id: number }[]>(
    'select id from monthly_theme where street_id = ? and year = ? and month = ? and id <> ?',
    [m.streetId, m.year, m.month, except ?? 0],
  );
  return taken !== undefined;
}
