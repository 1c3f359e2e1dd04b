/**
 * Brands, monthly themes and activities through the API of a seeded server, over real HTTP and WebSocket:
 * every operation of contract/activities.graphql as written, the refusals with their codes (and nothing
 * written), the change log, live counts and the participation figures checked against SQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, vi } from 'vitest';
import { ROOT_DIR } from '../../server/src/config.ts';
import { decodeId, encodeId } from '../../server/src/graphql/ids.ts';
import { contractDocument } from '../support/contract.ts';
import {
  errorCode as codeOf,
  errorField as fieldOf,
  type GqlResult,
  type Harness,
  subscribe,
} from '../support/harness.ts';
import { harnessTest } from '../support/harness-test.ts';
import { changeEvents, tablesDigest } from '../support/tables.ts';

const DOC = contractDocument('activities');
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Street time is UTC+8: the calendar months of themes are counted there. */
const streetYearMonth = (ms: number) => {
  const d = new Date(ms + 8 * HOUR);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
};
/** An instant given in street time. */
const streetTime = (year: number, month: number, day = 1) => new Date(Date.UTC(year, month - 1, day) - 8 * HOUR);
/** The seed runs with now = today 00:00 UTC. */
const SEED_YEAR = streetYearMonth(
  Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()),
).year;

const ACTIVITY =
  'id title status capacity signedUpCount checkedInCount mySignUp version startsAt theme { id } organizer { id }';
const CREATE = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { ${ACTIVITY} } } }`;
const UPDATE = `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { activity { ${ACTIVITY} } } }`;
const CANCEL = `mutation($input: CancelActivityInput!) { cancelActivity(input: $input) { activity { ${ACTIVITY} } } }`;
const FINISH = `mutation($input: FinishActivityInput!) { finishActivity(input: $input) { activity { ${ACTIVITY} } } }`;
const CANCEL_SIGN_UP = `mutation($input: CancelActivitySignUpInput!) { cancelActivitySignUp(input: $input) { activity { ${ACTIVITY} } } }`;
const ONE = `query($id: ID!) { activity(id: $id) { ${ACTIVITY}
  signUps { person { id } status cancelledAt checkedIn } checkIns { person { id } hours walkIn recordedBy { id } } } }`;
const CREATE_THEME = `mutation($input: CreateMonthlyThemeInput!) { createMonthlyTheme(input: $input) { monthlyTheme { id year month title version brand { id } } } }`;
const UPDATE_THEME = `mutation($input: UpdateMonthlyThemeInput!) { updateMonthlyTheme(input: $input) { monthlyTheme { id year month title version } } }`;
const DELETE_THEME = `mutation($input: DeleteMonthlyThemeInput!) { deleteMonthlyTheme(input: $input) { deletedId } }`;
const CREATE_BRAND = `mutation($input: CreateServiceBrandInput!) { createServiceBrand(input: $input) { serviceBrand { id code name nameZh active } } }`;
const UPDATE_BRAND = `mutation($input: UpdateServiceBrandInput!) { updateServiceBrand(input: $input) { serviceBrand { id code active } } }`;
const DELETE_BRAND = `mutation($input: DeleteServiceBrandInput!) { deleteServiceBrand(input: $input) { deletedId } }`;
const PARTICIPATION = `query($u: ID, $from: DateTime, $to: DateTime) { activityParticipation(orgUnitId: $u, from: $from, to: $to) {
  activities signUps attendances uniqueParticipants walkIns noShows hoursServed
  byMonth { year month activities attendances uniqueParticipants } } }`;

const dbId = (id: string) => decodeId('Activity', id) as number;
/** Everything activities write (the points ledger included). */
const ACTIVITY_TABLES = [
  'service_brand',
  'monthly_theme',
  'activity',
  'activity_sign_up',
  'activity_check_in',
  'change_event',
  'point_entry',
];

const it = harnessTest
  /** Runs one operation of the contract document, as written, over HTTP. */
  .extend('run', { scope: 'file' }, ({ h, world }) => {
    return async (operationName: string, variables: Record<string, unknown>, username: string) =>
      h.operation(DOC, operationName, variables, await world.token(username));
  })
  /** Runs a query or mutation as `username`. */
  .extend('gql', { scope: 'file' }, ({ world }) => world.as)
  /** Runs a query that must succeed and returns its data. */
  .extend('ok', { scope: 'file' }, ({ gql }) => async (username: string, query: string, variables = {}) => {
    const res = await gql(username, query, variables);
    expect(res.errors, `${username}: ${JSON.stringify(res.errors)}`).toBeUndefined();
    return res.data;
  })
  /** The theme of the street month an instant falls in (null outside the seeded year). */
  .extend('themeFor', { scope: 'file' }, ({ run }) => {
    const themeIds = new Map<string, string | null>();
    return async (at: Date): Promise<string | null> => {
      const { year, month } = streetYearMonth(at.getTime());
      const key = `${year}-${month}`;
      if (!themeIds.has(key)) {
        const res = await run('MonthlyThemes', { year }, 'admin');
        for (const m of res.data.monthlyThemes) themeIds.set(`${m.year}-${m.month}`, m.id);
        if (!themeIds.has(key)) themeIds.set(key, null);
      }
      return themeIds.get(key) ?? null;
    };
  })
  /** Creates an activity (default: Wenxiangyuan's, in an hour, two hours long, 5 places). */
  .extend('newActivity', { scope: 'file' }, ({ world, ok, themeFor }) => {
    return async (input: Record<string, unknown> = {}, username = 'wenxiangyuan.secretary') => {
      const startsAt = (input.startsAt as Date | undefined) ?? new Date(Date.now() + HOUR);
      const themeId = 'themeId' in input ? input.themeId : await themeFor(startsAt);
      const data = await ok(username, CREATE, {
        input: {
          organizerId: world.unit('Wenxiangyuan'),
          title: '文香苑楼道清理',
          place: '文香苑小区广场',
          capacity: 5,
          pointsPerParticipant: 3,
          ...input,
          ...(themeId ? { themeId } : {}),
          startsAt: startsAt.toISOString(),
          endsAt: ((input.endsAt as Date | undefined) ?? new Date(startsAt.getTime() + 2 * HOUR)).toISOString(),
        },
      });
      return data.createActivity.activity;
    };
  })
  /** Expects the operation to be refused with `code` (and `field`) and to change nothing. */
  .extend('refused', { scope: 'file' }, ({ h }) => {
    return async (code: string, attempt: () => Promise<GqlResult>, field?: string) => {
      const before = await tablesDigest(h, ACTIVITY_TABLES);
      const res = await attempt();
      expect(codeOf(res), JSON.stringify(res)).toBe(code);
      if (field) expect(fieldOf(res)).toBe(field);
      expect(await tablesDigest(h, ACTIVITY_TABLES)).toBe(before);
      return res;
    };
  })
  /** The change log of an activity. */
  .extend('changes', { scope: 'file' }, ({ h }) => {
    return (activityId: string) => changeEvents(h, 'Activity', dbId(activityId));
  })
  .extend('signUp', { scope: 'file' }, ({ run }) => {
    return (username: string, activityId: string) => run('SignUpForActivity', { input: { activityId } }, username);
  })
  .extend('checkIn', { scope: 'file' }, ({ run }) => {
    return (username: string, input: Record<string, unknown>) => run('CheckInToActivity', { input }, username);
  });

/** The participation figures of the activities `where` selects, straight from the tables. */
async function participationBySql(h: Harness, where: string, params: unknown[]) {
  const { rows } = await h.db.query(
    `with acts as (select a.id, a.ends_at from activity a join org_unit o on o.id = a.organizer_id
                    where a.status <> 'CANCELLED' and ${where})
     select (select count(*) from acts)::int as activities,
            (select count(*) from activity_sign_up s join acts on acts.id = s.activity_id where s.status = 'SIGNED_UP')::int as "signUps",
            (select count(*) from activity_check_in c join acts on acts.id = c.activity_id)::int as attendances,
            (select count(distinct c.person_id) from activity_check_in c join acts on acts.id = c.activity_id)::int as "uniqueParticipants",
            (select count(*) from activity_check_in c join acts on acts.id = c.activity_id
              where not exists (select 1 from activity_sign_up s where s.activity_id = c.activity_id
                                  and s.person_id = c.person_id and s.status = 'SIGNED_UP'))::int as "walkIns",
            (select count(*) from activity_sign_up s join acts on acts.id = s.activity_id
              where s.status = 'SIGNED_UP' and acts.ends_at < now()
                and not exists (select 1 from activity_check_in c where c.activity_id = s.activity_id and c.person_id = s.person_id))::int as "noShows",
            (select coalesce(sum(c.hours), 0) from activity_check_in c join acts on acts.id = c.activity_id)::float8 as "hoursServed"`,
    params,
  );
  return rows[0];
}

describe('brands, themes and activities', () => {
  describe('the contract operations', () => {
    it('activities.graphql validates against schema/schema.graphql', () => {
      const printed = buildSchema(fs.readFileSync(path.join(ROOT_DIR, 'schema/schema.graphql'), 'utf8'));
      expect(validate(printed, parse(DOC)).map((e) => e.message)).toEqual([]);
    });

    it('MonthlyThemes returns the twelve themes of the year by month, each with its brand', async ({ h, run }) => {
      const res = await run('MonthlyThemes', { year: SEED_YEAR }, 'resident.wenxiangyuan.1');
      expect(res.errors).toBeUndefined();
      const themes = res.data.monthlyThemes;
      expect(themes.map((t: any) => t.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(themes.every((t: any) => t.year === SEED_YEAR && t.title.length > 0)).toBe(true);
      expect(new Set(themes.map((t: any) => t.brand.name))).toEqual(
        new Set(['Happy Neighbourhood Festival', 'Community Emergency Drill', 'Red Saturday']),
      );
      const { rows } = await h.db.query('select id, title from monthly_theme where year = $1 order by month', [
        SEED_YEAR,
      ]);
      expect(themes.map((t: any) => [decodeId('MonthlyTheme', t.id), t.title])).toEqual(
        rows.map((r) => [r.id, r.title]),
      );
      const none = await run('MonthlyThemes', { year: 2001 }, 'screen.hongshun');
      expect(none.data.monthlyThemes).toEqual([]);
    });

    it('Activities pages through every activity, soonest first, adding up to totalCount', async ({ h, run }) => {
      const { rows } = await h.db.query(
        `select a.id, (select count(*) from activity_sign_up s where s.activity_id = a.id and s.status = 'SIGNED_UP')::int as n
           from activity a`,
      );
      const signedUp = new Map(rows.map((r) => [r.id as number, r.n as number]));
      const seen: any[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page++) {
        const res = await run('Activities', { first: 100, after }, 'resident.wenxiangyuan.1');
        expect(res.errors).toBeUndefined();
        const conn = res.data.activities;
        expect(conn.totalCount).toBe(rows.length);
        seen.push(...conn.edges.map((e: any) => e.node));
        if (!conn.pageInfo.hasNextPage) break;
        after = conn.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(rows.length);
      expect(new Set(seen.map((a) => a.id)).size).toBe(rows.length);
      const starts = seen.map((a) => Date.parse(a.startsAt));
      expect([...starts].sort((x, y) => x - y)).toEqual(starts);
      for (const a of seen) {
        expect(a.signedUpCount, a.title).toBe(signedUp.get(dbId(a.id)));
        expect(a.signedUpCount).toBeLessThanOrEqual(a.capacity);
        expect(a.organizer.name).toBeTruthy();
        expect(Date.parse(a.endsAt)).toBeGreaterThan(Date.parse(a.startsAt));
      }
      expect(seen.filter((a) => a.theme !== null).length).toBeGreaterThanOrEqual(300);
      const screen = await run('Activities', { first: 5 }, 'screen.hongshun');
      expect(screen.data.activities.edges).toHaveLength(5);
    });

    it('Activities filters by organiser subtree, theme, period and upcoming', async ({
      h,
      world: w,
      run,
      themeFor,
      newActivity,
    }) => {
      const count = async (where: string, params: unknown[]) =>
        (
          await h.db.query(
            `select count(*)::int as n from activity a join org_unit o on o.id = a.organizer_id where ${where}`,
            params,
          )
        ).rows[0].n as number;
      const hongshunPath = (await h.db.query(`select path from org_unit where name = 'Hongshun Road Community'`))
        .rows[0].path as string;

      const hongshun = await run(
        'Activities',
        { filter: { orgUnitId: w.unit('Hongshun Road Community') }, first: 100 },
        'member.financial.1',
      );
      expect(hongshun.data.activities.totalCount).toBe(await count('o.path like $1', [`${hongshunPath}%`]));
      expect(hongshun.data.activities.totalCount).toBeGreaterThan(0);
      const { rows: units } = await h.db.query('select id from org_unit where path like $1', [`${hongshunPath}%`]);
      const inside = new Set(units.map((u) => encodeId('OrgUnit', u.id)));
      expect(hongshun.data.activities.edges.every((e: any) => inside.has(e.node.organizer.id))).toBe(true);

      const march = await themeFor(streetTime(SEED_YEAR, 3, 15));
      const byTheme = await run('Activities', { filter: { themeId: march }, first: 100 }, 'resident.wenxiangyuan.1');
      expect(byTheme.data.activities.totalCount).toBe(
        await count('a.theme_id = $1', [decodeId('MonthlyTheme', march)]),
      );
      expect(byTheme.data.activities.edges.every((e: any) => e.node.theme.id === march)).toBe(true);

      const from = streetTime(SEED_YEAR, 6);
      const to = streetTime(SEED_YEAR, 7);
      const june = await run('Activities', { filter: { from, to }, first: 100 }, 'resident.wenxiangyuan.1');
      expect(june.data.activities.totalCount).toBe(await count('a.starts_at >= $1 and a.starts_at < $2', [from, to]));
      for (const e of june.data.activities.edges) {
        expect(Date.parse(e.node.startsAt)).toBeGreaterThanOrEqual(from.getTime());
        expect(Date.parse(e.node.startsAt)).toBeLessThan(to.getTime());
      }

      await newActivity({ title: '即将开始的活动' });
      const upcoming = await run('Activities', { filter: { upcoming: true }, first: 100 }, 'resident.wenxiangyuan.1');
      expect(upcoming.data.activities.totalCount).toBe(
        await count(`a.starts_at > now() and a.status <> 'CANCELLED'`, []),
      );
      expect(upcoming.data.activities.edges.every((e: any) => Date.parse(e.node.startsAt) > Date.now() - 60_000)).toBe(
        true,
      );
      const upcomingHere = await run(
        'Activities',
        { filter: { upcoming: true, orgUnitId: w.unit('Hongshun Road Community') }, first: 2 },
        'resident.wenxiangyuan.1',
      );
      expect(upcomingHere.data.activities.totalCount).toBe(
        await count(`a.starts_at > now() and a.status <> 'CANCELLED' and o.path like $1`, [`${hongshunPath}%`]),
      );

      const unknown = await run('Activities', { filter: { orgUnitId: 'nope' } }, 'resident.wenxiangyuan.1');
      expect(unknown.data.activities.totalCount).toBe(0);
      const backwards = await run('Activities', { filter: { from: to, to: from } }, 'resident.wenxiangyuan.1');
      expect([codeOf(backwards), fieldOf(backwards)]).toEqual(['BAD_USER_INPUT', 'filter.to']);
      expect(codeOf(await run('Activities', { first: 101 }, 'resident.wenxiangyuan.1'))).toBe('BAD_USER_INPUT');
      expect(codeOf(await run('Activities', { after: 'garbage' }, 'resident.wenxiangyuan.1'))).toBe('BAD_USER_INPUT');
    });

    it('SignUpForActivity signs the viewer up: the count, their own status and the change log follow', async ({
      ok,
      newActivity,
      changes,
      signUp,
    }) => {
      const activity = await newActivity({ capacity: 3 });
      for (const [i, username] of [
        'member.wenxiangyuan.1',
        'volunteer.wenxiangyuan.1',
        'resident.wenxiangyuan.1',
      ].entries()) {
        const res = await signUp(username, activity.id);
        expect(res.errors).toBeUndefined();
        expect(res.data.signUpForActivity.activity).toEqual({ id: activity.id, signedUpCount: i + 1 });
      }
      const mine = await ok('member.wenxiangyuan.1', ONE, { id: activity.id });
      expect(mine.activity).toMatchObject({ mySignUp: 'SIGNED_UP', signUps: null, checkIns: null });
      const other = await ok('member.wenxiangyuan.2', ONE, { id: activity.id });
      expect(other.activity.mySignUp).toBeNull();
      const staff = await ok('wenxiangyuan.secretary', ONE, { id: activity.id });
      expect(staff.activity.signUps).toHaveLength(3);
      expect((await ok('financial.secretary', ONE, { id: activity.id })).activity.signUps).toBeNull();
      expect((await changes(activity.id)).map((c) => [c.action, c.actor])).toEqual([
        ['CREATE', 'wenxiangyuan.secretary'],
        ['SIGN_UP', 'member.wenxiangyuan.1'],
        ['SIGN_UP', 'volunteer.wenxiangyuan.1'],
        ['SIGN_UP', 'resident.wenxiangyuan.1'],
      ]);
    });

    it('CheckInToActivity records a signed-up member and a walk-in; hours default to the scheduled length', async ({
      world: w,
      run,
      ok,
      newActivity,
      changes,
      signUp,
    }) => {
      const activity = await newActivity({ capacity: 3 });
      await signUp('member.wenxiangyuan.2', activity.id);
      const member = await w.person('member.wenxiangyuan.2');
      const walkIn = await w.person('resident.wenxiangyuan.2');
      const first = await run(
        'CheckInToActivity',
        { input: { activityId: activity.id, personId: member, hours: 1.5 } },
        'wenxiangyuan.secretary',
      );
      expect(first.errors).toBeUndefined();
      expect(first.data.checkInToActivity.activity).toEqual({ id: activity.id, checkedInCount: 1 });
      // A secretary of the community above records the walk-in.
      const second = await run(
        'CheckInToActivity',
        { input: { activityId: activity.id, personId: walkIn } },
        'hongshun.secretary',
      );
      expect(second.data.checkInToActivity.activity).toEqual({ id: activity.id, checkedInCount: 2 });
      const seen = await ok('hongshun.secretary', ONE, { id: activity.id });
      expect(seen.activity.checkIns).toEqual([
        {
          person: { id: member },
          hours: 1.5,
          walkIn: false,
          recordedBy: { id: await w.person('wenxiangyuan.secretary') },
        },
        { person: { id: walkIn }, hours: 2, walkIn: true, recordedBy: { id: await w.person('hongshun.secretary') } },
      ]);
      expect(seen.activity.signUps).toEqual([
        { person: { id: member }, status: 'SIGNED_UP', cancelledAt: null, checkedIn: true },
      ]);
      expect((await changes(activity.id)).filter((c) => c.action === 'CHECK_IN').map((c) => c.data)).toEqual([
        { personId: decodeId('Person', member), hours: 1.5, walkIn: false },
        { personId: decodeId('Person', walkIn), hours: 2, walkIn: true },
      ]);
    });

    it('ActivitySignUps sends the current counts, then one message after a sign-up, a cancellation and a check-in', async ({
      h,
      world: w,
      run,
      ok,
      newActivity,
      signUp,
    }) => {
      const activity = await newActivity({ capacity: 4 });
      await signUp('member.wenxiangyuan.3', activity.id);
      const listeners = h.app.hub.listenerCount();
      const client = h.ws(await w.token('screen.hongshun'));
      const sub = subscribe(client, DOC, { activityId: activity.id }, 'ActivitySignUps');
      await sub.next(1);
      expect(sub.items[0]).toEqual({ activitySignUps: { id: activity.id, signedUpCount: 1, checkedInCount: 0 } });

      await signUp('member.wenxiangyuan.1', activity.id);
      await sub.next(2);
      await ok('member.wenxiangyuan.1', CANCEL_SIGN_UP, { input: { activityId: activity.id } });
      await sub.next(3);
      await run(
        'CheckInToActivity',
        { input: { activityId: activity.id, personId: await w.person('member.wenxiangyuan.3') } },
        'wenxiangyuan.secretary',
      );
      await sub.next(4);
      expect(sub.errors).toEqual([]);
      expect(sub.items.map((m) => m.activitySignUps)).toEqual([
        { id: activity.id, signedUpCount: 1, checkedInCount: 0 },
        { id: activity.id, signedUpCount: 2, checkedInCount: 0 },
        { id: activity.id, signedUpCount: 1, checkedInCount: 0 },
        { id: activity.id, signedUpCount: 1, checkedInCount: 1 },
      ]);
      // Changes to other activities send nothing here.
      const other = await newActivity();
      await signUp('member.wenxiangyuan.1', other.id);
      const probe = subscribe(client, DOC, { activityId: other.id }, 'ActivitySignUps');
      await probe.next(1);
      expect(sub.items).toHaveLength(4);

      sub.dispose();
      probe.dispose();
      await client.dispose();
      // Leaving while waiting for the next message removes the listener (no sleep: poll with a deadline).
      await vi.waitFor(() => expect(h.app.hub.listenerCount()).toBe(listeners), { timeout: 5_000, interval: 10 });
    });

    it('ActivitySignUps of an unknown or malformed activity is NOT_FOUND', async ({ h, world: w }) => {
      const client = h.ws(await w.token('resident.wenxiangyuan.1'));
      for (const activityId of ['not-an-id', encodeId('Activity', 999_999), encodeId('Wish', 1)]) {
        const sub = subscribe(client, DOC, { activityId }, 'ActivitySignUps');
        await sub.next(1);
        expect(sub.errors[0]?.extensions?.code ?? sub.errors[0]?.[0]?.extensions?.code, activityId).toBe('NOT_FOUND');
        expect(sub.items).toEqual([]);
      }
      await client.dispose();
    });
  });

  describe('sign-up refusals', () => {
    it('a full activity → BAD_USER_INPUT naming activityId; nothing written', async ({
      newActivity,
      refused,
      signUp,
    }) => {
      const activity = await newActivity({ capacity: 1 });
      expect((await signUp('member.wenxiangyuan.1', activity.id)).errors).toBeUndefined();
      await refused('BAD_USER_INPUT', () => signUp('member.wenxiangyuan.2', activity.id), 'activityId');
    });

    it('a past, finished or cancelled activity → BAD_USER_INPUT; nothing written', async ({
      h,
      ok,
      newActivity,
      refused,
      signUp,
    }) => {
      const past = await newActivity(
        { startsAt: new Date(Date.now() - 2 * HOUR), endsAt: new Date(Date.now() - HOUR), themeId: null },
        'admin',
      );
      await refused('BAD_USER_INPUT', () => signUp('member.wenxiangyuan.1', past.id), 'activityId');
      const { rows } = await h.db.query(`select id from activity where status = 'FINISHED' order by id limit 1`);
      await refused('BAD_USER_INPUT', () => signUp('member.wenxiangyuan.1', encodeId('Activity', rows[0].id)));
      const called = await newActivity();
      await ok('wenxiangyuan.secretary', CANCEL, { input: { id: called.id, reason: '下雨' } });
      await refused('BAD_USER_INPUT', () => signUp('member.wenxiangyuan.1', called.id), 'activityId');
    });

    it('a second sign-up → CONFLICT; on a full activity "full" comes first (BAD_USER_INPUT)', async ({
      newActivity,
      refused,
      signUp,
    }) => {
      const activity = await newActivity({ capacity: 2 });
      expect((await signUp('member.wenxiangyuan.1', activity.id)).errors).toBeUndefined();
      await refused('CONFLICT', () => signUp('member.wenxiangyuan.1', activity.id));
      expect((await signUp('member.wenxiangyuan.2', activity.id)).errors).toBeUndefined();
      await refused('BAD_USER_INPUT', () => signUp('member.wenxiangyuan.1', activity.id));
    });

    it('a display screen → FORBIDDEN; an unknown or malformed activity → NOT_FOUND', async ({
      newActivity,
      refused,
      signUp,
    }) => {
      const activity = await newActivity();
      await refused('FORBIDDEN', () => signUp('screen.hongshun', activity.id));
      await refused('NOT_FOUND', () => signUp('member.wenxiangyuan.1', 'bm9wZQ'));
      await refused('NOT_FOUND', () => signUp('member.wenxiangyuan.1', encodeId('Activity', 999_999)));
    });

    it('cancel: only one’s own active sign-up, before the start; renewal re-uses the row when there is room', async ({
      h,
      gql,
      ok,
      newActivity,
      refused,
      changes,
      signUp,
    }) => {
      const activity = await newActivity({ capacity: 1 });
      const cancel = (username: string) => gql(username, CANCEL_SIGN_UP, { input: { activityId: activity.id } });
      expect((await signUp('member.wenxiangyuan.1', activity.id)).errors).toBeUndefined();
      const cancelled = await cancel('member.wenxiangyuan.1');
      expect(cancelled.data.cancelActivitySignUp.activity).toMatchObject({ signedUpCount: 0, mySignUp: 'CANCELLED' });
      await refused('INVALID_TRANSITION', () => cancel('member.wenxiangyuan.1'));
      await refused('INVALID_TRANSITION', () => cancel('member.wenxiangyuan.2'));
      expect((await signUp('member.wenxiangyuan.2', activity.id)).errors).toBeUndefined();
      await refused('BAD_USER_INPUT', () => signUp('member.wenxiangyuan.1', activity.id));
      await cancel('member.wenxiangyuan.2');
      expect((await signUp('member.wenxiangyuan.1', activity.id)).data.signUpForActivity.activity.signedUpCount).toBe(
        1,
      );
      const { rows } = await h.db.query(
        `select p.username, s.status, s.cancelled_at from activity_sign_up s join person p on p.id = s.person_id
          where s.activity_id = $1 order by p.username`,
        [dbId(activity.id)],
      );
      expect(rows).toEqual([
        { username: 'member.wenxiangyuan.1', status: 'SIGNED_UP', cancelled_at: null },
        { username: 'member.wenxiangyuan.2', status: 'CANCELLED', cancelled_at: expect.any(Date) },
      ]);
      expect((await changes(activity.id)).map((c) => c.action)).toEqual([
        'CREATE',
        'SIGN_UP',
        'CANCEL_SIGN_UP',
        'SIGN_UP',
        'CANCEL_SIGN_UP',
        'SIGN_UP',
      ]);
      // Once it has started, a sign-up stays.
      await ok('admin', UPDATE, {
        input: {
          id: activity.id,
          themeId: null,
          startsAt: new Date(Date.now() - HOUR),
          endsAt: new Date(Date.now() + HOUR),
        },
      });
      await refused('BAD_USER_INPUT', () => cancel('member.wenxiangyuan.1'), 'activityId');
    });
  });

  describe('check-in refusals', () => {
    it('hours 0 or 25 → BAD_USER_INPUT; a resident, a grid worker or another community → FORBIDDEN; a second check-in → CONFLICT', async ({
      world: w,
      newActivity,
      refused,
      checkIn,
    }) => {
      const activity = await newActivity();
      const personId = await w.person('member.wenxiangyuan.4');
      const input = { activityId: activity.id, personId };
      for (const hours of [0, -1, 24.5, 25]) {
        await refused('BAD_USER_INPUT', () => checkIn('wenxiangyuan.secretary', { ...input, hours }), 'hours');
      }
      for (const username of [
        'resident.wenxiangyuan.1',
        'member.wenxiangyuan.1',
        'grid.hongshun',
        'financial.secretary',
        'screen.hongshun',
      ]) {
        await refused('FORBIDDEN', () => checkIn(username, input));
      }
      await refused('NOT_FOUND', () => checkIn('wenxiangyuan.secretary', { ...input, personId: 'bm9wZQ' }));
      await refused('NOT_FOUND', () =>
        checkIn('wenxiangyuan.secretary', { ...input, activityId: encodeId('Activity', 999_999) }),
      );
      const screen = await w.person('screen.hongshun');
      await refused(
        'BAD_USER_INPUT',
        () => checkIn('wenxiangyuan.secretary', { ...input, personId: screen }),
        'personId',
      );
      expect((await checkIn('wenxiangyuan.secretary', { ...input, hours: 24 })).errors).toBeUndefined();
      await refused('CONFLICT', () => checkIn('hongshun.secretary', input));
      await refused('CONFLICT', () => checkIn('admin', { ...input, hours: 1 }));
    });

    it('check-in opens two hours before the start; a finished activity takes no more', async ({
      world: w,
      gql,
      ok,
      newActivity,
      refused,
      changes,
      signUp,
      checkIn,
    }) => {
      const later = await newActivity({ startsAt: new Date(Date.now() + 5 * HOUR) });
      const personId = await w.person('member.wenxiangyuan.5');
      await refused('INVALID_TRANSITION', () => checkIn('wenxiangyuan.secretary', { activityId: later.id, personId }));
      await refused('INVALID_TRANSITION', () => gql('wenxiangyuan.secretary', FINISH, { input: { id: later.id } }));

      const activity = await newActivity({ themeId: null });
      await signUp('member.wenxiangyuan.5', activity.id);
      await signUp('member.wenxiangyuan.4', activity.id);
      await ok('wenxiangyuan.secretary', UPDATE, {
        input: { id: activity.id, startsAt: new Date(Date.now() - HOUR), endsAt: new Date(Date.now() + HOUR) },
      });
      await checkIn('wenxiangyuan.secretary', { activityId: activity.id, personId });
      const finished = await ok('wenxiangyuan.secretary', FINISH, { input: { id: activity.id } });
      expect(finished.finishActivity.activity).toMatchObject({
        status: 'FINISHED',
        signedUpCount: 2,
        checkedInCount: 1,
      });
      const other = await w.person('member.wenxiangyuan.4');
      await refused('INVALID_TRANSITION', () =>
        checkIn('wenxiangyuan.secretary', { activityId: activity.id, personId: other }),
      );
      await refused('INVALID_TRANSITION', () => gql('wenxiangyuan.secretary', FINISH, { input: { id: activity.id } }));
      await refused('FORBIDDEN', () => gql('financial.secretary', FINISH, { input: { id: later.id } }));
      expect((await changes(activity.id)).map((c) => c.action)).toEqual([
        'CREATE',
        'SIGN_UP',
        'SIGN_UP',
        'UPDATE',
        'CHECK_IN',
        'FINISH',
      ]);
    });
  });

  describe('managing activities', () => {
    it('a Financial Road secretary may not create, edit or cancel Hongshun Road activities: FORBIDDEN, nothing written', async ({
      world: w,
      gql,
      ok,
      newActivity,
      refused,
      changes,
    }) => {
      const hongshun = await newActivity(
        { organizerId: w.unit('Hongshun Road Community'), title: '洪顺路社区应急演练' },
        'hongshun.secretary',
      );
      await refused('FORBIDDEN', () =>
        gql('financial.secretary', UPDATE, { input: { id: hongshun.id, title: '改名' } }),
      );
      await refused('FORBIDDEN', () => gql('financial.secretary', CANCEL, { input: { id: hongshun.id } }));
      await refused('FORBIDDEN', () =>
        gql('financial.secretary', CREATE, {
          input: {
            organizerId: w.unit('Wenxiangyuan'),
            title: 'x',
            place: 'y',
            startsAt: new Date(Date.now() + DAY),
            endsAt: new Date(Date.now() + DAY + HOUR),
            capacity: 3,
          },
        }),
      );
      // A compound secretary does not run their community's activities; residents run none.
      await refused('FORBIDDEN', () =>
        gql('wenxiangyuan.secretary', UPDATE, { input: { id: hongshun.id, capacity: 9 } }),
      );
      await refused('FORBIDDEN', () => gql('resident.wenxiangyuan.1', CANCEL, { input: { id: hongshun.id } }));
      // The community secretary runs the compound's activities too, and the street runs everything.
      const compound = await newActivity();
      const edited = await ok('hongshun.secretary', UPDATE, {
        input: { id: compound.id, capacity: 9, expectedVersion: 1 },
      });
      expect(edited.updateActivity.activity).toMatchObject({ capacity: 9, version: 2 });
      await refused('CONFLICT', () =>
        gql('admin', UPDATE, { input: { id: compound.id, capacity: 8, expectedVersion: 1 } }),
      );
      const called = await ok('admin', CANCEL, { input: { id: hongshun.id, reason: '场地冲突' } });
      expect(called.cancelActivity.activity.status).toBe('CANCELLED');
      await refused('INVALID_TRANSITION', () => gql('admin', CANCEL, { input: { id: hongshun.id } }));
      await refused('INVALID_TRANSITION', () => gql('admin', UPDATE, { input: { id: hongshun.id, title: '再改' } }));
      expect((await changes(hongshun.id)).map((c) => [c.action, c.actor])).toEqual([
        ['CREATE', 'hongshun.secretary'],
        ['CANCEL', 'admin'],
      ]);
    });

    it('validates activity input, naming the field', async ({
      world: w,
      gql,
      themeFor,
      newActivity,
      refused,
      signUp,
    }) => {
      const base = {
        organizerId: w.unit('Wenxiangyuan'),
        title: '测试',
        place: '文香苑',
        startsAt: new Date(Date.now() + DAY),
        endsAt: new Date(Date.now() + DAY + HOUR),
        capacity: 3,
      };
      const create = (input: Record<string, unknown>) =>
        gql('wenxiangyuan.secretary', CREATE, { input: { ...base, ...input } });
      await refused('BAD_USER_INPUT', () => create({ endsAt: base.startsAt }), 'endsAt');
      await refused('BAD_USER_INPUT', () => create({ capacity: 0 }), 'capacity');
      await refused('BAD_USER_INPUT', () => create({ pointsPerParticipant: -1 }), 'pointsPerParticipant');
      await refused('BAD_USER_INPUT', () => create({ title: '  ' }), 'title');
      await refused('BAD_USER_INPUT', () => create({ place: '' }), 'place');
      const wrongMonth = streetYearMonth(base.startsAt.getTime()).month === 1 ? 2 : 1;
      const wrongTheme = await themeFor(streetTime(SEED_YEAR, wrongMonth, 15));
      await refused('BAD_USER_INPUT', () => create({ themeId: wrongTheme }), 'themeId');
      await refused('NOT_FOUND', () => create({ organizerId: 'bm9wZQ' }));
      await refused('NOT_FOUND', () => create({ themeId: encodeId('MonthlyTheme', 999_999) }));

      const activity = await newActivity({ capacity: 2 });
      await signUp('member.wenxiangyuan.1', activity.id);
      await signUp('member.wenxiangyuan.2', activity.id);
      await refused(
        'BAD_USER_INPUT',
        () => gql('admin', UPDATE, { input: { id: activity.id, capacity: 1 } }),
        'capacity',
      );
    });

    it('the staff list: total count, whitelisted sorting, offset pages, ids, q and manageable', async ({
      h,
      gql,
      ok,
    }) => {
      const LIST = `query($filter: ActivityListFilter, $sort: ListSort, $offset: Int, $limit: Int) {
        activityList(filter: $filter, sort: $sort, offset: $offset, limit: $limit) { totalCount nodes { id title capacity startsAt canManage } } }`;
      const { rows } = await h.db.query('select count(*)::int as n from activity');
      const page1 = await ok('hongshun.secretary', LIST, { sort: { field: 'capacity', order: 'DESC' }, limit: 10 });
      expect(page1.activityList.totalCount).toBe(rows[0].n);
      const caps = page1.activityList.nodes.map((a: any) => a.capacity);
      expect([...caps].sort((x, y) => y - x)).toEqual(caps);
      const page2 = await ok('hongshun.secretary', LIST, {
        sort: { field: 'capacity', order: 'DESC' },
        limit: 10,
        offset: 10,
      });
      const ids = [...page1.activityList.nodes, ...page2.activityList.nodes].map((a: any) => a.id);
      expect(new Set(ids).size).toBe(20);
      const some = ids.slice(0, 3);
      expect(
        (await ok('hongshun.secretary', LIST, { filter: { ids: some } })).activityList.nodes
          .map((a: any) => a.id)
          .sort(),
      ).toEqual([...some].sort());
      const q = await ok('hongshun.secretary', LIST, { filter: { q: '洪顺路社区应急' }, limit: 50 });
      expect(q.activityList.nodes.length).toBeGreaterThanOrEqual(1);
      expect(q.activityList.nodes.every((a: any) => a.title.includes('洪顺路社区应急'))).toBe(true);
      const mine = await ok('hongshun.secretary', LIST, { filter: { manageable: true }, limit: 200 });
      const hongshunPath = (await h.db.query(`select path from org_unit where name = 'Hongshun Road Community'`))
        .rows[0].path;
      const manageable = await h.db.query(
        'select count(*)::int as n from activity a join org_unit o on o.id = a.organizer_id where o.path like $1',
        [`${hongshunPath}%`],
      );
      expect(mine.activityList.totalCount).toBe(manageable.rows[0].n);
      expect(mine.activityList.nodes.every((a: any) => a.canManage)).toBe(true);
      const bad = await gql('hongshun.secretary', LIST, { sort: { field: 'password' } });
      expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'sort.field']);
    });
  });

  describe('monthly themes and service brands', () => {
    it('a second theme for a month → CONFLICT, also when created at once; month and year are checked; nothing written', async ({
      h,
      world: w,
      gql,
      ok,
      themeFor,
      refused,
    }) => {
      const created = await ok('admin', CREATE_THEME, { input: { year: 2099, month: 1, title: '测试主题' } });
      expect(created.createMonthlyTheme.monthlyTheme).toMatchObject({ year: 2099, month: 1, version: 1, brand: null });
      await refused('CONFLICT', () => gql('admin', CREATE_THEME, { input: { year: 2099, month: 1, title: '又一个' } }));
      await refused('CONFLICT', () =>
        gql('admin', CREATE_THEME, { input: { year: SEED_YEAR, month: 5, title: '重复' } }),
      );
      const badInput: [Record<string, unknown>, string][] = [
        [{ year: 2099, month: 13, title: 'x' }, 'month'],
        [{ year: 2099, month: 0, title: 'x' }, 'month'],
        [{ year: 1999, month: 3, title: 'x' }, 'year'],
        [{ year: 2099, month: 3, title: '' }, 'title'],
      ];
      for (const [input, field] of badInput) {
        await refused('BAD_USER_INPUT', () => gql('admin', CREATE_THEME, { input }), field);
      }
      await refused('FORBIDDEN', () =>
        gql('hongshun.secretary', CREATE_THEME, { input: { year: 2099, month: 3, title: 'x' } }),
      );

      // Concurrent creates for one month: the unique constraint decides, the losers get CONFLICT.
      const admin = await w.token('admin');
      const race = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          h.gql(CREATE_THEME, { input: { year: 2099, month: 2, title: `并发 ${i}` } }, admin),
        ),
      );
      expect(race.filter((r) => !r.errors)).toHaveLength(1);
      expect(race.filter((r) => r.errors).map(codeOf)).toEqual(Array(5).fill('CONFLICT'));
      const { rows } = await h.db.query('select count(*)::int as n from monthly_theme where year = 2099 and month = 2');
      expect(rows[0].n).toBe(1);

      const january = created.createMonthlyTheme.monthlyTheme;
      await refused('CONFLICT', () => gql('admin', UPDATE_THEME, { input: { id: january.id, month: 2 } }));
      const moved = await ok('admin', UPDATE_THEME, {
        input: { id: january.id, month: 3, title: '三月', expectedVersion: 1 },
      });
      expect(moved.updateMonthlyTheme.monthlyTheme).toMatchObject({ month: 3, title: '三月', version: 2 });
      await refused('CONFLICT', () =>
        gql('admin', UPDATE_THEME, { input: { id: january.id, title: '旧', expectedVersion: 1 } }),
      );
      const seeded = await themeFor(streetTime(SEED_YEAR, 4, 10));
      await refused('INVALID_TRANSITION', () => gql('admin', DELETE_THEME, { input: { id: seeded } }));
      await refused('INVALID_TRANSITION', () => gql('admin', UPDATE_THEME, { input: { id: seeded, year: 2098 } }));
      await refused('FORBIDDEN', () => gql('hongshun.secretary', DELETE_THEME, { input: { id: january.id } }));
      expect((await ok('admin', DELETE_THEME, { input: { id: january.id } })).deleteMonthlyTheme.deletedId).toBe(
        january.id,
      );
      const log = await h.db.query(
        `select action from change_event where entity_type = 'MonthlyTheme' and entity_id = $1 order by sequence`,
        [decodeId('MonthlyTheme', january.id)],
      );
      expect(log.rows.map((r) => r.action)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
      const list = await ok(
        'screen.hongshun',
        `{ monthlyThemeList(filter: { year: ${SEED_YEAR} }, sort: { field: "month" }) { totalCount nodes { month } } }`,
      );
      expect(list.monthlyThemeList).toEqual({
        totalCount: 12,
        nodes: Array.from({ length: 12 }, (_, i) => ({ month: i + 1 })),
      });
    });

    it('serviceBrands lists the three brands; codes are unique (CONFLICT); only the street manages them', async ({
      h,
      gql,
      ok,
      refused,
    }) => {
      const brands = await ok('resident.wenxiangyuan.1', '{ serviceBrands { id code name nameZh nameEn active } }');
      expect(brands.serviceBrands.map((b: any) => [b.code, b.nameZh, b.name])).toEqual([
        ['neighbourhood_festival', '邻里节', 'Happy Neighbourhood Festival'],
        ['emergency_drill', '应急演练', 'Community Emergency Drill'],
        ['red_saturday', '红色星期六', 'Red Saturday'],
      ]);
      const input = { code: 'clean_river', nameZh: '护河行动', nameEn: 'River Guardians' };
      await refused('FORBIDDEN', () => gql('hongshun.secretary', CREATE_BRAND, { input }));
      await refused('CONFLICT', () => gql('admin', CREATE_BRAND, { input: { ...input, code: 'red_saturday' } }));
      await refused(
        'BAD_USER_INPUT',
        () => gql('admin', CREATE_BRAND, { input: { ...input, code: 'has space' } }),
        'code',
      );
      const created = (await ok('admin', CREATE_BRAND, { input })).createServiceBrand.serviceBrand;
      expect(created).toMatchObject({ code: 'clean_river', name: 'River Guardians', active: true });
      await refused('CONFLICT', () =>
        gql('admin', UPDATE_BRAND, { input: { id: created.id, code: 'emergency_drill' } }),
      );
      await ok('admin', UPDATE_BRAND, { input: { id: created.id, active: false } });
      expect((await ok('resident.wenxiangyuan.1', '{ serviceBrands { code } }')).serviceBrands).toHaveLength(3);
      const all = await ok('admin', '{ serviceBrandList(sort: { field: "code" }) { totalCount nodes { code } } }');
      expect(all.serviceBrandList.totalCount).toBe(4);
      expect(all.serviceBrandList.nodes.map((b: any) => b.code)).toEqual([
        'clean_river',
        'emergency_drill',
        'neighbourhood_festival',
        'red_saturday',
      ]);
      const used = brands.serviceBrands[2].id;
      await refused('INVALID_TRANSITION', () => gql('admin', DELETE_BRAND, { input: { id: used } }));
      await ok('admin', DELETE_BRAND, { input: { id: created.id } });
      const log = await h.db.query(
        `select action from change_event where entity_type = 'ServiceBrand' and entity_id = $1 order by sequence`,
        [decodeId('ServiceBrand', created.id)],
      );
      expect(log.rows.map((r) => r.action)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
    });
  });

  describe('participation', () => {
    it('counts attendances and unique participants separately, matching SQL, for the street, a subtree and a period', async ({
      h,
      world: w,
      gql,
      ok,
    }) => {
      const street = (await ok('admin', PARTICIPATION)).activityParticipation;
      const { byMonth, ...totals } = street;
      expect(totals).toEqual(await participationBySql(h, 'true', []));
      expect(street.uniqueParticipants).toBeGreaterThan(100);
      expect(street.attendances).toBeGreaterThan(3 * street.uniqueParticipants);
      expect(byMonth.reduce((n: number, m: any) => n + m.attendances, 0)).toBe(street.attendances);
      expect(byMonth.reduce((n: number, m: any) => n + m.activities, 0)).toBe(street.activities);
      // Unique participants of the months overlap: their sum exceeds the year's distinct people.
      expect(byMonth.reduce((n: number, m: any) => n + m.uniqueParticipants, 0)).toBeGreaterThan(
        street.uniqueParticipants,
      );

      const hongshunPath = (await h.db.query(`select path from org_unit where name = 'Hongshun Road Community'`))
        .rows[0].path;
      const from = streetTime(SEED_YEAR, 1);
      const to = streetTime(SEED_YEAR, 7);
      const part = await gql('screen.hongshun', PARTICIPATION, { u: w.unit('Hongshun Road Community'), from, to });
      expect(part.errors).toBeUndefined();
      const { byMonth: months, ...half } = part.data.activityParticipation;
      expect(half).toEqual(
        await participationBySql(h, 'o.path like $1 and a.starts_at >= $2 and a.starts_at < $3', [
          `${hongshunPath}%`,
          from,
          to,
        ]),
      );
      expect(months.every((m: any) => m.year === SEED_YEAR && m.month >= 1 && m.month <= 6)).toBe(true);
      expect(half.attendances).toBeGreaterThan(0);
    });

    it('is for staff and display screens; a bad unit or period is refused', async ({ h, gql }) => {
      for (const username of ['resident.wenxiangyuan.1', 'member.wenxiangyuan.1', 'volunteer.wenxiangyuan.1']) {
        expect(codeOf(await gql(username, PARTICIPATION)), username).toBe('FORBIDDEN');
      }
      expect(codeOf(await gql('grid.hongshun', PARTICIPATION))).toBeUndefined();
      expect(codeOf(await gql('admin', PARTICIPATION, { u: 'bm9wZQ' }))).toBe('NOT_FOUND');
      const now = new Date();
      const backwards = await gql('admin', PARTICIPATION, { from: now, to: new Date(now.getTime() - DAY) });
      expect([codeOf(backwards), fieldOf(backwards)]).toEqual(['BAD_USER_INPUT', 'to']);
      expect(codeOf(await h.gql(PARTICIPATION, {}, null))).toBe('UNAUTHENTICATED');
    });
  });
});
