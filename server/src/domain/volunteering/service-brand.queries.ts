/** Reading service brands. Brands are public: every logged-in person sees every brand. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { IdRef } from '../kernel/input.ts';
import { Conditions, idsCondition, type ListArgs, refsFilter, runList, searchCondition } from '../kernel/list.ts';
import { readAs, selectAs } from './joined-rows.ts';

export interface BrandView {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  description: string | null;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

type Row = Record<string, unknown>;

const DATES = ['createdAt', 'updatedAt'];

/** The brand's fields under `b.` (themes and activities select them too). */
export const BRAND_SELECT = selectAs('b', {
  id: 'b.id',
  code: 'b.code',
  nameZh: 'b.name_zh',
  nameEn: 'b.name_en',
  description: 'b.description',
  active: 'b.active',
  createdAt: 'b.created_at',
  updatedAt: 'b.updated_at',
});

/** The brand of a row selected with BRAND_SELECT; null when the row has none (a left join). */
export const brandFrom = (r: Row) => readAs<BrandView>(r, 'b', DATES);

export async function findBrands(
  em: EntityManager,
  opts: { ids?: readonly number[]; includeInactive?: boolean } = {},
): Promise<BrandView[]> {
  const c = new Conditions().add(idsCondition('b.id', opts.ids));
  if (!opts.includeInactive) c.and('b.active');
  const where = c.where.length ? `where ${c.where.join(' and ')}` : '';
  const rows = await em.execute<Row[]>(`select ${BRAND_SELECT} from service_brand b ${where} order by b.id`, c.params);
  return rows.map((r) => brandFrom(r) as BrandView);
}

/** A brand, active or not; null for an unknown or undecodable reference. */
export async function findBrand(em: EntityManager, id: IdRef): Promise<BrandView | null> {
  if (id === null) return null;
  return (await findBrands(em, { ids: [id], includeInactive: true }))[0] ?? null;
}

export interface BrandListFilter {
  ids?: readonly IdRef[] | null;
  q?: string | null;
  active?: boolean | null;
}

export async function listBrands(em: EntityManager, filter: BrandListFilter | null | undefined, args: ListArgs) {
  // Brands are public: every brand is in scope.
  const c = new Conditions()
    .add(refsFilter('b.id', filter?.ids))
    .add(searchCondition(['b.code', 'b.name_zh', 'b.name_en'], filter?.q));
  if (filter?.active === true || filter?.active === false) c.and('b.active = ?', filter.active);
  const page = await runList<Row>(
    em,
    {
      select: BRAND_SELECT,
      from: 'from service_brand b',
      where: c.where,
      params: c.params,
      sortable: {
        id: 'b.id',
        code: 'b.code',
        name: 'b.name_en',
        nameEn: 'b.name_en',
        nameZh: 'b.name_zh',
        active: 'b.active',
      },
      defaultSort: { field: 'id', order: 'ASC' },
      tieBreaker: 'b.id',
    },
    args,
  );
  return { ...page, nodes: page.nodes.map((r) => brandFrom(r) as BrandView) };
}

/** Whether another brand (not `except`) has the code. */
export async function brandCodeTaken(em: EntityManager, code: string, except: number | null): Promise<boolean> {
  const [taken] = await em.execute<{ id: number }[]>('select id from service_brand where code = ? and id <> ?', [
    code,
    except ?? 0,
  ]);
  return taken !== undefined;
}
