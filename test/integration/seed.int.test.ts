/**
 * The demo seed on real PostgreSQL: two fresh databases seeded with the same seed and `now` hold the same
 * rows, and the data keeps the promises of DESIGN.md and contract/DEMO-ACCOUNTS.md.
 */
import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type SeedSummary, seedDemoData } from '../../seeds/demo/index.ts';
import { migrate } from '../../server/src/db/database.ts';
import { ormOptions } from '../../server/src/db/mikro-orm.config.ts';
import { verifyPassword } from '../../server/src/domain/auth/password.ts';
import {
  nextStatus,
  WISH_STATUSES,
  type WishAction,
  type WishStatus,
} from '../../server/src/domain/wishes/wish.lifecycle.ts';

/** The run's PostgreSQL server (see test/support/global-setup.ts), else the machine's. */
const SERVER_URL =
  process.env.TEST_DATABASE_URL || inject('pgServerUrl') || 'postgresql://postgres@127.0.0.1:5432/postgres';
const NOW = new Date('2025-03-15T00:00:00.000Z');
const SEED = 7;
const PASSWORD = 'wishgrid-demo';
const DAY = 24 * 3600 * 1000;

/** Raw queries through MikroORM's pg driver return timestamptz columns as strings. */
const ms = (value: string | Date) => new Date(value).getTime();

/** contract/DEMO-ACCOUNTS.md, with "a grid / a compound of …" resolved to the seed's units. */
const DEMO_ACCOUNTS: readonly [string, string, string][] = [
  ['admin', 'STREET_ADMIN', 'Xiguan Street'],
  ['hongshun.secretary', 'BRANCH_SECRETARY', 'Hongshun Road Community'],
  ['wenxiangyuan.secretary', 'BRANCH_SECRETARY', 'Wenxiangyuan'],
  ['financial.secretary', 'BRANCH_SECRETARY', 'Financial Road Community'],
  ['grid.hongshun', 'GRID_WORKER', 'Hongshun Road General Grid'],
  ...[1, 2, 3, 4, 5].map((i): [string, string, string] => [`member.wenxiangyuan.${i}`, 'PARTY_MEMBER', 'Wenxiangyuan']),
  ['member.financial.1', 'PARTY_MEMBER', 'Shanxi Printing and Dyeing Factory Compound'],
  ['volunteer.wenxiangyuan.1', 'VOLUNTEER', 'Wenxiangyuan'],
  ...[1, 2, 3].map((i): [string, string, string] => [`resident.wenxiangyuan.${i}`, 'RESIDENT', 'Wenxiangyuan']),
  ['resident.financial.1', 'RESIDENT', 'Shanxi Printing and Dyeing Factory Compound'],
  ['screen.hongshun', 'DISPLAY', 'Hongshun Road Community'],
];

/** Every seeded table, by its key; password hashes are salted, so they are left out of the comparison. */
const TABLES = [
  ['org_unit', 'id'],
  ['wish_category', 'id'],
  ['person', 'id'],
  ['person_role', 'id'],
  ['wish', 'id'],
  ['assignment', 'id'],
  ['meeting', 'id'],
  ['wish_event', 'sequence'],
] as const;

interface Seeded {
  orm: MikroORM;
  summary: SeedSummary;
}

async function freshDatabase(): Promise<MikroORM> {
  const url = new URL(SERVER_URL);
  url.pathname = `/wishgrid_seedtest_${randomBytes(6).toString('hex')}`;
  // MikroORM creates the database on connect (ensureDatabase), through the server's own ORM options.
  const orm = await MikroORM.init(ormOptions(url.toString()));
  // The schema as it is deployed: the migrations (extensions, functions and triggers included).
  await migrate(orm);
  return orm;
}

async function seeded(): Promise<Seeded> {
  const orm = await freshDatabase();
  const summary = await seedDemoData(orm.em.fork(), { demoPassword: PASSWORD, now: NOW, seed: SEED });
  return { orm, summary };
}

async function query<T>(orm: MikroORM, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await orm.em.getConnection().execute<Record<string, unknown>[]>(sql, params)) as T[];
}

async function digest(orm: MikroORM, table: string, key: string): Promise<string> {
  const [row] = await query<{ digest: string }>(
    orm,
    `select md5(coalesce(string_agg((to_jsonb(t) - 'password_hash')::text, E'\\n' order by t."${key}"), '')) as digest
       from "${table}" t`,
  );
  return row?.digest ?? '';
}

describe('the demo seed', () => {
  let a: Seeded;
  let b: Seeded;

  beforeAll(async () => {
    a = await seeded();
    b = await seeded();
  }, 120_000);

  afterAll(async () => {
    for (const s of [a, b]) {
      if (!s) continue;
      await s.orm.schema.dropDatabase();
      await s.orm.close(true);
    }
  }, 60_000);

  it('writes the same rows for the same seed and now', async () => {
    expect(b.summary).toEqual(a.summary);
    for (const [table, key] of TABLES) {
      expect(await digest(b.orm, table, key), table).toBe(await digest(a.orm, table, key));
    }
  });

  it('reports what it wrote', async () => {
    const { summary } = a;
    expect(summary.units).toMatchObject({ STREET: 1, COMMUNITY: 6, COMPOUND: 66 });
    expect(summary.units.GRID).toBeGreaterThanOrEqual(6);
    expect(summary.units.PARTNER).toBeGreaterThanOrEqual(1);
    expect(summary.categories).toBe(9);
    expect(Object.values(summary.wishes).reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(300);
    const [counts] = await query<{ people: number; wishes: number; events: number }>(
      a.orm,
      `select (select count(*)::int from person) as people, (select count(*)::int from wish) as wishes,
              (select count(*)::int from wish_event) as events`,
    );
    expect(counts).toEqual({
      people: summary.people,
      wishes: Object.values(summary.wishes).reduce((x, y) => x + y, 0),
      events: summary.events,
    });
  });

  it('builds the "1 + 6 + N" tree of Xiguan Street with materialized paths', async () => {
    const units = await query<{
      id: number;
      kind: string;
      name: string;
      parent: string | null;
      parent_kind: string | null;
      path: string;
      parent_path: string | null;
      population: number | null;
      has_property_management: boolean | null;
    }>(
      a.orm,
      `select u.id, u.kind, u.name, p.name as parent, p.kind as parent_kind, u.path, p.path as parent_path,
              u.population, u.has_property_management
         from org_unit u left join org_unit p on p.id = u.parent_id order by u.id`,
    );
    for (const u of units) expect(u.path).toBe(`${u.parent_path ?? '/'}${u.id}/`);

    const street = units.filter((u) => u.kind === 'STREET');
    expect(street).toHaveLength(1);
    expect(street[0]).toMatchObject({ name: 'Xiguan Street', population: 54506, parent: null });

    const communities = units.filter((u) => u.kind === 'COMMUNITY');
    expect(communities).toHaveLength(6);
    expect(communities.every((c) => c.parent === 'Xiguan Street')).toBe(true);
    expect(communities.reduce((sum, c) => sum + (c.population ?? 0), 0)).toBe(54506);

    const compounds = units.filter((u) => u.kind === 'COMPOUND');
    expect(compounds).toHaveLength(66);
    expect(compounds.every((c) => c.parent_kind === 'COMMUNITY')).toBe(true);
    expect(compounds.filter((c) => c.has_property_management === false)).toHaveLength(26);
    for (const c of communities) {
      const inside = compounds.filter((k) => k.parent === c.name).reduce((sum, k) => sum + (k.population ?? 0), 0);
      expect(inside, c.name).toBeLessThanOrEqual(c.population ?? 0);
    }

    const parentOf = (name: string) => units.find((u) => u.name === name)?.parent;
    expect(parentOf('Wenxiangyuan')).toBe('Hongshun Road Community');
    expect(parentOf('Shanxi Printing and Dyeing Factory Compound')).toBe('Financial Road Community');
    expect(parentOf('Financial Road Community')).toBe('Xiguan Street');
    expect(units.find((u) => u.name === 'Jiexiu Landscaping Center')).toMatchObject({
      kind: 'PARTNER',
      parent: 'Xiguan Street',
    });
    for (const c of communities) {
      expect(
        units.some((g) => g.kind === 'GRID' && g.parent === c.name),
        `general grid of ${c.name}`,
      ).toBe(true);
    }
    expect(
      units
        .filter((u) => u.kind === 'GRID')
        .every((g) => g.parent_kind === 'COMMUNITY' || g.parent_kind === 'COMPOUND'),
    ).toBe(true);
  });

  it('creates every demo account with its role and unit, and the shared demo password', async () => {
    const roles = await query<{
      username: string;
      role: string;
      unit: string;
      phone: string | null;
      display_name: string;
    }>(
      a.orm,
      `select p.username, r.role, u.name as unit, p.phone, p.display_name
         from person p join person_role r on r.person_id = p.id join org_unit u on u.id = r.org_unit_id
        where p.username is not null`,
    );
    for (const [username, role, unit] of DEMO_ACCOUNTS) {
      expect(roles, username).toContainEqual(expect.objectContaining({ username, role, unit }));
    }
    // Exactly the accounts of the contract, each with exactly its one role.
    expect(roles.map((r) => r.username).sort()).toEqual(DEMO_ACCOUNTS.map(([u]) => u).sort());
    expect(roles.find((r) => r.username === 'screen.hongshun')).toMatchObject({
      display_name: '洪顺路社区服务大厅大屏',
      phone: null,
    });

    const [admin] = await query<{ password_hash: string }>(
      a.orm,
      `select password_hash from person where username = 'admin'`,
    );
    expect(await verifyPassword(PASSWORD, admin?.password_hash)).toBe(true);
    const [withoutLogin] = await query<{ n: number }>(
      a.orm,
      'select count(*)::int as n from person where username is null and password_hash is not null',
    );
    expect(withoutLogin?.n).toBe(0);
  });

  it('gives every compound a branch secretary, party members and residents', async () => {
    const rows = await query<{ name: string; secretaries: number; members: number; residents: number }>(
      a.orm,
      `select u.name,
              count(*) filter (where r.role = 'BRANCH_SECRETARY')::int as secretaries,
              count(*) filter (where r.role in ('PARTY_MEMBER', 'VOLUNTEER'))::int as members,
              count(*) filter (where r.role = 'RESIDENT')::int as residents
         from org_unit u left join person_role r on r.org_unit_id = u.id
        where u.kind in ('COMPOUND', 'COMMUNITY') group by u.name`,
    );
    expect(rows).toHaveLength(72);
    for (const r of rows) expect(r.secretaries, r.name).toBe(1);
    const compounds = rows.filter((r) => r.residents > 0);
    expect(compounds).toHaveLength(66);
    for (const r of compounds) expect(r.members, r.name).toBeGreaterThanOrEqual(3);
  });

  describe('wish histories', () => {
    interface EventRow {
      wish_id: number;
      sequence: string;
      action: WishAction;
      from_status: WishStatus | null;
      to_status: WishStatus;
      at: string;
    }
    interface WishRow {
      id: number;
      status: WishStatus;
      version: number;
      created_at: string;
      updated_at: string;
    }

    it('use every status, and each one is a legal walk through the lifecycle ending in the wish status', async () => {
      const wishes = await query<WishRow>(
        a.orm,
        'select id, status, version, created_at, updated_at from wish order by id',
      );
      const events = await query<EventRow>(
        a.orm,
        'select wish_id, sequence, action, from_status, to_status, at from wish_event order by sequence',
      );
      expect(new Set(wishes.map((w) => w.status))).toEqual(new Set(WISH_STATUSES));

      const byWish = new Map<number, EventRow[]>();
      for (const e of events) byWish.set(e.wish_id, [...(byWish.get(e.wish_id) ?? []), e]);
      for (const w of wishes) {
        const history = byWish.get(w.id) ?? [];
        const [first, ...rest] = history;
        expect(first, `wish ${w.id}`).toMatchObject({ action: 'SUBMIT', from_status: null, to_status: 'SUBMITTED' });
        let previous = first as EventRow;
        for (const e of rest) {
          expect(e.from_status, `wish ${w.id} ${e.action}`).toBe(previous.to_status);
          expect(nextStatus(e.from_status as WishStatus, e.action), `wish ${w.id} ${e.action}`).toBe(e.to_status);
          expect(ms(e.at), `wish ${w.id} ${e.action}`).toBeGreaterThan(ms(previous.at));
          previous = e;
        }
        expect(previous.to_status, `wish ${w.id}`).toBe(w.status);
        expect(w.version).toBe(history.length);
        expect(ms(w.created_at)).toBe(ms((first as EventRow).at));
        expect(ms(w.updated_at)).toBe(ms(previous.at));
        expect(ms(previous.at)).toBeLessThan(NOW.getTime());
        expect(ms(w.created_at)).toBeGreaterThan(NOW.getTime() - 330 * DAY);
        // Still waiting for the resident: the auto-close sweep (7 days) has not come yet.
        if (w.status === 'RESOLVED') expect(ms(w.updated_at)).toBeGreaterThan(NOW.getTime() - 7 * DAY);
      }
      // The sequence follows time across all wishes.
      for (let i = 1; i < events.length; i++) {
        expect(ms((events[i] as EventRow).at)).toBeGreaterThanOrEqual(ms((events[i - 1] as EventRow).at));
      }
    });

    it('keep assignments consistent with the state', async () => {
      const rows = await query<{ id: number; status: WishStatus; active: number; released: number }>(
        a.orm,
        `select w.id, w.status,
                count(a.id) filter (where a.active and a.kind = 'ASSIGNEE')::int as active,
                count(a.id) filter (where not a.active and a.released_at is not null)::int as released
           from wish w left join assignment a on a.wish_id = w.id group by w.id`,
      );
      for (const r of rows) {
        if (r.status === 'DISPATCHED' || r.status === 'ACCEPTED' || r.status === 'RESOLVED') {
          expect(r.active, `wish ${r.id} ${r.status}`).toBeGreaterThan(0);
        }
        if (r.status === 'SUBMITTED' || r.status === 'OPEN_FOR_CLAIM') expect(r.active, `wish ${r.id}`).toBe(0);
      }
      const [inconsistent] = await query<{ n: number }>(
        a.orm,
        'select count(*)::int as n from assignment where active = (released_at is not null)',
      );
      expect(inconsistent?.n).toBe(0);
    });

    it('tell the parking story of Wenxiangyuan', async () => {
      const [wish] = await query<{
        id: number;
        status: string;
        rating: number;
        channel: string;
        listed_by: string;
        compound: string;
      }>(
        a.orm,
        `select w.id, w.status, w.rating, w.channel, l.username as listed_by, c.name as compound
           from wish w join person l on l.id = w.listed_by_id join org_unit c on c.id = w.compound_id
          where w.title like '%文香苑停车%'`,
      );
      expect(wish).toMatchObject({
        status: 'CLOSED',
        rating: 5,
        channel: 'GRID_VISIT',
        listed_by: 'grid.hongshun',
        compound: 'Wenxiangyuan',
      });
      const dispatch = await query<{ actor: string; assignee: string; kind: string }>(
        a.orm,
        `select d.username as actor, p.username as assignee, a.kind
           from wish_event e join person d on d.id = e.actor_id
           join assignment a on a.wish_id = e.wish_id and a.assigned_at = e.at join person p on p.id = a.person_id
          where e.wish_id = ? and e.action = 'DISPATCH'`,
        [wish?.id],
      );
      expect(dispatch.every((d) => d.actor === 'hongshun.secretary')).toBe(true);
      expect(dispatch.map((d) => d.assignee)).toEqual(
        expect.arrayContaining(['member.wenxiangyuan.1', 'member.wenxiangyuan.2', 'grid.hongshun']),
      );
      const meetings = await query<{ participants: string; decisions: string }>(
        a.orm,
        'select participants, decisions from meeting where wish_id = ? order by held_at',
        [wish?.id],
      );
      expect(meetings.length).toBeGreaterThanOrEqual(1);
      expect(meetings[0]?.participants).toMatch(/物业/);
      expect(meetings[0]?.participants).toMatch(/党员/);
      expect(meetings[0]?.participants).toMatch(/居民代表/);
      const [resolved] = await query<{ note: string }>(
        a.orm,
        `select note from wish_event where wish_id = ? and action = 'RESOLVE'`,
        [wish?.id],
      );
      expect(resolved?.note).toMatch(/12个/);
      expect(resolved?.note).toMatch(/充电桩10个/);
    });

    it('tell the dripping-trees story of the Shanxi Printing and Dyeing Factory compound', async () => {
      const [wish] = await query<{ id: number; status: string; compound: string; category: string }>(
        a.orm,
        `select w.id, w.status, c.name as compound, k.code as category
           from wish w join org_unit c on c.id = w.compound_id join wish_category k on k.id = w.category_id
          where w.title like '%树枝往居民家里滴水%'`,
      );
      expect(wish).toMatchObject({
        status: 'CLOSED',
        compound: 'Shanxi Printing and Dyeing Factory Compound',
        category: 'greenery',
      });
      const assignees = await query<{ role: string; unit: string }>(
        a.orm,
        `select r.role, u.name as unit from assignment a join person_role r on r.person_id = a.person_id
           join org_unit u on u.id = r.org_unit_id where a.wish_id = ?`,
        [wish?.id],
      );
      expect(assignees).toContainEqual({ role: 'VOLUNTEER', unit: 'Jiexiu Landscaping Center' });
      expect(assignees).toContainEqual({ role: 'GRID_WORKER', unit: 'Financial Road General Grid' });
    });

    it('give the demo accounts work waiting for them', async () => {
      const listed = await query<{ username: string; status: WishStatus; compound: string; community: string }>(
        a.orm,
        `select p.username, w.status, c.name as compound, m.name as community
           from wish w join org_unit c on c.id = w.compound_id join org_unit m on m.id = c.parent_id
           left join person p on p.id = w.resident_id`,
      );
      const of = (username: string) => listed.filter((w) => w.username === username).map((w) => w.status);
      const wenxiangyuanResidents = [1, 2, 3].flatMap((i) => of(`resident.wenxiangyuan.${i}`));
      expect(wenxiangyuanResidents).toContain('RESOLVED');
      expect(wenxiangyuanResidents).toContain('SUBMITTED');
      for (const i of [1, 2, 3]) expect(of(`resident.wenxiangyuan.${i}`).length).toBeGreaterThanOrEqual(2);
      expect(of('resident.financial.1').length).toBeGreaterThanOrEqual(2);
      expect(
        listed.filter((w) => w.compound === 'Wenxiangyuan' && w.status === 'OPEN_FOR_CLAIM').length,
      ).toBeGreaterThanOrEqual(2);
      expect(
        listed.filter((w) => w.community === 'Hongshun Road Community' && w.status === 'SUBMITTED').length,
      ).toBeGreaterThanOrEqual(3);

      const assigned = await query<{ username: string; status: WishStatus; active: boolean }>(
        a.orm,
        `select p.username, w.status, a.active from assignment a join person p on p.id = a.person_id
           join wish w on w.id = a.wish_id where p.username is not null`,
      );
      for (const i of [1, 2, 3, 4, 5]) {
        expect(
          assigned.some((x) => x.username === `member.wenxiangyuan.${i}`),
          `member ${i}`,
        ).toBe(true);
      }
      expect(assigned).toContainEqual({ username: 'member.wenxiangyuan.1', status: 'DISPATCHED', active: true });
      expect(
        assigned.some((x) => x.username.startsWith('member.wenxiangyuan.') && x.status === 'ACCEPTED' && x.active),
      ).toBe(true);
      expect(assigned.some((x) => x.username === 'member.financial.1')).toBe(true);
    });

    it('include escalations to the community and to the street, reopened wishes and coordination meetings', async () => {
      const [row] = await query<{ community: number; street: number; reopened_closed: number; meetings: number }>(
        a.orm,
        `select count(*) filter (where h.kind = 'COMMUNITY')::int as community,
                count(*) filter (where h.kind = 'STREET')::int as street,
                count(*) filter (where w.reopen_count > 0 and w.status = 'CLOSED')::int as reopened_closed,
                (select count(*)::int from meeting) as meetings
           from wish w join org_unit h on h.id = w.handling_unit_id`,
      );
      expect(row?.community).toBeGreaterThan(0);
      expect(row?.street).toBeGreaterThan(0);
      expect(row?.reopened_closed).toBeGreaterThan(0);
      expect(row?.meetings).toBeGreaterThanOrEqual(3);
    });
  });

  describe('brands, monthly themes and activities', () => {
    const YEAR = new Date(NOW.getTime() + 8 * 3600 * 1000).getUTCFullYear();

    it('are the same rows for the same seed and now', async () => {
      for (const table of ['service_brand', 'monthly_theme', 'activity', 'activity_sign_up', 'activity_check_in']) {
        expect(await digest(b.orm, table, 'id'), table).toBe(await digest(a.orm, table, 'id'));
      }
    });

    it('hold the three service brands and twelve monthly themes of the year, each with a brand', async () => {
      const brands = await query<{ code: string; name_zh: string; name_en: string }>(
        a.orm,
        'select code, name_zh, name_en from service_brand order by id',
      );
      expect(brands.map((x) => [x.name_zh, x.name_en])).toEqual([
        ['邻里节', 'Happy Neighbourhood Festival'],
        ['应急演练', 'Community Emergency Drill'],
        ['红色星期六', 'Red Saturday'],
      ]);
      const themes = await query<{ year: number; month: number; title: string; brand_id: number | null }>(
        a.orm,
        'select year, month, title, brand_id from monthly_theme order by year, month',
      );
      expect(themes.map((t) => [t.year, t.month])).toEqual(Array.from({ length: 12 }, (_, i) => [YEAR, i + 1]));
      expect(themes.every((t) => t.brand_id !== null && /[\u4e00-\u9fff]/.test(t.title))).toBe(true);
    });

    it('hold a few hundred activities across the year, each under the theme of its month, run by communities, compounds and the incubation base', async () => {
      const rows = await query<{ kind: string; name: string; n: number; mismatched: number; outside: number }>(
        a.orm,
        `select o.kind, o.name, count(*)::int as n,
                count(*) filter (where t.year <> extract(year from a.starts_at at time zone 'Asia/Shanghai')
                                    or t.month <> extract(month from a.starts_at at time zone 'Asia/Shanghai'))::int as mismatched,
                count(*) filter (where t.id is null)::int as outside
           from activity a join org_unit o on o.id = a.organizer_id left join monthly_theme t on t.id = a.theme_id
          group by o.kind, o.name`,
      );
      const total = rows.reduce((n, r) => n + r.n, 0);
      expect(total).toBeGreaterThanOrEqual(200);
      expect(rows.reduce((n, r) => n + r.mismatched + r.outside, 0)).toBe(0);
      expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['COMMUNITY', 'COMPOUND', 'PARTNER']));
      expect(rows.find((r) => r.kind === 'PARTNER')?.name).toMatch(/Incubation Base/);
      expect(rows.find((r) => r.name === 'Wenxiangyuan')?.n).toBeGreaterThanOrEqual(12);
      const [times] = await query<{ past: number; future: number; bad: number; finished_future: number }>(
        a.orm,
        `select count(*) filter (where starts_at <= ?)::int as past, count(*) filter (where starts_at > ?)::int as future,
                count(*) filter (where ends_at <= starts_at or capacity < 1)::int as bad,
                count(*) filter (where status = 'FINISHED' and ends_at > ?)::int as finished_future
           from activity`,
        [NOW, NOW, NOW],
      );
      expect(times).toMatchObject({ bad: 0, finished_future: 0 });
      expect(times?.past).toBeGreaterThan(0);
      expect(times?.future).toBeGreaterThan(0);
    });

    it('respect capacities, take at most one check-in per person and activity, and only check in at started activities', async () => {
      const [row] = await query<{
        over_signed: number;
        over_checked: number;
        double: number;
        early: number;
        cancelled_with_check_ins: number;
        future_sign_ups: number;
        no_shows: number;
        walk_ins: number;
        attendances: number;
        people: number;
      }>(
        a.orm,
        `select
           (select count(*) from activity x where (select count(*) from activity_sign_up s
               where s.activity_id = x.id and s.status = 'SIGNED_UP') > x.capacity)::int as over_signed,
           (select count(*) from activity x where (select count(*) from activity_check_in c where c.activity_id = x.id) > x.capacity)::int as over_checked,
           (select count(*) from (select 1 from activity_check_in group by activity_id, person_id having count(*) > 1) d)::int as double,
           (select count(*) from activity_check_in c join activity x on x.id = c.activity_id
             where x.starts_at > ? or c.at > ? or c.at < x.starts_at - interval '2 hours')::int as early,
           (select count(*) from activity_check_in c join activity x on x.id = c.activity_id where x.status = 'CANCELLED')::int
             as cancelled_with_check_ins,
           (select count(*) from activity_sign_up s join activity x on x.id = s.activity_id
             where s.signed_up_at > ? or s.signed_up_at > x.starts_at or s.cancelled_at > x.starts_at)::int as future_sign_ups,
           (select count(*) from activity_sign_up s join activity x on x.id = s.activity_id
             where s.status = 'SIGNED_UP' and x.status = 'FINISHED'
               and not exists (select 1 from activity_check_in c where c.activity_id = s.activity_id and c.person_id = s.person_id))::int as no_shows,
           (select count(*) from activity_check_in c where not exists (select 1 from activity_sign_up s
               where s.activity_id = c.activity_id and s.person_id = c.person_id and s.status = 'SIGNED_UP'))::int as walk_ins,
           (select count(*) from activity_check_in)::int as attendances,
           (select count(distinct person_id) from activity_check_in)::int as people`,
        [NOW, NOW, NOW],
      );
      expect(row).toMatchObject({
        over_signed: 0,
        over_checked: 0,
        double: 0,
        early: 0,
        cancelled_with_check_ins: 0,
        future_sign_ups: 0,
      });
      expect(row?.no_shows).toBeGreaterThan(0);
      expect(row?.walk_ins).toBeGreaterThan(0);
      // Attendances count every participation; distinct people are far fewer.
      expect(row?.attendances).toBeGreaterThan(2 * (row?.people ?? 0));
      // Every check-in was recorded by a secretary of the organiser unit or above it, or by street staff.
      const [recorders] = await query<{ n: number }>(
        a.orm,
        `select count(*)::int as n from activity_check_in c join activity x on x.id = c.activity_id
           join org_unit o on o.id = x.organizer_id
          where not exists (select 1 from person_role r join org_unit u on u.id = r.org_unit_id
                             where r.person_id = c.recorded_by_id
                               and (r.role = 'STREET_ADMIN' or (r.role = 'BRANCH_SECRETARY' and o.path like u.path || '%')))`,
      );
      expect(recorders?.n).toBe(0);
    });
  });

  describe('property committees', () => {
    it('are the same rows for the same seed and now', async () => {
      for (const table of ['property_committee', 'property_committee_member']) {
        expect(await digest(b.orm, table, 'id'), table).toBe(await digest(a.orm, table, 'id'));
      }
    });

    it('give 22 of the 26 compounds without property management one ACTIVE committee each, and no other unit any', async () => {
      const rows = await query<{ kind: string; pm: boolean | null; active: number; name: string }>(
        a.orm,
        `select u.kind, u.has_property_management as pm, u.name,
                count(c.id) filter (where c.status = 'ACTIVE')::int as active
           from property_committee c join org_unit u on u.id = c.compound_id group by u.id`,
      );
      expect(rows).toHaveLength(22);
      for (const r of rows) expect(r, r.name).toMatchObject({ kind: 'COMPOUND', pm: false, active: 1 });
      expect(rows.map((r) => r.name)).not.toContain('Cotton Mill Dormitory');
    });

    it('seat 3–7 people of the compound on each, with exactly one chair, founded this year before now, in mixed modes', async () => {
      const committees = await query<{
        id: number;
        founded_on: string;
        created_at: string;
        service_mode: string;
        company_name: string | null;
        party_organization: string | null;
        members: number;
        chairs: number;
        outsiders: number;
        late: number;
      }>(
        a.orm,
        `select c.id, to_char(c.founded_on, 'YYYY-MM-DD') as founded_on, c.created_at, c.service_mode, c.company_name,
                c.party_organization, count(m.id)::int as members,
                count(m.id) filter (where m.role = 'CHAIR')::int as chairs,
                count(m.id) filter (where not exists (
                  select 1 from person_role r where r.person_id = m.person_id and r.org_unit_id = c.compound_id
                     and r.role in ('RESIDENT', 'PARTY_MEMBER')))::int as outsiders,
                count(m.id) filter (where m.joined_on < c.founded_on)::int as late
           from property_committee c left join property_committee_member m on m.committee_id = c.id group by c.id`,
      );
      const year = String(new Date(NOW.getTime() + 8 * 3600 * 1000).getUTCFullYear());
      for (const c of committees) {
        expect(c.members, `committee ${c.id}`).toBeGreaterThanOrEqual(3);
        expect(c.members, `committee ${c.id}`).toBeLessThanOrEqual(7);
        expect(c).toMatchObject({ chairs: 1, outsiders: 0, late: 0 });
        expect(c.founded_on.slice(0, 4)).toBe(year);
        expect(ms(c.created_at)).toBeLessThan(NOW.getTime());
        expect(c.party_organization).toMatch(/党/);
        expect(c.company_name !== null).toBe(c.service_mode === 'PROFESSIONAL_COMPANY');
      }
      expect(new Set(committees.map((c) => c.service_mode))).toEqual(
        new Set(['SELF_MANAGED', 'PROFESSIONAL_COMPANY', 'COMMUNITY_SUPPORTED']),
      );
      const [events] = await query<{ n: number }>(
        a.orm,
        `select count(*)::int as n from change_event where entity_type = 'PropertyCommittee' and action = 'CREATE'`,
      );
      expect(events?.n).toBe(22);
    });
  });

  it('refuses to seed a database that already has data, and changes nothing', async () => {
    const before = await digest(a.orm, 'wish_event', 'sequence');
    await expect(seedDemoData(a.orm.em.fork(), { demoPassword: PASSWORD, now: NOW, seed: SEED })).rejects.toThrow(
      /already has data/,
    );
    expect(await digest(a.orm, 'wish_event', 'sequence')).toBe(before);
  });
});
