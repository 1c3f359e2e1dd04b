/** Reading wish categories: readable by every logged-in user, so there is no scope condition. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { OrgUnitKind } from '../../entities/org-unit.entity.ts';
import type { IdRef, Maybe } from '../kernel/input.ts';
import { Conditions, type ListArgs, type ListPage, refsFilter, runList, searchCondition } from '../kernel/list.ts';
import { pgArray } from '../kernel/sql.ts';

export interface WishCategoryRecord {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  /** The level that usually handles it: COMPOUND, COMMUNITY or STREET. */
  defaultLevel: OrgUnitKind;
  dueInDays: number;
  sortOrder: number;
  active: boolean;
}

/** The columns of a WishCategoryRecord, selected from `wish_category k`. */
export const WISH_CATEGORY_COLUMNS = `k.id, k.code, k.name_zh as "nameZh", k.name_en as "nameEn",
  k.default_level as "defaultLevel", k.due_in_days as "dueInDays", k.sort_order as "sortOrder", k.active`;

export async function findWishCategories(em: EntityManager, ids: readonly number[]): Promise<WishCategoryRecord[]> {
  if (ids.length === 0) return [];
  return em.execute<WishCategoryRecord[]>(
    `select ${WISH_CATEGORY_COLUMNS} from wish_category k where k.id = any(?::int[])`,
    [pgArray(ids)],
  );
}

export async function findWishCategory(em: EntityManager, id: IdRef): Promise<WishCategoryRecord | null> {
  if (id === null) return null;
  return (await findWishCategories(em, [id]))[0] ?? null;
}

/** The categories offered for new wishes, in their order. */
export function activeWishCategories(em: EntityManager): Promise<WishCategoryRecord[]> {
  return em.execute<WishCategoryRecord[]>(
    `select ${WISH_CATEGORY_COLUMNS} from wish_category k where k.active order by k.sort_order, k.id`,
  );
}

export async function lockWishCategory(em: EntityManager, id: number): Promise<WishCategoryRecord | null> {
  const [category] = await em.execute<WishCategoryRecord[]>(
    `select ${WISH_CATEGORY_COLUMNS} from wish_category k where k.id = ? for update`,
    [id],
  );
  return category ?? null;
}

export async function categoryCodeTaken(em: EntityManager, code: string): Promise<boolean> {
  const [taken] = await em.execute<{ id: number }[]>('select id from wish_category where code = ?', [code]);
  return taken !== undefined;
}

export interface WishCategoryListFilter {
  /** Only these categories (ids that did not decode are null and match nothing). */
  ids?: Maybe<readonly IdRef[]>;
  q?: Maybe<string>;
  active?: Maybe<boolean>;
}

export function listWishCategories(
  em: EntityManager,
  filter: Maybe<WishCategoryListFilter>,
  args: ListArgs,
): Promise<ListPage<WishCategoryRecord>> {
  const c = new Conditions();
  const f = filter ?? {};
  c.add(refsFilter('k.id', f.ids));
  c.add(searchCondition(['k.code', 'k.name_zh', 'k.name_en'], f.q));
  if (f.active === true || f.active === false) c.and('k.active = ?', f.active);
  return runList<WishCategoryRecord>(
    em,
    {
      select: WISH_CATEGORY_COLUMNS,
      from: 'from wish_category k',
      where: c.where,
      params: c.params,
      sortable: {
        id: 'k.id',
        code: 'k.code',
        name: 'k.name_en',
        nameZh: 'k.name_zh',
        sortOrder: 'k.sort_order',
        dueInDays: 'k.due_in_days',
        defaultLevel: 'k.default_level',
        active: 'k.active',
      },
      defaultSort: { field: 'sortOrder', order: 'ASC' },
      tieBreaker: 'k.id',
    },
    args,
  );
}
