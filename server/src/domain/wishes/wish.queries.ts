/** Reading wishes and their events, always through the viewer's visibility rule. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { isMasked, type Viewer } from '../auth/viewer.ts';
import { badInput, notFound } from '../kernel/errors.ts';
import type { IdRef } from '../kernel/input.ts';
import { type ListArgs, type ListPage, runList, searchCondition } from '../kernel/list.ts';
import { NO_UNIT, pgArray } from '../kernel/sql.ts';
import { ORG_UNIT_COLUMNS, type OrgUnitRecord } from '../organisation/org-unit.queries.ts';
import { WISH_CATEGORY_COLUMNS, type WishCategoryRecord } from '../organisation/wish-category.queries.ts';
import { type SummaryFilter, visibleWishCountRows, visibleWishCountSql } from './wish.counts.ts';
import {
  PENDING_STATUSES,
  WISH_STATUSES,
  type WishAction,
  type WishChannel,
  type WishStatus,
} from './wish.lifecycle.ts';
import { wishVisibilitySql } from './wish.scope.ts';

export interface WishView {
  id: number;
  title: string;
  description: string;
  status: WishStatus;
  channel: WishChannel;
  categoryId: number;
  compoundId: number;
  handlingUnitId: number;
  residentId: number | null;
  listedById: number;
  rating: number | null;
  ratingComment: string | null;
  reopenCount: number;
  dueAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Building, unit, room (personal data: not for display accounts). */
  address: string | null;
  /** Seen by a display account: no names, phone numbers or descriptions. */
  masked: boolean;
}

export interface WishEventRecord {
  sequence: number;
  wishId: number;
  action: WishAction;
  fromStatus: WishStatus | null;
  toStatus: WishStatus;
  /** ISO 8601 (events travel as JSON between processes). */
  at: string;
  note: string | null;
  actorId: number | null;
}

export interface WishFilter {
  status?: readonly WishStatus[] | null;
  /** That unit's subtree; null: an id that did not decode (matches nothing). */
  orgUnitId?: IdRef;
  categoryCode?: string | null;
  overdue?: boolean | null;
  mine?: boolean | null;
}

const WISH_COLUMNS = `w.id, w.title, w.description, w.status, w.channel, w.category_id, w.compound_id, w.handling_unit_id,
  w.resident_id, w.listed_by_id, w.rating, w.rating_comment, w.reopen_count, w.due_at, w.created_at, w.updated_at,
  w.address`;

interface WishRowDb {
  id: number;
  title: string;
  description: string;
  status: WishStatus;
  channel: WishChannel;
  category_id: number;
  compound_id: number;
  handling_unit_id: number;
  resident_id: number | null;
  listed_by_id: number;
  rating: number | null;
  rating_comment: string | null;
  reopen_count: number;
  due_at: Date | null;
  created_at: Date;
  updated_at: Date;
  address: string | null;
}

function toView(r: WishRowDb, masked: boolean): WishView {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    status: r.status,
    channel: r.channel,
    categoryId: r.category_id,
    compoundId: r.compound_id,
    handlingUnitId: r.handling_unit_id,
    residentId: r.resident_id,
    listedById: r.listed_by_id,
    rating: r.rating,
    ratingComment: r.rating_comment,
    reopenCount: r.reopen_count,
    dueAt: r.due_at ? new Date(r.due_at) : null,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    address: r.address,
    masked,
  };
}

export function isOverdue(w: Pick<WishView, 'dueAt' | 'status'>, now = new Date()): boolean {
  return w.dueAt !== null && w.dueAt.getTime() < now.getTime() && PENDING_STATUSES.includes(w.status);
}

/** Wishes by id that the viewer may see (others are simply absent). */
export async function findVisibleWishes(
  em: EntityManager,
  viewer: Viewer,
  ids: readonly number[],
): Promise<WishView[]> {
  if (ids.length === 0) return [];
  const vis = wishVisibilitySql(viewer);
  const rows = await em.execute<WishRowDb[]>(
    `select ${WISH_COLUMNS} from wish w join org_unit c on c.id = w.compound_id
      where w.id = any(?::int[]) and ${vis.sql}`,
    [pgArray(ids), ...vis.params],
  );
  const masked = isMasked(viewer);
  return rows.map((r) => toView(r, masked));
}

export async function findVisibleWish(em: EntityManager, viewer: Viewer, id: IdRef): Promise<WishView | null> {
  if (id === null) return null;
  return (await findVisibleWishes(em, viewer, [id]))[0] ?? null;
}

async function unitPath(em: EntityManager, id: IdRef): Promise<string | null> {
  if (id === null) return null;
  const [row] = await em.execute<{ path: string }[]>('select path from org_unit where id = ?', [id]);
  return row?.path ?? null;
}

/** Keyset cursors over the list's order (newest first, by id). */
const encodeCursor = (id: number) => Buffer.from(`wish:${id}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const m = /^wish:([1-9][0-9]{0,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw badInput('after', 'is not a cursor from this list');
  return Number(m[1]);
}

export interface WishPage {
  totalCount: number;
  edges: { cursor: string; node: WishView }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** The compounds and handling units of the page's wishes (for priming loaders). */
  units: OrgUnitRecord[];
  /** The categories of the page's wishes. */
  categories: WishCategoryRecord[];
}

/**
 * Scope first, then the filter: the conditions over `w` (wish) and `c` (its compound) with their parameters; and
 * the same filter for the `wish_count` summary when it uses nothing else than a subtree, statuses and a category.
 */
async function wishConditions(
  em: EntityManager,
  viewer: Viewer,
  filter: WishListFilter,
): Promise<{ where: string[]; params: unknown[]; summary: SummaryFilter | null }> {
  const vis = wishVisibilitySql(viewer);
  const where: string[] = [vis.sql];
  const params: unknown[] = [...vis.params];
  let summaryUnit: string | null = null;
  let summarised = true;
  if (filter.ids !== null && filter.ids !== undefined) {
    where.push('w.id = any(?::int[])');
    params.push(pgArray(filter.ids.filter((id): id is number => id !== null)));
    summarised = false;
  }
  // The address line is searched for those who may read it (not display screens).
  const searchable = isMasked(viewer) ? ['w.title', 'w.description'] : ['w.title', 'w.description', 'w.address'];
  const search = searchCondition(searchable, filter.q);
  if (search) {
    where.push(`(${search.sql})`);
    params.push(...search.params);
    summarised = false;
  }
  if (filter.orgUnitId !== undefined) {
    const path = await unitPath(em, filter.orgUnitId);
    // An unknown unit covers no wishes: the list is empty rather than an error, like any filter.
    summaryUnit = path ?? NO_UNIT;
    where.push('c.path like ?');
    params.push(path === null ? NO_UNIT : `${path}%`);
  }
  if (filter.handlingUnitId !== undefined) {
    summarised = false;
    where.push('w.handling_unit_id = ?');
    params.push(filter.handlingUnitId ?? -1);
  }
  if (filter.status && filter.status.length > 0) {
    where.push('w.status = any(?::wish_status[])');
    params.push(pgArray(filter.status));
  }
  if (filter.categoryCode !== null && filter.categoryCode !== undefined) {
    where.push('w.category_id = (select id from wish_category where code = ?)');
    params.push(filter.categoryCode);
  }
  if (filter.overdue === true || filter.overdue === false) {
    const overdue = `(w.due_at < now() and w.status in (${PENDING_STATUSES.map((st) => `'${st}'`).join(', ')}))`;
    where.push(filter.overdue ? overdue : `not ${overdue}`);
    summarised = false;
  }
  if (filter.mine === true || filter.mine === false) {
    const mine = `(w.resident_id = ? or w.listed_by_id = ? or exists (select 1 from assignment m where m.wish_id = w.id and m.person_id = ? and m.active))`;
    where.push(filter.mine ? mine : `not ${mine}`);
    params.push(viewer.personId, viewer.personId, viewer.personId);
    summarised = false;
  }
  const summary = summarised
    ? { unitPath: summaryUnit, statuses: filter.status ?? null, categoryCode: filter.categoryCode ?? null }
    : null;
  return { where, params, summary };
}

/** `columns` (a `u.col [as "key"]` list over `from`) re-aliased over `alias`, each key prefixed with `prefix`. */
function prefixedColumns(columns: string, from: string, alias: string, prefix: string): string {
  return columns
    .split(',')
    .map((c) => {
      const m = new RegExp(`^${from}\\.(\\w+)(?:\\s+as\\s+"(\\w+)")?$`).exec(c.trim());
      if (!m) throw new Error(`unexpected column ${c}`);
      return `${alias}.${m[1]} as "${prefix}${m[2] ?? m[1]}"`;
    })
    .join(', ');
}

/** The fields of a row whose keys start with `prefix`, without it. */
function unprefixed<T>(row: Record<string, unknown>, prefix: string): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out as T;
}

const LIST_UNIT_COLUMNS = `${prefixedColumns(ORG_UNIT_COLUMNS, 'u', 'c', 'cu_')}, ${prefixedColumns(ORG_UNIT_COLUMNS, 'u', 'hu', 'hu_')}`;
const LIST_CATEGORY_COLUMNS = prefixedColumns(WISH_CATEGORY_COLUMNS, 'k', 'k', 'k_');

/**
 * One page of the viewer's wishes, newest first, in one statement: the total count, the page's rows, and each
 * row's category, compound and handling unit (returned with the page, for the caller to prime its loaders).
 */
export async function listWishes(
  em: EntityManager,
  viewer: Viewer,
  args: { filter?: WishFilter | null; first?: number | null; after?: string | null },
): Promise<WishPage> {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 0 || first > 100) throw badInput('first', 'must be between 0 and 100');
  const afterId = args.after ? decodeCursor(args.after) : null;
  const { where, params, summary } = await wishConditions(em, viewer, args.filter ?? {});
  const count = totalCountSql(viewer, where, params, summary);
  // The count row is always there (an empty page too); the page joins it, at most first + 1 rows.
  const rows = await em.execute<(Partial<WishRowDb> & { total: string } & Record<string, unknown>)[]>(
    `select t.total, p.* from (select ${count.sql} as total) t left join lateral (
       select ${WISH_COLUMNS}, ${LIST_UNIT_COLUMNS}, ${LIST_CATEGORY_COLUMNS}
         from wish w join org_unit c on c.id = w.compound_id
         join org_unit hu on hu.id = w.handling_unit_id join wish_category k on k.id = w.category_id
        where ${where.join(' and ')}${afterId !== null ? ' and w.id < ?' : ''} order by w.id desc limit ?
     ) p on true`,
    [...count.params, ...params, ...(afterId !== null ? [afterId] : []), first + 1],
  );
  const masked = isMasked(viewer);
  const found = rows.filter((r) => r.id !== null && r.id !== undefined) as (WishRowDb & Record<string, unknown>)[];
  const page = found.slice(0, first);
  const units = new Map<number, OrgUnitRecord>();
  const categories = new Map<number, WishCategoryRecord>();
  for (const r of page) {
    for (const prefix of ['cu_', 'hu_']) {
      const u = unprefixed<OrgUnitRecord>(r, prefix);
      units.set(u.id, u);
    }
    const k = unprefixed<WishCategoryRecord>(r, 'k_');
    categories.set(k.id, k);
  }
  return {
    totalCount: Number(rows[0]?.total ?? 0),
    edges: page.map((r) => ({ cursor: encodeCursor(r.id), node: toView(r, masked) })),
    hasNextPage: found.length > first,
    hasPreviousPage: afterId !== null,
    units: [...units.values()],
    categories: [...categories.values()],
  };
}

/** How many wishes match (a scalar subquery): from the `wish_count` summary when it can answer, else from `wish`. */
function totalCountSql(
  viewer: Viewer,
  where: readonly string[],
  params: readonly unknown[],
  summary: SummaryFilter | null,
): { sql: string; params: unknown[] } {
  const fromSummary = summary && visibleWishCountSql(viewer, summary);
  return (
    fromSummary ?? {
      sql: `(select count(*) from wish w join org_unit c on c.id = w.compound_id where ${where.join(' and ')})`,
      params: [...params],
    }
  );
}

export interface WishListFilter extends WishFilter {
  ids?: readonly IdRef[] | null;
  q?: string | null;
  /** Handled by exactly this unit; null: an id that did not decode (matches nothing). */
  handlingUnitId?: IdRef;
}

/** The staff list convention (domain/list.ts) over the same scope and filters. */
export async function wishList(
  em: EntityManager,
  viewer: Viewer,
  filter: WishListFilter,
  args: ListArgs,
): Promise<ListPage<WishView>> {
  const { where, params, summary } = await wishConditions(em, viewer, filter);
  const page = await runList<WishRowDb>(
    em,
    {
      select: WISH_COLUMNS,
      from: 'from wish w join org_unit c on c.id = w.compound_id',
      where,
      params,
      count: summary ? (visibleWishCountSql(viewer, summary) ?? undefined) : undefined,
      sortable: {
        id: 'w.id',
        createdAt: 'w.created_at',
        updatedAt: 'w.updated_at',
        dueAt: 'w.due_at',
        status: 'w.status',
        title: 'w.title',
        rating: 'w.rating',
        reopenCount: 'w.reopen_count',
      },
      defaultSort: { field: 'createdAt', order: 'DESC' },
      tieBreaker: 'w.id',
    },
    args,
  );
  const masked = isMasked(viewer);
  return { totalCount: page.totalCount, nodes: page.nodes.map((r) => toView(r, masked)) };
}

/** How many wishes per status match the filter (its own status filter aside): the panel's tab counts. */
export async function wishStatusCounts(
  em: EntityManager,
  viewer: Viewer,
  filter: WishListFilter,
): Promise<{ status: WishStatus; count: number }[]> {
  const { where, params, summary } = await wishConditions(em, viewer, { ...filter, status: null });
  const fromSummary = summary && visibleWishCountRows(viewer, summary);
  const rows = await em.execute<{ status: WishStatus; n: string }[]>(
    fromSummary
      ? `select x.status, sum(x.n) as n from (${fromSummary.sql}) x group by x.status`
      : `select w.status, count(*) as n from wish w join org_unit c on c.id = w.compound_id where ${where.join(' and ')} group by w.status`,
    fromSummary ? fromSummary.params : params,
  );
  return WISH_STATUSES.map((status) => ({ status, count: Number(rows.find((r) => r.status === status)?.n ?? 0) }));
}

interface EventRowDb {
  sequence: string;
  wish_id: number;
  action: WishAction;
  from_status: WishStatus | null;
  to_status: WishStatus;
  at: Date;
  note: string | null;
  actor_id: number | null;
}

const toEvent = (r: EventRowDb): WishEventRecord => ({
  sequence: Number(r.sequence),
  wishId: r.wish_id,
  action: r.action,
  fromStatus: r.from_status,
  toStatus: r.to_status,
  at: new Date(r.at).toISOString(),
  note: r.note,
  actorId: r.actor_id,
});

export async function eventsOfWishes(em: EntityManager, wishIds: readonly number[]): Promise<WishEventRecord[]> {
  const rows = await em.execute<EventRowDb[]>(
    'select * from wish_event where wish_id = any(?::int[]) order by sequence',
    [pgArray(wishIds)],
  );
  return rows.map(toEvent);
}

export interface EventScope {
  /** Only wishes whose compound lies under this path. */
  unitPath: string | null;
  wishId: number | null;
}

export async function currentSequence(em: EntityManager): Promise<number> {
  const [row] = await em.execute<{ s: string | null }[]>('select max(sequence) as s from wish_event');
  return Number(row?.s ?? 0);
}

/** Every stored event with after < sequence ≤ upTo, in order, at most `limit` (for routing, not for a viewer). */
export async function storedEventsBetween(
  em: EntityManager,
  after: number,
  upTo: number,
  limit: number,
): Promise<WishEventRecord[]> {
  const rows = await em.execute<EventRowDb[]>(
    'select * from wish_event where sequence > ? and sequence <= ? order by sequence limit ?',
    [after, upTo, limit],
  );
  return rows.map(toEvent);
}

/** Stored events with after < sequence ≤ upTo that the viewer may see, in order, at most `limit`. */
export async function visibleEventsBetween(
  em: EntityManager,
  viewer: Viewer,
  scope: EventScope,
  after: number,
  upTo: number,
  limit = 500,
): Promise<WishEventRecord[]> {
  const vis = wishVisibilitySql(viewer);
  const rows = await em.execute<EventRowDb[]>(
    `select e.* from wish_event e join wish w on w.id = e.wish_id join org_unit c on c.id = w.compound_id
      where e.sequence > ? and e.sequence <= ? and ${vis.sql}
        ${scope.unitPath !== null ? 'and c.path like ?' : ''} ${scope.wishId !== null ? 'and w.id = ?' : ''}
      order by e.sequence limit ?`,
    [
      after,
      upTo,
      ...vis.params,
      ...(scope.unitPath !== null ? [`${scope.unitPath}%`] : []),
      ...(scope.wishId !== null ? [scope.wishId] : []),
      limit,
    ],
  );
  return rows.map(toEvent);
}

/** A wish without a scope check, masked: for showing the outcome of an action to the one who took it. */
export async function findWishMasked(em: EntityManager, id: number): Promise<WishView> {
  const [row] = await em.execute<WishRowDb[]>(`select ${WISH_COLUMNS} from wish w where w.id = ?`, [id]);
  if (!row) throw notFound('Wish');
  return toView(row, true);
}

/** The latest `last` events the viewer may see in a subtree, newest first: what a board shows before live ones. */
export async function recentVisibleEvents(
  em: EntityManager,
  viewer: Viewer,
  unitPath: string | null,
  last: number,
): Promise<WishEventRecord[]> {
  const upTo = await currentSequence(em);
  // Walk back in windows until enough visible events are found (most are visible to staff and boards).
  const found: WishEventRecord[] = [];
  let high = upTo;
  for (let window = 500; high > 0 && found.length < last; window *= 4) {
    const low = Math.max(0, high - window);
    found.unshift(...(await visibleEventsBetween(em, viewer, { unitPath, wishId: null }, low, high, 100_000)));
    high = low;
  }
  return found.slice(-last).reverse();
}

/** Who a wish is (or was) assigned to, and who supervises it. */
export interface AssignmentRecord {
  wishId: number;
  personId: number;
  kind: 'ASSIGNEE' | 'SUPERVISOR';
  active: boolean;
}

/** The assignments of these wishes, in the order they were made. */
export async function assignmentsOfWishes(em: EntityManager, wishIds: readonly number[]): Promise<AssignmentRecord[]> {
  if (wishIds.length === 0) return [];
  return em.execute<AssignmentRecord[]>(
    `select wish_id as "wishId", person_id as "personId", kind, active from assignment
      where wish_id = any(?::int[]) order by id`,
    [pgArray(wishIds)],
  );
}

/** A coordination meeting held about a wish. */
export interface MeetingRecord {
  id: number;
  wishId: number;
  heldAt: Date;
  place: string | null;
  participants: string;
  decisions: string;
  recordedById: number;
}

/** The meetings of these wishes, by when they were held. */
export async function meetingsOfWishes(em: EntityManager, wishIds: readonly number[]): Promise<MeetingRecord[]> {
  if (wishIds.length === 0) return [];
  return em.execute<MeetingRecord[]>(
    `select id, wish_id as "wishId", held_at as "heldAt", place, participants, decisions,
            recorded_by_id as "recordedById" from meeting where wish_id = any(?::int[]) order by held_at, id`,
    [pgArray(wishIds)],
  );
}
