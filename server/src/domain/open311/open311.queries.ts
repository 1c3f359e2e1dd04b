/**
 * What Open311 GeoReport v2 publishes about wishes: the public projection of a wish — its category, state, dates,
 * where (the compound and the wish's address line) and who handles it (the unit). Never a person, a title, a
 * description, a rating comment or a note: residents write those, and personal data is never exported.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { WishAction, WishStatus } from '../../entities/wish.entity.ts';
import { Conditions } from '../kernel/list.ts';
import { pgArray } from '../kernel/sql.ts';

export interface PublicWishRecord {
  id: number;
  status: WishStatus;
  /** The action that brought it to its state (CLOSED by EVALUATE, AUTO_CLOSE, MERGE…). */
  lastAction: WishAction | null;
  reopenCount: number;
  categoryCode: string;
  categoryNameZh: string;
  categoryNameEn: string;
  compoundId: number;
  compoundName: string;
  compoundNameZh: string;
  /** The wish's address line (building, unit…), if it has one. */
  addressLine: string | null;
  handlingUnitName: string;
  handlingUnitNameZh: string;
  dueAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns of a PublicWishRecord, from `wish w` joined as in PUBLIC_WISH_FROM. */
const PUBLIC_WISH_COLUMNS = `w.id, w.status, e.action as "lastAction", w.reopen_count as "reopenCount",
  k.code as "categoryCode", k.name_zh as "categoryNameZh", k.name_en as "categoryNameEn",
  c.id as "compoundId", c.name as "compoundName", c.name_zh as "compoundNameZh",
  w.address as "addressLine", h.name as "handlingUnitName", h.name_zh as "handlingUnitNameZh",
  w.due_at as "dueAt", w.created_at as "createdAt", w.updated_at as "updatedAt"`;

const PUBLIC_WISH_FROM = `from wish w
  join wish_category k on k.id = w.category_id
  join org_unit c on c.id = w.compound_id
  join org_unit h on h.id = w.handling_unit_id
  left join lateral (select x.action from wish_event x where x.wish_id = w.id order by x.sequence desc limit 1) e on true`;

/** The driver may hand timestamps over as text: the record's are Dates. */
function withDates(rows: PublicWishRecord[]): PublicWishRecord[] {
  return rows.map((r) => ({
    ...r,
    dueAt: r.dueAt === null ? null : new Date(r.dueAt),
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
  }));
}

export async function publicWishes(em: EntityManager, ids: readonly number[]): Promise<PublicWishRecord[]> {
  if (ids.length === 0) return [];
  const rows = await em.execute<PublicWishRecord[]>(
    `select ${PUBLIC_WISH_COLUMNS} ${PUBLIC_WISH_FROM} where w.id = any(?::int[]) order by w.created_at desc, w.id desc`,
    [pgArray(ids)],
  );
  return withDates(rows);
}

export interface PublicWishFilter {
  categoryCodes?: readonly string[];
  statuses?: readonly WishStatus[];
  /** Listed at or after. */
  from: Date;
  /** Listed at or before. */
  to: Date;
  limit: number;
}

/** The wishes listed in [from, to] that match, newest first, at most `limit`. */
export async function searchPublicWishes(em: EntityManager, f: PublicWishFilter): Promise<PublicWishRecord[]> {
  const c = new Conditions();
  c.and('w.created_at >= ?', f.from);
  c.and('w.created_at <= ?', f.to);
  if (f.categoryCodes) c.and('k.code = any(?::text[])', pgArray(f.categoryCodes));
  if (f.statuses) c.and('w.status::text = any(?::text[])', pgArray(f.statuses));
  const rows = await em.execute<PublicWishRecord[]>(
    `select ${PUBLIC_WISH_COLUMNS} ${PUBLIC_WISH_FROM} where ${c.where.map((w) => `(${w})`).join(' and ')}
      order by w.created_at desc, w.id desc limit ?`,
    [...c.params, f.limit],
  );
  return withDates(rows);
}

/** The categories as services: all of them by code (inactive ones still name old requests). */
export interface ServiceRecord {
  code: string;
  nameZh: string;
  nameEn: string;
  defaultLevel: string;
  dueInDays: number;
  active: boolean;
}

const SERVICE_COLUMNS = `k.code, k.name_zh as "nameZh", k.name_en as "nameEn", k.default_level as "defaultLevel",
  k.due_in_days as "dueInDays", k.active`;

/** The categories offered for new wishes, in their order. */
export function activeServices(em: EntityManager): Promise<ServiceRecord[]> {
  return em.execute<ServiceRecord[]>(
    `select ${SERVICE_COLUMNS} from wish_category k where k.active order by k.sort_order, k.id`,
  );
}

export async function serviceByCode(em: EntityManager, code: string): Promise<ServiceRecord | null> {
  const [row] = await em.execute<ServiceRecord[]>(`select ${SERVICE_COLUMNS} from wish_category k where k.code = ?`, [
    code,
  ]);
  return row ?? null;
}

/** A compound that takes new wishes, by id or by the name an address begins with (Chinese or English). */
export interface CompoundMatch {
  id: number;
  name: string;
  nameZh: string;
}

export async function compoundById(em: EntityManager, id: number): Promise<CompoundMatch | null> {
  const [row] = await em.execute<CompoundMatch[]>(
    `select u.id, u.name, u.name_zh as "nameZh" from org_unit u where u.id = ? and u.kind = 'COMPOUND'`,
    [id],
  );
  return row ?? null;
}

/**
 * The compound whose name (Chinese, or English case-insensitively) the address begins with; the longest name wins
 * ("Jinqiao Garden East" over "Jinqiao Garden"). Retired compounds are left out (they take no new wishes).
 */
const ZH_MATCH = "(u.name_zh <> '' and starts_with(?, u.name_zh))";
const EN_MATCH = "(u.name <> '' and starts_with(lower(?), lower(u.name)))";

export async function compoundByAddress(em: EntityManager, address: string): Promise<CompoundMatch | null> {
  const [row] = await em.execute<CompoundMatch[]>(
    `select u.id, u.name, u.name_zh as "nameZh" from org_unit u
      where u.kind = 'COMPOUND' and u.retired_at is null
        and (${ZH_MATCH} or ${EN_MATCH})
      order by greatest(case when ${ZH_MATCH} then length(u.name_zh) else 0 end,
                        case when ${EN_MATCH} then length(u.name) else 0 end) desc, u.id
      limit 1`,
    [address, address, address, address, address, address],
  );
  return row ?? null;
}
