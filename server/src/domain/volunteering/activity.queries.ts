/**
 * Reading service brands, monthly themes, activities, their sign-ups and check-ins, and the participation
 * figures. Activities are public invitations: every logged-in person sees every activity; who signed up and
 * who attended (names) is for staff of the organiser's area only (see `canSeeAttendees`).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ActivityStatus } from '../../entities/activity.entity.ts';
import { decodeId } from '../../graphql/ids.ts';
import { isUnder, STAFF_ROLES, type Viewer } from '../auth/viewer.ts';
import { badInput, notFound } from '../kernel/errors.ts';
import {
  Conditions,
  idsFilter,
  type ListArgs,
  type ListPage,
  type ListSpec,
  runList,
  searchCondition,
} from '../kernel/list.ts';
import { pgArray } from '../kernel/sql.ts';
import { STREET_TIME_ZONE } from '../kernel/street-time.ts';

export type SignUpStatus = 'SIGNED_UP' | 'CANCELLED';

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

export interface ActivityView {
  id: number;
  organizerId: number;
  /** Materialized path of the organiser unit: scope checks need no further query. */
  organizerPath: string;
  title: string;
  description: string | null;
  place: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  pointsPerParticipant: number;
  status: ActivityStatus;
  createdById: number | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  /** Active sign-ups (status SIGNED_UP). */
  signedUpCount: number;
  checkedInCount: number;
  /** The viewer's own sign-up, if any. */
  mySignUp: SignUpStatus | null;
  theme: ThemeView | null;
}

export interface SignUpView {
  personId: number;
  status: SignUpStatus;
  signedUpAt: Date;
  cancelledAt: Date | null;
  checkedIn: boolean;
}

export interface CheckInView {
  personId: number;
  hours: number | null;
  recordedById: number;
  at: Date;
  /** Checked in without an active sign-up. */
  walkIn: boolean;
}

// ---- Who may see and do what -------------------------------------------------------------------------------

/** STREET_ADMIN anywhere; a BRANCH_SECRETARY whose subtree holds the organiser; staff of the organiser unit itself. */
export function canManageActivity(viewer: Viewer, organizer: { id: number; path: string }): boolean {
  return viewer.roles.some(
    (r) =>
      r.role === 'STREET_ADMIN' ||
      (r.role === 'BRANCH_SECRETARY' && isUnder(organizer.path, r.scopePath)) ||
      (STAFF_ROLES.includes(r.role) && r.orgUnitId === organizer.id),
  );
}

/** Check-ins are recorded by a BRANCH_SECRETARY or STREET_ADMIN of the organiser unit or a unit above it. */
export function canRecordCheckIns(viewer: Viewer, organizerPath: string): boolean {
  return viewer.roles.some(
    (r) => r.role === 'STREET_ADMIN' || (r.role === 'BRANCH_SECRETARY' && isUnder(organizerPath, r.scopePath)),
  );
}

/** Names of who signed up and who attended: staff whose area holds the organiser unit. */
export function canSeeAttendees(viewer: Viewer, organizerPath: string): boolean {
  return viewer.roles.some(
    (r) => r.role === 'STREET_ADMIN' || (STAFF_ROLES.includes(r.role) && isUnder(organizerPath, r.scopePath)),
  );
}

export function isStreetAdmin(viewer: Viewer): boolean {
  return viewer.roles.some((r) => r.role === 'STREET_ADMIN');
}

// ---- Rows ---------------------------------------------------------------------------------------------------

type Row = Record<string, unknown>;

const date = (value: unknown) => new Date(value as string | Date);

const BRAND_SELECT = `b.id as b_id, b.code as b_code, b.name_zh as b_name_zh, b.name_en as b_name_en,
  b.description as b_description, b.active as b_active, b.created_at as b_created_at, b.updated_at as b_updated_at`;

const THEME_SELECT = `t.id as t_id, t.street_id as t_street_id, t.year as t_year, t.month as t_month, t.title as t_title,
  t.description as t_description, t.goals as t_goals, t.created_at as t_created_at, t.updated_at as t_updated_at,
  t.version as t_version, ${BRAND_SELECT}`;

const THEME_FROM = 'from monthly_theme t left join service_brand b on b.id = t.brand_id';

/** Columns of an activity with its counts, the viewer's sign-up, its theme and the theme's brand. */
function activitySelect(viewerId: number): string {
  // The viewer's id is inlined (an integer from the session, never client text) so that the same
  // parameters serve the count query and the page query of a list.
  const me = Number.isInteger(viewerId) ? viewerId : 0;
  return `a.id as a_id, a.organizer_id as a_organizer_id, o.path as a_organizer_path, a.title as a_title,
    a.description as a_description, a.place as a_place, a.starts_at as a_starts_at, a.ends_at as a_ends_at,
    a.capacity as a_capacity, a.points_per_participant as a_points, a.status as a_status,
    a.created_by_id as a_created_by_id, a.created_at as a_created_at, a.updated_at as a_updated_at,
    a.version as a_version,
    (select count(*)::int from activity_sign_up s where s.activity_id = a.id and s.status = 'SIGNED_UP') as a_signed_up,
    (select count(*)::int from activity_check_in c where c.activity_id = a.id) as a_checked_in,
    (select s.status from activity_sign_up s where s.activity_id = a.id and s.person_id = ${me}) as a_mine,
    ${THEME_SELECT}`;
}

const ACTIVITY_FROM = `from activity a join org_unit o on o.id = a.organizer_id
  left join monthly_theme t on t.id = a.theme_id left join service_brand b on b.id = t.brand_id`;

function brandFrom(r: Row): BrandView | null {
  if (r.b_id === null || r.b_id === undefined) return null;
  return {
    id: r.b_id as number,
    code: r.b_code as string,
    nameZh: r.b_name_zh as string,
    nameEn: r.b_name_en as string,
    description: (r.b_description as string | null) ?? null,
    active: r.b_active as boolean,
    createdAt: date(r.b_created_at),
    updatedAt: date(r.b_updated_at),
  };
}

function themeFrom(r: Row): ThemeView | null {
  if (r.t_id === null || r.t_id === undefined) return null;
  return {
    id: r.t_id as number,
    streetId: r.t_street_id as number,
    year: r.t_year as number,
    month: r.t_month as number,
    title: r.t_title as string,
    description: (r.t_description as string | null) ?? null,
    goals: (r.t_goals as string | null) ?? null,
    brand: brandFrom(r),
    createdAt: date(r.t_created_at),
    updatedAt: date(r.t_updated_at),
    version: r.t_version as number,
  };
}

function activityFrom(r: Row): ActivityView {
  return {
    id: r.a_id as number,
    organizerId: r.a_organizer_id as number,
    organizerPath: r.a_organizer_path as string,
    title: r.a_title as string,
    description: (r.a_description as string | null) ?? null,
    place: r.a_place as string,
    startsAt: date(r.a_starts_at),
    endsAt: date(r.a_ends_at),
    capacity: r.a_capacity as number,
    pointsPerParticipant: r.a_points as number,
    status: r.a_status as ActivityStatus,
    createdById: (r.a_created_by_id as number | null) ?? null,
    createdAt: date(r.a_created_at),
    updatedAt: date(r.a_updated_at),
    version: r.a_version as number,
    signedUpCount: r.a_signed_up as number,
    checkedInCount: r.a_checked_in as number,
    mySignUp: (r.a_mine as SignUpStatus | null) ?? null,
    theme: themeFrom(r),
  };
}

// ---- Service brands -----------------------------------------------------------------------------------------

export async function findBrands(
  em: EntityManager,
  opts: { ids?: readonly number[]; includeInactive?: boolean } = {},
): Promise<BrandView[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (opts.ids) {
    where.push('b.id = any(?::int[])');
    params.push(pgArray(opts.ids));
  }
  if (!opts.includeInactive) where.push('b.active');
  const rows = await em.execute<Row[]>(
    `select ${BRAND_SELECT} from service_brand b ${where.length ? `where ${where.join(' and ')}` : ''} order by b.id`,
    params,
  );
  return rows.map((r) => brandFrom(r) as BrandView);
}

export async function findBrand(em: EntityManager, idInput: string): Promise<BrandView | null> {
  const id = decodeId('ServiceBrand', idInput);
  if (id === null) return null;
  return (await findBrands(em, { ids: [id], includeInactive: true }))[0] ?? null;
}

export interface BrandListFilter {
  ids?: readonly string[] | null;
  q?: string | null;
  active?: boolean | null;
}

export async function listBrands(
  em: EntityManager,
  filter: BrandListFilter | null | undefined,
  args: ListArgs,
): Promise<ListPage<BrandView>> {
  // Brands are public: every brand is in scope.
  const c = new Conditions()
    .add(idsFilter('b.id', 'ServiceBrand', filter?.ids))
    .add(searchCondition(['b.code', 'b.name_zh', 'b.name_en'], filter?.q));
  if (filter?.active === true || filter?.active === false) c.and('b.active = ?', filter.active);
  const spec: ListSpec = {
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
  };
  const page = await runList<Row>(em, spec, args);
  return { totalCount: page.totalCount, nodes: page.nodes.map((r) => brandFrom(r) as BrandView) };
}

// ---- Monthly themes -----------------------------------------------------------------------------------------

export async function findThemes(
  em: EntityManager,
  opts: { ids?: readonly number[]; year?: number },
): Promise<ThemeView[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (opts.ids) {
    where.push('t.id = any(?::int[])');
    params.push(pgArray(opts.ids));
  }
  if (opts.year !== undefined) {
    where.push('t.year = ?');
    params.push(opts.year);
  }
  const rows = await em.execute<Row[]>(
    `select ${THEME_SELECT} ${THEME_FROM} ${where.length ? `where ${where.join(' and ')}` : ''}
      order by t.year, t.month, t.id`,
    params,
  );
  return rows.map((r) => themeFrom(r) as ThemeView);
}

export async function findTheme(em: EntityManager, idInput: string): Promise<ThemeView | null> {
  const id = decodeId('MonthlyTheme', idInput);
  if (id === null) return null;
  return (await findThemes(em, { ids: [id] }))[0] ?? null;
}

export interface ThemeListFilter {
  ids?: readonly string[] | null;
  q?: string | null;
  year?: number | null;
  month?: number | null;
  brandId?: string | null;
}

export async function listThemes(
  em: EntityManager,
  filter: ThemeListFilter | null | undefined,
  args: ListArgs,
): Promise<ListPage<ThemeView>> {
  // Themes are public: every theme is in scope.
  const c = new Conditions()
    .add(idsFilter('t.id', 'MonthlyTheme', filter?.ids))
    .add(searchCondition(['t.title', 't.description', 't.goals'], filter?.q));
  if (typeof filter?.year === 'number') c.and('t.year = ?', filter.year);
  if (typeof filter?.month === 'number') c.and('t.month = ?', filter.month);
  if (filter?.brandId !== null && filter?.brandId !== undefined) {
    c.and('t.brand_id = ?', decodeId('ServiceBrand', filter.brandId) ?? -1);
  }
  const spec: ListSpec = {
    select: THEME_SELECT,
    from: THEME_FROM,
    where: c.where,
    params: c.params,
    sortable: {
      id: 't.id',
      month: '(t.year * 100 + t.month)',
      year: '(t.year * 100 + t.month)',
      title: 't.title',
      updatedAt: 't.updated_at',
    },
    defaultSort: { field: 'month', order: 'DESC' },
    tieBreaker: 't.id',
  };
  const page = await runList<Row>(em, spec, args);
  return { totalCount: page.totalCount, nodes: page.nodes.map((r) => themeFrom(r) as ThemeView) };
}

// ---- Activities ---------------------------------------------------------------------------------------------

export async function findActivities(
  em: EntityManager,
  viewerId: number,
  ids: readonly number[],
): Promise<ActivityView[]> {
  if (ids.length === 0) return [];
  const rows = await em.execute<Row[]>(
    `select ${activitySelect(viewerId)} ${ACTIVITY_FROM} where a.id = any(?::int[]) order by a.starts_at, a.id`,
    [pgArray(ids)],
  );
  return rows.map(activityFrom);
}

export async function findActivityById(em: EntityManager, viewerId: number, id: number): Promise<ActivityView | null> {
  return (await findActivities(em, viewerId, [id]))[0] ?? null;
}

export async function findActivity(em: EntityManager, viewer: Viewer, idInput: string): Promise<ActivityView | null> {
  const id = decodeId('Activity', idInput);
  return id === null ? null : findActivityById(em, viewer.personId, id);
}

export async function activitiesOfTheme(em: EntityManager, viewerId: number, themeId: number): Promise<ActivityView[]> {
  const rows = await em.execute<Row[]>(
    `select ${activitySelect(viewerId)} ${ACTIVITY_FROM} where a.theme_id = ? order by a.starts_at, a.id`,
    [themeId],
  );
  return rows.map(activityFrom);
}

export interface ActivityFilter {
  orgUnitId?: string | null;
  themeId?: string | null;
  from?: Date | null;
  to?: Date | null;
  upcoming?: boolean | null;
  status?: readonly ActivityStatus[] | null;
}

/** The filter as SQL conditions (shared by the client connection and the staff list). */
async function addFilter(em: EntityManager, c: Conditions, filter: ActivityFilter, now: Date): Promise<Conditions> {
  if (filter.orgUnitId !== null && filter.orgUnitId !== undefined) {
    const path = await unitPath(em, filter.orgUnitId);
    // An unknown unit covers no activities: the list is empty rather than an error, like any filter.
    if (path === null) c.and('false');
    else c.and('o.path like ?', `${path}%`);
  }
  if (filter.themeId !== null && filter.themeId !== undefined) {
    c.and('a.theme_id = ?', decodeId('MonthlyTheme', filter.themeId) ?? -1);
  }
  if (filter.from && filter.to && filter.to.getTime() < filter.from.getTime()) {
    throw badInput('filter.to', 'must not be before filter.from');
  }
  if (filter.from) c.and('a.starts_at >= ?', filter.from);
  if (filter.to) c.and('a.starts_at < ?', filter.to);
  // Upcoming: still to start, and still going to happen.
  if (filter.upcoming === true) c.and(`a.starts_at > ? and a.status <> 'CANCELLED'`, now);
  else if (filter.upcoming === false) c.and('a.starts_at <= ?', now);
  if (filter.status && filter.status.length > 0) c.and('a.status = any(?::activity_status[])', pgArray(filter.status));
  return c;
}

async function unitPath(em: EntityManager, idInput: string): Promise<string | null> {
  const id = decodeId('OrgUnit', idInput);
  if (id === null) return null;
  const [row] = await em.execute<{ path: string }[]>('select path from org_unit where id = ?', [id]);
  return row?.path ?? null;
}

/** Keyset cursors over the connection's order: start time, then id. */
const encodeCursor = (a: ActivityView) =>
  Buffer.from(`activity:${a.startsAt.getTime()}:${a.id}`, 'utf8').toString('base64url');

function decodeCursor(cursor: string): { startsAt: Date; id: number } {
  const m = /^activity:(-?[0-9]{1,15}):([1-9][0-9]{0,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw badInput('after', 'is not a cursor from this list');
  return { startsAt: new Date(Number(m[1])), id: Number(m[2]) };
}

export interface ActivityPage {
  totalCount: number;
  edges: { cursor: string; node: ActivityView }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** The clients' connection: every activity matching the filter, soonest first. */
export async function listActivities(
  em: EntityManager,
  viewer: Viewer,
  args: { filter?: ActivityFilter | null; first?: number | null; after?: string | null },
  now: Date,
): Promise<ActivityPage> {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 0 || first > 100) throw badInput('first', 'must be between 0 and 100');
  const after = args.after ? decodeCursor(args.after) : null;
  const { where, params } = await addFilter(em, new Conditions(), args.filter ?? {}, now);
  const conditions = where.length ? `where ${where.map((w) => `(${w})`).join(' and ')}` : '';
  const [count] = await em.execute<{ n: string }[]>(`select count(*) as n ${ACTIVITY_FROM} ${conditions}`, params);
  const keyset = after ? `${conditions ? ' and' : 'where'} (a.starts_at, a.id) > (?, ?)` : '';
  const rows = await em.execute<Row[]>(
    `select ${activitySelect(viewer.personId)} ${ACTIVITY_FROM} ${conditions}${keyset}
      order by a.starts_at, a.id limit ?`,
    [...params, ...(after ? [after.startsAt, after.id] : []), first + 1],
  );
  const nodes = rows.map(activityFrom);
  const page = nodes.slice(0, first);
  return {
    totalCount: Number(count?.n ?? 0),
    edges: page.map((node) => ({ cursor: encodeCursor(node), node })),
    hasNextPage: nodes.length > first,
    hasPreviousPage: after !== null,
  };
}

export interface ActivityListFilter extends ActivityFilter {
  ids?: readonly string[] | null;
  q?: string | null;
  /** Only activities the viewer may edit. */
  manageable?: boolean | null;
}

/** The staff list (react-admin): offset pages, whitelisted sorting, a total count. */
export async function listActivitiesForStaff(
  em: EntityManager,
  viewer: Viewer,
  filter: ActivityListFilter | null | undefined,
  args: ListArgs,
  now: Date,
): Promise<ListPage<ActivityView>> {
  // Scope: activities are public invitations, so every activity is in every viewer's scope.
  const c = new Conditions().add(idsFilter('a.id', 'Activity', filter?.ids));
  await addFilter(em, c, filter ?? {}, now);
  c.add(searchCondition(['a.title', 'a.place', 'a.description'], filter?.q));
  if (filter?.manageable === true) {
    // The same rule as canManageActivity, as SQL.
    const secretaryPaths = viewer.roles.filter((r) => r.role === 'BRANCH_SECRETARY').map((r) => `${r.scopePath}%`);
    const ownUnits = viewer.roles.filter((r) => STAFF_ROLES.includes(r.role)).map((r) => r.orgUnitId);
    c.and(
      '? or o.path like any (?::text[]) or a.organizer_id = any(?::int[])',
      isStreetAdmin(viewer),
      pgArray(secretaryPaths),
      pgArray(ownUnits),
    );
  }
  const spec: ListSpec = {
    select: activitySelect(viewer.personId),
    from: ACTIVITY_FROM,
    where: c.where,
    params: c.params,
    sortable: {
      id: 'a.id',
      startsAt: 'a.starts_at',
      endsAt: 'a.ends_at',
      title: 'a.title',
      place: 'a.place',
      capacity: 'a.capacity',
      status: 'a.status',
      createdAt: 'a.created_at',
      signedUpCount: `(select count(*) from activity_sign_up s where s.activity_id = a.id and s.status = 'SIGNED_UP')`,
      checkedInCount: '(select count(*) from activity_check_in c where c.activity_id = a.id)',
    },
    defaultSort: { field: 'startsAt', order: 'DESC' },
    tieBreaker: 'a.id',
  };
  const page = await runList<Row>(em, spec, args);
  return { totalCount: page.totalCount, nodes: page.nodes.map(activityFrom) };
}

export async function signUpsOf(em: EntityManager, activityId: number): Promise<SignUpView[]> {
  const rows = await em.execute<Row[]>(
    `select s.person_id, s.status, s.signed_up_at, s.cancelled_at,
            exists (select 1 from activity_check_in c where c.activity_id = s.activity_id and c.person_id = s.person_id) as checked_in
       from activity_sign_up s where s.activity_id = ? order by s.signed_up_at, s.id`,
    [activityId],
  );
  return rows.map((r) => ({
    personId: r.person_id as number,
    status: r.status as SignUpStatus,
    signedUpAt: date(r.signed_up_at),
    cancelledAt: r.cancelled_at ? date(r.cancelled_at) : null,
    checkedIn: r.checked_in as boolean,
  }));
}

export async function checkInsOf(em: EntityManager, activityId: number): Promise<CheckInView[]> {
  const rows = await em.execute<Row[]>(
    `select c.person_id, c.hours, c.recorded_by_id, c.at,
            not exists (select 1 from activity_sign_up s
                         where s.activity_id = c.activity_id and s.person_id = c.person_id and s.status = 'SIGNED_UP') as walk_in
       from activity_check_in c where c.activity_id = ? order by c.at, c.id`,
    [activityId],
  );
  return rows.map((r) => ({
    personId: r.person_id as number,
    hours: r.hours === null ? null : Number(r.hours),
    recordedById: r.recorded_by_id as number,
    at: date(r.at),
    walkIn: r.walk_in as boolean,
  }));
}

// ---- Participation ------------------------------------------------------------------------------------------

export interface ParticipationFigures {
  /** Activities that took or take place (cancelled ones left out). */
  activities: number;
  /** Active sign-ups to those activities. */
  signUps: number;
  /** Check-ins: one per person per activity attended. A person attending five activities counts five times. */
  attendances: number;
  /** Distinct people with at least one check-in. */
  uniqueParticipants: number;
  /** Check-ins without an active sign-up. */
  walkIns: number;
  /** Active sign-ups to activities that are over, without a check-in. */
  noShows: number;
  hoursServed: number;
}

export interface MonthlyParticipation extends ParticipationFigures {
  year: number;
  month: number;
}

export interface Participation extends ParticipationFigures {
  byMonth: MonthlyParticipation[];
}

/**
 * Participation in the activities organised in a unit's subtree (the whole street by default) that start
 * within [from, to). Attendances and unique participants are counted separately: the article's "over
 * 30,000 participants" is a count of attendances (participations), not of distinct people.
 */
export async function participation(
  em: EntityManager,
  args: { orgUnitId?: string | null; from?: Date | null; to?: Date | null },
  now: Date,
): Promise<Participation> {
  if (args.from && args.to && args.to.getTime() < args.from.getTime()) throw badInput('to', 'must not be before from');
  let path = '/';
  if (args.orgUnitId !== null && args.orgUnitId !== undefined) {
    const found = await unitPath(em, args.orgUnitId);
    if (found === null) throw notFound('Org unit');
    path = found;
  }
  const where = [`a.status <> 'CANCELLED'`, 'o.path like ?'];
  const params: unknown[] = [`${path}%`];
  if (args.from) {
    where.push('a.starts_at >= ?');
    params.push(args.from);
  }
  if (args.to) {
    where.push('a.starts_at < ?');
    params.push(args.to);
  }
  const figures = `count(distinct x.activity_id)::int as activities,
      count(*) filter (where x.signed_up)::int as sign_ups,
      count(*) filter (where x.checked_in)::int as attendances,
      count(distinct x.person_id) filter (where x.checked_in)::int as unique_participants,
      count(*) filter (where x.checked_in and not x.signed_up)::int as walk_ins,
      count(*) filter (where x.signed_up and not x.checked_in and x.ends_at < ?)::int as no_shows,
      coalesce(sum(x.hours), 0)::float8 as hours_served`;
  // One row per (activity, person) who signed up or checked in, plus one empty row per activity so that
  // activities nobody joined still count.
  const base = `with acts as (
      select a.id, a.starts_at, a.ends_at from activity a join org_unit o on o.id = a.organizer_id
       where ${where.join(' and ')}
    ), x as (
      select acts.id as activity_id, acts.starts_at, acts.ends_at, p.person_id,
             coalesce(p.signed_up, false) as signed_up, coalesce(p.checked_in, false) as checked_in, p.hours
        from acts left join (
          select coalesce(s.activity_id, c.activity_id) as activity_id, coalesce(s.person_id, c.person_id) as person_id,
                 s.status = 'SIGNED_UP' as signed_up, c.id is not null as checked_in, c.hours
            from (select * from activity_sign_up where status = 'SIGNED_UP' and activity_id in (select id from acts)) s
            full join (select * from activity_check_in where activity_id in (select id from acts)) c
              on c.activity_id = s.activity_id and c.person_id = s.person_id
        ) p on p.activity_id = acts.id
    )`;
  const [total] = await em.execute<Row[]>(`${base} select ${figures} from x`, [...params, now]);
  const months = await em.execute<Row[]>(
    `${base} select extract(year from x.starts_at at time zone '${STREET_TIME_ZONE}')::int as year,
            extract(month from x.starts_at at time zone '${STREET_TIME_ZONE}')::int as month, ${figures}
       from x group by 1, 2 order by 1, 2`,
    [...params, now],
  );
  const figuresOf = (r: Row | undefined): ParticipationFigures => ({
    activities: Number(r?.activities ?? 0),
    signUps: Number(r?.sign_ups ?? 0),
    attendances: Number(r?.attendances ?? 0),
    uniqueParticipants: Number(r?.unique_participants ?? 0),
    walkIns: Number(r?.walk_ins ?? 0),
    noShows: Number(r?.no_shows ?? 0),
    hoursServed: Number(r?.hours_served ?? 0),
  });
  return {
    ...figuresOf(total),
    byMonth: months.map((r) => ({ year: r.year as number, month: r.month as number, ...figuresOf(r) })),
  };
}
