/**
 * Reading activities: one by one, the clients' connection and the staff list, each with its counts, the
 * viewer's own sign-up, its theme and the theme's brand. Activities are public invitations: every logged-in
 * person sees every activity (who signed up and who came is attendance.queries.ts, behind activity.policy.ts).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ActivityStatus, SIGN_UP_STATUSES } from '../../entities/activity.entity.ts';
import type { Viewer } from '../auth/viewer.ts';
import { badInput, notFound } from '../kernel/errors.ts';
import { type IdRef, requiredRef } from '../kernel/input.ts';
import { Conditions, type ListArgs, type ListPage, refsFilter, runList, searchCondition } from '../kernel/list.ts';
import { pgArray } from '../kernel/sql.ts';
import { unitPath } from '../organisation/org-unit.queries.ts';
import { manageableCondition } from './activity.policy.ts';
import { readAs, selectAs } from './joined-rows.ts';
import { THEME_SELECT, type ThemeView, themeFrom } from './monthly-theme.queries.ts';

export type SignUpStatus = (typeof SIGN_UP_STATUSES)[number];

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

type Row = Record<string, unknown>;

/** Columns of an activity with its counts, the viewer's sign-up, its theme and the theme's brand. */
function activitySelect(viewerId: number): string {
  // The viewer's id is inlined (an integer from the session, never client text) so that the same
  // parameters serve the count query and the page query of a list.
  const me = Number.isInteger(viewerId) ? viewerId : 0;
  const activity = selectAs('a', {
    id: 'a.id',
    organizerId: 'a.organizer_id',
    organizerPath: 'o.path',
    title: 'a.title',
    description: 'a.description',
    place: 'a.place',
    startsAt: 'a.starts_at',
    endsAt: 'a.ends_at',
    capacity: 'a.capacity',
    pointsPerParticipant: 'a.points_per_participant',
    status: 'a.status',
    createdById: 'a.created_by_id',
    createdAt: 'a.created_at',
    updatedAt: 'a.updated_at',
    version: 'a.version',
    signedUpCount: `(select count(*)::int from activity_sign_up s where s.activity_id = a.id and s.status = 'SIGNED_UP')`,
    checkedInCount: '(select count(*)::int from activity_check_in c where c.activity_id = a.id)',
    mySignUp: `(select s.status from activity_sign_up s where s.activity_id = a.id and s.person_id = ${me})`,
  });
  return `${activity}, ${THEME_SELECT}`;
}

const ACTIVITY_FROM = `from activity a join org_unit o on o.id = a.organizer_id
  left join monthly_theme t on t.id = a.theme_id left join service_brand b on b.id = t.brand_id`;

const ACTIVITY_DATES = ['startsAt', 'endsAt', 'createdAt', 'updatedAt'];

function activityFrom(r: Row): ActivityView {
  const activity = readAs<Omit<ActivityView, 'theme'>>(r, 'a', ACTIVITY_DATES) as Omit<ActivityView, 'theme'>;
  return { ...activity, theme: themeFrom(r) };
}

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

/** An activity as the viewer sees it; null for an unknown or undecodable reference. */
export async function findActivity(em: EntityManager, viewer: Viewer, id: IdRef): Promise<ActivityView | null> {
  return id === null ? null : ((await findActivities(em, viewer.personId, [id]))[0] ?? null);
}

/** The activity, or NOT_FOUND. */
export async function requireActivity(em: EntityManager, viewer: Viewer, id: IdRef): Promise<ActivityView> {
  const activity = await findActivity(em, viewer, requiredRef(id, 'Activity'));
  if (!activity) throw notFound('Activity');
  return activity;
}

export async function activitiesOfTheme(em: EntityManager, viewerId: number, themeId: number): Promise<ActivityView[]> {
  const rows = await em.execute<Row[]>(
    `select ${activitySelect(viewerId)} ${ACTIVITY_FROM} where a.theme_id = ? order by a.starts_at, a.id`,
    [themeId],
  );
  return rows.map(activityFrom);
}

/** The fields of an activity that its writers lock and check (`select … for update`). */
export interface LockedActivity {
  id: number;
  status: ActivityStatus;
  starts_at: string | Date;
  ends_at: string | Date;
  capacity: number;
  version: number;
}

/** Locks the activity row for the rest of the transaction: sign-ups, check-ins and edits of it queue here. */
export async function lockActivity(em: EntityManager, id: number): Promise<LockedActivity> {
  const [row] = await em.execute<LockedActivity[]>(
    'select id, status, starts_at, ends_at, capacity, version from activity where id = ? for update',
    [id],
  );
  if (!row) throw notFound('Activity');
  return row;
}

export interface ActivityFilter {
  /** Undefined: anywhere; null (an undecodable id): no activities. */
  orgUnitId?: IdRef;
  /** Undefined: any theme; null (an undecodable id): no activities. */
  themeId?: IdRef;
  from?: Date | null;
  to?: Date | null;
  upcoming?: boolean | null;
  status?: readonly ActivityStatus[] | null;
}

/** The filter as SQL conditions (shared by the client connection and the staff list). */
async function addFilter(em: EntityManager, c: Conditions, filter: ActivityFilter, now: Date): Promise<Conditions> {
  if (filter.orgUnitId !== undefined) {
    const path = await unitPath(em, filter.orgUnitId);
    // An unknown unit covers no activities: the list is empty rather than an error, like any filter.
    if (path === null) c.and('false');
    else c.and('o.path like ?', `${path}%`);
  }
  if (filter.themeId !== undefined) c.and('a.theme_id = ?', filter.themeId ?? -1);
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
  ids?: readonly IdRef[] | null;
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
  const c = new Conditions().add(refsFilter('a.id', filter?.ids));
  await addFilter(em, c, filter ?? {}, now);
  c.add(searchCondition(['a.title', 'a.place', 'a.description'], filter?.q));
  if (filter?.manageable === true) c.add(manageableCondition(viewer));
  const page = await runList<Row>(
    em,
    {
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
    },
    args,
  );
  return { ...page, nodes: page.nodes.map(activityFrom) };
}
